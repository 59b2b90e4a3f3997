/**
 * The requests of the Sheets v4 `spreadsheets.batchUpdate`, as Google checks and applies them.
 *
 * Faithful where it matters (developers.google.com/sheets/api/reference/rest/v4/spreadsheets/request):
 *  - the batch is validated whole before anything is applied: one invalid request fails the call
 *    and nothing changes (the Sheets guide: "if any request is not valid, the entire request
 *    fails and nothing is applied");
 *  - a field the API does not know, or a value of the wrong JSON type, is a 400
 *    ("Invalid JSON payload received. Unknown name …");
 *  - `updateSheetProperties`, `updateCells`, `repeatCell`, `appendCells` and
 *    `updateDimensionProperties` need a `fields` mask and change only what it names (absent
 *    values named by it are cleared: a cell `{}` under `note` loses its note);
 *  - `updateCells` with `start` writes only the cells its rows hold; with `range`, the cells of
 *    the range its rows leave out are cleared of the masked fields;
 *  - ranges are GridRanges (0-based, end exclusive, unbounded when an index is left out) and may
 *    not pass the sheet's grid; a `sheetId` must name a sheet (one added earlier in the batch
 *    counts); `addSheet` may choose its `sheetId`, which must be free;
 *  - `warningOnly` protections cannot have editors;
 *  - `updateCells` over a `range` its rows do not fill clears the fields it names in the rest;
 *  - `addChart` (a basic chart: one domain, sources one row or one column wide, inside the grid,
 *    anchored on a cell of the grid) gets a new chartId, or the one asked for when no embedded
 *    object has it; `deleteEmbeddedObject` needs the id of an object that exists.
 * Conditions other than ONE_OF_LIST, and a second whole-sheet protection (which the fake cannot
 * hold), are sandbox errors.
 *  - a number format's `type` is one of Google's NumberFormatType values (TEXT, NUMBER, PERCENT,
 *    CURRENCY, DATE, TIME, DATE_TIME, SCIENTIFIC);
 *  - `setBasicFilter` sets the sheet's one basic filter (replacing any), over its `range`: a
 *    range with no end row covers rows added later;
 *  - data validation: ONE_OF_LIST needs at least one value, NUMBER_BETWEEN exactly two numbers;
 *    a `setDataValidation` without a rule clears the range's rules.
 * Other conditions, filter criteria and sort specs, and a second whole-sheet protection (which
 * the fake cannot hold), are sandbox errors.
 */
import { applyFoldRequest } from './sheetsFoldRequests';
import {
  FakeDataValidation,
  FakeProtection,
  type FakeSheet,
  type FakeSpreadsheet,
} from './spreadsheet';
import { parseFieldMask } from './util';
import type { World } from './world';

type Json = Record<string, unknown>;
type Shape = 'string' | 'number' | 'boolean' | { readonly [key: string]: Shape } | [Shape];

const NUM = 'number' as const;
const STR = 'string' as const;
const BOOL = 'boolean' as const;
const COLOR: Shape = { red: NUM, green: NUM, blue: NUM, alpha: NUM };
const GRID_RANGE: Shape = {
  sheetId: NUM,
  startRowIndex: NUM,
  endRowIndex: NUM,
  startColumnIndex: NUM,
  endColumnIndex: NUM,
};
const DIMENSION_RANGE: Shape = { sheetId: NUM, dimension: STR, startIndex: NUM, endIndex: NUM };
const CELL_FORMAT: Shape = {
  numberFormat: { type: STR, pattern: STR },
  backgroundColor: COLOR,
  textFormat: { bold: BOOL, italic: BOOL, fontSize: NUM, foregroundColor: COLOR },
  horizontalAlignment: STR,
  verticalAlignment: STR,
  wrapStrategy: STR,
};
const CHART_DATA: Shape = { sourceRange: { sources: [GRID_RANGE] } };
const EMBEDDED_CHART: Shape = {
  chartId: NUM,
  spec: {
    title: STR,
    subtitle: STR,
    altText: STR,
    basicChart: {
      chartType: STR,
      legendPosition: STR,
      headerCount: NUM,
      stackedType: STR,
      axis: [{ position: STR, title: STR }],
      domains: [{ domain: CHART_DATA, reversed: BOOL }],
      series: [{ series: CHART_DATA, targetAxis: STR, type: STR }],
    },
  },
  position: {
    sheetId: NUM,
    newSheet: BOOL,
    overlayPosition: {
      anchorCell: { sheetId: NUM, rowIndex: NUM, columnIndex: NUM },
      offsetXPixels: NUM,
      offsetYPixels: NUM,
      widthPixels: NUM,
      heightPixels: NUM,
    },
  },
};
/** BasicChartType and BasicChartLegendPosition values (v4 reference). */
const CHART_TYPES = ['BAR', 'LINE', 'AREA', 'COLUMN', 'SCATTER', 'COMBO', 'STEPPED_AREA'];
const LEGEND_POSITIONS = [
  'BOTTOM_LEGEND',
  'LEFT_LEGEND',
  'RIGHT_LEGEND',
  'TOP_LEGEND',
  'NO_LEGEND',
];
const CELL_DATA: Shape = {
  userEnteredValue: { stringValue: STR, numberValue: NUM, boolValue: BOOL, formulaValue: STR },
  userEnteredFormat: CELL_FORMAT,
  note: STR,
};
const SHEET_PROPERTIES: Shape = {
  sheetId: NUM,
  title: STR,
  index: NUM,
  hidden: BOOL,
  tabColor: COLOR,
  gridProperties: {
    rowCount: NUM,
    columnCount: NUM,
    frozenRowCount: NUM,
    frozenColumnCount: NUM,
  },
};

