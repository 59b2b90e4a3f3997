/**
 * How a table store over the Sheets API v4 reads a table (values as stored, dates as the sheet
 * shows them) and what it sends when it writes a table back: only the rows that
 * differ from what it read (and blanks over rows the table no longer has), and the rows and
 * columns a sheet must first grow by, since the API never grows a sheet on write. The Apps Script
 * store and the server-mode store both send these, in the REST API's own shapes.
 */
import { columnLetter } from './a1';
import type { Cell } from './schema/column';
import { normaliseHeader } from './schema/rows';
import { headerNames, type TableDef } from './schema/table';
import { serialOf, type DateKind } from './serialDate';

export type SheetValue = string | number | boolean;

/** The options of every `values.batchGet`: stored values, not formulas; dates as shown. */
export const READ_OPTIONS = {
  valueRenderOption: 'UNFORMATTED_VALUE',
  dateTimeRenderOption: 'FORMATTED_STRING',
  majorDimension: 'ROWS',
} as const;

/** A value range's rows as cells: blank is null, anything unexpected its text. */
export function cellsOf(values: readonly (readonly unknown[])[] | null | undefined): Cell[][] {
  return (values ?? []).map((row) => row.map(cellOf));
}

function cellOf(value: unknown): Cell {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string')
    return value;
  return String(value);
}

export interface ValueRange {
  readonly range: string;
  readonly values: SheetValue[][];
}

export interface SheetGrid {
  readonly sheetId: number;
  readonly rows: number;
  readonly columns: number;
}

/** A tab as both Sheets stores know it: its grid, and the ids of the charts on it. */
export interface TabGrid extends SheetGrid {
  readonly charts: readonly number[];
}

/** The `fields` of the one `spreadsheets.get` a store makes: what `tabGrids` reads. */
export const TAB_GRID_FIELDS =
  'sheets(properties(title,sheetId,gridProperties(rowCount,columnCount)),charts(chartId))';

/** A `spreadsheets.get` reply asked for `TAB_GRID_FIELDS` (Apps Script's and REST's alike). */
interface TabsReply {
  readonly sheets?:
    | readonly {
        readonly properties?: {
          readonly title?: string | null;
          readonly sheetId?: number | null;
          readonly gridProperties?: {
            readonly rowCount?: number | null;
            readonly columnCount?: number | null;
          } | null;
        } | null;
        readonly charts?: readonly { readonly chartId?: number | null }[] | null;
      }[]
    | null;
}

/** Every tab's grid, by title, from a `spreadsheets.get` reply. */
export function tabGrids(reply: TabsReply): Map<string, TabGrid> {
  return new Map(
    (reply.sheets ?? []).map((s) => [
      s.properties?.title ?? '',
      {
        sheetId: s.properties?.sheetId ?? 0,
        rows: s.properties?.gridProperties?.rowCount ?? 0,
        columns: s.properties?.gridProperties?.columnCount ?? 0,
        charts: (s.charts ?? []).map((c) => c.chartId ?? 0),
      },
    ]),
  );
}

export interface AppendDimension {
  readonly appendDimension: {
    readonly sheetId: number;
    readonly dimension: 'ROWS' | 'COLUMNS';
    readonly length: number;
  };
}

/** A table's cells before and after a write, date cells as serial numbers, and its date columns. */
export interface TableChange {
  readonly was: Cell[][];
  readonly now: Cell[][];
  readonly dates: Map<number, DateKind>;
}

/** What a Sheets store compares and sends when a pending table is flushed over `before`. */
export function tableChange(
  def: TableDef | null,
  before: readonly (readonly Cell[])[],
  rows: readonly (readonly Cell[])[],
): TableChange {
  const dates = def ? dateColumnsOf(def, rows[0] ?? []) : new Map<number, DateKind>();
  return { was: withSerialDates(before, dates), now: withSerialDates(rows, dates), dates };
}

/** The columns of `header` the schema declares date or datetime, by index (staff's never). */
export function dateColumnsOf(def: TableDef, header: readonly Cell[]): Map<number, DateKind> {
  const kinds = new Map<string, DateKind>();
  for (const [key, column] of Object.entries(def.columns)) {
    if (column.type !== 'date' && column.type !== 'datetime') continue;
    for (const name of headerNames(key, column)) kinds.set(normaliseHeader(name), column.type);
  }
  const out = new Map<number, DateKind>();
  header.forEach((cell, i) => {
    const kind = cell === null ? undefined : kinds.get(normaliseHeader(String(cell)));
    if (kind) out.set(i, kind);
  });
  return out;
}

