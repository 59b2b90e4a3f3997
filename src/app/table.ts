/**
 * A table read whole from the store, changed in memory, written back whole. Rows that failed to
 * parse and staff's own extra columns are carried through untouched: a job never loses what it
 * could not understand.
 */
import type { Cell } from '../domain/schema/column';
import {
  mapHeader,
  normaliseHeader,
  parseTable,
  toRow,
  type CellError,
  type HeaderMap,
  type RowFilter,
} from '../domain/schema/rows';
import {
  headerNames,
  headerRow,
  recordKey,
  type RecordOf,
  type TableDef,
} from '../domain/schema/table';
import type { Locale } from '../domain/vocabulary';
import type { CellMark, TableStore } from '../ports';
import { noteProblems } from './problems';

type Entry<T> =
  | { readonly kind: 'record'; record: T; extras: Readonly<Record<string, Cell>> }
  | { readonly kind: 'raw'; readonly cells: readonly Cell[] };

export class Table<D extends TableDef> {
  private readonly entries: Entry<RecordOf<D>>[];
  private readonly index = new Map<string, number>();
  /** Staff's columns: those of the sheet as read (`index` in its rows), then any added since (-1). */
  private readonly extras: { readonly index: number; readonly header: string }[];
  private changed = false;
  /**
   * The cells the sheet points out now (`row:column` → note), as the declaration's `marks` give
   * them for the rows read: a write sends only the marks that differ from these.
   */
  private marksInSheet: Map<string, string>;

  private constructor(
    readonly def: D,
    private readonly header: HeaderMap,
    entries: Entry<RecordOf<D>>[],
    readonly errors: readonly CellError[],
    rowsAsRead: readonly number[] = [],
  ) {
    this.entries = entries;
    this.marksInSheet = this.marksAt(
      (i) => rowsAsRead[i],
      (key) => header.indexOf[key],
    );
    this.extras = [...header.extras];
    entries.forEach((entry, i) => {
      if (entry.kind === 'record') this.index.set(recordKey(def, entry.record), i);
    });
  }

  /**
   * Reads the table. With a `filter`, only the rows it keeps are parsed and become records; the
   * others are carried through untouched, exactly like rows that failed to parse.
   */
  static read<D extends TableDef>(
    store: TableStore,
    def: D,
    locale: Locale,
    filter?: RowFilter,
  ): Table<D> {
    return Table.fromValues(def, store.read(def), locale, filter);
  }

  /** The table over rows already read (header first), as `read` would give it. */
  static fromValues<D extends TableDef>(
    def: D,
    values: Cell[][],
    locale: Locale,
    filter?: RowFilter,
  ): Table<D> {
    if (values.length === 0) {
      return new Table(def, mapHeader(def, headerRow(def, locale), locale), [], []);
    }
    const parsed = parseTable(def, values, locale, filter);
    noteProblems(parsed.errors);
    const failed = new Set([...parsed.failedRows.map((f) => f.row), ...parsed.skippedRows]);
    const byRow = new Map(parsed.rows.map((r) => [r.row, r]));
    const entries: Entry<RecordOf<D>>[] = [];
    const rowsAsRead: number[] = [];
    values.slice(1).forEach((cells, i) => {
      const row = i + 2;
      const ok = byRow.get(row);
      if (ok) entries.push({ kind: 'record', record: ok.record, extras: ok.extras });
      else if (failed.has(row)) entries.push({ kind: 'raw', cells });
      else return;
      rowsAsRead.push(i + 1);
    });
    return new Table(def, parsed.header, entries, parsed.errors, rowsAsRead);
  }

  private cached: RecordOf<D>[] | null = null;

  /** The rows that parsed, in sheet order (kept until the table changes: do not modify). */
  records(): RecordOf<D>[] {
    this.cached ??= this.entries.flatMap((e) => (e.kind === 'record' ? [e.record] : []));
    return this.cached;
  }

  get size(): number {
    return this.entries.length;
  }

  get isChanged(): boolean {
    return this.changed;
  }

  has(key: string): boolean {
    return this.index.has(key);
  }

  get(key: string): RecordOf<D> | undefined {
    const i = this.index.get(key);
    const entry = i === undefined ? undefined : this.entries[i];
    return entry?.kind === 'record' ? entry.record : undefined;
  }

  /** Inserts the record, or replaces the one with the same key (keeping staff's extra cells). */
  upsert(record: RecordOf<D>): 'added' | 'updated' | 'unchanged' {
    const key = recordKey(this.def, record);
    const i = this.index.get(key);
    if (i === undefined) {
      this.index.set(key, this.entries.length);
      this.entries.push({ kind: 'record', record, extras: {} });
      this.changed = true;
      this.cached = null;
      return 'added';
    }
    const entry = this.entries[i] as Extract<Entry<RecordOf<D>>, { kind: 'record' }>;
    if (sameRecord(entry.record, record)) return 'unchanged';
    entry.record = record;
    this.changed = true;
    this.cached = null;
    return 'updated';
  }

  /** Removes the record with this key (staff's extra cells go with it); false when none. */
  remove(key: string): boolean {
    const i = this.index.get(key);
    if (i === undefined) return false;
    this.entries.splice(i, 1);
    this.index.clear();
    this.entries.forEach((entry, j) => {
      if (entry.kind === 'record') this.index.set(recordKey(this.def, entry.record), j);
    });
    this.changed = true;
    this.cached = null;
    return true;
  }