/** Google's WrapStrategy values (spreadsheets/cells#WrapStrategy). */
const WRAP_STRATEGIES = new Set([
  'WRAP_STRATEGY_UNSPECIFIED',
  'OVERFLOW_CELL',
  'LEGACY_WRAP',
  'CLIP',
  'WRAP',
]);

/** Google's NumberFormatType values (spreadsheets/cells#NumberFormatType). */
const NUMBER_FORMAT_TYPES = new Set([
  'NUMBER_FORMAT_TYPE_UNSPECIFIED',
  'TEXT',
  'NUMBER',
  'PERCENT',
  'CURRENCY',
  'DATE',
  'TIME',
  'DATE_TIME',
  'SCIENTIFIC',
]);

const REQUESTS: Record<string, Shape> = {
  setBasicFilter: { filter: { range: GRID_RANGE } },
  addSheet: { properties: SHEET_PROPERTIES },
  deleteSheet: { sheetId: NUM },
  appendDimension: { sheetId: NUM, dimension: STR, length: NUM },
  insertDimension: { range: DIMENSION_RANGE, inheritFromBefore: BOOL },
  updateSheetProperties: { properties: SHEET_PROPERTIES, fields: STR },
  updateCells: {
    rows: [{ values: [CELL_DATA] }],
    fields: STR,
    start: { sheetId: NUM, rowIndex: NUM, columnIndex: NUM },
    range: GRID_RANGE,
  },
  repeatCell: { range: GRID_RANGE, cell: CELL_DATA, fields: STR },
  appendCells: { sheetId: NUM, rows: [{ values: [CELL_DATA] }], fields: STR },
  setDataValidation: {
    range: GRID_RANGE,
    rule: {
      condition: { type: STR, values: [{ userEnteredValue: STR }] },
      inputMessage: STR,
      strict: BOOL,
      showCustomUi: BOOL,
    },
  },
  addProtectedRange: {
    protectedRange: {
      range: GRID_RANGE,
      description: STR,
      warningOnly: BOOL,
      editors: { users: [STR], groups: [STR], domainUsersCanEdit: BOOL },
    },
  },
  updateDimensionProperties: {
    range: DIMENSION_RANGE,
    properties: { pixelSize: NUM, hiddenByUser: BOOL },
    fields: STR,
  },
  addChart: { chart: EMBEDDED_CHART },
  deleteEmbeddedObject: { objectId: NUM },
};

/** What a request may name in `fields`, per request kind (paths the fake knows how to apply). */
const FIELD_PATHS: Record<string, readonly string[]> = {
  updateSheetProperties: [
    'title',
    'index',
    'hidden',
    'gridProperties.rowCount',
    'gridProperties.columnCount',
    'gridProperties.frozenRowCount',
    'gridProperties.frozenColumnCount',
  ],
  updateCells: [
    'userEnteredValue',
    'note',
    'userEnteredFormat.numberFormat',
    'userEnteredFormat.backgroundColor',
    'userEnteredFormat.textFormat.bold',
    'userEnteredFormat.textFormat.italic',
    'userEnteredFormat.textFormat.fontSize',
    'userEnteredFormat.textFormat.foregroundColor',
    'userEnteredFormat.horizontalAlignment',
  ],
  appendCells: ['userEnteredValue', 'note', 'userEnteredFormat.backgroundColor'],
  repeatCell: [
    'userEnteredValue',
    'userEnteredFormat.numberFormat',
    'userEnteredFormat.backgroundColor',
    'userEnteredFormat.textFormat.bold',
    'userEnteredFormat.wrapStrategy',
  ],
  updateDimensionProperties: ['pixelSize'],
};

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Every leaf path a field mask names (`a(b,c.d)` → `a.b`, `a.c.d`). */
export function maskPaths(mask: string): string[] {
  const out: string[] = [];
  const walk = (tree: ReturnType<typeof parseFieldMask>, prefix: string) => {
    for (const [key, sub] of tree) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (sub === null) out.push(path);
      else walk(sub, path);
    }
  };
  walk(parseFieldMask(mask), '');
  return out;
}

interface SimSheet {
  title: string;
  rows: number;
  cols: number;
  wholeProtection: boolean;
}

/** The batch as Google runs it: all checked against a simulation, then all applied. */
type Request = GoogleAppsScript.Sheets.Schema.Request;
const FOLD_REQUESTS = new Set([
  'appendCells',
  'createDeveloperMetadata',
  'updateDeveloperMetadata',
]);

