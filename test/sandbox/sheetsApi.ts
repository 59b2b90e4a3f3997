/// <reference types="google-apps-script" />
/**
 * The Sheets v4 advanced service (`Sheets.Spreadsheets…`) over the same in-memory spreadsheets
 * as SpreadsheetApp. Not in the original brief, but `src/gas` reads and writes every table
 * through it (`values.batchGet` / `values.batchUpdate`).
 *
 * Faithful where it matters:
 *  - a range past the sheet's grid fails with Google's "exceeds grid limits" error (reads and
 *    writes; the API does not grow a sheet, only `append` does);
 *  - `valueInputOption` is required; `RAW` stores strings verbatim, `USER_ENTERED` parses them
 *    like typed text (`interpretInput`: formulas, numbers, dates);
 *  - data larger than its range fails ("Requested writing within range …");
 *  - reads drop trailing empty rows and cells, and omit `values` when nothing is there;
 *    `valueRenderOption` FORMATTED_VALUE (default) / UNFORMATTED_VALUE / FORMULA and
 *    `dateTimeRenderOption` SERIAL_NUMBER (default) / FORMATTED_STRING are honoured, for Dates
 *    and for numbers under a date format alike (a date written RAW as its serial number);
 *  - `null` in written values leaves the cell alone; '' clears it;
 *  - a request is JSON: a Date in written values arrives as its ISO string.
 * `Spreadsheets.batchUpdate` is `sheetsRequests.ts`: checked whole, then applied in order.
 * `Spreadsheets.get` gives each sheet's properties, protected ranges and charts.
 */
import { Fake, unwrapped, type Assert, type OnlyApi } from './calls';
import { displayValue, type CellValue, type FakeSheet, type FakeSpreadsheet } from './spreadsheet';
import { BatchUpdate } from './sheetsRequests';
import { developerMetadataOf } from './sheetsFoldRequests';
import { sheetsSerial } from './time';
import { a1Of, columnLetters, isDate, parseA1, project, quoteSheetName } from './util';
import type { World } from './world';

type ValueRange = GoogleAppsScript.Sheets.Schema.ValueRange;
type Sheet = GoogleAppsScript.Sheets.Schema.Sheet;
type Options = Record<string, unknown> | undefined;

interface Box {
  readonly sheet: FakeSheet;
  readonly row: number;
  readonly col: number;
  readonly nr: number;
  readonly nc: number;
}

function boxA1(box: Box): string {
  return `${quoteSheetName(box.sheet._name)}!${a1Of(box.row, box.col, box.nr, box.nc)}`;
}

function spreadsheetOf(world: World, id: string, method: string): FakeSpreadsheet {
  const ss = world._spreadsheets.get(String(id));
  if (!ss || world._isTrashed(ss._id)) {
    throw world._googleJsonError(
      `sheets.spreadsheets.${method}`,
      'Requested entity was not found.',
      404,
    );
  }
  return ss;
}

/** A range as the Sheets API reads it: a sheet name alone is the whole sheet. */
function resolve(world: World, ss: FakeSpreadsheet, range: unknown, method: string): Box {
  const text = String(range);
  const ref = parseA1(text, true);
  const fail = () =>
    world._googleJsonError(`sheets.spreadsheets.${method}`, `Unable to parse range: ${text}`, 400);
  if (!ref) throw fail();
  const sheet = ref.sheet === null ? ss._sheets[0]! : unwrapped(ss)._find(ref.sheet);
  if (!sheet) throw fail();
  const b = ref.box ?? {};
  const row1 = b.row1 ?? 1;
  const col1 = b.col1 ?? 1;
  const row2 = b.row2 ?? sheet._maxRows;
  const col2 = b.col2 ?? sheet._maxCols;
  const box = {
    sheet,
    row: Math.min(row1, row2),
    col: Math.min(col1, col2),
    nr: Math.abs(row2 - row1) + 1,
    nc: Math.abs(col2 - col1) + 1,
  };
  if (box.row + box.nr - 1 > sheet._maxRows || box.col + box.nc - 1 > sheet._maxCols) {
    throw world._googleJsonError(
      `sheets.spreadsheets.${method}`,
      `Range (${boxA1(box)}) exceeds grid limits. Max rows: ${sheet._maxRows}, max columns: ${sheet._maxCols}`,
      400,
    );
  }
  return box;
}

