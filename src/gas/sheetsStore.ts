/**
 * The table store over the Sheets API (advanced service): one `Spreadsheets.get` to learn the tab
 * names, one `values.batchGet` for every table a job reads, one `values.batchUpdate` for every
 * table it changed. However many tables and rows, a job costs the same few calls.
 *
 * Values are written RAW, so nothing a student typed is ever parsed as a formula, a number or a
 * date; and only the rows that changed are sent. The dates and times of the schema's date columns
 * go as serial numbers, which the columns' date format (set up by setup.ts, and here on the rows
 * a sheet grows by, in the same grow call) shows as dates and reads back as the same text.
 *
 * A job that lays a sheet out (the dashboard) writes everything in ONE `Spreadsheets.batchUpdate`
 * instead: the laid-out sheet's cells, formats, widths and charts, and the other tables' changed
 * rows as `updateCells` (text as `stringValue`, which is what RAW writes). Its old charts are
 * known from the metadata call, which lists every sheet's chart ids.
 */
import { columnLetter } from '../domain/a1';
import type { DateKind } from '../domain/serialDate';
import {
  cellsOf,
  changedCellRequests,
  changedRanges,
  dateFormatRequests,
  gridGrowth,
  markRequests,
  mergeMarks,
  READ_OPTIONS,
  TAB_GRID_FIELDS,
  tableChange,
  tabGrids,
  type TabGrid,
  type ValueRange,
} from '../domain/sheetChanges';
import type { Cell } from '../domain/schema/column';
import { tabName, type TableDef } from '../domain/schema/table';
import type { SheetLayout } from '../domain/sheetLayout';
import { sheetLayoutRequests } from '../domain/sheetLayoutRequests';
import type { Locale } from '../domain/vocabulary';
import type { CellMark, TableStore } from '../ports';

/** Sheet names are quoted in A1 notation; a quote inside is doubled. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

interface Pending {
  readonly def: TableDef;
  readonly title: string;
  readonly rows: Cell[][];
  /** Marks to change with the write (see `CellMark`). */
  readonly marks?: readonly CellMark[];
}

type Request = GoogleAppsScript.Sheets.Schema.Request;

export class SheetsApiStore implements TableStore {
  private grids: Map<string, TabGrid> | null = null;
  private readonly cache = new Map<string, Cell[][]>();
  private readonly pending = new Map<string, Pending>();
  /** Sheets to add on flush (archives, not tables), by title. */
  private readonly added = new Map<string, Cell[][]>();
  /** Sheets laid out whole (the dashboard), by table name. */
  private readonly layouts = new Map<string, { title: string; layout: SheetLayout }>();

  constructor(
    private readonly spreadsheetId: string,
    private readonly locale: Locale,
  ) {}

  /** Every tab's title, id and grid size, from one metadata call. */
  private sheetGrids(): Map<string, TabGrid> {
    if (!this.grids) {
      const meta = Sheets!.Spreadsheets!.get(this.spreadsheetId, {
        fields: TAB_GRID_FIELDS,
      });
      this.grids = tabGrids(meta);
    }
    return this.grids;
  }

  /** After sheets were added or written by other means (setup), read them afresh. */
  forgetSheets(): void {
    this.grids = null;
    this.cache.clear();
  }

  /** The tab that holds the table: its name in the workbook's language, else in the other. */
  private titleOf(def: TableDef): string | null {
    const titles = this.sheetGrids();
    const names = [tabName(def, this.locale), def.zh, def.en];
    return names.find((n) => titles.has(n)) ?? null;
  }

