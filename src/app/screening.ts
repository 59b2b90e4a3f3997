/**
 * Score sheets' statuses follow from all the sheets together: a later sheet supersedes an earlier
 * one, a judge's own branch is refused. Recomputed whole after each ingest, so order of arrival
 * and re-runs do not matter.
 */
import { dec, sum, toCellNumber } from '../domain/decimal';
import { screenSheets, type JudgeInfo } from '../domain/judgeRules';
import {
  toDefenseScore,
  fromDefenseScore,
  type RubricCriterion,
} from '../domain/schema/defenseScores';
import type { Judge, OnsiteVotesTable } from '../domain/schema/tables';
import type { TableDef } from '../domain/schema/table';
import type { Locale } from '../domain/vocabulary';
import type { Table } from './table';

export function judgeInfos(judges: readonly Judge[]): JudgeInfo[] {
  return judges.map((j) => ({ judge: j.name, ownBranch: j.ownBranch ?? undefined }));
}

/**
 * On-site votes: a voter scores a branch once per month, so "the same judge" means the same voter
 * in the same month; the month is folded into the judge's identity for screening.
 */
export function rescreenVotes(
  votes: Table<typeof OnsiteVotesTable>,
  judges: readonly Judge[],
  locale: Locale,
): void {
  const inMonth = (month: string, name: string) => `${month}\u001f${name}`;
  const records = votes.records();
  const months = [...new Set(records.map((v) => v.month))];
  const screening = screenSheets(
    records.map((v) => ({
      responseId: v.responseId,
      submittedAt: v.submittedAt,
      judge: inMonth(v.month, v.judge),
      subject: v.branch,
      marks: {},
    })),
    months.flatMap((m) => judgeInfos(judges).map((j) => ({ ...j, judge: inMonth(m, j.judge) }))),
    locale,
  );
  records.forEach((record, i) => {
    const s = screening[i]!;
    votes.upsert({ ...record, status: s.status, reason: s.reason ?? null });
  });
}

export function rescreenDefense(
  scores: Table<TableDef>,
  judges: readonly Judge[],
  rubric: readonly RubricCriterion[],
  locale: Locale,
): void {
  const records = scores.records().map((r) => toDefenseScore(r as Record<string, unknown>, rubric));
  const screening = screenSheets(
    records.map((s) => ({
      responseId: s.responseId,
      submittedAt: s.submittedAt,
      judge: s.judge,
      subject: s.branch,
      marks: s.marks,
    })),
    judgeInfos(judges),
    locale,
  );
  records.forEach((record, i) => {
    const s = screening[i]!;
    const total = sum(rubric.map((c) => dec(record.marks[c.key] ?? 0).times(c.weight)));
    scores.upsert(
      fromDefenseScore({
        ...record,
        total: toCellNumber(total),
        status: s.status,
        reason: s.reason ?? null,
      }) as never,
    );
  });
}
