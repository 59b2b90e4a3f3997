/**
 * Screening of submitted score sheets before aggregation (DESIGN §2): a judge may not score the
 * branch they belong to (conflict of interest), and a judge's later submission for the same branch
 * supersedes the earlier one. Nothing is deleted: every sheet gets a status and, unless counted, a
 * reason that staff can read.
 */
import type { ScoreSheet } from './aggregate';
import { t } from './messages';
import type { Locale, ScoreStatus } from './vocabulary';

export interface SubmittedSheet extends ScoreSheet {
  /** The form response id. */
  responseId: string;
  /** Local time `YYYY-MM-DD HH:mm:ss`; fixed width, so string order is time order. */
  submittedAt: string;
}

export interface JudgeInfo {
  judge: string;
  /** The branch id the judge belongs to, if any. */
  ownBranch?: string;
}

export interface SheetScreening {
  responseId: string;
  status: ScoreStatus;
  /** In the workbook's language, present unless the sheet is counted. */
  reason?: string;
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

/** One screening per sheet, in input order; reasons in `locale` (the programme's default if none). */
export function screenSheets(
  sheets: readonly SubmittedSheet[],
  judges: readonly JudgeInfo[],
  locale: Locale = 'zh-CN',
): SheetScreening[] {
  sheets.forEach(checkTimestamp);
  const ownBranches = ownBranchesByJudge(judges);
  const isConflict = (s: SubmittedSheet) =>
    ownBranches.get(s.judge.trim())?.has(s.subject.trim()) ?? false;
  // Conflicted sheets never count, so they cannot supersede anything either.
  const latest = latestPerJudgeAndSubject(sheets.filter((s) => !isConflict(s)));

  return sheets.map((sheet) => {
    const { responseId } = sheet;
    if (isConflict(sheet)) {
      const branch = sheet.subject.trim();
      return {
        responseId,
        status: 'conflict',
        reason: t(locale, 'jobs.note.conflict', { branch }),
      };
    }
    const winner = latest.get(judgeAndSubject(sheet));
    if (winner === undefined || winner === sheet) return { responseId, status: 'counted' };
    return {
      responseId,
      status: 'superseded',
      reason: t(locale, 'jobs.note.superseded', { response: winner.responseId }),
    };
  });
}

/**
 * The sheets that count, in input order: what `aggregate` should be given. Judge and subject come
 * back trimmed, so that `aggregate` sees the same identities screening matched on.
 */
export function countedSheets(
  sheets: readonly SubmittedSheet[],
  judges: readonly JudgeInfo[],
): SubmittedSheet[] {
  const screenings = screenSheets(sheets, judges);
  return sheets
    .filter((_, i) => screenings[i]?.status === 'counted')
    .map((s) => ({ ...s, judge: s.judge.trim(), subject: s.subject.trim() }));
}

function ownBranchesByJudge(judges: readonly JudgeInfo[]): Map<string, Set<string>> {
  // A judge listed twice (say, with two branches) has a conflict with each of them.
  const byJudge = new Map<string, Set<string>>();
  for (const { judge, ownBranch } of judges) {
    const branch = ownBranch?.trim();
    if (!branch) continue;
    const key = judge.trim();
    byJudge.set(key, (byJudge.get(key) ?? new Set<string>()).add(branch));
  }
  return byJudge;
}

/** The latest sheet of each judge for each subject; equal times are broken by response id. */
function latestPerJudgeAndSubject(sheets: readonly SubmittedSheet[]): Map<string, SubmittedSheet> {
  const latest = new Map<string, SubmittedSheet>();
  for (const sheet of sheets) {
    const key = judgeAndSubject(sheet);
    const current = latest.get(key);
    if (current === undefined || isLater(sheet, current)) latest.set(key, sheet);
  }
  return latest;
}

function isLater(a: SubmittedSheet, b: SubmittedSheet): boolean {
  if (a.submittedAt !== b.submittedAt) return a.submittedAt > b.submittedAt;
  return a.responseId > b.responseId;
}

function judgeAndSubject(sheet: SubmittedSheet): string {
  return JSON.stringify([sheet.judge.trim(), sheet.subject.trim()]);
}

function checkTimestamp(sheet: SubmittedSheet): void {
  if (!TIMESTAMP.test(sheet.submittedAt)) {
    throw new RangeError(
      `response ${sheet.responseId}: submittedAt "${sheet.submittedAt}" is not YYYY-MM-DD HH:mm:ss`,
    );
  }
}
