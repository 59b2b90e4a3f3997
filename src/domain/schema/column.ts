/**
 * Column declarations. A column is declared once — key, type, Chinese and English label, whether it
 * is required, what values it allows — and that one declaration drives the header row, the sheet's
 * dropdowns and number formats, parsing a cell (with zod) and writing a value back to a cell.
 */
import * as z from 'zod/mini';
import type { ParsePayload } from 'zod/v4/core';
import { isValidDate } from '../calendar';
import { textOfSerial } from '../serialDate';
import { parseDate, parseLocalTimestamp, parseMonth } from '../timestamps';
import { findTerm, labelOf, YES_NO, type Locale, type Term } from '../vocabulary';

export type CellOutcome<T> = { ok: true; value: T } | { ok: false; message: string };

/** What a spreadsheet cell holds once an adapter has read it (adapters turn Dates into text). */
export type Cell = string | number | boolean | null;

export type ColumnType =
  | 'text'
  | 'longText'
  | 'int'
  | 'decimal'
  | 'date'
  | 'datetime'
  | 'month'
  | 'bool'
  | 'enum'
  | 'email'
  | 'url';

export interface Labels {
  readonly zh: string;
  readonly en: string;
}

export interface ColumnOptions<R extends boolean> extends Labels {
  readonly required?: R;
  /** Filled by people, not by the system: the sheet leaves it editable. */
  readonly staffEditable?: boolean;
  readonly note?: string;
  /** Headers the column had in earlier versions of the workbook: still read as this column. */
  readonly aliases?: readonly string[];
  /** The width (characters) its values usually need, when the type's default does not fit. */
  readonly width?: number;
  /** The widest (characters) the column is made to fit its longest value. */
  readonly maxWidth?: number;
  /**
   * Its text is cut at the column's edge instead of running over the empty cells to its right
   * (and, past the last column, off the printed page): ids, links, records the system keeps.
   */
  readonly clip?: boolean;
}

export interface Column<T> extends Labels {
  readonly type: ColumnType;
  readonly required: boolean;
  readonly staffEditable: boolean;
  /** Turns a cell into a typed value, or fails with a message that says what was expected. */
  readonly schema: z.ZodMiniType<T, Cell>;
  /** What `schema` does, as a plain call: the fast path for whole tables. */
  read(cell: Cell): CellOutcome<T>;
  /** Allowed values, for enum and bool columns: the sheet shows them as a dropdown. */
  readonly choices?: readonly Term[];
  readonly min?: number;
  readonly max?: number;
  /** The most characters a text column holds. */
  readonly maxLength?: number;
  /** Headers the column had before (read as this column, never written). */
  readonly aliases: readonly string[];
  /** Width in characters when there is nothing to fit yet (an empty table). */
  readonly width: number;
  /** The cap on the width fitted to the longest value. */
  readonly maxWidth: number;
  /** Its text is cut at the column's edge (see `ColumnOptions.clip`). */
  readonly clip: boolean;
  toCell(value: T, locale: Locale): Cell;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyColumnOf = Column<any>;

export type Required<R extends boolean, T> = R extends true ? T : T | null;

const WIDTHS: Record<ColumnType, number> = {
  text: 18,
  longText: 40,
  int: 10,
  decimal: 10,
  date: 12,
  datetime: 21,
  month: 10,
  bool: 8,
  enum: 16,
  email: 26,
  url: 32,
};

/**
 * How wide a column may grow to fit its longest value (characters; CJK count double). A table is
 * printed one page wide, so every character of width shrinks the print: long texts are cut at a
 * readable width (the whole text is in the cell), names get more room where declared.
 */
const MAX_WIDTHS: Record<ColumnType, number> = {
  text: 30,
  longText: 36,
  int: 14,
  decimal: 14,
  date: 12,
  datetime: 21,
  month: 10,
  bool: 10,
  enum: 24,
  email: 26,
  url: 24,
};

/** Text as a person typed it: trimmed; blank counts as missing. */
function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  return String(cell).trim();
}

/**
 * An answer quoted in a message: only its start when it is long, so that a reason about a huge
 * answer still fits the `Rejected` sheet's cell (the answer itself is kept in the payload).
 */
export function quoted(text: string): string {
  const chars = Array.from(text);
  return chars.length > 60 ? `"${chars.slice(0, 57).join('')}..."` : `"${text}"`;
}

function isBlank(cell: Cell): boolean {
  return cellText(cell) === '';
}

/**
 * Wraps a per-type parser in the required/optional rule: a blank optional cell is null,
 * a blank required cell is an error.
 */