export class BatchUpdate {
  private readonly sim = new Map<number, SimSheet>();
  /** The ids of the spreadsheet's embedded objects (charts), as the batch leaves them. */
  private readonly objects = new Set<number>();

  constructor(
    private readonly world: World,
    private readonly ss: FakeSpreadsheet,
  ) {
    for (const s of ss._sheets) {
      this.sim.set(s._id, {
        title: s._name,
        rows: s._maxRows,
        cols: s._maxCols,
        wholeProtection: s._protection !== null,
      });
      for (const chart of s._charts) this.objects.add(chart.chartId as number);
    }
  }

  private fail(message: string): Error {
    return this.world._googleJsonError('sheets.spreadsheets.batchUpdate', message, 400);
  }

  private checkShape(value: unknown, shape: Shape, where: string): void {
    if (shape === 'string' || shape === 'number' || shape === 'boolean') {
      if (typeof value !== shape) {
        throw this.fail(
          `Invalid JSON payload received. Invalid value at '${where}' (TYPE_${shape.toUpperCase()}), ${JSON.stringify(value)}`,
        );
      }
      return;
    }
    if (Array.isArray(shape)) {
      if (!Array.isArray(value)) {
        throw this.fail(`Invalid JSON payload received. Invalid value at '${where}': not a list`);
      }
      value.forEach((v, i) => this.checkShape(v, shape[0], `${where}[${i}]`));
      return;
    }
    if (!isObject(value)) {
      throw this.fail(`Invalid JSON payload received. Invalid value at '${where}': not an object`);
    }
    for (const [key, v] of Object.entries(value)) {
      if (v === undefined) continue;
      const sub = shape[key];
      if (!sub) {
        throw this.fail(
          `Invalid JSON payload received. Unknown name "${key}" at '${where}': Cannot find field.`,
        );
      }
      this.checkShape(v, sub, `${where}.${key}`);
    }
  }

  private sheet(id: unknown, where: string): SimSheet {
    const s = typeof id === 'number' ? this.sim.get(id) : undefined;
    if (!s) throw this.fail(`Invalid ${where}: No grid with id: ${String(id)}`);
    return s;
  }

  private checkGridRange(range: unknown, where: string): SimSheet {
    const r = (range ?? {}) as Json;
    const s = this.sheet(r.sheetId ?? 0, where);
    const rows = [Number(r.startRowIndex ?? 0), Number(r.endRowIndex ?? s.rows)];
    const cols = [Number(r.startColumnIndex ?? 0), Number(r.endColumnIndex ?? s.cols)];
    if (rows[0]! < 0 || cols[0]! < 0 || rows[0]! > rows[1]! || cols[0]! > cols[1]!) {
      throw this.fail(`Invalid ${where}: the range's start must not pass its end`);
    }
    if (rows[1]! > s.rows || cols[1]! > s.cols) {
      throw this.fail(
        `Invalid ${where}: Range (${s.title}!R${rows[0]! + 1}C${cols[0]! + 1}:R${rows[1]}C${cols[1]}) exceeds grid limits. Max rows: ${s.rows}, max columns: ${s.cols}`,
      );
    }
    return s;
  }

  private checkFields(kind: string, fields: unknown, where: string): void {
    if (typeof fields !== 'string' || fields.trim() === '') {
      throw this.fail(`Invalid ${where}: At least one field must be specified.`);
    }
    const known = FIELD_PATHS[kind]!;
    for (const path of maskPaths(fields)) {
      if (!known.some((k) => k === path || k.startsWith(`${path}.`))) {
        throw this.world._sandboxError(
          `Sandbox: ${kind} fields "${path}" are not modelled (known: ${known.join(', ')})`,
        );
      }
    }
  }

