/**
 * Cells a job could not read: a staff member typed text into a number column, pasted a bad date…
 * Rows with such cells are carried through untouched (never lost), and every job names them in its
 * summary so staff can fix them. Jobs run one at a time, so one list per job is enough.
 */
import { t } from '../domain/messages';
import type { CellError } from '../domain/schema/rows';
import type { Locale } from '../domain/vocabulary';

let noted: CellError[] = [];

export function noteProblems(problems: readonly CellError[]): void {
  noted.push(...problems);
}

/** A cell that could not be read, named by sheet, row and column in the workbook's language. */
export function describeCell(locale: Locale, error: CellError): string {
  return t(locale, 'jobs.cell', { ...error });
}

/** The problems noted since the last call, one line each. */
export function takeProblems(locale: Locale): string[] {
  const unique = [...new Set(noted.map((error) => describeCell(locale, error)))];
  noted = [];
  return unique.map((cell) => t(locale, 'jobs.log.unreadCell', { cell }));
}
