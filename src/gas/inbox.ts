/**
 * The inbox: the response sheets Google Forms appends every response to (`Form Responses 1`,
 * `表单回复 1`…), atomically and without our lock. A row of such a sheet becomes the domain's
 * `FormResponse`; which form it belongs to is told by the sheet's header (the question titles are
 * the contract), and its id is computed from its content, so the trigger, the daily run and a CSV
 * export of the same response all name it the same way.
 *
 * Rows are read with `UNFORMATTED_VALUE` and `SERIAL_NUMBER` dates: the timestamp (and a date
 * answer Google stored as a date) arrives as a spreadsheet serial, which is already the wall time
 * of the spreadsheet's zone, so no zone arithmetic is involved.
 */
import type { Config } from '../domain/config';
import {
  EMAIL_TITLES,
  formDef,
  questionTitle,
  TIMESTAMP_TITLES,
  type FormName,
  type FormResponse,
} from '../domain/forms';
import type { UnreadableResponse } from '../app/ingest';
import { rowProblemField, rowProblemReason, type RowProblem } from '../domain/rejectionReasons';
import { hash64, RESPONSE_ID_PREFIX, responseIdOf } from '../domain/responseId';
import type { Locale } from '../domain/vocabulary';
import { parseLocalTimestamp } from '../domain/timestamps';
import { formOfTitles } from './forms';

/** Where one inbox sheet was folded up to, and the ids of its last minute (for `-2` suffixes). */
export interface InboxMark {
  /** Rows below the header already folded. */
  readonly rows: number;
  /**
   * The form the sheet feeds; `?` for a response sheet whose questions match none of ours (its
   * rows go to 待处理); null for a tab that is no response sheet (read once, then left alone).
   */
  readonly form: FormName | '?' | null;
  /** The last folded minute (`YYYY-MM-DD HH:mm`) and the ids given in it: a second identical
   * response within it gets `-2`. */
  readonly minute: string;
  readonly recent: readonly string[];
}

const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A spreadsheet serial (days since 1899-12-30, wall time) as `YYYY-MM-DD HH:mm:ss`. */
export function serialToLocal(serial: number): string {
  const d = new Date(SERIAL_EPOCH_MS + Math.round(serial * 86_400_000));
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  );
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value);
}

/** Whether a tab's header is a response sheet's: a timestamp column first. */
export function isResponseSheet(header: readonly unknown[]): boolean {
  return TIMESTAMP_TITLES.includes(cellText(header[0]).trim());
}

/** Rows of a response sheet that matches none of the forms: kept whole for staff. */
export function unmatchedRows(
  header: readonly unknown[],
  rows: readonly (readonly unknown[])[],
  locale: Locale,
): UnreadableRow[] {
  const titles = header.map((h) => cellText(h).trim());
  const problem = { kind: 'noForm' } as const;
  return rows
    .filter((row) => row.some((v) => cellText(v).trim() !== ''))
    .map((row) => {
      const raw = Object.fromEntries(titles.map((t, i) => [t, cellText(row[i])]));
      return {
        form: '?',
        // The id of the row's cells as JSON, as it has always been: a row is filed once.
        responseId: `${RESPONSE_ID_PREFIX}${hash64(JSON.stringify(raw, null, 1))}`,
        submittedAt: typeof row[0] === 'number' ? serialToLocal(row[0]) : cellText(row[0]),
        reason: rowProblemReason(locale, problem),
        field: rowProblemField(problem),
        raw,
      };
    });
}

/** The form a response sheet feeds, from its header; null when it is no inbox of ours. */
export function inboxForm(header: readonly unknown[], config: Config): FormName | null {
  const titles = header.map(cellText);
  if (!TIMESTAMP_TITLES.includes(titles[0]?.trim() ?? '')) return null;
  return formOfTitles(titles.slice(1), config);
}

/** A row the inbox holds but that cannot be read (its timestamp is not one): kept for staff. */
export type UnreadableRow = UnreadableResponse;

/** Every column titled `title`, left to right. */
function columnsTitled(titles: readonly string[], title: string): number[] {
  return titles.flatMap((t, i) => (t === title ? [i] : []));
}