  /** A basic chart as Google accepts one (see the file note). */
  private checkChart(chart: Json, at: string): void {
    const spec = (chart.spec ?? {}) as Json;
    const basic = spec.basicChart as Json | undefined;
    if (!basic) {
      throw this.world._sandboxError(`Sandbox: ${at}: only basic charts are modelled`);
    }
    if (!CHART_TYPES.includes(String(basic.chartType))) {
      throw this.fail(
        `Invalid value at '${at}.spec.basic_chart.chart_type' (${String(basic.chartType)})`,
      );
    }
    if (
      basic.legendPosition !== undefined &&
      !LEGEND_POSITIONS.includes(String(basic.legendPosition))
    ) {
      throw this.fail(
        `Invalid value at '${at}.spec.basic_chart.legend_position' (${String(basic.legendPosition)})`,
      );
    }
    const domains = (basic.domains ?? []) as Json[];
    if (domains.length > 1) {
      throw this.fail(`Invalid ${at}: Only a single domain is supported.`);
    }
    const series = (basic.series ?? []) as Json[];
    if (series.length === 0) throw this.fail(`Invalid ${at}: A chart must have a series.`);
    const data = [
      ...domains.map((d) => d.domain as Json | undefined),
      ...series.map((s) => s.series as Json | undefined),
    ];
    data.forEach((d, i) => {
      const sources = ((d?.sourceRange as Json | undefined)?.sources ?? []) as Json[];
      if (sources.length === 0) throw this.fail(`Invalid ${at}: chart data ${i} has no source.`);
      for (const source of sources) {
        this.checkGridRange(source, at);
        const s = this.sheet(source.sheetId ?? 0, at);
        const rows = Number(source.endRowIndex ?? s.rows) - Number(source.startRowIndex ?? 0);
        const cols = Number(source.endColumnIndex ?? s.cols) - Number(source.startColumnIndex ?? 0);
        if (rows !== 1 && cols !== 1) {
          throw this.fail(
            `Invalid ${at}: Exactly one dimension of a chart source range must have a length of 1.`,
          );
        }
      }
    });
    const position = (chart.position ?? {}) as Json;
    const overlay = position.overlayPosition as Json | undefined;
    if (!overlay) {
      throw this.world._sandboxError(`Sandbox: ${at}: only overlay positions are modelled`);
    }
    const anchor = (overlay.anchorCell ?? {}) as Json;
    const row = Number(anchor.rowIndex ?? 0);
    const column = Number(anchor.columnIndex ?? 0);
    this.checkGridRange(
      {
        sheetId: anchor.sheetId ?? 0,
        startRowIndex: row,
        endRowIndex: row + 1,
        startColumnIndex: column,
        endColumnIndex: column + 1,
      },
      `${at}.position`,
    );
    if (typeof chart.chartId === 'number') {
      if (this.objects.has(chart.chartId)) {
        throw this.fail(`Invalid ${at}: An object with id ${chart.chartId} already exists.`);
      }
      this.objects.add(chart.chartId);
    }
  }

  /** A cell's number format type must be one Google knows. */
  private checkNumberFormat(cell: unknown, where: string): void {
    const format = ((cell as Json | undefined)?.userEnteredFormat as Json | undefined)
      ?.numberFormat as Json | undefined;
    if (format?.type !== undefined && !NUMBER_FORMAT_TYPES.has(String(format.type))) {
      throw this.fail(
        `Invalid value at '${where}.cell.userEnteredFormat.numberFormat.type' (type.googleapis.com/google.apps.sheets.v4.NumberFormat.Type), ${JSON.stringify(format.type)}`,
      );
    }
  }

  private checkDimension(d: unknown, where: string): void {
    if (d !== 'ROWS' && d !== 'COLUMNS') {
      throw this.fail(`Invalid value at '${where}.dimension' (${String(d)})`);
    }
  }

