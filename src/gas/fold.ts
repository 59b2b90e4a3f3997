/**
 * Folding the inbox into the tables (DESIGN §8). Google appends every response to its form's
 * response sheet; a fold, under the script lock, reads the rows past each sheet's high-water mark
 * and only the slices validation needs, runs them through the ingest use case, and appends the
 * canonical rows and moves the marks in ONE atomic `spreadsheets.batchUpdate` (appendCells plus
 * the marks in the spreadsheet's developer metadata): a fold cut off anywhere leaves either
 * nothing or everything, so no response is ever filed twice or lost.
 *
 * Activity reports, the form that comes in bursts, take the narrow path: besides the rows
 * themselves, the fold reads Config, Judges, the header rows of the tables it appends to and the
 * Branches rows the reports name (branch `B007` is row 8 unless staff re-sorted the sheet; then
 * the whole sheet once). Its calls and cells do not grow with the tables. Reports of one batch
 * that repeat each other are marked there; a repeat of an older report is marked when the month's
 * showcase or finalisation rescores the month (they always have).
 *
 * The other forms (applications, votes, defense sheets, nominations: a few hundred a year, not in
 * bursts) take the whole-table path of the same use case, whose multi-row rules need their tables.
 * That path is idempotent by response id, so its marks are moved by a second call.
 */
import { readConfig, type Ports } from '../app/context';
import { ingestResponses } from '../app/ingest';
import { columnLetter } from '../domain/a1';
import { DEFAULT_CONFIG } from '../domain/config';
import type { FormResponse } from '../domain/forms';
import type { Cell } from '../domain/schema/column';
import type { TableDef } from '../domain/schema/table';
import {
  ActivitiesTable,
  BranchesTable,
  ConfigTable,
  JudgesTable,
  LogTable,
  RejectedTable,
} from '../domain/schema/tables';
import { workbookTables } from '../domain/schema/workbook';
import type { Locale } from '../domain/vocabulary';
import type { CellMark, TableStore } from '../ports';
import {
  cellsOf,
  dateColumnsOf,
  dateFormatRequests,
  MARK_FIELDS,
  markedCell,
  READ_OPTIONS,
  withSerialDates,
} from '../domain/sheetChanges';
import { lazyMarkers } from './job';
import {
  inboxForm,
  isResponseSheet,
  readInboxRows,
  unmatchedRows,
  type InboxMark,
  type UnreadableRow,
} from './inbox';
import { GasClock } from './services';
import { quoteSheet, SheetsApiStore } from './sheetsStore';

export const INBOX_MARKS_KEY = 'starbranch.inbox';

export interface FoldOptions {
  /** How long to wait for the script lock; a handler that gets nothing returns. */
  readonly waitMs: number;
  /** Stop starting new batches after this long (checkpointed: every batch moves the marks). */
  readonly budgetMs: number;
  /** Inbox rows read per sheet per batch. */
  readonly batchRows: number;
  /** Tables the whole-table path reads (the ingest's tables). */
  readonly ingestTables: readonly TableDef[];
}

export interface FoldReport {
  readonly busy: boolean;
  /** The workbook's locale (zh-CN when the fold never read Config). */
  readonly locale: Locale;
  readonly batches: number;
  readonly added: number;
  readonly rejected: number;
  /** True when a batch came back full: more rows may wait past the marks. */
  readonly remaining: boolean;
}

interface Grid {
  readonly sheetId: number;
  readonly title: string;
  readonly rows: number;
  readonly columns: number;
}

interface Meta {
  readonly grids: Grid[];
  readonly marks: Record<string, InboxMark>;
  readonly metadataId: number | null;
}