  /** Whether `header` names one of the schema's columns (by key, zh or en header). */
  isSchemaColumn(header: string): boolean {
    const name = normaliseHeader(header);
    return Object.entries(this.def.columns).some(([key, column]) =>
      headerNames(key, column).some((label) => normaliseHeader(label) === name),
    );
  }

  /** The staff column named `header` (compared as headers are), if the table has it. */
  extraColumn(header: string): string | undefined {
    const name = normaliseHeader(header);
    return this.extras.find((e) => normaliseHeader(e.header) === name)?.header;
  }

  /**
   * Sets the cell of staff column `header` on the record with `key`, adding the column after the
   * last one when the sheet does not have it yet (it is then blank on every other row). The column
   * must not be one of the schema's: those are set through the record.
   */
  setExtra(key: string, header: string, value: Cell): void {
    if (this.isSchemaColumn(header)) {
      throw new Error(`${this.def.name}: "${header}" is a column of the table, not a staff column`);
    }
    const i = this.index.get(key);
    const entry = i === undefined ? undefined : this.entries[i];
    if (entry?.kind !== 'record') throw new Error(`${this.def.name}: no row ${key}`);
    let column = this.extraColumn(header);
    if (column === undefined) {
      column = header.trim();
      this.extras.push({ index: -1, header: column });
      this.changed = true;
    }
    if ((entry.extras[column] ?? null) === value) return;
    entry.extras = { ...entry.extras, [column]: value };
    this.changed = true;
  }

  /** Adds a row without a key check: for logs, where every run is its own row. */
  append(record: RecordOf<D>): void {
    this.entries.push({ kind: 'record', record, extras: {} });
    this.changed = true;
    this.cached = null;
  }

  /** The rows of cells to write: header in the locale, then every row in its original place. */
  toValues(locale: Locale): Cell[][] {
    const extras = this.extras;
    const header: Cell[] = [...headerRow(this.def, locale), ...extras.map((e) => e.header)];
    const rows = this.entries.map((entry) => {
      if (entry.kind === 'record') {
        return [
          ...toRow(this.def, entry.record, locale),
          ...extras.map((e) => entry.extras[e.header] ?? null),
        ];
      }
      // A row that did not parse goes back cell for cell, re-aligned to the written header.
      return [
        ...Object.keys(this.def.columns).map((key) => {
          const index = this.header.indexOf[key];
          return index === undefined ? null : (entry.cells[index] ?? null);
        }),
        ...extras.map((e) => (e.index < 0 ? null : (entry.cells[e.index] ?? null))),
      ];
    });
    return [header, ...rows];
  }

  /**
   * The cells the declaration's `marks` point out in the records, `row:column` → note, with the
   * rows and columns placed by `rowOf` (entry index → row index) and `columnOf` (key → index).
   */
  private marksAt(
    rowOf: (entry: number) => number | undefined,
    columnOf: (key: string) => number | undefined,
  ): Map<string, string> {
    const marks = new Map<string, string>();
    const rule = this.def.marks;
    if (!rule) return marks;
    this.entries.forEach((entry, i) => {
      const row = rowOf(i);
      if (entry.kind !== 'record' || row === undefined) return;
      for (const mark of rule(entry.record as Record<string, unknown>)) {
        const column = columnOf(mark.column);
        if (column !== undefined) marks.set(`${row}:${column}`, mark.note);
      }
    });
    return marks;
  }

  /** The cells the rows as read point out (`row:column` → note). */
  marksAsRead(): ReadonlyMap<string, string> {
    return this.marksInSheet;
  }

  /** The marks a write must change: new or changed notes, and cells no longer pointed out. */
  private markChanges(): { marks: Map<string, string>; changes: CellMark[] } {
    const keys = Object.keys(this.def.columns);
    const marks = this.marksAt(
      (i) => i + 1,
      (key) => {
        const index = keys.indexOf(key);
        return index < 0 ? undefined : index;
      },
    );
    const at = (cell: string) => cell.split(':').map(Number) as [number, number];
    const changes: CellMark[] = [];
    for (const [cell, note] of marks) {
      if (this.marksInSheet.get(cell) !== note) {
        const [row, column] = at(cell);
        changes.push({ row, column, note });
      }
    }
    for (const cell of this.marksInSheet.keys()) {
      if (!marks.has(cell)) {
        const [row, column] = at(cell);
        changes.push({ row, column, note: null });
      }
    }
    return { marks, changes };
  }

  /** Writes the table back when something changed (one call), or does nothing. */
  save(store: TableStore, locale: Locale, force = false): boolean {
    if (!this.changed && !force) return false;
    const { marks, changes } = this.markChanges();
    if (changes.length > 0) store.write(this.def, this.toValues(locale), changes);
    else store.write(this.def, this.toValues(locale));
    this.marksInSheet = marks;
    this.changed = false;
    return true;
  }
}

/**
 * Every mark the table's declaration puts on these rows (header first), where they stand: for a
 * copy of a table into another store (a backup, a restore), whose cells hold no notes yet.
 */
export function marksOf(def: TableDef, rows: Cell[][], locale: Locale): CellMark[] {
  if (!def.marks || rows.length === 0) return [];
  return [...Table.fromValues(def, rows, locale).marksAsRead()].map(([cell, note]) => {
    const [row, column] = cell.split(':').map(Number) as [number, number];
    return { row, column, note };
  });
}

/** Equal as the sheet holds them: a blank text and a missing value are the same empty cell. */
function sameRecord(a: object, b: object): boolean {
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const cell = (v: unknown) => (v === '' || v === undefined ? null : v);
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  return [...keys].every((k) => cell(left[k]) === cell(right[k]));
}