  /** Checks one request against the sheets as the batch has left them so far. */
  private check(request: unknown, i: number): void {
    const where = `requests[${i}]`;
    if (!isObject(request)) throw this.fail(`Invalid JSON payload received at '${where}'`);
    const kinds = Object.keys(request).filter((k) => request[k] !== undefined);
    if (kinds.length !== 1) {
      throw this.fail(`Invalid ${where}: exactly one kind of request must be set`);
    }
    const kind = kinds[0]!;
    // The fold's requests check themselves as they apply (sheetsFoldRequests.ts); an appendCells'
    // cells are checked here too, so a bad one fails the batch before anything is applied.
    if (FOLD_REQUESTS.has(kind) && kind !== 'appendCells') return;
    const shape = REQUESTS[kind];
    if (!shape) {
      throw this.world._sandboxError(
        `Sandbox: Sheets.Spreadsheets.batchUpdate request "${kind}" is not implemented`,
      );
    }
    const body = request[kind] as Json;
    if (kind === 'setBasicFilter') {
      // Real fields of a BasicFilter the fake does not model: not a 400, a sandbox error.
      const unmodelled = Object.keys((body.filter ?? {}) as Json).filter((k) => k !== 'range');
      if (unmodelled.length > 0) {
        throw this.world._sandboxError(
          `Sandbox: basic filter ${unmodelled.join(', ')} is not modelled`,
        );
      }
    }
    this.checkShape(body, shape, `${where}.${kind}`);
    const at = `${where}.${kind}`;
    switch (kind) {
      case 'addSheet': {
        const p = (body.properties ?? {}) as Json;
        const g = (p.gridProperties ?? {}) as Json;
        const title = String(p.title ?? `Sheet${this.sim.size + 1}`);
        if ([...this.sim.values()].some((s) => s.title.toLowerCase() === title.toLowerCase())) {
          throw this.fail(
            `Invalid ${at}: A sheet with the name "${title}" already exists. Please enter another name.`,
          );
        }
        const id = typeof p.sheetId === 'number' ? p.sheetId : -1 - this.sim.size;
        if (this.sim.has(id)) {
          throw this.fail(`Invalid ${at}: Sheet with id ${id} already exists.`);
        }
        this.sim.set(id, {
          title,
          rows: Number(g.rowCount ?? 1000),
          cols: Number(g.columnCount ?? 26),
          wholeProtection: false,
        });
        return;
      }
      case 'deleteSheet':
        this.sheet(body.sheetId, at);
        this.sim.delete(body.sheetId as number);
        return;
      case 'appendDimension': {
        const s = this.sheet(body.sheetId, at);
        this.checkDimension(body.dimension, at);
        if (body.dimension === 'ROWS') s.rows += Number(body.length ?? 0);
        else s.cols += Number(body.length ?? 0);
        return;
      }
      case 'insertDimension': {
        const r = (body.range ?? {}) as Json;
        const s = this.sheet(r.sheetId, at);
        this.checkDimension(r.dimension, `${at}.range`);
        const n = Number(r.endIndex ?? 0) - Number(r.startIndex ?? 0);
        if (r.dimension === 'ROWS') s.rows += n;
        else s.cols += n;
        return;
      }
      case 'updateSheetProperties': {
        this.checkFields(kind, body.fields, at);
        const p = (body.properties ?? {}) as Json;
        const s = this.sheet(p.sheetId ?? 0, at);
        const paths = maskPaths(String(body.fields));
        const g = (p.gridProperties ?? {}) as Json;
        if (paths.includes('title') && typeof p.title === 'string') s.title = p.title;
        if (paths.includes('gridProperties.rowCount') && typeof g.rowCount === 'number')
          s.rows = g.rowCount;
        if (paths.includes('gridProperties.columnCount') && typeof g.columnCount === 'number')
          s.cols = g.columnCount;
        return;
      }
      case 'updateCells': {
        this.checkFields(kind, body.fields, at);
        if ((body.start === undefined) === (body.range === undefined)) {
          throw this.fail(`Invalid ${at}: exactly one of start or range must be set`);
        }
        const rows = (body.rows ?? []) as Json[];
        const width = Math.max(0, ...rows.map((r) => ((r.values ?? []) as unknown[]).length));
        if (body.range !== undefined) {
          this.checkGridRange(body.range, at);
          return;
        }
        const start = body.start as Json;
        this.checkGridRange(
          {
            sheetId: start.sheetId ?? 0,
            startRowIndex: start.rowIndex ?? 0,
            endRowIndex: Number(start.rowIndex ?? 0) + rows.length,
            startColumnIndex: start.columnIndex ?? 0,
            endColumnIndex: Number(start.columnIndex ?? 0) + width,
          },
          at,
        );
        return;
      }
      case 'repeatCell':
        this.checkFields(kind, body.fields, at);
        this.checkGridRange(body.range, at);
        this.checkNumberFormat(body.cell, at);
        return;
      case 'addChart':
        this.checkChart((body.chart ?? {}) as Json, `${at}.chart`);
        return;
      case 'deleteEmbeddedObject': {
        const id = body.objectId;
        if (typeof id !== 'number' || !this.objects.has(id)) {
          throw this.fail(`Invalid ${at}: No embedded object with id: ${String(id)}`);
        }
        this.objects.delete(id);
        return;
      }
      case 'appendCells':
        this.checkFields(kind, body.fields, at);
        this.sheet(body.sheetId, at);
        return;
      case 'setBasicFilter': {
        const filter = (body.filter ?? {}) as Json;
        if (filter.range === undefined) {
          throw this.world._sandboxError('Sandbox: a basic filter without a range is not modelled');
        }
        this.checkGridRange(filter.range, `${at}.filter`);
        return;
      }
      case 'setDataValidation': {
        this.checkGridRange(body.range, at);
        const rule = body.rule as Json | undefined;
        if (rule === undefined) return;
        const condition = (rule.condition ?? {}) as Json;
        const values = (condition.values ?? []) as Json[];
        if (condition.type === 'ONE_OF_LIST') {
          if (values.length === 0) {
            throw this.fail(`Invalid ${at}: ONE_OF_LIST condition requires at least one value`);
          }
          return;
        }
        if (condition.type === 'NUMBER_BETWEEN') {
          const numbers = values.map((v) => Number(v.userEnteredValue));
          if (values.length !== 2 || numbers.some((n) => !Number.isFinite(n))) {
            throw this.fail(
              `Invalid ${at}: NUMBER_BETWEEN condition requires exactly two number values`,
            );
          }
          return;
        }
        throw this.world._sandboxError(
          `Sandbox: data validation condition ${String(condition.type)} is not modelled`,
        );
      }
      case 'addProtectedRange': {
        const p = (body.protectedRange ?? {}) as Json;
        const s = this.checkGridRange(p.range, at);
        if (p.warningOnly === true && p.editors !== undefined) {
          throw this.fail(`Invalid ${at}: Editors are not supported with warning_only protection.`);
        }
        if (p.protectedRangeId !== undefined) {
          throw this.fail(`Invalid ${at}: protectedRangeId is read-only`);
        }
        if (isWholeSheet(p.range as Json)) {
          if (s.wholeProtection) {
            throw this.world._sandboxError(
              'Sandbox: a second protection of a whole sheet is not modelled',
            );
          }
          s.wholeProtection = true;
        }
        return;
      }
      case 'updateDimensionProperties': {
        this.checkFields(kind, body.fields, at);
        const r = (body.range ?? {}) as Json;
        const s = this.sheet(r.sheetId, at);
        this.checkDimension(r.dimension, `${at}.range`);
        const end = Number(r.endIndex ?? 0);
        if (end > (r.dimension === 'ROWS' ? s.rows : s.cols)) {
          throw this.fail(`Invalid ${at}: the range exceeds the grid`);
        }
        return;
      }
    }
  }