function readMeta(spreadsheetId: string): Meta {
  const meta = Sheets!.Spreadsheets!.get(spreadsheetId, {
    fields:
      'sheets.properties(title,sheetId,gridProperties(rowCount,columnCount)),' +
      'developerMetadata(metadataId,metadataKey,metadataValue)',
  });
  const grids = (meta.sheets ?? []).map((s) => ({
    sheetId: s.properties?.sheetId ?? 0,
    title: s.properties?.title ?? '',
    rows: s.properties?.gridProperties?.rowCount ?? 0,
    columns: s.properties?.gridProperties?.columnCount ?? 0,
  }));
  const entry = (meta.developerMetadata ?? []).find((m) => m.metadataKey === INBOX_MARKS_KEY);
  let marks: Record<string, InboxMark> = {};
  try {
    marks = entry?.metadataValue ? (JSON.parse(entry.metadataValue) as typeof marks) : {};
  } catch {
    marks = {};
  }
  return { grids, marks, metadataId: entry?.metadataId ?? null };
}

/** Tables served from values already read: whole, a header alone, or a header and some rows. */
class SliceStore implements TableStore {
  readonly written = new Map<string, Cell[][]>();
  readonly marks = new Map<string, readonly CellMark[]>();
  constructor(private readonly slices: ReadonlyMap<string, Cell[][]>) {}
  read(def: TableDef): Cell[][] {
    const slice = this.slices.get(def.name);
    if (!slice) throw new Error(`the fold did not read ${def.name}`);
    return slice.map((row) => [...row]);
  }
  write(def: TableDef, rows: Cell[][], marks?: readonly CellMark[]): void {
    this.written.set(def.name, rows);
    if (marks) this.marks.set(def.name, marks);
  }
  /** Folding only appends to its tables: a job that needs a new sheet is not a fold. */
  addSheet(name: string): string {
    throw new Error(`a fold adds no sheets (asked for ${name})`);
  }
  /** Nor does it lay a sheet out. */
  writeSheet(def: TableDef): void {
    throw new Error(`a fold lays out no sheets (asked for ${def.name})`);
  }
}

function batchGet(spreadsheetId: string, ranges: readonly string[]): Cell[][][] {
  if (ranges.length === 0) return [];
  const response = Sheets!.Spreadsheets!.Values!.batchGet(spreadsheetId, {
    ranges: [...ranges],
    ...READ_OPTIONS,
  });
  return ranges.map((_, i) => cellsOf(response.valueRanges?.[i]?.values));
}

function titleOf(grids: readonly Grid[], def: TableDef): Grid | undefined {
  return grids.find((g) => g.title === def.zh) ?? grids.find((g) => g.title === def.en);
}

/**
 * The appended rows in the order of the sheet's own header (staff may have moved columns), and
 * where each written column went (-1: the sheet has no such column).
 */
function alignTo(
  sheetHeader: readonly Cell[],
  written: readonly Cell[][],
): { rows: Cell[][]; columnOf: (written: number) => number } {
  const [header = [], ...rows] = written;
  if (sheetHeader.length === 0) return { rows: [header, ...rows], columnOf: (c) => c };
  const from = sheetHeader.map((h) => header.findIndex((w) => w === h));
  return {
    rows: rows.map((row) => from.map((i) => (i < 0 ? null : (row[i] ?? null)))),
    columnOf: (c) => from.indexOf(c),
  };
}

/**
 * The rows appended, with the marks that fall on them (the failing answers of new rejections:
 * a note and a highlight, in the same request as the values). `marks` index the written rows.
 */