function render(
  sheet: FakeSheet,
  r: number,
  c: number,
  valueRender: string,
  dateRender: string,
): unknown {
  const v: CellValue | undefined = sheet._values.get(r, c);
  if (valueRender === 'FORMULA') {
    const f = sheet._formulas.get(r, c);
    if (f) return f;
  }
  if (v === undefined) return '';
  const ss = sheet._ss;
  const format = sheet._formats.get(r, c) ?? sheet._implicit.get(r, c);
  if (valueRender === 'FORMATTED_VALUE') return displayValue(v, format, ss._timeZone, ss._locale);
  // A number under a date format is a date to Sheets: "date, time, datetime and duration fields"
  // follow dateTimeRenderOption.
  if (sheet._isDateNumber(r, c)) {
    return dateRender === 'FORMATTED_STRING'
      ? displayValue(v, format, ss._timeZone, ss._locale)
      : v;
  }
  if (isDate(v) && !sheet._isDateFormatted(r, c)) return sheetsSerial(v.getTime(), ss._timeZone);
  if (isDate(v)) {
    return dateRender === 'FORMATTED_STRING'
      ? displayValue(v, format, ss._timeZone, ss._locale)
      : sheetsSerial(v.getTime(), ss._timeZone);
  }
  return v;
}

function readBox(box: Box, options: Options, method: string, world: World): ValueRange {
  const valueRender = String(options?.valueRenderOption ?? 'FORMATTED_VALUE');
  const dateRender = String(options?.dateTimeRenderOption ?? 'SERIAL_NUMBER');
  const major = String(options?.majorDimension ?? 'ROWS');
  if (!['FORMATTED_VALUE', 'UNFORMATTED_VALUE', 'FORMULA'].includes(valueRender)) {
    throw world._googleJsonError(
      `sheets.spreadsheets.${method}`,
      `Invalid value at 'value_render_option' (${valueRender})`,
      400,
    );
  }
  const rows: unknown[][] = [];
  // Past the last row and column with content every cell reads '' and is trimmed: skip them.
  const sheet = unwrapped(box.sheet);
  let lastRow = 0;
  let lastCol = 0;
  for (const grid of [sheet._values, sheet._formulas] as { rows: (unknown[] | undefined)[] }[]) {
    grid.rows.forEach((row, r) => {
      let last = row ? row.length - 1 : -1;
      while (last >= 0 && row![last] === undefined) last--;
      if (last >= 0) {
        lastRow = Math.max(lastRow, r + 1);
        lastCol = Math.max(lastCol, last + 1);
      }
    });
  }
  const nr = Math.max(0, Math.min(box.nr, lastRow - box.row + 1));
  const nc = Math.max(0, Math.min(box.nc, lastCol - box.col + 1));
  const outer = major === 'COLUMNS' ? nc : nr;
  const inner = major === 'COLUMNS' ? nr : nc;
  for (let i = 0; i < outer; i++) {
    const line: unknown[] = [];
    for (let j = 0; j < inner; j++) {
      const [r, c] =
        major === 'COLUMNS'
          ? [box.row - 1 + j, box.col - 1 + i]
          : [box.row - 1 + i, box.col - 1 + j];
      line.push(render(sheet, r, c, valueRender, dateRender));
    }
    while (line.length > 0 && line[line.length - 1] === '') line.pop();
    rows.push(line);
  }
  while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop();
  return { range: boxA1(box), majorDimension: major, ...(rows.length > 0 ? { values: rows } : {}) };
}

/** What a JSON request carries for one written cell. */
function jsonCell(world: World, v: unknown, where: string, method: string): unknown {
  if (
    v === null ||
    v === undefined ||
    typeof v === 'string' ||
    typeof v === 'number' ||
    typeof v === 'boolean'
  )
    return v ?? null;
  if (isDate(v)) return JSON.parse(JSON.stringify(v)) as string;
  throw world._googleJsonError(
    `sheets.spreadsheets.${method}`,
    `Invalid values${where}: ${JSON.stringify(v)}`,
    400,
  );
}

interface PlannedWrite {
  readonly box: Box;
  readonly values: unknown[][];
  readonly rows: number;
  readonly cols: number;
}