/**
 * Rows as the sheet stores them: in the date columns, the canonical dates and times as serial
 * numbers (a date cell, once the column has its date format); everything else, and any other
 * text in a date column, as it is. Written RAW, so nothing a person typed is parsed.
 */
export function withSerialDates(
  rows: readonly (readonly Cell[])[],
  dates: ReadonlyMap<number, DateKind>,
): Cell[][] {
  if (dates.size === 0) return rows.map((r) => [...r]);
  return rows.map((row, r) =>
    r === 0
      ? [...row]
      : row.map((cell, c) => {
          const kind = dates.get(c);
          return kind && typeof cell === 'string' ? (serialOf(cell, kind) ?? cell) : cell;
        }),
  );
}

/** The number format of a date column, as the setup and the stores give it (read back as text). */
export const DATE_PATTERNS: Readonly<Record<DateKind, { type: string; pattern: string }>> = {
  date: { type: 'DATE', pattern: 'yyyy-mm-dd' },
  datetime: { type: 'DATE_TIME', pattern: 'yyyy-mm-dd hh:mm:ss' },
};

/**
 * The requests that give the date columns of a sheet their date format over rows
 * [`from`, `to`) (0-based, `to` unbounded when null): rows a sheet grew by, or a new sheet.
 */
export function dateFormatRequests(
  sheetId: number,
  dates: ReadonlyMap<number, DateKind>,
  from: number,
  to: number | null,
): object[] {
  if (to !== null && to <= from) return [];
  return [...dates].map(([column, kind]) => ({
    repeatCell: {
      range: {
        sheetId,
        startRowIndex: from,
        ...(to === null ? {} : { endRowIndex: to }),
        startColumnIndex: column,
        endColumnIndex: column + 1,
      },
      cell: { userEnteredFormat: { numberFormat: DATE_PATTERNS[kind] } },
      fields: 'userEnteredFormat.numberFormat',
    },
  }));
}

/** Equal as the sheet holds them: a missing cell and an empty one are the same. */
export function sameRow(a: readonly Cell[] | undefined, b: readonly Cell[]): boolean {
  if (!a) return false;
  const width = Math.max(a.length, b.length);
  for (let i = 0; i < width; i++) if ((a[i] ?? null) !== (b[i] ?? null)) return false;
  return true;
}

/** A run of consecutive changed rows from row `start` (0-based), as wide as the widest row. */
interface ChangedRun {
  readonly start: number;
  readonly values: SheetValue[][];
}

/**
 * The runs of rows that turn `before` into `rows`, each as wide as the widest row; `total` and
 * `width` are the extent the sheet needs.
 */
function changedRuns(
  before: readonly (readonly Cell[])[],
  rows: readonly (readonly Cell[])[],
): { runs: ChangedRun[]; total: number; width: number } {
  const width = Math.max(...rows.map((r) => r.length), ...before.map((r) => r.length), 1);
  const total = Math.max(rows.length, before.length);
  const runs: ChangedRun[] = [];
  let start = -1;
  const emit = (end: number) => {
    const values: SheetValue[][] = [];
    for (let i = start; i < end; i++) {
      const row = rows[i] ?? [];
      values.push(Array.from({ length: width }, (_, c) => row[c] ?? ''));
    }
    runs.push({ start, values });
    start = -1;
  };
  for (let i = 0; i < total; i++) {
    const changed = !sameRow(before[i], rows[i] ?? []);
    if (changed && start < 0) start = i;
    if (!changed && start >= 0) emit(i);
  }
  if (start >= 0) emit(total);
  return { runs, total, width };
}

/**
 * The ranges that turn `before` into `rows` on the sheet `quotedTitle`: each run of changed rows
 * is one range, as wide as the widest row. `total` and `width` are the extent the sheet needs.
 */