function appendRequest(
  sheetId: number,
  written: readonly Cell[][],
  sheetHeader: readonly Cell[],
  marks: readonly CellMark[] = [],
  convert: (rows: Cell[][]) => Cell[][] = (rows) => rows,
) {
  const aligned = alignTo(sheetHeader, written);
  const { columnOf } = aligned;
  const rows = convert(aligned.rows);
  // A header-only slice: the written rows after the header are the ones appended.
  const offset = written.length - rows.length;
  const noteAt = new Map<string, string | null>();
  for (const mark of marks) noteAt.set(`${mark.row - offset}:${columnOf(mark.column)}`, mark.note);
  const marked = marks.some((m) => m.note !== null);
  return {
    appendCells: {
      sheetId,
      fields: marked ? `userEnteredValue,${MARK_FIELDS}` : 'userEnteredValue',
      rows: rows.map((row, r) => ({
        values: row.map((v, c) => {
          const note = noteAt.get(`${r}:${c}`);
          return {
            ...(v === null
              ? {}
              : {
                  userEnteredValue:
                    typeof v === 'number'
                      ? { numberValue: v }
                      : typeof v === 'boolean'
                        ? { boolValue: v }
                        : { stringValue: v },
                }),
            ...(note ? markedCell(note) : {}),
          };
        }),
      })),
    },
  };
}

function marksRequest(meta: Meta, marks: Record<string, InboxMark>) {
  const value = JSON.stringify(marks);
  return meta.metadataId === null
    ? {
        createDeveloperMetadata: {
          developerMetadata: {
            metadataKey: INBOX_MARKS_KEY,
            metadataValue: value,
            location: { spreadsheet: true },
            visibility: 'DOCUMENT',
          },
        },
      }
    : {
        updateDeveloperMetadata: {
          dataFilters: [{ developerMetadataLookup: { metadataId: meta.metadataId } }],
          developerMetadata: { metadataValue: value },
          fields: 'metadataValue',
        },
      };
}

const TABLE_TITLES = new Set(
  workbookTables(DEFAULT_CONFIG.defenseRubric).flatMap((def) => [def.zh, def.en]),
);

function branchRow(answer: string | undefined): number | null {
  const n = /^\s*B(\d+)(?:\s|$)/i.exec(answer ?? '')?.[1];
  return n === undefined ? null : Number(n) + 1;
}