function build<T, R extends boolean>(
  type: ColumnType,
  options: ColumnOptions<R>,
  parse: (cell: Cell, ctx: ParsePayload) => T | typeof z.NEVER,
  toCell: (value: T, locale: Locale) => Cell,
  extra: Partial<Pick<Column<T>, 'choices' | 'min' | 'max' | 'maxLength'>> = {},
): Column<Required<R, T>> {
  const required = options.required === true;
  const convert = (cell: Cell, ctx: ParsePayload): Required<R, T> => {
    if (isBlank(cell)) {
      if (required) return fail(ctx, 'is required');
      return null as Required<R, T>;
    }
    return parse(cell, ctx) as Required<R, T>;
  };
  // zod/mini rather than zod: the same checks at a fiftieth of the Apps Script bundle's size.
  const schema = z.pipe(z.custom<Cell>(), z.transform(convert));
  /**
   * The same conversion without zod's pipeline around it: a year's table is hundreds of thousands
   * of cells, and this is where reading a sheet spends its time.
   */
  const read = (cell: Cell): CellOutcome<Required<R, T>> => {
    const ctx = { value: cell, issues: [] } as unknown as ParsePayload;
    const value = convert(cell, ctx);
    return ctx.issues.length === 0
      ? { ok: true, value }
      : { ok: false, message: ctx.issues.map((i) => i.message).join('; ') };
  };
  return {
    type,
    zh: options.zh,
    en: options.en,
    required,
    staffEditable: options.staffEditable === true,
    schema: schema as unknown as z.ZodMiniType<Required<R, T>, Cell>,
    read,
    aliases: options.aliases ?? [],
    width: options.width ?? WIDTHS[type],
    maxWidth: options.maxWidth ?? Math.max(MAX_WIDTHS[type], options.width ?? 0),
    clip: options.clip === true,
    toCell: (value, locale) => (value === null ? null : toCell(value as T, locale)),
    ...extra,
  };
}

function fail(ctx: ParsePayload, message: string): typeof z.NEVER {
  ctx.issues.push({ code: 'custom', message, input: ctx.value });
  return z.NEVER;
}

// An .xlsx cell holds at most 32,767 characters; keep well inside it.
export const MAX_TEXT = 30_000;

export function text<R extends boolean = false>(
  options: ColumnOptions<R> & { maxLength?: number },
) {
  const maxLength = options.maxLength ?? MAX_TEXT;
  return build<string, R>(
    'text',
    options,
    (cell, ctx) => {
      const value = cellText(cell);
      if (value.length > maxLength)
        return fail(ctx, `is ${value.length} characters long; at most ${maxLength} allowed`);
      return value;
    },
    (value) => value,
    { maxLength },
  );
}

export function longText<R extends boolean = false>(options: ColumnOptions<R>) {
  const column = text<R>({ ...options, maxLength: MAX_TEXT });
  return {
    ...column,
    type: 'longText' as const,
    width: options.width ?? WIDTHS.longText,
    maxWidth: options.maxWidth ?? MAX_WIDTHS.longText,
  };
}

function numberFrom(cell: Cell): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  let value = cellText(cell).normalize('NFKC');
  // Commas are thousands separators only when they group by three ("1,000.5"): a decimal comma
  // ("8,5") must be refused, not read as 85.
  if (/^[-+]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(value)) value = value.replace(/,/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(value)) return null;
  return Number(value);
}

function rangeText(min?: number, max?: number): string {
  if (min !== undefined && max !== undefined) return `a number from ${min} to ${max}`;
  if (min !== undefined) return `a number of at least ${min}`;
  if (max !== undefined) return `a number of at most ${max}`;
  return 'a number';
}

export function int<R extends boolean = false>(
  options: ColumnOptions<R> & { min?: number; max?: number },
) {
  const { min, max } = options;
  return build<number, R>(
    'int',
    options,
    (cell, ctx) => {
      const value = numberFrom(cell);
      const expected = `expected a whole ${rangeText(min, max).replace(/^a /, '')}`;
      if (value === null || !Number.isInteger(value))
        return fail(ctx, `${quoted(cellText(cell))} is not a whole number; ${expected}`);
      if ((min !== undefined && value < min) || (max !== undefined && value > max))
        return fail(ctx, `${value} is out of range; ${expected}`);
      return value;
    },
    (value) => value,
    { min, max },
  );
}

/** A decimal with at most `places` decimal places (scores have two). */
export function decimal<R extends boolean = false>(
  options: ColumnOptions<R> & { min?: number; max?: number; places?: number },
) {
  const { min, max } = options;
  const places = options.places ?? 2;
  return build<number, R>(
    'decimal',
    options,
    (cell, ctx) => {
      const value = numberFrom(cell);
      const expected = `expected ${rangeText(min, max)} with at most ${places} decimal places`;
      if (value === null)
        return fail(ctx, `${quoted(cellText(cell))} is not a number; ${expected}`);
      if (!hasAtMostPlaces(value, places))
        return fail(ctx, `${value} has too many decimal places; ${expected}`);
      if ((min !== undefined && value < min) || (max !== undefined && value > max))
        return fail(ctx, `${value} is out of range; ${expected}`);
      return value;
    },
    (value) => value,
    { min, max },
  );
}

