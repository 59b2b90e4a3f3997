/**
 * Google Forms CSV exports (DESIGN §6) in and out, for local mode.
 *
 * Reading:
 * - Text (decoded from UTF-8, UTF-16 or GB18030 by csvEncoding.ts), CRLF or LF, quoted multi-line
 *   cells (csv-parse); comma-separated, or TAB-separated as Excel's "Unicode text" writes it. A stray quote inside
 *   an unquoted cell is read as text rather than failing the whole file.
 * - Columns are found by title, in any order: the timestamp (`Timestamp`, `时间戳记`, `時間戳記`),
 *   the optional email column, and each question by its zh-CN or en title. Titles are compared
 *   after NFKC, trimming and collapsing spaces, and ignoring case. Other columns (a question staff
 *   added to the form) are listed in `unknownColumns`, and their answers kept in each response's
 *   `extra` by title, for ingest to save in same-named staff columns. A missing timestamp column or a missing column of a required
 *   question fails the whole file, naming the file and the columns in both languages: nothing in
 *   such a file can be read right. A missing optional question's column leaves its answer out.
 * - If a question's title appears twice (Google keeps the old column when a question is re-made),
 *   the first non-blank of its columns is the answer.
 * - Answers are kept exactly as exported (not trimmed), so a multi-select answer stays one string
 *   joined by `, ` or `;` and the schema decides what it means.
 * - Row numbers are the spreadsheet's: the header is row 1, the first data row is row 2, every CSV
 *   record (a blank line too) is one row, whatever line breaks a quoted cell holds.
 * - Blank rows are skipped. A row whose timestamp cannot be read (or is blank), or that has cells
 *   beyond the last titled column, does not become a response: it goes to `problems` with its raw
 *   cells by column title and a stable id, so the caller can put it in `Rejected` where staff fix it.
 *   It is never dropped and never given a made-up time.
 *
 * Response ids: `responseIdOf` (src/domain/responseId.ts) over the form, the submission time as
 * parsed to the minute (so an export made in the other UI language, or resaved by Excel without
 * seconds, gives the same ids), the email and the non-blank answers by question key, normalised
 * (line breaks, width, spaces; numbers and dates as their values). Column order, extra columns and
 * optional columns absent from an older export do not change an id, so re-reading a file, or
 * reading a later export that grew, gives the same ids for the same rows. Two rows with the same
 * time and content (a genuine double submission) get `r-…`, `r-…-2`, `r-…-3` in file order: both
 * reach ingest, where the duplicate rules judge them, instead of one silently replacing the other.
 * Problem rows get ids the same way, over the raw timestamp text.
 *
 * Rows ingested before these ids were stored under `csv-` + 16 hex digits of SHA-256 over the
 * exact parts (seconds included). Each response also carries that id in `previousIds`, so an
 * export ingested before is recognised when it is ingested again. (A resaved export cannot be
 * matched to such rows: their ids hashed the seconds the resave dropped.)
 */
import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import type { RowProblem } from '../domain/rejectionReasons';
import {
  EMAIL_TITLES,
  formDef,
  questionTitle,
  TIMESTAMP_TITLES,
  type FormDef,
  type FormName,
  type FormResponse,
  type Question,
} from '../domain/forms';
import { rawResponseIdOf, responseIdOf } from '../domain/responseId';
import type { RubricCriterion } from '../domain/schema/defenseScores';
import { parseLocalTimestamp, type DayOrder } from '../domain/timestamps';
import type { Locale } from '../domain/vocabulary';

export interface CsvProblem {
  /** The row as a spreadsheet shows the file: the header is row 1. */
  readonly row: number;
  /** Why the row is not a response (`rowProblemReason` says it in the workbook's language). */
  readonly problem: RowProblem;
  /** The row's cells by column title, as exported. */
  readonly raw: Record<string, string>;
  /** A stable id for the row, so re-reading the file does not file it twice. */
  readonly responseId: string;
  /** The ids older versions gave the row (see the file's comment). */
  readonly previousIds: readonly string[];
  /** The timestamp cell as exported ('' when blank). */
  readonly timestampText: string;
}

export interface CsvReadResult {
  responses: FormResponse[];
  problems: CsvProblem[];
  /** Titles of columns that are neither a question, the timestamp nor the email. */
  unknownColumns: string[];
}

export interface CsvReadOptions {
  readonly rubric: readonly RubricCriterion[];
  readonly dayOrder: DayOrder;
  readonly fileName: string;
}

const TIMESTAMP = { zh: '时间戳记', en: 'Timestamp' };

