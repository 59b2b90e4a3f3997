/**
 * The `DefenseScores` table has one column per rubric criterion, and the rubric lives in Config.
 * So this table is declared by a function of the rubric: still one declaration, whatever the rubric.
 */
import { SCORE_STATUSES } from '../vocabulary';
import { datetime, decimal, longText, oneOf, text, type AnyColumnOf } from './column';
import { defineTable, type Columns, type TableDef } from './table';

export interface RubricCriterion {
  /** Stable column key: `c1`, `c2`, … in rubric order. */
  readonly key: string;
  readonly zh: string;
  readonly en: string;
  readonly max: number;
  readonly weight: number;
}

/** The question title of a criterion, e.g. `创建成效（40分）` / `Results (40)` (DESIGN §6). */
export function criterionTitle(criterion: RubricCriterion, locale: 'zh-CN' | 'en'): string {
  return locale === 'en'
    ? `${criterion.en} (${criterion.max})`
    : `${criterion.zh}（${criterion.max}分）`;
}

export function defenseScoresTable(rubric: readonly RubricCriterion[]): TableDef {
  const marks: Columns = {};
  for (const criterion of rubric) {
    marks[criterion.key] = decimal({
      zh: criterionTitle(criterion, 'zh-CN'),
      en: criterionTitle(criterion, 'en'),
      required: true,
      min: 0,
      max: criterion.max,
    }) as AnyColumnOf;
  }
  return defineTable<Columns>({
    name: 'DefenseScores',
    zh: '答辩评分',
    en: 'DefenseScores',
    key: ['responseId'],
    staffOnly: false,
    columns: {
      responseId: text({ zh: '响应编号', en: 'Response ID', required: true }),
      submittedAt: datetime({ zh: '提交时间', en: 'Submitted at', required: true }),
      judge: text({ zh: '评委姓名', en: 'Judge name', required: true, maxLength: 50 }),
      branch: text({ zh: '支部编号', en: 'Branch ID', required: true }),
      ...marks,
      total: decimal({ zh: '总分', en: 'Total', min: 0 }),
      comment: longText({ zh: '评语', en: 'Comment' }),
      status: oneOf(SCORE_STATUSES, { zh: '状态', en: 'Status', required: true }),
      reason: text({ zh: '原因', en: 'Reason' }),
    },
  });
}

/** A judge's defense score sheet as stored: fixed fields plus one mark per criterion key. */
export interface DefenseScore {
  responseId: string;
  submittedAt: string;
  judge: string;
  branch: string;
  marks: Record<string, number>;
  total: number | null;
  comment: string | null;
  status: 'counted' | 'superseded' | 'conflict';
  reason: string | null;
}

/** Between the table's flat record and the structured `DefenseScore`. */
export function toDefenseScore(
  record: Record<string, unknown>,
  rubric: readonly RubricCriterion[],
): DefenseScore {
  const marks: Record<string, number> = {};
  for (const criterion of rubric) marks[criterion.key] = record[criterion.key] as number;
  return {
    responseId: record.responseId as string,
    submittedAt: record.submittedAt as string,
    judge: record.judge as string,
    branch: record.branch as string,
    marks,
    total: (record.total as number | null) ?? null,
    comment: (record.comment as string | null) ?? null,
    status: record.status as DefenseScore['status'],
    reason: (record.reason as string | null) ?? null,
  };
}

export function fromDefenseScore(score: DefenseScore): Record<string, unknown> {
  const { marks, ...rest } = score;
  return { ...rest, ...marks };
}
