/**
 * The few things the use cases need from the outside world. Apps Script, the local `.xlsx` mode
 * and the tests each provide them; the use cases never know which.
 */
import type { Cell } from './domain/schema/column';
import type { TableDef } from './domain/schema/table';
import type { SheetLayout } from './domain/sheetLayout';

/**
 * A workbook: whole tables in, whole tables out. A table is its rows of cells, header first, as a
 * spreadsheet holds them. One read and one write per table per job, never a cell at a time.
 */
export interface TableStore {
  /** The table's rows, header first; an empty array when the sheet does not exist yet. */
  read(table: TableDef): Cell[][];
  /**
   * Replaces the table's rows (header first). Creates the sheet when missing. `marks` changes
   * which cells carry a note and a highlight for staff (see `CellMark`); without it, marks stay
   * as they are.
   */
  write(table: TableDef, rows: Cell[][], marks?: readonly CellMark[]): void;
  /**
   * Adds a sheet that is no table of the schema (an archive staff keep), named `name` or, when
   * that name is taken, `name (2)`, `name (3)`…: an existing sheet is never overwritten. Returns
   * the name the sheet got.
   */
  addSheet(name: string, rows: Cell[][]): string;
  /**
   * Replaces a sheet the system lays out whole (a `freeForm` table, the dashboard): every cell,
   * its look, the column widths, the highlights and the charts, with the job's other writes.
   * Nothing of the old sheet's cells, highlights or charts is left.
   */
  writeSheet(table: TableDef, layout: SheetLayout): void;
}

/**
 * A cell pointed out to staff: a note on it and a highlight (the failing answer of a rejected
 * response), or, with `note: null`, a cell that is no longer pointed out (note and highlight
 * removed). `row` and `column` index the rows written, 0-based: row 0 is the header. A store
 * applies marks with the write, in the same batch; one that cannot show them ignores them.
 */
export interface CellMark {
  readonly row: number;
  readonly column: number;
  readonly note: string | null;
}

/** "Now", from outside, so a demo year and the tests give the same answers on any day. */
export interface Clock {
  /** Local wall-clock time in the programme's time zone: `YYYY-MM-DD HH:mm:ss`. */
  now(): string;
  /** A monotonic millisecond counter, for durations and time budgets. */
  elapsedMs(): number;
}

/** Serialises jobs and form submissions that write the same tables. */
export interface Lock {
  /** Runs `work` holding the lock; throws when the lock cannot be had in time. */
  withLock<T>(work: () => T): T;
}

/** Small durable values: done-markers of monthly jobs, cursors of long jobs. */
export interface Markers {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

export interface MadeDocument {
  readonly id: string;
  readonly link: string;
}

/**
 * Makes letters from the template in two steps, so a job cut off between them never makes a
 * second document for the same letter: `create` the document (its id is then remembered), and
 * `fill` it with the fields and share it as configured. Filling the same document again is
 * harmless: its placeholders are already gone.
 */
export interface DocumentMaker {
  create(name: string): MadeDocument;
  fill(document: MadeDocument, fields: Readonly<Record<string, string>>): void;
  /**
   * Voids a letter that no longer says what its award says (作废): the file is kept, renamed with
   * the `作废-` prefix and unshared, never deleted. Returns where the voided file now is. A file
   * that is already gone is not an error: there is nothing left to mislead anyone.
   */
  void(document: MadeDocument, reason: string): MadeDocument;
}

/** What a long job tells the person waiting for it. */
export interface Progress {
  update(done: number, total: number, label: string): void;
}

export const SILENT_PROGRESS: Progress = { update: () => undefined };
