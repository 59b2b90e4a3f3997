/**
 * Cells a job could not read: a staff member typed text into a number column, pasted a bad date…
 * Rows with such cells are carried through untouched (never lost), and every job names them in its
 * summary so staff can fix them. Jobs run one at a time, so one list per job is enough.
 */
import { describeCellError, type CellError } from '../domain/schema/rows';

let noted: CellError[] = [];

export function noteProblems(problems: readonly CellError[]): void {
  noted.push(...problems);
}

/** The problems noted since the last call, one line each. */
export function takeProblems(): string[] {
  const unique = [...new Set(noted.map(describeCellError))];
  noted = [];
  return unique.map((line) => `未能读取 / could not read: ${line}`);
}