function planWrite(
  world: World,
  ss: FakeSpreadsheet,
  range: unknown,
  data: unknown,
  method: string,
  major: unknown,
): PlannedWrite {
  if (!Array.isArray(data) || !data.every((row) => Array.isArray(row))) {
    throw world._googleJsonError(
      `sheets.spreadsheets.${method}`,
      'Invalid JSON payload received. "values" must be a list of lists.',
      400,
    );
  }
  let values = (data as unknown[][]).map((row, i) =>
    row.map((v, j) => jsonCell(world, v, `[${i}][${j}]`, method)),
  );
  if (major === 'COLUMNS') {
    const width = Math.max(0, ...values.map((r) => r.length));
    values = Array.from({ length: width }, (_, r) =>
      values.map((col) => (r < col.length ? col[r] : null)),
    );
  }
  const rows = values.length;
  const cols = Math.max(0, ...values.map((r) => r.length));
  const a1 = String(range);
  // A single cell (`Sheet1!A3`) is an anchor: the data extends from it. A wider range is a box
  // the data must fit in.
  const anchor = parseA1(a1, true);
  const single = anchor?.box && !a1.slice(a1.lastIndexOf('!') + 1).includes(':');
  const box = single
    ? resolve(
        world,
        ss,
        `${quoteSheetName(anchor.sheet ?? ss._sheets[0]!._name)}!${a1Of(anchor.box!.row1!, anchor.box!.col1!, Math.max(1, rows), Math.max(1, cols))}`,
        method,
      )
    : resolve(world, ss, range, method);
  if (rows > box.nr) {
    throw world._googleJsonError(
      `sheets.spreadsheets.${method}`,
      `Requested writing within range [${a1}], but tried writing to row [${box.row + box.nr}]`,
      400,
    );
  }
  if (cols > box.nc) {
    throw world._googleJsonError(
      `sheets.spreadsheets.${method}`,
      `Requested writing within range [${a1}], but tried writing to column [${columnLetters(box.col + box.nc)}]`,
      400,
    );
  }
  return { box, values, rows, cols };
}

function inputMode(world: World, option: unknown, method: string): 'raw' | 'user' {
  if (option === 'RAW') return 'raw';
  if (option === 'USER_ENTERED') return 'user';
  if (option === undefined || option === null || option === '') {
    throw world._googleJsonError(
      `sheets.spreadsheets.${method}`,
      "'valueInputOption' is required but not specified",
      400,
    );
  }
  throw world._googleJsonError(
    `sheets.spreadsheets.${method}`,
    `Invalid value at 'value_input_option' (${String(option)})`,
    400,
  );
}

function applyWrite(p: PlannedWrite, mode: 'raw' | 'user', spreadsheetId: string) {
  p.box.sheet._write(p.box.row, p.box.col, p.values, mode);
  const cells = p.values.reduce((n, r) => n + r.filter((v) => v !== null).length, 0);
  return {
    spreadsheetId,
    updatedRange: `${quoteSheetName(p.box.sheet._name)}!${a1Of(p.box.row, p.box.col, Math.max(1, p.rows), Math.max(1, p.cols))}`,
    updatedRows: p.rows,
    updatedColumns: p.cols,
    updatedCells: cells,
  };
}

