/**
 * The table store over the Sheets API v4 from Node: the contract of the Apps Script store
 * (`src/gas/sheetsStore.ts`), with the calls made before and after the job instead of during
 * it, since the use cases are synchronous and the network is not. `load` makes one
 * `spreadsheets.get` for the tab names and one `values.batchGet` for every table; the job reads
 * and writes in memory; `flush` grows the grids first (one `spreadsheets.batchUpdate`), then
 * sends the rows that changed in one `values.batchUpdate`, RAW, so nothing a student typed is
 * parsed as a formula, a number or a date. A job costs these few requests at any size. Dates of
 * the schema's date columns go as serial numbers under the columns' date format, as in the Apps
 * Script store (the rows a sheet grows by, and a new tab, get the format in the grow call).
 * A job that lays a sheet out (the dashboard) sends everything in one `spreadsheets.batchUpdate`
 * instead, as the Apps Script store does: the laid-out sheet and its charts (the old ones, known
 * from `load`'s metadata, deleted) and the other tables' changed rows as `updateCells`.
 */
import type { sheets_v4 } from '@googleapis/sheets';
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
  withHeadRoom,
  TAB_GRID_FIELDS,
  tableChange,
  tabGrids,
  type TabGrid,
} from '../domain/sheetChanges';
import type { Cell } from '../domain/schema/column';
import { tabName, type TableDef } from '../domain/schema/table';
import type { SheetLayout } from '../domain/sheetLayout';
import { sheetLayoutRequests } from '../domain/sheetLayoutRequests';
import type { Locale } from '../domain/vocabulary';
import { quoteSheet } from '../gas/sheetsStore';
import type { CellMark, TableStore } from '../ports';
import type { GoogleApi } from './clients';

export interface GoogleStoreOptions {
  /** Add a tab for a table that has none (push into a fresh spreadsheet); else writing throws. */
  readonly createMissingSheets?: boolean;
}

export class GoogleSheetsStore implements TableStore {
  private grids: Map<string, TabGrid> | null = null;
  private readonly cache = new Map<string, Cell[][]>();
  private readonly pending = new Map<
    string,
    { def: TableDef | null; title: string; rows: Cell[][]; marks?: readonly CellMark[] }
  >();
  private readonly added = new Set<string>();
  private readonly layouts = new Map<string, { title: string; layout: SheetLayout }>();

  constructor(
    private readonly api: GoogleApi,
    readonly spreadsheetId: string,
    public locale: Locale = 'zh-CN',
    private readonly options: GoogleStoreOptions = {},
  ) {}

  /** Every tab's title, id and grid size (one `spreadsheets.get`), then every table's rows. */
  async load(defs: readonly TableDef[]): Promise<void> {
    if (!this.grids) {
      const meta = await this.api.call('sheets.spreadsheets.get', () =>
        this.api.sheets.spreadsheets.get({
          spreadsheetId: this.spreadsheetId,
          fields: TAB_GRID_FIELDS,
        }),
      );
      this.grids = tabGrids(meta);
    }
    const wanted = defs
      .filter((d) => !this.cache.has(d.name))
      .map((d) => ({ def: d, title: this.titleOf(d) }));
    for (const w of wanted) if (w.title === null) this.cache.set(w.def.name, []);
    const present = wanted.filter((w) => w.title !== null);
    if (present.length === 0) return;
    const response = await this.api.call('sheets.values.batchGet', () =>
      this.api.sheets.spreadsheets.values.batchGet({
        spreadsheetId: this.spreadsheetId,
        ranges: present.map((w) => quoteSheet(w.title!)),
        ...READ_OPTIONS,
      }),
    );
    const ranges = response.valueRanges ?? [];
    present.forEach((w, i) => {
      this.cache.set(w.def.name, cellsOf(ranges[i]?.values));
    });
  }

  private loadedGrids(): Map<string, TabGrid> {
    if (!this.grids) throw new Error('GoogleSheetsStore: load() the tables before the job');
    return this.grids;
  }

  /** The tab that holds the table: its name in the workbook's language, else in the other. */
  private titleOf(def: TableDef): string | null {
    const titles = this.loadedGrids();
    const names = [tabName(def, this.locale), def.zh, def.en];
    return names.find((n) => titles.has(n) || this.added.has(n)) ?? null;
  }