/**
 * A question's answer in a row. A form rebuilt after a rubric change asks its questions anew:
 * Google keeps the deleted questions' columns and appends a column for each new question, so a
 * title (评委姓名) can head two columns, the old one empty in new rows and the new one in old
 * rows. The answer is the rightmost that is not empty.
 */
function answerIn(row: readonly unknown[], columns: readonly number[]): unknown {
  for (let i = columns.length - 1; i >= 0; i--) {
    const value = row[columns[i]!];
    if (value !== undefined && value !== '') return value;
  }
  return undefined;
}

/**
 * The inbox rows as responses, in sheet order. `last` is the minute the previous fold ended on
 * and the ids it gave in it; returned updated for the mark.
 */
export function readInboxRows(
  form: FormName,
  header: readonly unknown[],
  rows: readonly (readonly unknown[])[],
  config: Config,
  last: Pick<InboxMark, 'minute' | 'recent'>,
): {
  responses: FormResponse[];
  unreadable: UnreadableRow[];
  minute: string;
  recent: string[];
} {
  const { recent } = last;
  const def = formDef(form, config.defenseRubric);
  const titles = header.map((h) => cellText(h).trim());
  const emailColumn = titles.findIndex((t) => EMAIL_TITLES.includes(t));
  const columnsOf = new Map<string, number[]>();
  for (const question of def.questions) {
    const zh = columnsTitled(titles, questionTitle(question, 'zh-CN'));
    const columns = zh.length > 0 ? zh : columnsTitled(titles, questionTitle(question, 'en'));
    if (columns.length > 0) columnsOf.set(question.key, columns);
  }
  const seen = new Map<string, number>(recent.map((id) => [id.replace(/-\d+$/, ''), 0]));
  for (const id of recent) {
    const base = id.replace(/-\d+$/, '');
    seen.set(base, Math.max(seen.get(base)!, Number(/-(\d+)$/.exec(id)?.[1] ?? '1')));
  }
  let minute = last.minute;
  let lastMinute: string[] = [...recent];
  const responses: FormResponse[] = [];
  const unreadable: UnreadableRow[] = [];
  for (const row of rows) {
    if (row.every((v) => cellText(v).trim() === '')) continue;
    const stamp = row[0];
    const submittedAt =
      typeof stamp === 'number'
        ? { ok: true as const, value: serialToLocal(stamp) }
        : parseLocalTimestamp(cellText(stamp), { dayOrder: config.dateOrder });
    const email = emailColumn >= 0 ? cellText(row[emailColumn]).trim() || null : null;
    const answers: Record<string, string> = {};
    for (const question of def.questions) {
      const value = answerIn(row, columnsOf.get(question.key) ?? []);
      if (value === undefined || value === '') continue;
      answers[question.key] =
        question.type === 'date' && typeof value === 'number'
          ? serialToLocal(value).slice(0, 10)
          : cellText(value);
    }
    if (!submittedAt.ok) {
      const title = titles[0] ?? TIMESTAMP_TITLES[0]!;
      const text = cellText(stamp);
      const problem: RowProblem =
        text.trim() === ''
          ? { kind: 'timestampBlank', title }
          : { kind: 'timestampUnreadable', title, text };
      unreadable.push({
        form,
        responseId: `${responseIdOf(def, text, email, answers)}-raw`,
        submittedAt: text,
        reason: rowProblemReason(config.locale, problem),
        field: rowProblemField(problem),
        raw: Object.fromEntries(titles.map((t, i) => [t, cellText(row[i])])),
      });
      continue;
    }
    const base = responseIdOf(def, submittedAt.value, email, answers);
    // Genuine double submissions within one minute share the content id: number them in order.
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    const responseId = count === 1 ? base : `${base}-${count}`;
    const at = submittedAt.value.slice(0, 16);
    if (at !== minute) {
      minute = at;
      lastMinute = [];
    }
    lastMinute.push(responseId);
    responses.push({ form, responseId, submittedAt: submittedAt.value, email, answers });
  }
  return { responses, unreadable, minute, recent: lastMinute };
}