export function changedRanges(
  quotedTitle: string,
  before: readonly (readonly Cell[])[],
  rows: readonly (readonly Cell[])[],
): { ranges: ValueRange[]; total: number; width: number } {
  const { runs, total, width } = changedRuns(before, rows);
  const ranges = runs.map((run) => ({
    range: `${quotedTitle}!A${run.start + 1}:${columnLetter(width)}${run.start + run.values.length}`,
    values: run.values,
  }));
  return { ranges, total, width };
}

/**
 * The same change as `changedRanges`, as `updateCells` requests of a `spreadsheets.batchUpdate`
 * (for a job whose write is one such batch): each value as RAW writes it (text stays text, never
 * a formula), a blank clearing the cell.
 */
export function changedCellRequests(
  sheetId: number,
  before: readonly (readonly Cell[])[],
  rows: readonly (readonly Cell[])[],
): { requests: Record<string, unknown>[]; total: number; width: number } {
  const { runs, total, width } = changedRuns(before, rows);
  const requests = runs.map((run) => ({
    updateCells: {
      start: { sheetId, rowIndex: run.start, columnIndex: 0 },
      rows: run.values.map((row) => ({
        values: row.map((value) =>
          value === ''
            ? {}
            : {
                userEnteredValue:
                  typeof value === 'number'
                    ? { numberValue: value }
                    : typeof value === 'boolean'
                      ? { boolValue: value }
                      : { stringValue: value },
              },
        ),
      })),
      fields: 'userEnteredValue',
    },
  }));
  return { requests, total, width };
}

/** Rows to add when a sheet grows to `needed` rows: some head room, so one row at a time is rare. */
export function withHeadRoom(needed: number): number {
  return needed + Math.max(100, Math.ceil(needed / 10));
}

/** The requests that let `grid` hold `rows` × `columns`, and the grid after them. */
export function gridGrowth(
  grid: SheetGrid,
  rows: number,
  columns: number,
): { requests: AppendDimension[]; grid: SheetGrid } {
  const requests: AppendDimension[] = [];
  const grownRows = rows > grid.rows ? withHeadRoom(rows) : grid.rows;
  if (grownRows > grid.rows) {
    requests.push({
      appendDimension: { sheetId: grid.sheetId, dimension: 'ROWS', length: grownRows - grid.rows },
    });
  }
  if (columns > grid.columns) {
    requests.push({
      appendDimension: {
        sheetId: grid.sheetId,
        dimension: 'COLUMNS',
        length: columns - grid.columns,
      },
    });
  }
  return { requests, grid: { ...grid, rows: grownRows, columns: Math.max(grid.columns, columns) } };
}

/** A cell pointed out to staff, or no longer (`note: null`): the shape of the port's `CellMark`. */
export interface SheetMark {
  readonly row: number;
  readonly column: number;
  readonly note: string | null;
}

/** The highlight of a cell pointed out to staff: light amber (#FFE599, as in the .xlsx). */
export const MARK_BACKGROUND = { red: 1, green: 0xe5 / 255, blue: 0x99 / 255 } as const;

/** What a mark sets: the cell's note and its background, nothing else (never its value). */
export const MARK_FIELDS = 'note,userEnteredFormat.backgroundColor';

/** A mark as a cell of an `updateCells` or `appendCells` request: both fields, or both cleared. */
export function markedCell(note: string | null) {
  return note === null ? {} : { note, userEnteredFormat: { backgroundColor: MARK_BACKGROUND } };
}

/**
 * The requests that put marks on a sheet: an `updateCells` per mark, anchored at its cell with
 * `start`, so no other cell's note or colour is touched (a `range` would clear every cell it
 * covers that `rows` leaves out).
 */
export function markRequests(sheetId: number, marks: readonly SheetMark[]) {
  return marks.map(({ row, column, note }) => ({
    updateCells: {
      start: { sheetId, rowIndex: row, columnIndex: column },
      rows: [{ values: [markedCell(note)] }],
      fields: MARK_FIELDS,
    },
  }));
}

/** Marks of several writes of one table in a job, the later one winning for a cell. */
export function mergeMarks(
  before: readonly SheetMark[] | undefined,
  after: readonly SheetMark[] | undefined,
): SheetMark[] | undefined {
  if (!before) return after ? [...after] : undefined;
  if (!after) return [...before];
  const byCell = new Map<string, SheetMark>();
  for (const mark of [...before, ...after]) byCell.set(`${mark.row}:${mark.column}`, mark);
  return [...byCell.values()];
}