  /** The tables that have a tab (after `load`). */
  hasSheet(def: TableDef): boolean {
    return this.titleOf(def) !== null;
  }

  /** What the job wrote to the table, else what was read: a job reads its own writes. */
  read(def: TableDef): Cell[][] {
    const rows = this.pending.get(def.name)?.rows ?? this.cache.get(def.name);
    if (!rows) throw new Error(`GoogleSheetsStore: table ${def.name} was not loaded`);
    return rows.map((row) => [...row]);
  }

  write(def: TableDef, rows: Cell[][], marks?: readonly CellMark[]): void {
    let title = this.titleOf(def);
    if (title === null) {
      if (!this.options.createMissingSheets) {
        throw new Error(
          `the sheet "${tabName(def, this.locale)}" is missing; run 设置/Setup from the menu`,
        );
      }
      title = tabName(def, this.locale);
      this.added.add(title);
      if (!this.cache.has(def.name)) this.cache.set(def.name, []);
    }
    // A table written twice in a job keeps the marks of both writes, the later winning.
    const merged = mergeMarks(this.pending.get(def.name)?.marks, marks);
    this.pending.set(def.name, {
      def,
      title,
      rows: rows.map((r) => [...r]),
      ...(merged ? { marks: merged } : {}),
    });
  }

  /** A sheet laid out whole (the dashboard): its tab must exist, as `write`'s must. */
  writeSheet(def: TableDef, layout: SheetLayout): void {
    const title = this.titleOf(def);
    if (title === null || !this.loadedGrids().has(title)) {
      throw new Error(
        `the sheet "${tabName(def, this.locale)}" is missing; run 设置/Setup from the menu`,
      );
    }
    this.layouts.set(def.name, { title, layout });
  }

  /**
   * A new tab named `name` (or `name (2)`, … when taken) holding `rows`, made with the job's other
   * writes. Never overwrites a tab; returns the name used.
   */
  addSheet(name: string, rows: Cell[][]): string {
    const grids = this.loadedGrids();
    const taken = (title: string) => grids.has(title) || this.added.has(title);
    let title = name;
    for (let n = 2; taken(title); n++) title = `${name} (${n})`;
    this.added.add(title);
    const key = `sheet:${title}`;
    this.cache.set(key, []);
    this.pending.set(key, { def: null, title, rows: rows.map((r) => [...r]) });
    return title;
  }

  /** Drops a table's pending write: what the job did to it must not reach the spreadsheet. */
  discard(def: TableDef): void {
    this.pending.delete(def.name);
  }

  /** The tab or the rows and columns a table needs, and the date formats of the new rows. */
  private growth(
    title: string,
    rows: number,
    columns: number,
    dates: ReadonlyMap<number, DateKind>,
  ): sheets_v4.Schema$Request[] {
    const grids = this.loadedGrids();
    const grid = grids.get(title);
    if (!grid) {
      // A new tab (push): made with the room it needs, in the same call as the growth.
      const sheetId = this.newSheetId();
      grids.set(title, { sheetId, rows: withHeadRoom(rows), columns, charts: [] });
      return [
        {
          addSheet: {
            properties: {
              sheetId,
              title,
              gridProperties: { rowCount: withHeadRoom(rows), columnCount: Math.max(columns, 1) },
            },
          },
        },
        ...(dateFormatRequests(sheetId, dates, 1, null) as sheets_v4.Schema$Request[]),
      ];
    }
    const grown = gridGrowth(grid, rows, columns);
    if (grown.requests.length === 0) return [];
    grids.set(title, { ...grid, ...grown.grid });
    return [
      ...grown.requests,
      ...(dateFormatRequests(
        grid.sheetId,
        dates,
        grid.rows,
        grown.grid.rows,
      ) as sheets_v4.Schema$Request[]),
    ];
  }

  private newSheetId(): number {
    const used = new Set([...this.loadedGrids().values()].map((g) => g.sheetId));
    let id = 1_000_000_001;
    while (used.has(id)) id++;
    return id;
  }

