/**
 * The `Rejected` sheet (待处理): one row per response that failed validation, laid out for the
 * staff who fix it. The answers sit in named columns, one per question title in the workbook's
 * language (the forms' branch questions share one 支部 column), so a row fills the columns of its
 * form's questions. The columns staff work in: the answers, 处理方式 (fix it, or dismiss it with a
 * reason) and, for a row whose time could not be read, 提交时间. The failing answer's cell is
 * pointed out with a note and a highlight (`marks`), named in 待改字段.
 *
 * 原始内容, at the far right, is the response as it arrived (JSON, question title → answer): the
 * record of what was submitted, the answers to questions outside the schema, and the answers of
 * rows filed before the named columns existed (read when a row's named columns are all blank).
 *
 * The defense form has one question per rubric criterion, so this table is declared by a function
 * of the rubric, like `DefenseScores`.
 */
import {
  ACTIVITY_FORM,
  APPLICATION_FORM,
  defenseForm,
  FORM_TERMS,
  NOMINATION_FORM,
  VOTE_FORM,
  type Question,
} from '../forms';
import { REJECT_HANDLINGS, type Locale } from '../vocabulary';
import { bool, datetime, longText, oneOf, text, type AnyColumnOf } from './column';
import type { RubricCriterion } from './defenseScores';
import { normaliseHeader } from './rows';
import { defineTable, type Columns, type FieldMark, type RecordOf, type TableDef } from './table';

const ANSWER = 'answer:';

/** The column a question's answer sits in (every form's branch question shares one). */
export function answerKey(question: Question): string {
  return `${ANSWER}${question.key === 'branch' ? '支部' : question.zh}`;
}

function answerLabels(question: Question): { zh: string; en: string } {
  return question.key === 'branch'
    ? { zh: '支部', en: 'Branch' }
    : { zh: question.zh, en: question.en };
}

/** The answer columns, in the order staff read them: activity reports first, the most common. */
function answerColumns(rubric: readonly RubricCriterion[]): Columns {
  const columns: Columns = {};
  const forms = [ACTIVITY_FORM, VOTE_FORM, defenseForm(rubric), NOMINATION_FORM, APPLICATION_FORM];
  for (const question of forms.flatMap((f) => f.questions)) {
    const key = answerKey(question);
    if (key in columns) continue;
    const labels = { ...answerLabels(question), staffEditable: true };
    columns[key] = (question.type === 'paragraph' ? longText(labels) : text(labels)) as AnyColumnOf;
  }
  return columns;
}

const head = {
  responseId: text({ zh: '响应编号', en: 'Response ID', required: true }),
  form: oneOf(FORM_TERMS, { zh: '表单', en: 'Form', required: true }),
  /** Text as it arrived: a time that could not be read is corrected here. */
  submittedAt: text({ zh: '提交时间', en: 'Submitted at', staffEditable: true }),
  reason: longText({ zh: '原因', en: 'Reason', required: true }),
  /** The columns the reason is about, by their headers (joined as a list). */
  field: text({ zh: '待改字段', en: 'Field to fix' }),
  handling: oneOf(REJECT_HANDLINGS, { zh: '处理方式', en: 'Handling', staffEditable: true }),
};

const tail = {
  /** The email Google collected (not a question: the nomination form's 邮箱 is one). */
  respondentEmail: text({ zh: '电子邮件地址', en: 'Email address', staffEditable: true }),
  /** Closed: moved into its table, or dismissed (处理方式 says which). */
  resolved: bool({ zh: '已处理', en: 'Resolved' }),
  handledAt: datetime({ zh: '处理时间', en: 'Handled at' }),
  payload: longText({ zh: '原始内容', en: 'Raw payload' }),
};

/** The columns every rubric has; the answer columns are read by key (see `answerOf`). */
type RejectedColumns = typeof head & typeof tail;

export type RejectedRow = RecordOf<TableDef<RejectedColumns>>;

/** Whether staff dismissed the row (处理方式 忽略…). */
export function isDismissed(row: Pick<RejectedRow, 'handling'>): boolean {
  return row.handling !== null && row.handling !== 'fix';
}

/** Waiting for staff: neither moved into its table nor dismissed. */
export function isPending(row: Pick<RejectedRow, 'handling' | 'resolved'>): boolean {
  return row.resolved !== true && !isDismissed(row);
}

/** A row's answer in the column `key` (see `answerKey`), as text; '' when blank. */
export function answerOf(row: RejectedRow, key: string): string {
  const value = (row as Readonly<Record<string, unknown>>)[key];
  return value === null || value === undefined ? '' : String(value);
}

/** The 待改字段 value naming these columns, by their headers in the locale. */
export function fieldText(def: TableDef, keys: readonly string[], locale: Locale): string | null {
  const labels = keys
    .map((key) => def.columns[key])
    .filter((c): c is AnyColumnOf => c !== undefined)
    .map((c) => (locale === 'en' ? c.en : c.zh));
  return labels.length === 0 ? null : [...new Set(labels)].join(locale === 'en' ? ', ' : '、');
}

export function rejectedTable(rubric: readonly RubricCriterion[]): TableDef<RejectedColumns> {
  const columns = { ...head, ...answerColumns(rubric), ...tail };
  const byLabel = new Map<string, string>();
  for (const [key, column] of Object.entries(columns)) {
    for (const name of [key, column.zh, column.en]) byLabel.set(normaliseHeader(name), key);
  }
  /**
   * The failing answers' cells of an open row, each with the reason as its note. Only what the
   * system writes decides it (not 处理方式, which staff type): so the marks a sheet holds can be
   * told from its rows, and a row staff dismiss loses its marks when reprocessing closes it.
   */
  const marks = (record: Readonly<Record<string, unknown>>): FieldMark[] => {
    const row = record as RejectedRow;
    if (row.resolved === true || !row.field) return [];
    const keys = row.field
      .split(/[、,，;；]/)
      .map((label) => byLabel.get(normaliseHeader(label)))
      .filter((key): key is string => key !== undefined);
    return [...new Set(keys)].map((column) => ({ column, note: row.reason }));
  };
  return defineTable({
    name: 'Rejected',
    zh: '待处理',
    en: 'Rejected',
    key: ['responseId'],
    staffOnly: false,
    columns: columns as unknown as RejectedColumns,
    marks,
  });
}

/**
 * The columns every rubric shares, for reading and editing rows where the rubric does not
 * matter (a defense row's criterion columns are then carried through as they are).
 */
export const RejectedTable = rejectedTable([]);