  /** Reads every given table in one call; later `read`s are served from it. */
  prefetch(defs: readonly TableDef[]): void {
    const wanted = defs
      .filter((d) => !this.cache.has(d.name))
      .map((d) => ({ def: d, title: this.titleOf(d) }));
    for (const w of wanted) if (w.title === null) this.cache.set(w.def.name, []);
    const present = wanted.filter((w) => w.title !== null);
    if (present.length === 0) return;
    const response = Sheets!.Spreadsheets!.Values!.batchGet(this.spreadsheetId, {
      ranges: present.map((w) => quoteSheet(w.title!)),
      ...READ_OPTIONS,
    });
    const ranges = response.valueRanges ?? [];
    present.forEach((w, i) => {
      this.cache.set(w.def.name, cellsOf(ranges[i]?.values));
    });
  }

  read(def: TableDef): Cell[][] {
    // A job that runs several use cases (the daily trigger) reads what an earlier one wrote.
    const written = this.pending.get(def.name);
    if (written) return written.rows.map((row) => [...row]);
    if (!this.cache.has(def.name)) this.prefetch([def]);
    return (this.cache.get(def.name) ?? []).map((row) => [...row]);
  }

  write(def: TableDef, rows: Cell[][], marks?: readonly CellMark[]): void {
    const title = this.existingTitle(def);
    // A table written twice in a job keeps the marks of both writes, the later winning.
    const merged = mergeMarks(this.pending.get(def.name)?.marks, marks);
    this.pending.set(def.name, { def, title, rows, ...(merged ? { marks: merged } : {}) });
  }

  writeSheet(def: TableDef, layout: SheetLayout): void {
    this.layouts.set(def.name, { title: this.existingTitle(def), layout });
  }

  private existingTitle(def: TableDef): string {
    const title = this.titleOf(def);
    if (title === null) {
      throw new Error(
        `the sheet "${tabName(def, this.locale)}" is missing; run 设置/Setup from the menu`,
      );
    }
    return title;
  }

  addSheet(name: string, rows: Cell[][]): string {
    const taken = (title: string) => this.sheetGrids().has(title) || this.added.has(title);
    let title = name;
    for (let n = 2; taken(title); n++) title = `${name} (${n})`;
    this.added.set(
      title,
      rows.map((r) => [...r]),
    );
    return title;
  }