function hasAtMostPlaces(value: number, places: number): boolean {
  const [, fraction = ''] = String(value).split('.');
  return !String(value).includes('e') && fraction.length <= places;
}

const CANONICAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const CANONICAL_TIME = /^\d{4}-\d{2}-\d{2} ([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/;

/**
 * A date cell (a serial number: what a spreadsheet holds under a date format, and what the
 * stores write) as the canonical text of the column's kind; null when it cannot be a date.
 */
function fromSerial(cell: Cell, kind: 'date' | 'datetime'): string | null {
  return typeof cell === 'number' ? textOfSerial(cell, kind) : null;
}

export function date<R extends boolean = false>(options: ColumnOptions<R>) {
  return build<string, R>(
    'date',
    options,
    (cell, ctx) => {
      const serial = fromSerial(cell, 'date');
      if (serial !== null) return serial;
      const text = cellText(cell);
      // What the system itself wrote is already canonical: no need for the general reader.
      if (CANONICAL_DATE.test(text) && isValidDate(text)) return text;
      const parsed = parseDate(text);
      return parsed.ok ? parsed.value : fail(ctx, parsed.error);
    },
    (value) => value,
  );
}

export function datetime<R extends boolean = false>(options: ColumnOptions<R>) {
  return build<string, R>(
    'datetime',
    options,
    (cell, ctx) => {
      const serial = fromSerial(cell, 'datetime');
      if (serial !== null) return serial;
      const text = cellText(cell);
      if (CANONICAL_TIME.test(text) && isValidDate(text.slice(0, 10))) return text;
      const parsed = parseLocalTimestamp(text);
      return parsed.ok ? parsed.value : fail(ctx, parsed.error);
    },
    (value) => value,
  );
}

export function month<R extends boolean = false>(options: ColumnOptions<R>) {
  return build<string, R>(
    'month',
    options,
    (cell, ctx) => {
      const parsed = parseMonth(cellText(cell));
      return parsed.ok ? parsed.value : fail(ctx, parsed.error);
    },
    (value) => value,
  );
}

const TRUE_WORDS = ['true', 'yes', 'y', '1', '是', '有', '√', '✓'];
const FALSE_WORDS = ['false', 'no', 'n', '0', '否', '无', '×', '✗'];

export function bool<R extends boolean = false>(options: ColumnOptions<R>) {
  return build<boolean, R>(
    'bool',
    options,
    (cell, ctx) => {
      if (typeof cell === 'boolean') return cell;
      const word = cellText(cell).toLowerCase();
      if (TRUE_WORDS.includes(word)) return true;
      if (FALSE_WORDS.includes(word)) return false;
      return fail(ctx, `${quoted(cellText(cell))} is not yes or no; expected 是/否 or Yes/No`);
    },
    (value, locale) => labelOf(YES_NO[value ? 0 : 1]!, locale),
    { choices: YES_NO },
  );
}

/** A value from a fixed list; the sheet shows the labels in its locale, the record holds the key. */
export function oneOf<K extends string, R extends boolean = false>(
  choices: readonly Term<K>[],
  options: ColumnOptions<R>,
) {
  return build<K, R>(
    'enum',
    options,
    (cell, ctx) => {
      const term = findTerm(choices, cellText(cell));
      if (term) return term.key;
      const allowed = choices.map((c) => c.zh).join(' / ');
      return fail(ctx, `${quoted(cellText(cell))} is not one of the allowed values: ${allowed}`);
    },
    (value, locale) => {
      const term = choices.find((c) => c.key === value);
      return term ? labelOf(term, locale) : value;
    },
    { choices },
  );
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function email<R extends boolean = false>(options: ColumnOptions<R>) {
  return build<string, R>(
    'email',
    options,
    (cell, ctx) => {
      const value = cellText(cell);
      return EMAIL_RE.test(value) && value.length <= 254
        ? value.toLowerCase()
        : fail(ctx, `${quoted(value)} is not an email address; expected name@example.edu.cn`);
    },
    (value) => value,
  );
}

export function url<R extends boolean = false>(options: ColumnOptions<R>) {
  return build<string, R>(
    'url',
    options,
    (cell, ctx) => {
      const value = cellText(cell);
      return /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(value) && value.length <= 2000
        ? value
        : fail(ctx, `${quoted(value)} is not a web link; expected a link starting with https://`);
    },
    (value) => value,
  );
}