export class FakeSheetsValues extends Fake<World> {
  constructor(world: World) {
    super(world, 'Sheets.Spreadsheets.Values');
  }
  /** Appends after the last row with content (growing the sheet when needed). */
  append(
    resource: ValueRange,
    spreadsheetId: string,
    range: string,
    optionalArgs?: object,
  ): GoogleAppsScript.Sheets.Schema.AppendValuesResponse {
    const options = optionalArgs as Options;
    const ss = spreadsheetOf(this._world, spreadsheetId, 'values.append');
    const mode = inputMode(this._world, options?.valueInputOption, 'values.append');
    const start = resolve(this._world, ss, range, 'values.append');
    const data = (resource?.values ?? []) as unknown[][];
    const row = start.sheet._lastRow() + 1;
    const need = row + data.length - 1 - start.sheet._maxRows;
    if (need > 0) {
      start.sheet._grow(need, 0);
      start.sheet._maxRows += need;
    }
    const width = Math.max(1, ...data.map((r) => r.length));
    const target = `${quoteSheetName(start.sheet._name)}!${a1Of(row, start.col, Math.max(1, data.length), width)}`;
    const plan = planWrite(
      this._world,
      ss,
      target,
      data,
      'values.append',
      resource?.majorDimension,
    );
    return { spreadsheetId: ss._id, updates: applyWrite(plan, mode, ss._id) };
  }
  batchClear(
    resource: GoogleAppsScript.Sheets.Schema.BatchClearValuesRequest,
    spreadsheetId: string,
  ): GoogleAppsScript.Sheets.Schema.BatchClearValuesResponse {
    const ss = spreadsheetOf(this._world, spreadsheetId, 'values.batchClear');
    const boxes = (resource?.ranges ?? []).map((r) =>
      resolve(this._world, ss, r, 'values.batchClear'),
    );
    for (const b of boxes) {
      b.sheet._values.fill(b.row - 1, b.col - 1, b.nr, b.nc, undefined);
      b.sheet._formulas.fill(b.row - 1, b.col - 1, b.nr, b.nc, undefined);
    }
    return { spreadsheetId: ss._id, clearedRanges: boxes.map(boxA1) };
  }
  /** `optionalArgs.ranges`: one A1 range or a list; one ValueRange per range, in order. */
  batchGet(
    spreadsheetId: string,
    optionalArgs?: object,
  ): GoogleAppsScript.Sheets.Schema.BatchGetValuesResponse {
    const options = optionalArgs as Options;
    const ss = spreadsheetOf(this._world, spreadsheetId, 'values.batchGet');
    const ranges =
      options?.ranges === undefined
        ? []
        : Array.isArray(options.ranges)
          ? options.ranges
          : [options.ranges];
    const boxes = ranges.map((r) => resolve(this._world, ss, r, 'values.batchGet'));
    const valueRanges = boxes.map((b) => readBox(b, options, 'values.batchGet', this._world));
    return { spreadsheetId: ss._id, ...(valueRanges.length > 0 ? { valueRanges } : {}) };
  }
  /** All ranges are checked before anything is written. */
  batchUpdate(
    resource: GoogleAppsScript.Sheets.Schema.BatchUpdateValuesRequest,
    spreadsheetId: string,
  ): GoogleAppsScript.Sheets.Schema.BatchUpdateValuesResponse {
    const ss = spreadsheetOf(this._world, spreadsheetId, 'values.batchUpdate');
    const mode = inputMode(this._world, resource?.valueInputOption, 'values.batchUpdate');
    const plans = (resource?.data ?? []).map((d) =>
      planWrite(this._world, ss, d.range, d.values ?? [], 'values.batchUpdate', d.majorDimension),
    );
    const responses = plans.map((p) => applyWrite(p, mode, ss._id));
    return {
      spreadsheetId: ss._id,
      totalUpdatedRows: responses.reduce((n, r) => n + r.updatedRows, 0),
      totalUpdatedColumns: responses.reduce((n, r) => n + r.updatedColumns, 0),
      totalUpdatedCells: responses.reduce((n, r) => n + r.updatedCells, 0),
      totalUpdatedSheets: new Set(plans.map((p) => p.box.sheet)).size,
      responses,
    };
  }
  clear(
    resource: unknown,
    spreadsheetId: string,
    range: string,
  ): GoogleAppsScript.Sheets.Schema.ClearValuesResponse {
    void resource;
    const ss = spreadsheetOf(this._world, spreadsheetId, 'values.clear');
    const b = resolve(this._world, ss, range, 'values.clear');
    b.sheet._values.fill(b.row - 1, b.col - 1, b.nr, b.nc, undefined);
    b.sheet._formulas.fill(b.row - 1, b.col - 1, b.nr, b.nc, undefined);
    return { spreadsheetId: ss._id, clearedRange: boxA1(b) };
  }
  get(spreadsheetId: string, range: string, optionalArgs?: object): ValueRange {
    const ss = spreadsheetOf(this._world, spreadsheetId, 'values.get');
    return readBox(
      resolve(this._world, ss, range, 'values.get'),
      optionalArgs as Options,
      'values.get',
      this._world,
    );
  }
  update(
    resource: ValueRange,
    spreadsheetId: string,
    range: string,
    optionalArgs?: object,
  ): GoogleAppsScript.Sheets.Schema.UpdateValuesResponse {
    const options = optionalArgs as Options;
    const ss = spreadsheetOf(this._world, spreadsheetId, 'values.update');
    const mode = inputMode(this._world, options?.valueInputOption, 'values.update');
    const plan = planWrite(
      this._world,
      ss,
      range,
      resource?.values ?? [],
      'values.update',
      resource?.majorDimension,
    );
    return applyWrite(plan, mode, ss._id);
  }
}