/** One batch: read, judge, append, move the marks. Returns null when the inbox is empty. */
function foldBatch(
  spreadsheetId: string,
  options: FoldOptions,
): Omit<FoldReport, 'busy' | 'batches'> | null {
  const meta = readMeta(spreadsheetId);
  const { grids } = meta;
  const inboxes = grids.filter(
    (g) => !TABLE_TITLES.has(g.title) && meta.marks[g.sheetId]?.form !== null,
  );
  const pending = inboxes.filter((g) => (meta.marks[g.sheetId]?.rows ?? 0) + 2 <= g.rows);
  if (pending.length === 0) return null;

  const tableRanges: [TableDef, string][] = [];
  const whole = (def: TableDef) => {
    const g = titleOf(grids, def);
    if (g) tableRanges.push([def, quoteSheet(g.title)]);
  };
  const header = (def: TableDef) => {
    const g = titleOf(grids, def);
    if (g) tableRanges.push([def, `${quoteSheet(g.title)}!1:1`]);
  };
  whole(ConfigTable);
  whole(JudgesTable);
  for (const def of [BranchesTable, ActivitiesTable, RejectedTable, LogTable]) header(def);
  const inboxRanges = pending.flatMap((g) => {
    const from = (meta.marks[g.sheetId]?.rows ?? 0) + 2;
    const to = Math.min(g.rows, from + options.batchRows - 1);
    return [
      `${quoteSheet(g.title)}!1:1`,
      `${quoteSheet(g.title)}!A${from}:${columnLetter(g.columns)}${to}`,
    ];
  });
  const values = batchGet(spreadsheetId, [...tableRanges.map(([, r]) => r), ...inboxRanges]);
  const slices = new Map<string, Cell[][]>();
  tableRanges.forEach(([def], i) => slices.set(def.name, values[i]!));
  const config = readConfig({
    store: new SliceStore(slices),
    clock: new GasClock('Asia/Shanghai'),
  });

  const marks: Record<string, InboxMark> = { ...meta.marks };
  const responses: FormResponse[] = [];
  const unreadable: UnreadableRow[] = [];
  let full = false;
  let remaining = false;
  let registered = false;
  pending.forEach((g, i) => {
    const head = values[tableRanges.length + 2 * i]!;
    const rows = values[tableRanges.length + 2 * i + 1]!;
    const previous = meta.marks[g.sheetId];
    // Told from the header at every fold (it is read anyway): a form edited by hand is noticed.
    const form = inboxForm(head[0] ?? [], config);
    const from = previous?.rows ?? 0;
    const read = Math.min(g.rows - 1 - from, options.batchRows);
    // Rows past the last one with data are the grid's blank tail: not read, not passed.
    const consumed = Math.min(read, rows.length);
    if (form === null && isResponseSheet(head[0] ?? [])) {
      // A form linked here whose questions match none of ours (edited by hand): its rows go to
      // 待处理 with their answers, as they arrive; the sheet is read again in case it is fixed.
      unreadable.push(...unmatchedRows(head[0] ?? [], rows.slice(0, consumed), config.locale));
      marks[g.sheetId] = { rows: from + consumed, form: '?', minute: '', recent: [] };
      if (consumed === options.batchRows) remaining = true;
      return;
    }
    if (form === null) {
      marks[g.sheetId] = { rows: 0, form: null, minute: '', recent: [] };
      registered = true;
      return;
    }
    if (!previous) registered = true;
    const got = readInboxRows(form, head[0] ?? [], rows.slice(0, consumed), config, {
      minute: previous?.minute ?? '',
      recent: previous?.recent ?? [],
    });
    responses.push(...got.responses);
    unreadable.push(...got.unreadable);
    if (form !== 'activity' && got.responses.length > 0) full = true;
    marks[g.sheetId] = { rows: from + consumed, form, minute: got.minute, recent: got.recent };
    if (consumed === options.batchRows) remaining = true;
  });
  if (responses.length === 0 && unreadable.length === 0) {
    if (!registered) return null;
    Sheets!.Spreadsheets!.batchUpdate({ requests: [marksRequest(meta, marks)] }, spreadsheetId);
    return { added: 0, rejected: 0, remaining, locale: config.locale };
  }

  const clock = new GasClock(config.timeZone);
  let report;
  if (full) {
    const store = new SheetsApiStore(spreadsheetId, config.locale);
    store.prefetch([ConfigTable, ...options.ingestTables]);
    report = ingestResponses({ store, clock }, responses, unreadable);
    store.flush();
    Sheets!.Spreadsheets!.batchUpdate({ requests: [marksRequest(meta, marks)] }, spreadsheetId);
  } else {
    // The Branches rows the reports name, by position; the whole sheet only when one is not there.
    const branchGrid = titleOf(grids, BranchesTable);
    const wanted = [
      ...new Set(
        responses
          .map((r) => branchRow(r.answers.branch))
          .filter(
            (n): n is number => n !== null && branchGrid !== undefined && n <= branchGrid.rows,
          ),
      ),
    ];
    const branchHeader = slices.get(BranchesTable.name)?.[0] ?? [];
    const idColumn = branchHeader.findIndex(
      (h) => h === BranchesTable.columns.id.zh || h === BranchesTable.columns.id.en,
    );
    // A branch typed by name (not picked from the dropdown) is found only in the whole sheet.
    const byName = responses.some((r) => branchRow(r.answers.branch) === null);
    let branchRows: Cell[][] = [];
    if (branchGrid && byName) {
      branchRows = batchGet(spreadsheetId, [quoteSheet(branchGrid.title)])[0]!.slice(1);
    } else if (branchGrid && wanted.length > 0) {
      const width = columnLetter(Math.max(1, branchHeader.length));
      const got = batchGet(
        spreadsheetId,
        wanted.map((n) => `${quoteSheet(branchGrid.title)}!A${n}:${width}${n}`),
      );
      branchRows = got.map((rows) => rows[0] ?? []);
      const misplaced = wanted.some(
        (n, i) =>
          String(branchRows[i]?.[idColumn] ?? '').toUpperCase() !==
          `B${String(n - 1).padStart(3, '0')}`,
      );
      if (misplaced)
        branchRows = batchGet(spreadsheetId, [quoteSheet(branchGrid.title)])[0]!.slice(1);
    }
    slices.set(BranchesTable.name, [branchHeader, ...branchRows.filter((r) => r.length > 0)]);
    const store = new SliceStore(slices);
    // An Apps Script job's ports: with markers, ingest leaves stale months to the daily run.
    const ports: Ports = { store, clock, markers: lazyMarkers() };
    report = ingestResponses(ports, responses, unreadable);
    const requests: object[] = [];
    for (const def of [ActivitiesTable, RejectedTable, LogTable]) {
      const written = store.written.get(def.name);
      const grid = titleOf(grids, def);
      if (!written || written.length <= 1 || !grid) continue;
      const sheetHeader = slices.get(def.name)?.[0] ?? [];
      const header = sheetHeader.length > 0 ? sheetHeader : (written[0] ?? []);
      // Dates as serial numbers, and their columns' date format over the rows appendCells may
      // have added past the grid (the format setup gave stops there).
      const dates = dateColumnsOf(def, header);
      requests.push(
        appendRequest(grid.sheetId, written, sheetHeader, store.marks.get(def.name), (rows) =>
          withSerialDates([header, ...rows], dates).slice(1),
        ),
      );
      requests.push(...dateFormatRequests(grid.sheetId, dates, 1, null));
    }
    requests.push(marksRequest(meta, marks));
    Sheets!.Spreadsheets!.batchUpdate({ requests }, spreadsheetId);
  }
  return { added: report.added, rejected: report.rejected, remaining, locale: config.locale };
}

