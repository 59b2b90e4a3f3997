/**
 * The ports the benchmark runs the use cases over: an in-memory table store (a copy of the
 * tests' MemoryStore, kept minimal), the local settable clock,
 * markers, and a document maker that only records what it was asked to make.
 */
import type { Cell } from '../src/domain/schema/column';
import type { TableDef } from '../src/domain/schema/table';
import type { SheetLayout } from '../src/domain/sheetLayout';
import type { DocumentMaker, MadeDocument, Markers, TableStore } from '../src/ports';

function copy(rows: readonly (readonly Cell[])[]): Cell[][] {
  return rows.map((row) => [...row]);
}

/**
 * Tables kept by `def.name`, header first, as a spreadsheet holds them. Reads and writes copy the
 * rows (as a real store hands out fresh arrays) and are counted per job.
 */
export class BenchStore implements TableStore {
  private readonly tables = new Map<string, Cell[][]>();
  /** Sheets laid out whole (the dashboard), kept as laid out so the workbook bench can write them. */
  private readonly layouts = new Map<string, SheetLayout>();
  reads = 0;
  writes = 0;

  read(table: TableDef): Cell[][] {
    this.reads++;
    return copy(this.tables.get(table.name) ?? []);
  }

  write(table: TableDef, rows: Cell[][]): void {
    this.writes++;
    this.tables.set(table.name, copy(rows));
  }

  addSheet(name: string, rows: Cell[][]): string {
    let title = name;
    for (let n = 2; this.tables.has(title); n++) title = `${name} (${n})`;
    this.writes++;
    this.tables.set(title, copy(rows));
    return title;
  }

  /** A laid-out sheet is kept as its cell values, as a spreadsheet would show them. */
  writeSheet(table: TableDef, layout: SheetLayout): void {
    this.writes++;
    this.layouts.set(table.name, layout);
    this.tables.set(
      table.name,
      layout.rows.map((row) => row.map((cell) => cell.value)),
    );
  }

  /** A sheet's layout as last laid out, without counting a read. */
  peekLayout(name: string): SheetLayout | undefined {
    return this.layouts.get(name);
  }

  /** A table's rows without counting a read; `[]` when it does not exist. */
  peek(name: string): Cell[][] {
    return this.tables.get(name) ?? [];
  }

  names(): string[] {
    return [...this.tables.keys()];
  }

  /** An independent copy of every table, with fresh counts. */
  clone(): BenchStore {
    const other = new BenchStore();
    for (const [name, rows] of this.tables) other.tables.set(name, copy(rows));
    for (const [name, layout] of this.layouts) other.layouts.set(name, layout);
    return other;
  }

  /** Rows (header excluded) and cells over every table. */
  size(): { rows: number; cells: number } {
    let rows = 0;
    let cells = 0;
    for (const table of this.tables.values()) {
      rows += Math.max(0, table.length - 1);
      for (const row of table) cells += row.length;
    }
    return { rows, cells };
  }
}

/** Says what it is told; durations come from the real monotonic clock. */
export { SettableClock as BenchClock } from '../src/local/clock';

export class BenchMarkers implements Markers {
  constructor(readonly values = new Map<string, string>()) {}
  get(key: string): string | null {
    return this.values.get(key) ?? null;
  }
  set(key: string, value: string): void {
    this.values.set(key, value);
  }
  clone(): BenchMarkers {
    return new BenchMarkers(new Map(this.values));
  }
}

/** Makes no document: records the name and how many fields it was given, returns an id and link. */
export class RecordingDocuments implements DocumentMaker {
  readonly made: { name: string; fields: number }[] = [];
  create(name: string): MadeDocument {
    const id = `doc-${this.made.length + 1}`;
    this.made.push({ name, fields: 0 });
    return { id, link: `https://docs.example.test/${id}` };
  }
  fill(document: MadeDocument, fields: Readonly<Record<string, string>>): void {
    const index = Number(document.id.slice(4)) - 1;
    if (this.made[index]) this.made[index]!.fields = Object.keys(fields).length;
  }
  void(document: MadeDocument): MadeDocument {
    return document;
  }
}