export class FakeSheetsSpreadsheets extends Fake<World> {
  readonly Values: FakeSheetsValues;
  constructor(world: World) {
    super(world, 'Sheets.Spreadsheets');
    this.Values = new FakeSheetsValues(world);
  }
  _sheetById(ss: FakeSpreadsheet, id: unknown): FakeSheet {
    const sheet = ss._sheets.find((s) => s._id === id);
    if (!sheet)
      throw this._world._googleJsonError(
        'sheets.spreadsheets.batchUpdate',
        `No grid with id: ${String(id)}`,
        400,
      );
    return sheet;
  }
  batchUpdate(
    resource: GoogleAppsScript.Sheets.Schema.BatchUpdateSpreadsheetRequest,
    spreadsheetId: string,
  ): GoogleAppsScript.Sheets.Schema.BatchUpdateSpreadsheetResponse {
    const ss = spreadsheetOf(this._world, spreadsheetId, 'batchUpdate');
    const sent = JSON.parse(JSON.stringify(resource?.requests ?? [])) as unknown[];
    const replies = new BatchUpdate(this._world, ss).run(resource?.requests ?? []);
    this._world.sheetsBatches.push({
      execution: this._world.currentExecution?.id ?? null,
      requests: sent,
    });
    return { spreadsheetId: ss._id, replies };
  }
  _properties(s: FakeSheet, index: number): GoogleAppsScript.Sheets.Schema.SheetProperties {
    return {
      sheetId: s._id,
      title: s._name,
      index,
      sheetType: 'GRID',
      gridProperties: {
        rowCount: s._maxRows,
        columnCount: s._maxCols,
        ...(s._frozenRows ? { frozenRowCount: s._frozenRows } : {}),
        ...(s._frozenCols ? { frozenColumnCount: s._frozenCols } : {}),
      },
      ...(s._hidden ? { hidden: true } : {}),
    };
  }
  /** Spreadsheet metadata (no grid data), trimmed by `fields` when given. */
  get(spreadsheetId: string, optionalArgs?: object): GoogleAppsScript.Sheets.Schema.Spreadsheet {
    const options = optionalArgs as Options;
    const ss = spreadsheetOf(this._world, spreadsheetId, 'get');
    if (options?.includeGridData) {
      throw this._world._sandboxError(
        'Sandbox: Sheets.Spreadsheets.get with includeGridData is not implemented',
      );
    }
    // Read past the proxies: the ten-minute sweep asks for this thousands of times a month.
    const sheets = unwrapped(ss)._sheets.map((s) => unwrapped(s));
    const full: GoogleAppsScript.Sheets.Schema.Spreadsheet = {
      spreadsheetId: ss._id,
      properties: {
        title: ss._name,
        locale: ss._locale,
        timeZone: ss._timeZone,
        autoRecalc: 'ON_CHANGE',
      },
      sheets: sheets.map((s, index) => ({
        properties: this._properties(s, index),
        ...(s._protection ? { protectedRanges: [protectedRange(s, s._protection, 0)] } : {}),
        ...(s._charts.length > 0
          ? { charts: JSON.parse(JSON.stringify(s._charts)) as Sheet['charts'] }
          : {}),
        ...(s._basicFilter ? { basicFilter: { range: { ...s._basicFilter } } } : {}),
      })),
      spreadsheetUrl: ss.getUrl(),
      ...(developerMetadataOf(ss).length > 0 ? { developerMetadata: developerMetadataOf(ss) } : {}),
    };
    return project(full, options?.fields);
  }
}

/** A whole-sheet protection as the API describes it (range protections are not listed). */
function protectedRange(
  sheet: FakeSheet,
  protection: { _description: string; _warningOnly: boolean },
  i: number,
): GoogleAppsScript.Sheets.Schema.ProtectedRange {
  return {
    protectedRangeId: Math.abs(sheet._id * 7 + i) % 2_000_000_000,
    range: { sheetId: sheet._id },
    ...(protection._description ? { description: protection._description } : {}),
    ...(protection._warningOnly ? { warningOnly: true } : {}),
    requestingUserCanEdit: true,
  };
}

export class FakeSheets extends Fake<World> {
  readonly Spreadsheets: FakeSheetsSpreadsheets;
  constructor(world: World) {
    super(world, 'Sheets');
    this.Spreadsheets = new FakeSheetsSpreadsheets(world);
  }
}

export type SheetsApiChecks = [
  Assert<OnlyApi<FakeSheets, keyof GoogleAppsScript.Sheets>>,
  Assert<
    OnlyApi<FakeSheetsSpreadsheets, keyof GoogleAppsScript.Sheets.Collection.SpreadsheetsCollection>
  >,
  Assert<
    OnlyApi<
      FakeSheetsValues,
      keyof GoogleAppsScript.Sheets.Collection.Spreadsheets.ValuesCollection
    >
  >,
];