/**
 * Folds the inbox under the script lock, batch after batch while rows remain and the budget
 * lasts. A caller that cannot have the lock in `waitMs` gets `busy` and nothing is read: the
 * fold holding the lock, the next submission's or the ten-minute sweep takes its rows.
 */
export function foldInbox(options: FoldOptions): FoldReport {
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(options.waitMs)) {
    return { busy: true, locale: 'zh-CN', batches: 0, added: 0, rejected: 0, remaining: true };
  }
  try {
    const started = Date.now();
    const spreadsheetId = SpreadsheetApp.getActiveSpreadsheet().getId();
    let batches = 0;
    let added = 0;
    let rejected = 0;
    let remaining = false;
    let locale: Locale = 'zh-CN';
    for (;;) {
      const done = foldBatch(spreadsheetId, options);
      if (!done) break;
      batches++;
      added += done.added;
      rejected += done.rejected;
      remaining = done.remaining;
      locale = done.locale;
      if (Date.now() - started > options.budgetMs) break;
      // A batch that was not full read everything there was: one more look would find only rows
      // that arrived meanwhile, and their own handlers are waiting for this lock.
      if (!remaining) break;
    }
    return { busy: false, locale, batches, added, rejected, remaining };
  } finally {
    lock.releaseLock();
  }
}

/**
 * Whether any inbox has a row past its mark: the metadata and one cell per inbox, no lock. The
 * sweep asks this first, so a quiet ten minutes costs four calls.
 */
export function inboxHasRows(): boolean {
  const spreadsheetId = SpreadsheetApp.getActiveSpreadsheet().getId();
  const meta = readMeta(spreadsheetId);
  const next = meta.grids
    .filter((g) => !TABLE_TITLES.has(g.title) && meta.marks[g.sheetId]?.form !== null)
    .map((g) => ({ g, row: (meta.marks[g.sheetId]?.rows ?? 0) + 2 }))
    .filter(({ g, row }) => row <= g.rows);
  const cells = batchGet(
    spreadsheetId,
    next.map(({ g, row }) => `${quoteSheet(g.title)}!A${row}`),
  );
  return cells.some((rows) => rows.length > 0);
}