  private real(id: unknown): FakeSheet {
    return this.ss._sheets.find((s) => s._id === (id ?? 0))!;
  }

  private apply(request: Json): Json {
    const folded = applyFoldRequest(this.world, this.ss, request as Request);
    if (folded !== undefined) return folded as Json;
    const kind = Object.keys(request).find((k) => request[k] !== undefined)!;
    const body = request[kind] as Json;
    switch (kind) {
      case 'addSheet': {
        const p = (body.properties ?? {}) as Json;
        const g = (p.gridProperties ?? {}) as Json;
        const sheet = this.ss._addSheet(
          String(p.title ?? `Sheet${this.ss._sheets.length + 1}`),
          typeof p.index === 'number' ? p.index : undefined,
          typeof p.sheetId === 'number' ? p.sheetId : undefined,
        );
        if (typeof g.rowCount === 'number') sheet._maxRows = g.rowCount;
        if (typeof g.columnCount === 'number') sheet._maxCols = g.columnCount;
        if (typeof g.frozenRowCount === 'number') sheet._frozenRows = g.frozenRowCount;
        if (typeof g.frozenColumnCount === 'number') sheet._frozenCols = g.frozenColumnCount;
        if (p.hidden === true) sheet._hidden = true;
        return { addSheet: { properties: { sheetId: sheet._id, title: sheet._name } } };
      }
      case 'deleteSheet':
        this.ss.deleteSheet(this.real(body.sheetId));
        return {};
      case 'appendDimension': {
        const sheet = this.real(body.sheetId);
        const n = Number(body.length ?? 0);
        if (body.dimension === 'ROWS') {
          sheet._grow(n, 0);
          sheet._maxRows += n;
        } else {
          sheet._grow(0, n);
          sheet._maxCols += n;
        }
        return {};
      }
      case 'insertDimension': {
        const r = body.range as Json;
        const sheet = this.real(r.sheetId);
        const start = Number(r.startIndex ?? 0);
        const n = Number(r.endIndex ?? start) - start;
        if (r.dimension === 'ROWS') {
          sheet._grow(n, 0);
          sheet._spliceRows(start, 0, n);
        } else {
          sheet._grow(0, n);
          sheet._spliceCols(start, 0, n);
        }
        return {};
      }
      case 'updateSheetProperties': {
        const p = (body.properties ?? {}) as Json;
        const g = (p.gridProperties ?? {}) as Json;
        const sheet = this.real(p.sheetId);
        for (const path of maskPaths(String(body.fields))) {
          if (path === 'title') sheet.setName(String(p.title));
          if (path === 'hidden') sheet._hidden = p.hidden === true;
          if (path === 'index') this.move(sheet, Number(p.index ?? 0));
          const grid = path.startsWith('gridProperties') ? path.split('.')[1] : undefined;
          const set = (key: string) => (grid === undefined || grid === key) && path !== 'title';
          if (!path.startsWith('gridProperties')) continue;
          if (set('rowCount')) sheet._maxRows = Number(g.rowCount ?? sheet._maxRows);
          if (set('columnCount')) sheet._maxCols = Number(g.columnCount ?? sheet._maxCols);
          if (set('frozenRowCount')) sheet._frozenRows = Number(g.frozenRowCount ?? 0);
          if (set('frozenColumnCount')) sheet._frozenCols = Number(g.frozenColumnCount ?? 0);
        }
        return {};
      }
      case 'updateCells': {
        const rows = (body.rows ?? []) as Json[];
        const start = (body.start ?? {}) as Json;
        const range = body.range as Json | undefined;
        const sheet = this.real(range ? range.sheetId : start.sheetId);
        const row0 = Number(range ? (range.startRowIndex ?? 0) : (start.rowIndex ?? 0));
        const col0 = Number(range ? (range.startColumnIndex ?? 0) : (start.columnIndex ?? 0));
        const paths = maskPaths(String(body.fields));
        const write = (r: number, c: number, cell: Json) => {
          applyCellData(sheet, r, c, cell, paths);
        };
        if (range) {
          // Every cell of the range: those the rows leave out are cleared of the masked fields.
          const { nr, nc } = this.box(range);
          for (let i = 0; i < nr; i++) {
            const values = ((rows[i]?.values ?? []) as Json[]) ?? [];
            for (let j = 0; j < nc; j++) write(row0 + i, col0 + j, values[j] ?? {});
          }
          return {};
        }
        rows.forEach((row, i) => {
          ((row.values ?? []) as Json[]).forEach((cell, j) => write(row0 + i, col0 + j, cell));
        });
        return {};
      }
      case 'addChart': {
        const chart = JSON.parse(JSON.stringify(body.chart ?? {})) as Json;
        const anchor = ((chart.position as Json).overlayPosition as Json).anchorCell as Json;
        const sheet = this.real(anchor.sheetId);
        if (typeof chart.chartId !== 'number') chart.chartId = this.newObjectId();
        sheet._charts.push(chart);
        return { addChart: { chart } };
      }
      case 'deleteEmbeddedObject': {
        for (const sheet of this.ss._sheets) {
          sheet._charts = sheet._charts.filter((c) => c.chartId !== body.objectId);
        }
        return {};
      }
      case 'repeatCell': {
        const { sheet, r0, c0, nr, nc } = this.box(body.range as Json);
        const cell = (body.cell ?? {}) as Json;
        const format = (cell.userEnteredFormat ?? {}) as Json;
        const paths = maskPaths(String(body.fields));
        const names = (leaf: string) => paths.some((p) => p === leaf || leaf.startsWith(`${p}.`));
        // Read once: the sheet is a counting proxy, and these loops touch every cell.
        const [values, numbers, background, bold, wrapping] = [
          names('userEnteredValue'),
          names('userEnteredFormat.numberFormat'),
          names('userEnteredFormat.backgroundColor'),
          names('userEnteredFormat.textFormat.bold'),
          names('userEnteredFormat.wrapStrategy'),
        ];
        const strategy = typeof format.wrapStrategy === 'string' ? format.wrapStrategy : undefined;
        if (strategy !== undefined && !WRAP_STRATEGIES.has(strategy)) {
          throw this.fail(`Invalid value at 'wrap_strategy' (${strategy})`);
        }
        const formats = sheet._formats;
        const styles = sheet._styles;
        const pattern = (format.numberFormat as Json | undefined)?.pattern;
        const color = hexOf(format.backgroundColor as Json | undefined);
        const weight = (format.textFormat as Json | undefined)?.bold === true ? 'bold' : null;
        for (let r = r0; r < r0 + nr; r++) {
          for (let c = c0; c < c0 + nc; c++) {
            if (values) writeValue(sheet, r, c, cell.userEnteredValue as Json | undefined);
            if (numbers) formats.set(r, c, typeof pattern === 'string' ? pattern : undefined);
            if (background || bold || wrapping) {
              const style = styles.get(r, c) ?? {};
              if (background) style.background = color;
              if (bold) style.fontWeight = weight;
              if (wrapping) {
                style.wrapStrategy = strategy ?? null;
                style.wrap = strategy === undefined || strategy === 'WRAP';
              }
              styles.set(r, c, style);
            }
          }
        }
        return {};
      }
      case 'setDataValidation': {
        const { sheet, r0, c0, nr, nc } = this.box(body.range as Json);
        const rule = body.rule as Json | undefined;
        let validation: FakeDataValidation | undefined;
        if (rule) {
          const condition = rule.condition as Json;
          const values = ((condition.values ?? []) as Json[]).map((v) =>
            String(v.userEnteredValue),
          );
          const between = condition.type === 'NUMBER_BETWEEN';
          validation = new FakeDataValidation(this.world, {
            criteria: between ? 'NUMBER_BETWEEN' : 'VALUE_IN_LIST',
            values: between ? values.map(Number) : [values, rule.showCustomUi === true],
            allowInvalid: rule.strict !== true,
            helpText: typeof rule.inputMessage === 'string' ? rule.inputMessage : null,
          });
        }
        sheet._validations.fill(r0, c0, nr, nc, validation);
        return {};
      }
      case 'addProtectedRange': {
        const p = (body.protectedRange ?? {}) as Json;
        const range = (p.range ?? {}) as Json;
        const sheet = this.real(range.sheetId);
        let protection: FakeProtection;
        if (isWholeSheet(range)) {
          protection = sheet.protect();
        } else {
          const { r0, c0, nr, nc } = this.box(range);
          protection = sheet._range(r0 + 1, c0 + 1, nr, nc).protect();
        }
        protection._description = typeof p.description === 'string' ? p.description : '';
        protection._warningOnly = p.warningOnly === true;
        return { addProtectedRange: { protectedRange: { ...p } } };
      }
      case 'setBasicFilter': {
        const range = (body.filter as Json).range as Json;
        this.real(range.sheetId)._basicFilter = { ...range, sheetId: range.sheetId ?? 0 };
        return {};
      }
      case 'updateDimensionProperties': {
        const r = body.range as Json;
        const sheet = this.real(r.sheetId);
        const pixels = (body.properties as Json | undefined)?.pixelSize;
        if (r.dimension === 'COLUMNS' && typeof pixels === 'number') {
          for (let c = Number(r.startIndex ?? 0); c < Number(r.endIndex ?? 0); c++) {
            sheet._colWidths.set(c + 1, pixels);
          }
        }
        return {};
      }
    }
    return {};
  }