  /**
   * Sends every pending table: the grids grown first (one call, only when needed), then only the
   * rows that differ from what was read, and blanks over rows a table no longer has, in one
   * `values.batchUpdate`. Returns the number of ranges sent.
   */
  async flush(): Promise<number> {
    if (this.layouts.size > 0) return this.flushAsOneBatch();
    const data: sheets_v4.Schema$ValueRange[] = [];
    const grow: sheets_v4.Schema$Request[] = [];
    const written: [string, Cell[][]][] = [];
    const marked: sheets_v4.Schema$Request[] = [];
    for (const [name, { def, title, rows, marks }] of this.pending) {
      const { was, now, dates } = tableChange(def, this.cache.get(name) ?? [], rows);
      const { ranges, total, width } = changedRanges(quoteSheet(title), was, now);
      data.push(...ranges);
      grow.push(...this.growth(title, total, width, dates));
      const grid = this.loadedGrids().get(title);
      if (marks && grid) marked.push(...markRequests(grid.sheetId, marks));
      written.push([name, rows]);
    }
    this.pending.clear();
    // The marks' notes and highlights go with the growth, after it (a mark may be on a new row).
    grow.push(...marked);
    // The Sheets API never grows a sheet on write: add the rows and columns first, in one call.
    if (grow.length > 0) await this.batchUpdate(grow);
    if (data.length > 0) {
      await this.api.call('sheets.values.batchUpdate', () =>
        this.api.sheets.spreadsheets.values.batchUpdate({
          spreadsheetId: this.spreadsheetId,
          requestBody: { valueInputOption: 'RAW', data },
        }),
      );
    }
    // Only what reached the spreadsheet becomes the new "before".
    for (const [name, rows] of written)
      this.cache.set(
        name,
        rows.map((r) => [...r]),
      );
    return data.length;
  }

  /**
   * A job that laid a sheet out: new tabs, growth, the laid-out sheets and every pending table's
   * changed rows in one `spreadsheets.batchUpdate`. Returns the number of requests sent.
   */
  private async flushAsOneBatch(): Promise<number> {
    const requests: sheets_v4.Schema$Request[] = [];
    const cells: sheets_v4.Schema$Request[] = [];
    const written: [string, Cell[][]][] = [];
    for (const [name, { def, title, rows, marks }] of this.pending) {
      const { was, now, dates } = tableChange(def, this.cache.get(name) ?? [], rows);
      const { total, width } = changedRanges(quoteSheet(title), was, now);
      requests.push(...this.growth(title, total, width, dates));
      const grid = this.loadedGrids().get(title)!;
      const changed = changedCellRequests(grid.sheetId, was, now);
      cells.push(...(changed.requests as sheets_v4.Schema$Request[]));
      if (marks) cells.push(...(markRequests(grid.sheetId, marks) as sheets_v4.Schema$Request[]));
      written.push([name, rows]);
    }
    this.pending.clear();
    const grids = this.loadedGrids();
    for (const { title, layout } of this.layouts.values()) {
      const grid = grids.get(title)!;
      const laid = sheetLayoutRequests(layout, grid, grid.charts);
      requests.push(...(laid.requests as sheets_v4.Schema$Request[]));
      grids.set(title, { ...grid, ...laid.grid, charts: [] });
    }
    this.layouts.clear();
    requests.push(...cells);
    const reply = await this.batchUpdate(requests);
    // The new charts, so that the next layout of the sheet replaces them too.
    for (const r of reply.replies ?? []) {
      const chart = r.addChart?.chart;
      const sheetId = chart?.position?.overlayPosition?.anchorCell?.sheetId;
      if (typeof chart?.chartId !== 'number' || typeof sheetId !== 'number') continue;
      for (const [title, grid] of grids) {
        if (grid.sheetId === sheetId) {
          grids.set(title, { ...grid, charts: [...grid.charts, chart.chartId] });
        }
      }
    }
    for (const [name, rows] of written)
      this.cache.set(
        name,
        rows.map((r) => [...r]),
      );
    return requests.length;
  }

  private async batchUpdate(
    requests: sheets_v4.Schema$Request[],
  ): Promise<sheets_v4.Schema$BatchUpdateSpreadsheetResponse> {
    const response = await this.api.call('sheets.spreadsheets.batchUpdate', () =>
      this.api.sheets.spreadsheets.batchUpdate({
        spreadsheetId: this.spreadsheetId,
        requestBody: { requests },
      }),
    );
    return response ?? {};
  }
}
