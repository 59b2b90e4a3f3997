/**
 * Between spreadsheet rows (arrays of cells, header first) and typed records. Headers may be in
 * either language and in any order; staff's own extra columns are reported so writers keep them.
 */
import type { Locale } from '../vocabulary';
import type { Cell } from './column';
import { headerNames, tabName, type RecordOf, type TableDef } from './table';

export interface CellError {
  readonly sheet: string;
  /** The row number as the spreadsheet shows it (the header is row 1). */
  readonly row: number;
  readonly column: string;
  readonly message: string;
}

export function describeCellError(error: CellError): string {
  return `${error.sheet} row ${error.row}, ${error.column}: ${error.message}`;
}

/** A table whose header cannot be read: nothing in it can be trusted, so nothing is parsed. */
export class TableError extends Error {
  constructor(
    readonly sheet: string,
    message: string,
  ) {
    super(`${sheet}: ${message}`);
    this.name = 'TableError';
  }
}

export interface HeaderMap {
  /** Column key → index in the row. Absent optional columns are missing from the map. */
  readonly indexOf: Readonly<Record<string, number>>;
  /** Columns the schema does not know: staff's own, kept as they are on write. */
  readonly extras: readonly { index: number; header: string }[];
}

export interface ParsedRow<T> {
  readonly row: number;
  readonly record: T;
  /** Extra (staff) cells of this row, by header, kept for writing back. */
  readonly extras: Readonly<Record<string, Cell>>;
}

/**
 * Which rows a job needs, by one column's value: the others are not parsed at all and are
 * carried through as they are (a month's finalisation does not need the other months' rows).
 */
export interface RowFilter {
  readonly column: string;
  readonly keep: (value: unknown) => boolean;
}

export interface ParsedTable<T> {
  readonly header: HeaderMap;
  readonly rows: ParsedRow<T>[];
  readonly errors: CellError[];
  /** Rows that failed, with their raw cells by header, so nothing is dropped. */
  readonly failedRows: { row: number; cells: Record<string, Cell> }[];
  /** Rows the filter left out, unparsed. */
  readonly skippedRows: number[];
}

export function normaliseHeader(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

function columnLabel(def: TableDef, key: string, locale: Locale): string {
  const column = def.columns[key]!;
  return locale === 'en' ? column.en : column.zh;
}

export function mapHeader(def: TableDef, header: readonly Cell[], locale: Locale): HeaderMap {
  const sheet = tabName(def, locale);
  const byName = new Map<string, string>();
  for (const [key, column] of Object.entries(def.columns)) {
    for (const name of headerNames(key, column)) byName.set(normaliseHeader(name), key);
  }
  const indexOf: Record<string, number> = {};
  const extras: { index: number; header: string }[] = [];
  header.forEach((cell, index) => {
    const text = cell === null ? '' : String(cell);
    const key = byName.get(normaliseHeader(text));
    if (key === undefined) {
      if (text.trim() !== '') extras.push({ index, header: text });
      return;
    }
    if (key in indexOf) {
      throw new TableError(sheet, `column "${columnLabel(def, key, locale)}" appears twice`);
    }
    indexOf[key] = index;
  });
  const missing = Object.entries(def.columns)
    .filter(([key, column]) => column.required && !(key in indexOf))
    .map(([key]) => `"${def.columns[key]!.zh}" (${def.columns[key]!.en})`);
  if (missing.length > 0) {
    throw new TableError(sheet, `missing required column ${missing.join(', ')}`);
  }
  return { indexOf, extras };
}

function isBlankRow(cells: readonly Cell[]): boolean {
  return cells.every((c) => c === null || c === undefined || String(c).trim() === '');
}

/** Parses one record from cells named by column key. */
export function parseRecord<D extends TableDef>(
  def: D,
  cells: Readonly<Record<string, Cell>>,
  where: { sheet: string; row: number; locale: Locale },
): { ok: true; record: RecordOf<D> } | { ok: false; errors: CellError[] } {
  const record: Record<string, unknown> = {};
  const errors: CellError[] = [];
  for (const [key, column] of Object.entries(def.columns)) {
    const result = column.read(cells[key] ?? null);
    if (result.ok) {
      record[key] = result.value;
    } else {
      const message = result.message;
      errors.push({
        sheet: where.sheet,
        row: where.row,
        column: columnLabel(def, key, where.locale),
        message,
      });
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, record: record as RecordOf<D> };
}

/**
 * Parses a whole sheet: `values[0]` is the header. Blank rows are skipped; a row that fails keeps
 * its raw cells in `failedRows` and every failing cell is reported, not just the first.
 */
export function parseTable<D extends TableDef>(
  def: D,
  values: readonly (readonly Cell[])[],
  locale: Locale = 'zh-CN',
  filter?: RowFilter,
): ParsedTable<RecordOf<D>> {
  const sheet = tabName(def, locale);
  const header = mapHeader(def, values[0] ?? [], locale);
  const rows: ParsedRow<RecordOf<D>>[] = [];
  const errors: CellError[] = [];
  const failedRows: { row: number; cells: Record<string, Cell> }[] = [];
  const skippedRows: number[] = [];
  const filterColumn = filter ? def.columns[filter.column] : undefined;
  const filterIndex = filter ? header.indexOf[filter.column] : undefined;
  values.slice(1).forEach((cells, i) => {
    const row = i + 2;
    if (isBlankRow(cells)) return;
    if (filter && filterColumn) {
      const value = filterColumn.read(
        filterIndex === undefined ? null : (cells[filterIndex] ?? null),
      );
      if (!value.ok || !filter.keep(value.value)) {
        skippedRows.push(row);
        return;
      }
    }
    const byKey: Record<string, Cell> = {};
    for (const [key, index] of Object.entries(header.indexOf)) byKey[key] = cells[index] ?? null;
    const extras: Record<string, Cell> = {};
    for (const extra of header.extras) extras[extra.header] = cells[extra.index] ?? null;
    const parsed = parseRecord(def, byKey, { sheet, row, locale });
    if (parsed.ok) {
      rows.push({ row, record: parsed.record, extras });
    } else {
      errors.push(...parsed.errors);
      failedRows.push({ row, cells: { ...byKey, ...extras } });
    }
  });
  return { header, rows, errors, failedRows, skippedRows };
}

/** A record as a row of cells in the table's column order. */
export function toRow(def: TableDef, record: Record<string, unknown>, locale: Locale): Cell[] {
  return Object.entries(def.columns).map(([key, column]) => {
    const value = record[key];
    return value === undefined || value === null ? null : column.toCell(value, locale);
  });
}