  /** A chart id no embedded object of the spreadsheet has. */
  private newObjectId(): number {
    const taken = new Set(this.ss._sheets.flatMap((s) => s._charts.map((c) => c.chartId)));
    let id: number;
    do id = 1 + this.world._rng.int(2_000_000_000);
    while (taken.has(id));
    return id;
  }

  private move(sheet: FakeSheet, index: number): void {
    const sheets = this.ss._sheets;
    sheets.splice(sheets.indexOf(sheet), 1);
    sheets.splice(Math.min(index, sheets.length), 0, sheet);
  }

  private box(range: Json) {
    const sheet = this.real(range.sheetId);
    const r0 = Number(range.startRowIndex ?? 0);
    const c0 = Number(range.startColumnIndex ?? 0);
    const nr = Number(range.endRowIndex ?? sheet._maxRows) - r0;
    const nc = Number(range.endColumnIndex ?? sheet._maxCols) - c0;
    return { sheet, r0, c0, nr, nc };
  }

  run(requests: unknown): Json[] {
    if (!Array.isArray(requests)) throw this.fail("Invalid JSON payload: 'requests' is a list");
    requests.forEach((r, i) => this.check(r, i));
    return (requests as Json[]).map((r) => this.apply(r));
  }
}

function isWholeSheet(range: Json | undefined): boolean {
  return (
    range !== undefined &&
    range.startRowIndex === undefined &&
    range.endRowIndex === undefined &&
    range.startColumnIndex === undefined &&
    range.endColumnIndex === undefined
  );
}

