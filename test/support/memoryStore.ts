/**
 * An in-memory `TableStore` for tests. Tables are kept by `def.name`, header first, exactly as a
 * spreadsheet holds them. Every read and write is deep-copied, so a caller can neither change the
 * store through a row it was given nor through a row it wrote afterwards. Reads and writes are
 * counted per table, so tests can check that a job touches each sheet O(1) times.
 */
import type { Cell } from '../../src/domain/schema/column';
import type { TableDef } from '../../src/domain/schema/table';
import type { SheetLayout } from '../../src/domain/sheetLayout';
import type { CellMark, TableStore } from '../../src/ports';

function copy(rows: readonly (readonly Cell[])[]): Cell[][] {
  return rows.map((row) => [...row]);
}

export class MemoryStore implements TableStore {
  private readonly tables = new Map<string, Cell[][]>();
  /** Calls of `read`, per table name. */
  readonly reads = new Map<string, number>();
  /** Calls of `write` (and `writeSheet`), per table name. */
  readonly writes = new Map<string, number>();
  /** The last layout written to a free-form sheet, by table name. */
  readonly layouts = new Map<string, SheetLayout>();
  /** The cells each table points out (`row:column` → note), as the writes' marks left them. */
  private readonly marks = new Map<string, Map<string, string>>();

  read(table: TableDef): Cell[][] {
    this.reads.set(table.name, (this.reads.get(table.name) ?? 0) + 1);
    return copy(this.tables.get(table.name) ?? []);
  }

  write(table: TableDef, rows: Cell[][], marks?: readonly CellMark[]): void {
    this.writes.set(table.name, (this.writes.get(table.name) ?? 0) + 1);
    this.tables.set(table.name, copy(rows));
    const now = this.marks.get(table.name) ?? new Map<string, string>();
    for (const { row, column, note } of marks ?? []) {
      if (note === null) now.delete(`${row}:${column}`);
      else now.set(`${row}:${column}`, note);
    }
    this.marks.set(table.name, now);
  }

  /** The cells a table points out: header text of the column and row index → note. */
  marked(name: string): { row: number; column: string; note: string }[] {
    const header = this.tables.get(name)?.[0] ?? [];
    return [...(this.marks.get(name) ?? [])].map(([cell, note]) => {
      const [row, column] = cell.split(':').map(Number) as [number, number];
      return { row, column: String(header[column] ?? column), note };
    });
  }

  /**
   * A laid-out sheet: its cell values are kept as the table's rows (so snapshots and `peek` see
   * them, as they would see a spreadsheet's values), the layout itself in `layouts`.
   */
  writeSheet(table: TableDef, layout: SheetLayout): void {
    this.writes.set(table.name, (this.writes.get(table.name) ?? 0) + 1);
    this.layouts.set(table.name, layout);
    this.tables.set(
      table.name,
      layout.rows.map((row) => row.map((cell) => cell.value)),
    );
  }

  addSheet(name: string, rows: Cell[][]): string {
    let title = name;
    for (let n = 2; this.tables.has(title); n++) title = `${name} (${n})`;
    this.tables.set(title, copy(rows));
    return title;
  }

  /** A table's rows (header first) without counting a read; `[]` when it does not exist. */
  peek(name: string): Cell[][] {
    return copy(this.tables.get(name) ?? []);
  }

  /** Puts rows in place without counting a write, as staff typing in the sheet would. */
  put(name: string, rows: readonly (readonly Cell[])[]): void {
    this.tables.set(name, copy(rows));
  }

  /** The names of the tables that exist. */
  names(): string[] {
    return [...this.tables.keys()].sort();
  }

  /** Every table but the excluded ones (by default `Log`), for comparing whole-store states. */
  snapshot(exclude: readonly string[] = ['Log']): Record<string, Cell[][]> {
    const out: Record<string, Cell[][]> = {};
    for (const name of this.names()) if (!exclude.includes(name)) out[name] = this.peek(name);
    return out;
  }

  /** An independent copy of every table, with fresh counts. */
  clone(): MemoryStore {
    const other = new MemoryStore();
    for (const name of this.names()) other.put(name, this.peek(name));
    for (const [name, layout] of this.layouts) other.layouts.set(name, layout);
    return other;
  }

  /** Forgets the read and write counts (the tables stay). */
  resetCounts(): void {
    this.reads.clear();
    this.writes.clear();
  }

  /** Total reads and writes over every table. */
  get totalReads(): number {
    return [...this.reads.values()].reduce((a, b) => a + b, 0);
  }

  get totalWrites(): number {
    return [...this.writes.values()].reduce((a, b) => a + b, 0);
  }
}