  /** The new sheets, sized to hold their rows, and the ranges that fill them. */
  private additions(): {
    requests: Request[];
    data: { range: string; values: (string | number | boolean)[][] }[];
  } {
    const requests: Request[] = [];
    const data: { range: string; values: (string | number | boolean)[][] }[] = [];
    for (const [title, rows] of this.added) {
      const width = Math.max(1, ...rows.map((r) => r.length));
      requests.push({
        addSheet: {
          properties: {
            title,
            gridProperties: {
              rowCount: Math.max(rows.length + 1, 100),
              columnCount: Math.max(width, 26),
              frozenRowCount: 1,
            },
          },
        },
      });
      if (rows.length > 0) {
        data.push({
          range: `${quoteSheet(title)}!A1:${columnLetter(width)}${rows.length}`,
          values: rows.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? '')) as (
            string | number | boolean
          )[][],
        });
      }
    }
    this.added.clear();
    return { requests, data };
  }

  /** The rows and columns the sheet must grow by, and the date formats of its new rows. */
  private growth(
    title: string,
    rows: number,
    columns: number,
    dates: ReadonlyMap<number, DateKind>,
  ): GoogleAppsScript.Sheets.Schema.Request[] {
    const grid = this.sheetGrids().get(title);
    if (!grid) return [];
    const grown = gridGrowth(grid, rows, columns);
    if (grown.requests.length === 0) return [];
    this.sheetGrids().set(title, { ...grid, ...grown.grid });
    return [
      ...grown.requests,
      ...dateFormatRequests(grid.sheetId, dates, grid.rows, grown.grid.rows),
    ] as GoogleAppsScript.Sheets.Schema.Request[];
  }

  /** The tables written and not yet flushed, by name. */
  pendingTables(): string[] {
    return [...this.pending.keys()];
  }

  /**
   * Sends every pending table in one `batchUpdate`: only the rows that differ from what was read,
   * and blanks over rows a table no longer has. Returns the number of ranges sent. The sheets'
   * growth and the marks' notes and highlights go first, together in one `batchUpdate`.
   */
  flush(): number {
    if (this.layouts.size > 0) return this.flushAsOneBatch();
    const data: ValueRange[] = [];
    const grow: Request[] = [];
    const marked: Request[] = [];
    for (const [name, { def, title, rows, marks }] of this.pending) {
      const { was, now, dates } = tableChange(def, this.cache.get(name) ?? [], rows);
      const { ranges, total, width } = changedRanges(quoteSheet(title), was, now);
      data.push(...ranges);
      grow.push(...this.growth(title, total, width, dates));
      const grid = this.sheetGrids().get(title);
      if (marks && grid) marked.push(...markRequests(grid.sheetId, marks));
      this.cache.set(
        name,
        rows.map((r) => [...r]),
      );
    }
    this.pending.clear();
    const additions = this.additions();
    grow.unshift(...additions.requests);
    grow.push(...marked);
    data.unshift(...additions.data);
    // The Sheets API never grows a sheet on write: add sheets, rows and columns first, in one call.
    if (grow.length > 0) Sheets!.Spreadsheets!.batchUpdate({ requests: grow }, this.spreadsheetId);
    this.sendValues(data);
    return data.length;
  }

  /**
   * A job that laid a sheet out: the grids grown, the laid-out sheets and every pending table's
   * changed rows in one `Spreadsheets.batchUpdate`. Returns the number of requests sent.
   */
  private flushAsOneBatch(): number {
    const additions = this.additions();
    const requests: Request[] = [...additions.requests];
    const cells: Request[] = [];
    for (const [name, { def, title, rows, marks }] of this.pending) {
      const grid = this.sheetGrids().get(title)!;
      const { was, now, dates } = tableChange(def, this.cache.get(name) ?? [], rows);
      const changed = changedCellRequests(grid.sheetId, was, now);
      requests.push(...this.growth(title, changed.total, changed.width, dates));
      cells.push(...(changed.requests as Request[]));
      if (marks) cells.push(...(markRequests(grid.sheetId, marks) as Request[]));
      this.cache.set(
        name,
        rows.map((r) => [...r]),
      );
    }
    this.pending.clear();
    for (const [name, { title, layout }] of this.layouts) {
      const grid = this.sheetGrids().get(title)!;
      const laid = sheetLayoutRequests(layout, grid, grid.charts);
      requests.push(...(laid.requests as Request[]));
      // The old charts are deleted; the new ones' ids come with the reply.
      this.sheetGrids().set(title, { ...grid, ...laid.grid, charts: [] });
      this.cache.delete(name);
    }
    this.layouts.clear();
    requests.push(...cells);
    const reply = Sheets!.Spreadsheets!.batchUpdate({ requests }, this.spreadsheetId);
    this.rememberCharts(reply);
    // An archive sheet added by the same job is filled once it exists.
    this.sendValues(additions.data);
    return requests.length;
  }

  /** The charts the batch added, so that a second flush in the same run replaces them too. */
  private rememberCharts(reply: GoogleAppsScript.Sheets.Schema.BatchUpdateSpreadsheetResponse) {
    for (const r of reply.replies ?? []) {
      const chart = r.addChart?.chart;
      const sheetId = chart?.position?.overlayPosition?.anchorCell?.sheetId;
      if (chart?.chartId === undefined || sheetId === undefined) continue;
      for (const [title, grid] of this.sheetGrids()) {
        if (grid.sheetId === sheetId) {
          this.sheetGrids().set(title, { ...grid, charts: [...grid.charts, chart.chartId] });
        }
      }
    }
  }

  private sendValues(data: readonly ValueRange[]): void {
    if (data.length === 0) return;
    Sheets!.Spreadsheets!.Values!.batchUpdate(
      { valueInputOption: 'RAW', data: [...data] },
      this.spreadsheetId,
    );
  }
}