/**
 * A CellData written as the mask says: each field the mask names is set from the cell, or
 * cleared when the cell leaves it out; fields the mask does not name are left alone.
 */
export function applyCellData(
  sheet: FakeSheet,
  r: number,
  c: number,
  cell: Json,
  paths: readonly string[],
): void {
  const names = (leaf: string) => paths.some((p) => p === leaf || leaf.startsWith(`${p}.`));
  if (names('userEnteredValue')) {
    writeValue(sheet, r, c, cell.userEnteredValue as Json | undefined);
  }
  // A mask naming more of the format than the background (a laid-out sheet) sets the whole
  // format as given, keeping the cell's note.
  const fullFormat = paths.some(
    (p) =>
      p === 'userEnteredFormat' ||
      (p.startsWith('userEnteredFormat.') && p !== 'userEnteredFormat.backgroundColor'),
  );
  if (fullFormat) {
    const kept = sheet._styles.get(r, c)?.note;
    writeFormat(sheet, r, c, cell.userEnteredFormat as Json | undefined);
    if (kept) sheet._styles.set(r, c, { ...(sheet._styles.get(r, c) ?? {}), note: kept });
  }
  const note = names('note');
  const background = !fullFormat && names('userEnteredFormat.backgroundColor');
  if (!note && !background) return;
  const style = sheet._styles.get(r, c) ?? {};
  if (note) style.note = typeof cell.note === 'string' && cell.note !== '' ? cell.note : null;
  if (background) {
    const format = (cell.userEnteredFormat ?? {}) as Json;
    style.background = hexOf(format.backgroundColor as Json | undefined);
  }
  sheet._styles.set(r, c, style);
}

export function hexOf(color: Json | undefined): string | null {
  if (!color) return null;
  const part = (v: unknown) =>
    Math.round(Number(v ?? 0) * 255)
      .toString(16)
      .padStart(2, '0');
  return `#${part(color.red)}${part(color.green)}${part(color.blue)}`;
}

/** A CellFormat as the cell keeps it (absent: every format of the cell cleared). */
function writeFormat(sheet: FakeSheet, r: number, c: number, format: Json | undefined): void {
  const pattern = (format?.numberFormat as Json | undefined)?.pattern;
  sheet._formats.set(r, c, typeof pattern === 'string' ? pattern : undefined);
  if (!format) {
    sheet._styles.set(r, c, undefined);
    return;
  }
  const text = (format.textFormat ?? {}) as Json;
  sheet._styles.set(r, c, {
    background: hexOf(format.backgroundColor as Json | undefined),
    fontWeight: text.bold === true ? 'bold' : null,
    fontStyle: text.italic === true ? 'italic' : null,
    fontColor: hexOf(text.foregroundColor as Json | undefined),
    ...(typeof text.fontSize === 'number' ? { fontSize: text.fontSize } : {}),
    horizontalAlignment:
      typeof format.horizontalAlignment === 'string'
        ? format.horizontalAlignment.toLowerCase()
        : null,
  });
}

/** An ExtendedValue as the cell stores it: strings stay text, formulas are not modelled. */
function writeValue(sheet: FakeSheet, r: number, c: number, value: Json | undefined): void {
  sheet._formulas.set(r, c, undefined);
  if (value === undefined) {
    sheet._values.set(r, c, undefined);
    return;
  }
  if (typeof value.formulaValue === 'string') {
    throw sheet._world._sandboxError('Sandbox: updateCells formulaValue is not modelled');
  }
  const v = value.stringValue ?? value.numberValue ?? value.boolValue;
  sheet._values.set(r, c, v as string | number | boolean);
}