export function normaliseTitle(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

function isBlank(text: string | undefined): boolean {
  return text === undefined || text.trim() === '';
}

/** A value as it counted for a `csv-` id. */
function idText(value: string, question?: Question): string {
  let text = value.replace(/\r\n?/g, '\n').normalize('NFKC').trim();
  if (question?.type === 'choice') text = text.replace(/\s*[;,]\s*/g, ',');
  return text;
}

/** The id rows were given before `responseIdOf`: recognised so that they are not ingested twice. */
function legacyCsvId(parts: unknown): string {
  return `csv-${createHash('sha256').update(JSON.stringify(parts), 'utf8').digest('hex').slice(0, 16)}`;
}

/** Numbers ids seen more than once in a file `-2`, `-3`… in file order. */
function occurrenceCounter(): (base: string) => string {
  const occurrences = new Map<string, number>();
  return (base) => {
    const count = (occurrences.get(base) ?? 0) + 1;
    occurrences.set(base, count);
    return count === 1 ? base : `${base}-${count}`;
  };
}

interface Columns {
  readonly timestampAt: number;
  readonly emailAt: number | undefined;
  /** Question key → the columns that hold it, in file order. */
  readonly questions: ReadonlyMap<string, readonly number[]>;
  /** Titles of the other columns → the columns that hold them, in file order. */
  readonly unknown: ReadonlyMap<string, readonly number[]>;
}

function mapColumns(header: readonly string[], form: FormDef, fileName: string): Columns {
  const timestampTitles = new Set(TIMESTAMP_TITLES.map(normaliseTitle));
  const emailTitles = new Set(EMAIL_TITLES.map(normaliseTitle));
  const byTitle = new Map<string, Question>();
  for (const question of form.questions) {
    for (const title of [question.zh, question.en]) byTitle.set(normaliseTitle(title), question);
  }
  let timestampAt: number | undefined;
  let emailAt: number | undefined;
  const questions = new Map<string, number[]>();
  const unknown = new Map<string, number[]>();
  header.forEach((cell, index) => {
    const title = normaliseTitle(cell);
    if (title === '') return;
    const question = byTitle.get(title);
    if (question) {
      questions.set(question.key, [...(questions.get(question.key) ?? []), index]);
    } else if (timestampTitles.has(title)) {
      timestampAt ??= index;
    } else if (emailTitles.has(title)) {
      emailAt ??= index;
    } else {
      unknown.set(cell.trim(), [...(unknown.get(cell.trim()) ?? []), index]);
    }
  });
  const missing: string[] = [];
  if (timestampAt === undefined) missing.push(`"${TIMESTAMP.zh}" (${TIMESTAMP.en})`);
  for (const question of form.questions) {
    if (question.required && !questions.has(question.key)) {
      missing.push(`"${question.zh}" (${question.en})`);
    }
  }
  if (timestampAt === undefined || missing.length > 0) {
    throw new Error(
      `${fileName}: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; ` +
        `expected a Google Forms export of ${form.zh} (${form.en})`,
    );
  }
  return { timestampAt, emailAt, questions, unknown };
}

/**
 * `,`, or TAB for Excel's "Unicode text" (a TAB-separated file): told by the header row, whose
 * titles hold no TAB, while a comma-separated header has a comma between every two titles.
 */
function delimiterOf(text: string): string {
  const header = text.slice(0, (text.indexOf('\n') + 1 || text.length + 1) - 1);
  const tabs = header.split('\t').length - 1;
  return tabs > 0 && tabs >= header.split(',').length - 1 ? '\t' : ',';
}

/** Column titles as keys for a row's raw cells; a repeated title gets ` (2)`, ` (3)`… */
function rawKeys(header: readonly string[], width: number): string[] {
  const seen = new Map<string, number>();
  return Array.from({ length: width }, (_, i) => {
    const title = (header[i] ?? '').trim() || `column ${i + 1}`;
    const count = (seen.get(title) ?? 0) + 1;
    seen.set(title, count);
    return count === 1 ? title : `${title} (${count})`;
  });
}

/**
 * Reads a Google Forms CSV export of `form` into responses, and rows that cannot be responses into
 * `problems`. Throws when the file is not a CSV or lacks the timestamp or a required question.
 */
export function readFormsCsv(text: string, form: FormName, options: CsvReadOptions): CsvReadResult {
  const { fileName, dayOrder } = options;
  const def = formDef(form, options.rubric);
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      delimiter: delimiterOf(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (err) {
    throw new Error(`${fileName}: not a readable CSV file (${(err as Error).message})`, {
      cause: err,
    });
  }
  const header = records[0] ?? [];
  if (header.every((cell) => isBlank(cell))) {
    throw new Error(
      `${fileName}: the file is empty; expected a Google Forms export whose first row holds the question titles`,
    );
  }
  const columns = mapColumns(header, def, fileName);
  const questionByKey = new Map(def.questions.map((q) => [q.key, q]));
  const timestampTitle = header[columns.timestampAt]!.trim();
  const numbered = occurrenceCounter();
  const numberedLegacy = occurrenceCounter();
  const idOptions = { dayOrder };

  const responses: FormResponse[] = [];
  const problems: CsvProblem[] = [];
  records.slice(1).forEach((cells, i) => {
    const row = i + 2;
    if (cells.every((cell) => isBlank(cell))) return;
    const timestampText = cells[columns.timestampAt] ?? '';
    const emailCell = columns.emailAt === undefined ? undefined : cells[columns.emailAt];
    const email = isBlank(emailCell) ? null : emailCell!.trim();
    const firstAnswer = (at: readonly number[]): string => {
      const values = at.map((index) => cells[index] ?? '');
      return values.find((value) => !isBlank(value)) ?? values[0]!;
    };
    const answers: Record<string, string> = {};
    for (const [key, at] of columns.questions) answers[key] = firstAnswer(at);
    const extra: Record<string, string> = {};
    for (const [title, at] of columns.unknown) extra[title] = firstAnswer(at);
    const idAnswers = Object.keys(answers)
      .sort()
      .map((key) => [key, idText(answers[key]!, questionByKey.get(key))])
      .filter(([, value]) => value !== '');
    const idEmail = email === null ? '' : idText(email).toLowerCase();

    const beyond = cells.slice(header.length).filter((cell) => !isBlank(cell)).length;
    const parsed = parseLocalTimestamp(timestampText, { dayOrder });
    if (beyond > 0 || !parsed.ok) {
      const width = Math.max(header.length, cells.length);
      const keys = rawKeys(header, width);
      const raw: Record<string, string> = {};
      keys.forEach((key, index) => (raw[key] = cells[index] ?? ''));
      const problem: RowProblem =
        beyond > 0
          ? { kind: 'beyondColumns', count: beyond }
          : isBlank(timestampText)
            ? { kind: 'timestampBlank', title: timestampTitle }
            : { kind: 'timestampUnreadable', title: timestampTitle, text: timestampText };
      problems.push({
        row,
        problem,
        raw,
        responseId: numbered(rawResponseIdOf(def, timestampText, email, answers, idOptions)),
        previousIds: [
          numberedLegacy(legacyCsvId([form, 'raw', timestampText.trim(), idEmail, idAnswers])),
        ],
        timestampText,
      });
      return;
    }
    responses.push({
      form,
      responseId: numbered(responseIdOf(def, parsed.value, email, answers, idOptions)),
      previousIds: [numberedLegacy(legacyCsvId([form, parsed.value, idEmail, idAnswers]))],
      submittedAt: parsed.value,
      email,
      answers,
      ...(columns.unknown.size > 0 ? { extra } : {}),
    });
  });
  return { responses, problems, unknownColumns: [...columns.unknown.keys()] };
}

/** A field quoted per RFC 4180 when it holds a comma, a quote or a line break. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * A CSV as Google Forms exports `form`'s responses: UTF-8 BOM, header `时间戳记`/`Timestamp`,
 * `电子邮件地址`/`Email Address` when any row has an email, then the question titles in `locale`;
 * fields quoted only when needed; CRLF between records, none after the last.
 */
export function writeFormsCsv(
  form: FormDef,
  rows: readonly { timestamp: string; email?: string; answers: Record<string, string> }[],
  locale: Locale,
): string {
  const en = locale === 'en';
  const withEmail = rows.some((r) => r.email !== undefined);
  const header = [
    en ? TIMESTAMP.en : TIMESTAMP.zh,
    ...(withEmail ? [en ? 'Email Address' : '电子邮件地址'] : []),
    ...form.questions.map((q) => questionTitle(q, locale)),
  ];
  const records = rows.map((r) => [
    r.timestamp,
    ...(withEmail ? [r.email ?? ''] : []),
    ...form.questions.map((q) => r.answers[q.key] ?? ''),
  ]);
  return '\uFEFF' + [header, ...records].map((cells) => cells.map(csvField).join(',')).join('\r\n');
}
