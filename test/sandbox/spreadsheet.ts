/// <reference types="google-apps-script" />
/**
 * SpreadsheetApp in memory: Spreadsheet, Sheet, Range, Protection, data validation and the Ui.
 *
 * Faithful where scripts go wrong in real life:
 *  - `setValues` with the wrong shape throws Apps Script's exact messages;
 *  - what is written is interpreted like text typed into a cell (`interpretInput`): `=…` is a
 *    formula, `'…` is text, `12` a number, `2026-10-15` a date, unless the cell is formatted `@`;
 *  - `getRange` past the sheet's rows/columns throws (new sheets are 1000 × 26) and so does a
 *    range of 0 rows; `getValues` returns copies (Dates stay Dates, empty cells are '');
 *  - a cell holds at most 50,000 characters; a workbook at most 10 million cells;
 *  - `getUi()` throws in an execution without a user interface (a trigger).
 */
import type { FakeHtmlOutput } from './html';
import { enumOf, Fake, unwrapped, type Assert, type OnlyApi } from './calls';
import { FakeUser } from './services';
import { formatSheetsDate, instantOfSerial, sheetsSerial, zonedToUtc } from './time';
import { a1Of, isDate, javaTypeName, parseA1 } from './util';
import type { World } from './world';

type S = typeof GoogleAppsScript.Spreadsheet;
type SpreadsheetTypes = GoogleAppsScript.Spreadsheet.Spreadsheet;

export type CellValue = string | number | boolean | Date;

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;
export const MAX_CELL_CHARS = 50_000;
export const MAX_WORKBOOK_CELLS = 10_000_000;

// =============================================================================================
// What a written value becomes

/** How a value is being written. */
export type WriteMode =
  /** Apps Script `setValue(s)`/`appendRow`, Sheets API `USER_ENTERED`: parsed like typed text. */
  | 'user'
  /** Sheets API `RAW`: strings are stored exactly as given. */
  | 'raw'
  /** A Google Forms response row: numbers and dates parsed, never a formula. */
  | 'form';

export interface Interpreted {
  /** `undefined` is an empty cell. */
  readonly value: CellValue | undefined;
  readonly formula?: string;
  /** The number format Sheets gives a cell it parsed a date from (`yyyy-mm-dd`). */
  readonly implicitFormat?: string;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const PERCENT = /^[+-]?(\d+(\.\d*)?|\.\d+)%$/;
const DATE = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/** The default display of a Date written as a Date, by spreadsheet locale. */
export function defaultDateTimeFormat(locale: string): string {
  return locale.startsWith('zh') ? 'yyyy/m/d h:mm:ss' : 'm/d/yyyy h:mm:ss';
}

/**
 * THE place where a written value is interpreted, rule by rule (`mode` 'user' unless noted):
 *  1. `null`/`undefined`/'' → empty; numbers and booleans stay; a Date stays a Date (copied
 *     into the sandbox's Date). Other objects (arrays, plain objects) are a sandbox error: Apps
 *     Script would write some `toString`, which is a bug either way.
 *  2. 'raw' mode, or a cell formatted as plain text (`@`): the string verbatim.
 *  3. `'` prefix: text without the apostrophe (Sheets' quote prefix), never parsed further.
 *  4. `=…` is a FORMULA. So is `+…` / `-…` that is not a number (Sheets reads `-foo` as `=-foo`).
 *     The fake never evaluates formulas: the value reads back as `#NAME?` when the formula
 *     mentions a name (letters), else `#ERROR!`. ('form' mode: stored as text instead.)
 *  5. A number: sign, digits, decimals, exponent (`1e3`), `1,234` groups or `50%` (→ 0.5);
 *     surrounding spaces ignored. `007` becomes 7, like Sheets.
 *  6. A date: `yyyy-mm-dd` or `yyyy/mm/dd`, optionally ` hh:mm[:ss]`, becomes a Date at that wall
 *     time in the spreadsheet's time zone; `hh:mm[:ss]` alone is that time on 1899-12-30
 *     (Sheets' day zero). Impossible dates (2026-02-30) stay text. Locale-dependent forms
 *     (10/15/2026) are not parsed by the fake.
 *  7. `TRUE` / `FALSE` in any case → boolean.
 *  8. Anything else: the string as given (not trimmed).
 * Strings over 50,000 characters throw like Sheets.
 */
export function interpretInput(
  input: unknown,
  numberFormat: string | undefined,
  timeZone: string,
  world: World,
  mode: WriteMode = 'user',
): Interpreted {
  if (input === null || input === undefined || input === '') return { value: undefined };
  if (typeof input === 'number') {
    if (Number.isNaN(input)) return { value: '#NUM!' };
    return { value: input };
  }
  if (typeof input === 'boolean') return { value: input };
  if (isDate(input)) return { value: world._date(input.getTime()) };
  if (typeof input !== 'string') {
    throw world._sandboxError(
      `Sandbox: a cell cannot hold ${javaTypeName(input)} (${Object.prototype.toString.call(input)}); write strings, numbers, booleans or Dates`,
    );
  }
  if (input.length > MAX_CELL_CHARS) {
    throw world._exception(
      `Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`,
    );
  }
  if (mode === 'raw' || numberFormat === '@') return { value: input };
  if (input.startsWith("'")) {
    const text = input.slice(1);
    return { value: text === '' ? undefined : text };
  }
  const trimmed = input.trim();
  const isNumber = NUMBER.test(trimmed) || GROUPED.test(trimmed) || PERCENT.test(trimmed);
  const formulaLike =
    (input.startsWith('=') && input.length > 1) ||
    ((input.startsWith('+') || input.startsWith('-')) && input.length > 1 && !isNumber);
  if (formulaLike) {
    if (mode === 'form') return { value: input };
    const formula = input.startsWith('=') ? input : `=${input}`;
    return { value: /[A-Za-z]/.test(formula) ? '#NAME?' : '#ERROR!', formula };
  }
  if (isNumber) {
    if (PERCENT.test(trimmed)) return { value: Number(trimmed.slice(0, -1)) / 100 };
    return { value: Number(trimmed.replace(/,/g, '')) };
  }
  const d = DATE.exec(trimmed);
  if (d) {
    const [year, month, day] = [Number(d[1]), Number(d[3]), Number(d[4])];
    const [hour, minute, second] = [Number(d[5] ?? 0), Number(d[6] ?? 0), Number(d[7] ?? 0)];
    const probe = new Date(Date.UTC(year, month - 1, day));
    const valid =
      probe.getUTCFullYear() === year &&
      probe.getUTCMonth() === month - 1 &&
      probe.getUTCDate() === day &&
      hour < 24 &&
      minute < 60 &&
      second < 60;
    if (valid) {
      const sep = d[2]!;
      const base = `yyyy${sep}mm${sep}dd`;
      return {
        value: world._date(zonedToUtc(timeZone, year, month, day, hour, minute, second)),
        implicitFormat: d[5] !== undefined ? `${base} h:mm:ss` : base,
      };
    }
  }
  const t = TIME.exec(trimmed);
  if (t) {
    const [hour, minute, second] = [Number(t[1]), Number(t[2]), Number(t[3] ?? 0)];
    if (hour < 24 && minute < 60 && second < 60) {
      return {
        value: world._date(zonedToUtc(timeZone, 1899, 12, 30, hour, minute, second)),
        implicitFormat: 'h:mm:ss',
      };
    }
  }
  if (/^true$/i.test(trimmed)) return { value: true };
  if (/^false$/i.test(trimmed)) return { value: false };
  return { value: input };
}

/** Whether a Sheets number format shows dates or times (`yyyy-mm-dd`, `h:mm`), not `0.00`/`@`. */
export function isDateFormat(format: string): boolean {
  return /[ymdhs]/i.test(format.replace(/"[^"]*"|\\./g, ''));
}

/**
 * A cell as Sheets displays it (`getDisplayValues`, Sheets API `FORMATTED_VALUE`). `format` is
 * the cell's explicit format, else the one Sheets chose for a parsed date; a Date under a
 * non-date format shows as its serial number, and a number under a date format (a date written
 * as its serial number, RAW) as the date it stands for.
 */
export function displayValue(
  value: CellValue | undefined,
  format: string | undefined,
  timeZone: string,
  locale: string,
): string {
  if (value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if (isDate(value)) {
    if (format !== undefined && !isDateFormat(format)) {
      return displayValue(sheetsSerial(value.getTime(), timeZone), format, timeZone, locale);
    }
    return formatSheetsDate(value.getTime(), timeZone, format ?? defaultDateTimeFormat(locale));
  }
  if (format !== undefined && format !== '@' && isDateFormat(format)) {
    return formatSheetsDate(instantOfSerial(value, timeZone), timeZone, format);
  }
  if (!format || format === '@' || !/0|#/.test(format)) return String(value);
  const percent = format.includes('%');
  const n = percent ? value * 100 : value;
  const decimals = /\.([0#]+)/.exec(format)?.[1]?.length ?? 0;
  let text = n.toFixed(decimals);
  if (format.includes(',')) {
    const [int, frac] = text.split('.');
    text = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac !== undefined ? `.${frac}` : '');
  }
  return percent ? `${text}%` : text;
}

// =============================================================================================
// Storage

/** A sparse 2-D store (0-based); rows and columns can be inserted and deleted. */
export class Grid<T> {
  rows: (T[] | undefined)[] = [];
  get(r: number, c: number): T | undefined {
    return this.rows[r]?.[c];
  }
  set(r: number, c: number, v: T | undefined): void {
    let row = this.rows[r];
    if (!row) {
      if (v === undefined) return;
      row = this.rows[r] = [];
    }
    if (v === undefined) {
      if (c < row.length) delete row[c];
    } else {
      row[c] = v;
    }
  }
  fill(r0: number, c0: number, nr: number, nc: number, v: T | undefined): void {
    for (let r = r0; r < r0 + nr; r++) for (let c = c0; c < c0 + nc; c++) this.set(r, c, v);
  }
  spliceRows(at: number, remove: number, insert: number): void {
    if (at >= this.rows.length) return;
    this.rows.splice(at, remove, ...new Array<undefined>(insert));
  }
  spliceCols(at: number, remove: number, insert: number): void {
    for (const row of this.rows) {
      if (row && row.length > at) row.splice(at, remove, ...new Array<T>(insert));
    }
  }
  clear(): void {
    this.rows = [];
  }
}

interface CellStyle {
  fontWeight?: string | null;
  fontStyle?: string | null;
  fontColor?: string | null;
  fontSize?: number;
  fontFamily?: string | null;
  background?: string | null;
  wrap?: boolean;
  /** The Sheets API's wrap strategy (`CLIP`, `OVERFLOW_CELL`, `WRAP`…), when set through it. */
  wrapStrategy?: string | null;
  horizontalAlignment?: string | null;
  verticalAlignment?: string | null;
  note?: string | null;
}

// =============================================================================================
// Data validation

const CRITERIA = [
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_BETWEEN',
  'DATE_EQUAL_TO',
  'DATE_IS_VALID_DATE',
  'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER',
  'DATE_ON_OR_BEFORE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL',
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'CUSTOM_FORMULA',
  'CHECKBOX',
] as const;

interface RuleSpec {
  criteria: string | null;
  values: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

export class FakeDataValidation extends Fake<World> {
  readonly _spec: Readonly<RuleSpec>;
  constructor(world: World, spec: RuleSpec) {
    super(world, 'DataValidation');
    this._spec = { ...spec, values: [...spec.values] };
  }
  copy(): FakeDataValidationBuilder {
    return new FakeDataValidationBuilder(this._world, this._spec);
  }
  getAllowInvalid(): boolean {
    return this._spec.allowInvalid;
  }
  getCriteriaType(): GoogleAppsScript.Spreadsheet.DataValidationCriteria {
    return this._spec.criteria as unknown as GoogleAppsScript.Spreadsheet.DataValidationCriteria;
  }
  getCriteriaValues(): unknown[] {
    return [...this._spec.values];
  }
  getHelpText(): string {
    return this._spec.helpText ?? '';
  }
}

export class FakeDataValidationBuilder extends Fake<World> {
  _spec: RuleSpec;
  constructor(world: World, from?: RuleSpec) {
    super(world, 'DataValidationBuilder');
    this._spec = from
      ? { ...from, values: [...from.values] }
      : { criteria: null, values: [], allowInvalid: true, helpText: null };
  }
  _set(criteria: string, values: unknown[]): this {
    this._spec.criteria = criteria;
    this._spec.values = values;
    return this;
  }
  build(): FakeDataValidation {
    if (this._spec.criteria === null) {
      throw this._world._exception('You must specify a criteria for the data validation rule.');
    }
    return new FakeDataValidation(this._world, this._spec);
  }
  copy(): FakeDataValidationBuilder {
    return new FakeDataValidationBuilder(this._world, this._spec);
  }
  getAllowInvalid(): boolean {
    return this._spec.allowInvalid;
  }
  getCriteriaType(): GoogleAppsScript.Spreadsheet.DataValidationCriteria {
    return this._spec.criteria as unknown as GoogleAppsScript.Spreadsheet.DataValidationCriteria;
  }
  getCriteriaValues(): unknown[] {
    return [...this._spec.values];
  }
  getHelpText(): string | null {
    return this._spec.helpText;
  }
  requireValueInList(values: string[], showDropdown = true): this {
    if (!Array.isArray(values)) {
      throw this._world._exception(
        `The parameters (${javaTypeName(values)}) don't match the method signature for SpreadsheetApp.DataValidationBuilder.requireValueInList.`,
      );
    }
    return this._set('VALUE_IN_LIST', [values.map(String), showDropdown]);
  }
  requireValueInRange(range: FakeRange, showDropdown = true): this {
    return this._set('VALUE_IN_RANGE', [range, showDropdown]);
  }
  requireCheckbox(checked?: unknown, unchecked?: unknown): this {
    return this._set(
      'CHECKBOX',
      [checked, unchecked].filter((v) => v !== undefined),
    );
  }
  requireDate(): this {
    return this._set('DATE_IS_VALID_DATE', []);
  }
  requireNumberBetween(start: number, end: number): this {
    return this._set('NUMBER_BETWEEN', [start, end]);
  }
  requireNumberGreaterThanOrEqualTo(n: number): this {
    return this._set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }
  requireNumberLessThanOrEqualTo(n: number): this {
    return this._set('NUMBER_LESS_THAN_OR_EQUAL_TO', [n]);
  }
  requireTextIsEmail(): this {
    return this._set('TEXT_IS_VALID_EMAIL', []);
  }
  requireTextIsUrl(): this {
    return this._set('TEXT_IS_VALID_URL', []);
  }
  requireFormulaSatisfied(formula: string): this {
    return this._set('CUSTOM_FORMULA', [formula]);
  }
  setAllowInvalid(allow: boolean): this {
    this._spec.allowInvalid = Boolean(allow);
    return this;
  }
  setHelpText(text: string): this {
    this._spec.helpText = String(text);
    return this;
  }
}

// =============================================================================================
// Protection

export class FakeProtection extends Fake<World> {
  readonly _sheet: FakeSheet;
  readonly _range: FakeRange | null;
  _description = '';
  _warningOnly = false;
  _domainEdit: boolean;
  _editors: string[];
  constructor(world: World, sheet: FakeSheet, range: FakeRange | null) {
    super(world, 'Protection');
    this._sheet = sheet;
    this._range = range;
    // A new protection mirrors the spreadsheet's sharing: the owner and the current user.
    this._editors = [...new Set([world.ownerEmail, world._activeUserEmail()])];
    this._domainEdit = world.domain !== null;
  }
  _requireEditor(): void {
    if (this._warningOnly) {
      // Apps Script: editors cannot be changed on a warning-only protection.
      throw this._world._exception(
        'You cannot add or remove editors from a warning-only protection.',
      );
    }
  }
  addEditor(user: string | FakeUser): this {
    this._requireEditor();
    const email = typeof user === 'string' ? user : user.getEmail();
    if (!this._editors.includes(email)) this._editors.push(email);
    return this;
  }
  addEditors(emails: string[]): this {
    for (const e of emails) this.addEditor(e);
    return this;
  }
  canDomainEdit(): boolean {
    return this._domainEdit;
  }
  canEdit(): boolean {
    return true;
  }
  getDescription(): string {
    return this._description;
  }
  getEditors(): FakeUser[] {
    return this._editors.map((e) => new FakeUser(this._world, e));
  }
  getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType {
    return (this._range
      ? 'RANGE'
      : 'SHEET') as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;
  }
  getRange(): FakeRange {
    return this._range ?? this._sheet.getDataRange();
  }
  isWarningOnly(): boolean {
    return this._warningOnly;
  }
  remove(): void {
    if (this._range) {
      this._sheet._rangeProtections = this._sheet._rangeProtections.filter((p) => p !== this);
    } else if (this._sheet._protection === this) {
      this._sheet._protection = null;
    }
  }
  removeEditor(user: string | FakeUser): this {
    return this.removeEditors([user]);
  }
  /** The owner and the current user are never removed (Apps Script keeps them silently). */
  removeEditors(users: (string | FakeUser)[]): this {
    this._requireEditor();
    const emails = users.map((u) => (typeof u === 'string' ? u : u.getEmail()));
    const keep = new Set([this._world.ownerEmail, this._world._activeUserEmail()]);
    this._editors = this._editors.filter((e) => keep.has(e) || !emails.includes(e));
    return this;
  }
  setDescription(description: string): this {
    this._description = String(description);
    return this;
  }
  setDomainEdit(editable: boolean): this {
    if (this._world.domain === null) {
      throw this._world._exception(
        'This operation is only available for Google Workspace domain users.',
      );
    }
    this._domainEdit = Boolean(editable);
    return this;
  }
  setWarningOnly(warningOnly: boolean): this {
    this._warningOnly = Boolean(warningOnly);
    return this;
  }
}

// =============================================================================================
// Range

export class FakeRange extends Fake<World> {
  readonly _sheet: FakeSheet;
  readonly _row: number;
  readonly _col: number;
  readonly _nr: number;
  readonly _nc: number;
  constructor(world: World, sheet: FakeSheet, row: number, col: number, nr: number, nc: number) {
    super(world, 'Range');
    this._sheet = sheet;
    this._row = row;
    this._col = col;
    this._nr = nr;
    this._nc = nc;
  }

  _each(fn: (r: number, c: number) => void): void {
    for (let r = this._row - 1; r < this._row - 1 + this._nr; r++) {
      for (let c = this._col - 1; c < this._col - 1 + this._nc; c++) fn(r, c);
    }
  }
  /** Each cell of the range read by `read`, which is handed the sheet without its proxy. */
  _grid<T>(read: (r: number, c: number, sheet: FakeSheet) => T): T[][] {
    const { _nr: nr, _nc: nc, _row: row, _col: col } = unwrapped(this);
    const sheet = unwrapped(this._sheet);
    const out: T[][] = new Array<T[]>(nr);
    for (let i = 0; i < nr; i++) {
      const line = new Array<T>(nc);
      for (let j = 0; j < nc; j++) line[j] = read(row - 1 + i, col - 1 + j, sheet);
      out[i] = line;
    }
    return out;
  }
  /** Apps Script's shape errors for `setValues`, `setNumberFormats`, `setDataValidations`… */
  _checkShape(data: unknown, method: string): asserts data is unknown[][] {
    if (!Array.isArray(data) || !data.every((row) => Array.isArray(row))) {
      throw this._world._exception(
        `The parameters (${javaTypeName(data)}) don't match the method signature for SpreadsheetApp.Range.${method}.`,
      );
    }
    if (data.length !== this._nr) {
      throw this._world._exception(
        `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${this._nr}.`,
      );
    }
    for (const row of data as unknown[][]) {
      if (row.length !== this._nc) {
        throw this._world._exception(
          `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${this._nc}.`,
        );
      }
    }
  }
  _style<K extends keyof CellStyle>(key: K, value: CellStyle[K]): this {
    const styles = this._sheet._styles;
    this._each((r, c) => {
      const s = styles.get(r, c) ?? {};
      s[key] = value;
      styles.set(r, c, s);
    });
    return this;
  }
  _styleGrid<K extends keyof CellStyle>(key: K, values: unknown, method: string): this {
    this._checkShape(values, method);
    const styles = this._sheet._styles;
    this._each((r, c) => {
      const s = styles.get(r, c) ?? {};
      s[key] = values[r - this._row + 1]![c - this._col + 1] as CellStyle[K];
      styles.set(r, c, s);
    });
    return this;
  }
  _styleOf<K extends keyof CellStyle>(key: K): CellStyle[K] | undefined {
    return this._sheet._styles.get(this._row - 1, this._col - 1)?.[key];
  }

  activate(): this {
    this._sheet._ss._active = this._sheet;
    return this;
  }
  clear(options?: {
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
  }): this {
    const s = this._sheet;
    const [r0, c0] = [this._row - 1, this._col - 1];
    const contents =
      !options || options.contentsOnly || (!options.formatOnly && !options.validationsOnly);
    const formats =
      !options || options.formatOnly || (!options.contentsOnly && !options.validationsOnly);
    if (contents) {
      s._values.fill(r0, c0, this._nr, this._nc, undefined);
      s._formulas.fill(r0, c0, this._nr, this._nc, undefined);
    }
    if (formats) {
      s._formats.fill(r0, c0, this._nr, this._nc, undefined);
      s._implicit.fill(r0, c0, this._nr, this._nc, undefined);
      s._styles.fill(r0, c0, this._nr, this._nc, undefined);
    }
    if (options?.validationsOnly) s._validations.fill(r0, c0, this._nr, this._nc, undefined);
    return this;
  }
  clearContent(): this {
    return this.clear({ contentsOnly: true });
  }
  clearDataValidations(): this {
    this._sheet._validations.fill(this._row - 1, this._col - 1, this._nr, this._nc, undefined);
    return this;
  }
  clearFormat(): this {
    return this.clear({ formatOnly: true });
  }
  getA1Notation(): string {
    return a1Of(this._row, this._col, this._nr, this._nc);
  }
  getBackground(): string {
    return this._styleOf('background') ?? '#ffffff';
  }
  getBackgrounds(): string[][] {
    return this._grid((r, c, sheet) => sheet._styles.get(r, c)?.background ?? '#ffffff');
  }
  getCell(row: number, column: number): FakeRange {
    if (row < 1 || column < 1 || row > this._nr || column > this._nc) {
      throw this._world._exception(
        'The coordinates of the range are outside the dimensions of the sheet.',
      );
    }
    return this._sheet._range(this._row + row - 1, this._col + column - 1, 1, 1, 'Range.getCell');
  }
  getColumn(): number {
    return this._col;
  }
  getDataValidation(): FakeDataValidation | null {
    return this._sheet._validations.get(this._row - 1, this._col - 1) ?? null;
  }
  getDataValidations(): (FakeDataValidation | null)[][] {
    return this._grid((r, c, sheet) => sheet._validations.get(r, c) ?? null);
  }
  getDisplayValue(): string {
    return this.getDisplayValues()[0]![0]!;
  }
  getDisplayValues(): string[][] {
    const tz = this._sheet._ss._timeZone;
    const locale = this._sheet._ss._locale;
    return this._grid((r, c, s) =>
      displayValue(s._values.get(r, c), s._formats.get(r, c) ?? s._implicit.get(r, c), tz, locale),
    );
  }
  getFontWeight(): GoogleAppsScript.Spreadsheet.FontWeight {
    return (this._styleOf('fontWeight') ?? 'normal') as GoogleAppsScript.Spreadsheet.FontWeight;
  }
  getFontWeights(): string[][] {
    return this._grid((r, c, sheet) => sheet._styles.get(r, c)?.fontWeight ?? 'normal');
  }
  getFormula(): string {
    return this._sheet._formulas.get(this._row - 1, this._col - 1) ?? '';
  }
  getFormulas(): string[][] {
    return this._grid((r, c, sheet) => sheet._formulas.get(r, c) ?? '');
  }
  getGridId(): number {
    return this._sheet._id;
  }
  getHeight(): number {
    return this._nr;
  }
  getLastColumn(): number {
    return this._col + this._nc - 1;
  }
  getLastRow(): number {
    return this._row + this._nr - 1;
  }
  getNote(): string {
    return this._styleOf('note') ?? '';
  }
  getNotes(): string[][] {
    return this._grid((r, c, sheet) => sheet._styles.get(r, c)?.note ?? '');
  }
  getNumColumns(): number {
    return this._nc;
  }
  getNumRows(): number {
    return this._nr;
  }
  getNumberFormat(): string {
    return this.getNumberFormats()[0]![0]!;
  }
  getNumberFormats(): string[][] {
    return this._grid(
      (r, c, s) => s._formats.get(r, c) ?? s._implicit.get(r, c) ?? '0.###############',
    );
  }
  getRow(): number {
    return this._row;
  }
  getRowIndex(): number {
    return this._row;
  }
  getSheet(): FakeSheet {
    return this._sheet;
  }
  getValue(): CellValue {
    return this._sheet._read(this._row - 1, this._col - 1);
  }
  /** A fresh copy every time: Dates are new Date objects, empty cells are ''. */
  getValues(): CellValue[][] {
    return this._grid((r, c, sheet) => sheet._read(r, c));
  }
  getWidth(): number {
    return this._nc;
  }
  getWrap(): boolean {
    return this._styleOf('wrap') ?? true;
  }
  getWraps(): boolean[][] {
    return this._grid((r, c, sheet) => sheet._styles.get(r, c)?.wrap ?? true);
  }
  isBlank(): boolean {
    let blank = true;
    this._each((r, c) => {
      if (this._sheet._values.get(r, c) !== undefined || this._sheet._formulas.get(r, c))
        blank = false;
    });
    return blank;
  }
  offset(
    rowOffset: number,
    columnOffset: number,
    numRows?: number,
    numColumns?: number,
  ): FakeRange {
    return this._sheet._range(
      this._row + rowOffset,
      this._col + columnOffset,
      numRows ?? this._nr,
      numColumns ?? this._nc,
      'Range.offset',
    );
  }
  protect(): FakeProtection {
    const p = new FakeProtection(this._world, this._sheet, this);
    this._sheet._rangeProtections.push(p);
    return p;
  }
  setBackground(color: string | null): this {
    return this._style('background', color);
  }
  setBackgrounds(colors: (string | null)[][]): this {
    return this._styleGrid('background', colors, 'setBackgrounds');
  }
  setDataValidation(rule: FakeDataValidation | null): this {
    const v = this._sheet._validations;
    this._each((r, c) => v.set(r, c, rule ?? undefined));
    return this;
  }
  setDataValidations(rules: (FakeDataValidation | null)[][]): this {
    this._checkShape(rules, 'setDataValidations');
    const v = this._sheet._validations;
    this._each((r, c) => v.set(r, c, rules[r - this._row + 1]![c - this._col + 1] ?? undefined));
    return this;
  }
  setFontColor(color: string | null): this {
    return this._style('fontColor', color);
  }
  setFontFamily(family: string | null): this {
    return this._style('fontFamily', family);
  }
  setFontSize(size: number): this {
    return this._style('fontSize', size);
  }
  setFontStyle(style: GoogleAppsScript.Spreadsheet.FontStyle | null): this {
    return this._style('fontStyle', style);
  }
  setFontWeight(weight: GoogleAppsScript.Spreadsheet.FontWeight | null): this {
    return this._style('fontWeight', weight);
  }
  setFontWeights(weights: (GoogleAppsScript.Spreadsheet.FontWeight | null)[][]): this {
    return this._styleGrid('fontWeight', weights, 'setFontWeights');
  }
  setFormula(formula: string): this {
    return this.setFormulas(
      Array.from({ length: this._nr }, () => new Array<string>(this._nc).fill(formula)),
    );
  }
  setFormulas(formulas: string[][]): this {
    this._checkShape(formulas, 'setFormulas');
    this._sheet._write(this._row, this._col, formulas, 'user');
    return this;
  }
  setHorizontalAlignment(alignment: 'left' | 'center' | 'normal' | 'right' | null): this {
    return this._style('horizontalAlignment', alignment);
  }
  setNote(note: string | null): this {
    return this._style('note', note);
  }
  setNumberFormat(format: string): this {
    const f = this._sheet._formats;
    const fmt = String(format);
    this._each((r, c) => f.set(r, c, fmt));
    return this;
  }
  setNumberFormats(formats: string[][]): this {
    this._checkShape(formats, 'setNumberFormats');
    const f = this._sheet._formats;
    this._each((r, c) => f.set(r, c, String(formats[r - this._row + 1]![c - this._col + 1])));
    return this;
  }
  /** Every cell of the range gets the value (Apps Script does the same). */
  setValue(value: unknown): this {
    const row = new Array<unknown>(this._nc).fill(value);
    this._sheet._write(
      this._row,
      this._col,
      Array.from({ length: this._nr }, () => row),
      'user',
    );
    return this;
  }
  setValues(values: unknown[][]): this {
    this._checkShape(values, 'setValues');
    this._sheet._write(this._row, this._col, values, 'user');
    return this;
  }
  setVerticalAlignment(alignment: 'top' | 'middle' | 'bottom' | null): this {
    return this._style('verticalAlignment', alignment);
  }
  setWrap(wrap: boolean): this {
    return this._style('wrap', Boolean(wrap));
  }
  setWraps(wraps: boolean[][]): this {
    return this._styleGrid('wrap', wraps, 'setWraps');
  }
}

// =============================================================================================
// Sheet

function checkArgs(
  world: World,
  method: string,
  args: readonly unknown[],
  types: readonly string[],
): void {
  const ok = args.length === types.length && args.every((a, i) => typeof a === types[i]);
  if (!ok) {
    throw world._exception(
      `The parameters (${args.map(javaTypeName).join(',')}) don't match the method signature for ${method}.`,
    );
  }
}

export class FakeSheet extends Fake<World> {
  readonly _ss: FakeSpreadsheet;
  readonly _id: number;
  _name: string;
  _maxRows = DEFAULT_ROWS;
  _maxCols = DEFAULT_COLUMNS;
  readonly _values = new Grid<CellValue>();
  readonly _formulas = new Grid<string>();
  /** Number formats set by the script (`setNumberFormat`). */
  readonly _formats = new Grid<string>();
  /** Number formats Sheets chose itself for a parsed date. */
  readonly _implicit = new Grid<string>();
  readonly _validations = new Grid<FakeDataValidation>();
  readonly _styles = new Grid<CellStyle>();
  _frozenRows = 0;
  _frozenCols = 0;
  readonly _colWidths = new Map<number, number>();
  /** Embedded charts (`addChart`), as the Sheets API describes them: chartId, spec, position. */
  _charts: Record<string, unknown>[] = [];
  _hidden = false;
  _tabColor: string | null = null;
  _protection: FakeProtection | null = null;
  /** The sheet's basic filter (Sheets API `setBasicFilter`): its range, as set. */
  _basicFilter: Record<string, unknown> | null = null;
  _rangeProtections: FakeProtection[] = [];
  /** The form whose responses this sheet receives, if any. */
  _formUrl: string | null = null;

  constructor(world: World, ss: FakeSpreadsheet, name: string, id: number) {
    super(world, 'Sheet');
    this._ss = ss;
    this._name = name;
    this._id = id;
  }

  /** Whether the cell's explicit format shows a date: a number there is a date to Sheets. */
  _isDateNumber(r: number, c: number): boolean {
    const explicit = this._formats.get(r, c);
    return typeof this._values.get(r, c) === 'number' && explicit !== undefined && explicit !== '@'
      ? isDateFormat(explicit)
      : false;
  }

  /** One cell as `getValues` returns it. */
  _read(r: number, c: number): CellValue {
    const v = this._values.get(r, c);
    if (v === undefined) return '';
    if (this._isDateNumber(r, c)) {
      return this._world._date(instantOfSerial(v as number, this._ss._timeZone));
    }
    if (!isDate(v)) return v;
    // A date cell given a non-date number format (`@`, `0.00`) is a number cell to Sheets.
    if (!this._isDateFormatted(r, c)) return sheetsSerial(v.getTime(), this._ss._timeZone);
    return this._world._date(v.getTime());
  }

  /** Whether a cell's number format shows a date (no explicit format: the one Sheets chose). */
  _isDateFormatted(r: number, c: number): boolean {
    const explicit = this._formats.get(r, c);
    return explicit === undefined || isDateFormat(explicit);
  }

  /**
   * Writes a block at (row, col) (1-based) through `interpretInput`, all or nothing. The block
   * must fit the sheet (callers check or grow first). In the API modes a `null` cell is skipped.
   */
  _write(row: number, col: number, data: readonly (readonly unknown[])[], mode: WriteMode): void {
    const tz = this._ss._timeZone;
    const staged: (Interpreted | null)[][] = data.map((line, i) =>
      line.map((v, j) =>
        v === null && mode !== 'user'
          ? null
          : interpretInput(v, this._formats.get(row - 1 + i, col - 1 + j), tz, this._world, mode),
      ),
    );
    staged.forEach((line, i) => {
      const r = row - 1 + i;
      line.forEach((cell, j) => {
        if (cell === null) return;
        const c = col - 1 + j;
        this._values.set(r, c, cell.value);
        this._formulas.set(r, c, cell.formula);
        if (cell.implicitFormat !== undefined || cell.value === undefined || !isDate(cell.value)) {
          this._implicit.set(r, c, cell.implicitFormat);
        } else if (!this._implicit.get(r, c)) {
          this._implicit.set(r, c, defaultDateTimeFormat(this._ss._locale));
        }
      });
    });
  }

  /** A range after Apps Script's checks (1-based). */
  _range(row: number, col: number, nr: number, nc: number, method = 'Sheet.getRange'): FakeRange {
    for (const [n, what] of [
      [row, 'row'],
      [col, 'column'],
      [nr, 'number of rows'],
      [nc, 'number of columns'],
    ] as const) {
      if (!Number.isInteger(n)) {
        throw this._world._sandboxError(
          `Sandbox: ${method} got a non-integer ${what} (${n}); Apps Script's behaviour for it is unspecified`,
        );
      }
    }
    if (row < 1) throw this._world._exception('The starting row of the range is too small.');
    if (col < 1) throw this._world._exception('The starting column of the range is too small.');
    if (nr < 1) throw this._world._exception('The number of rows in the range must be at least 1.');
    if (nc < 1)
      throw this._world._exception('The number of columns in the range must be at least 1.');
    if (row + nr - 1 > this._maxRows || col + nc - 1 > this._maxCols) {
      throw this._world._exception(
        'The coordinates of the range are outside the dimensions of the sheet.',
      );
    }
    return new FakeRange(this._world, this, row, col, nr, nc);
  }

  _rangeFromA1(a1: string): FakeRange {
    const ref = parseA1(a1);
    if (!ref || !ref.box) throw this._world._exception('Range not found');
    const { row1 = 1, col1 = 1, row2 = this._maxRows, col2 = this._maxCols } = ref.box;
    const [r1, r2] = [Math.min(row1, row2), Math.max(row1, row2)];
    const [c1, c2] = [Math.min(col1, col2), Math.max(col1, col2)];
    return this._range(r1, c1, r2 - r1 + 1, c2 - c1 + 1);
  }

  _lastRow(): number {
    const rows = this._values.rows;
    for (let r = rows.length - 1; r >= 0; r--) {
      const row = rows[r];
      if (row && row.some((v) => v !== undefined)) return r + 1;
    }
    return 0;
  }

  _lastColumn(): number {
    let last = 0;
    for (const row of this._values.rows) {
      if (!row) continue;
      for (let c = row.length - 1; c >= last; c--) {
        if (row[c] !== undefined) {
          last = c + 1;
          break;
        }
      }
    }
    return last;
  }

  _spliceRows(at: number, remove: number, insert: number): void {
    for (const g of [
      this._values,
      this._formulas,
      this._formats,
      this._implicit,
      this._validations,
      this._styles,
    ]) {
      (g as Grid<unknown>).spliceRows(at, remove, insert);
    }
    this._maxRows += insert - remove;
  }

  _spliceCols(at: number, remove: number, insert: number): void {
    for (const g of [
      this._values,
      this._formulas,
      this._formats,
      this._implicit,
      this._validations,
      this._styles,
    ]) {
      (g as Grid<unknown>).spliceCols(at, remove, insert);
    }
    this._maxCols += insert - remove;
  }

  /** Grows the grid by `rows` × `cols` cells after the workbook's 10-million-cell check. */
  _grow(rows: number, cols: number): void {
    const added = rows * (this._maxCols + cols) + cols * this._maxRows;
    if (this._ss._cellCount() + added > MAX_WORKBOOK_CELLS) {
      throw this._world._exception(
        `This action would increase the number of cells in the workbook above the limit of ${MAX_WORKBOOK_CELLS} cells.`,
      );
    }
  }

  activate(): this {
    this._ss._active = this;
    this._hidden = false;
    return this;
  }
  /** Appends a row after the last one with content, growing the sheet when needed. */
  appendRow(rowContents: unknown[]): this {
    if (!Array.isArray(rowContents)) {
      throw this._world._exception(
        `The parameters (${javaTypeName(rowContents)}) don't match the method signature for SpreadsheetApp.Sheet.appendRow.`,
      );
    }
    const row = this._lastRow() + 1;
    if (row > this._maxRows || rowContents.length > this._maxCols) {
      const addRows = Math.max(0, row - this._maxRows);
      const addCols = Math.max(0, rowContents.length - this._maxCols);
      this._grow(addRows, addCols);
      this._maxRows += addRows;
      this._maxCols += addCols;
    }
    this._write(row, 1, [rowContents], 'user');
    return this;
  }
  autoResizeColumns(startColumn: number, numColumns: number): this {
    void startColumn;
    void numColumns;
    return this;
  }
  /** Contents and formats (data validation stays). */
  clear(): this {
    for (const g of [this._values, this._formulas, this._formats, this._implicit, this._styles]) {
      (g as Grid<unknown>).clear();
    }
    return this;
  }
  clearContents(): this {
    this._values.clear();
    this._formulas.clear();
    return this;
  }
  clearFormats(): this {
    this._formats.clear();
    this._implicit.clear();
    this._styles.clear();
    return this;
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    if (columnPosition < 1 || howMany < 1 || columnPosition + howMany - 1 > this._maxCols) {
      throw this._world._exception('Those columns are out of bounds.');
    }
    if (howMany >= this._maxCols) {
      throw this._world._exception('Sorry, it is not possible to delete all non-frozen columns.');
    }
    this._spliceCols(columnPosition - 1, howMany, 0);
  }
  deleteRow(rowPosition: number): this {
    this.deleteRows(rowPosition, 1);
    return this;
  }
  deleteRows(rowPosition: number, howMany: number): void {
    if (rowPosition < 1 || howMany < 1 || rowPosition + howMany - 1 > this._maxRows) {
      throw this._world._exception('Those rows are out of bounds.');
    }
    if (howMany >= this._maxRows - this._frozenRows) {
      throw this._world._exception('Sorry, it is not possible to delete all non-frozen rows.');
    }
    this._spliceRows(rowPosition - 1, howMany, 0);
  }
  getColumnWidth(columnPosition: number): number {
    return this._colWidths.get(columnPosition) ?? 100;
  }
  /** From A1 to the last row and column with content; A1 alone on an empty sheet. */
  getDataRange(): FakeRange {
    return this._range(1, 1, Math.max(1, this._lastRow()), Math.max(1, this._lastColumn()));
  }
  getFormUrl(): string | null {
    return this._formUrl;
  }
  getFrozenColumns(): number {
    return this._frozenCols;
  }
  getFrozenRows(): number {
    return this._frozenRows;
  }
  getIndex(): number {
    return this._ss._sheets.indexOf(this) + 1;
  }
  getLastColumn(): number {
    return this._lastColumn();
  }
  getLastRow(): number {
    return this._lastRow();
  }
  getMaxColumns(): number {
    return this._maxCols;
  }
  getMaxRows(): number {
    return this._maxRows;
  }
  getName(): string {
    return this._name;
  }
  getParent(): FakeSpreadsheet {
    return this._ss;
  }
  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): FakeProtection[] {
    if (String(type) === 'SHEET') return this._protection ? [this._protection] : [];
    if (String(type) === 'RANGE') return [...this._rangeProtections];
    throw this._world._exception(
      `The parameters (${javaTypeName(type)}) don't match the method signature for SpreadsheetApp.Sheet.getProtections.`,
    );
  }
  getRange(a: number | string, b?: number, c?: number, d?: number): FakeRange {
    const args = [a, b, c, d].filter((x) => x !== undefined);
    if (typeof a === 'string' && args.length === 1) return this._rangeFromA1(a);
    if (args.length < 2) {
      checkArgs(this._world, 'SpreadsheetApp.Sheet.getRange', args, ['number', 'number']);
    }
    checkArgs(
      this._world,
      'SpreadsheetApp.Sheet.getRange',
      args,
      args.map(() => 'number'),
    );
    return this._range(a as number, b as number, c ?? 1, d ?? 1);
  }
  getSheetId(): number {
    return this._id;
  }
  getSheetName(): string {
    return this._name;
  }
  getSheetValues(
    startRow: number,
    startColumn: number,
    numRows: number,
    numColumns: number,
  ): CellValue[][] {
    const nr = numRows === -1 ? Math.max(1, this._lastRow() - startRow + 1) : numRows;
    const nc = numColumns === -1 ? Math.max(1, this._lastColumn() - startColumn + 1) : numColumns;
    return this._range(startRow, startColumn, nr, nc).getValues();
  }
  getTabColor(): string | null {
    return this._tabColor;
  }
  hideSheet(): this {
    const visible = this._ss._sheets.filter((s) => !s._hidden);
    if (visible.length === 1 && visible[0] === this) {
      throw this._world._exception("You can't hide all the sheets in a document.");
    }
    this._hidden = true;
    return this;
  }
  insertColumnsAfter(afterPosition: number, howMany: number): this {
    if (afterPosition < 1 || afterPosition > this._maxCols || howMany < 1) {
      throw this._world._exception('Those columns are out of bounds.');
    }
    this._grow(0, howMany);
    this._spliceCols(afterPosition, 0, howMany);
    return this;
  }
  insertRowAfter(afterPosition: number): this {
    return this.insertRowsAfter(afterPosition, 1);
  }
  insertRowBefore(beforePosition: number): this {
    return this.insertRowsBefore(beforePosition, 1);
  }
  insertRowsAfter(afterPosition: number, howMany: number): this {
    if (afterPosition < 1 || afterPosition > this._maxRows || howMany < 1) {
      throw this._world._exception('Those rows are out of bounds.');
    }
    this._grow(howMany, 0);
    this._spliceRows(afterPosition, 0, howMany);
    return this;
  }
  insertRowsBefore(beforePosition: number, howMany: number): this {
    if (beforePosition < 1 || beforePosition > this._maxRows || howMany < 1) {
      throw this._world._exception('Those rows are out of bounds.');
    }
    this._grow(howMany, 0);
    this._spliceRows(beforePosition - 1, 0, howMany);
    return this;
  }
  isSheetHidden(): boolean {
    return this._hidden;
  }
  /** The sheet's protection; an already protected sheet gives back its existing protection. */
  protect(): FakeProtection {
    this._protection ??= new FakeProtection(this._world, this, null);
    return this._protection;
  }
  setColumnWidth(columnPosition: number, width: number): this {
    this._colWidths.set(columnPosition, width);
    return this;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): this {
    for (let c = startColumn; c < startColumn + numColumns; c++) this._colWidths.set(c, width);
    return this;
  }
  setFrozenColumns(columns: number): void {
    if (columns < 0 || columns >= this._maxCols) {
      throw this._world._exception('Sorry, it is not possible to freeze all columns.');
    }
    this._frozenCols = columns;
  }
  setFrozenRows(rows: number): void {
    if (rows < 0 || rows >= this._maxRows) {
      throw this._world._exception('Sorry, it is not possible to freeze all rows.');
    }
    this._frozenRows = rows;
  }
  setName(name: string): this {
    const taken = this._ss._sheets.find(
      (s) => s !== this && s._name.toLowerCase() === String(name).toLowerCase(),
    );
    if (taken) {
      throw this._world._exception(
        `A sheet with the name "${name}" already exists. Please enter another name.`,
      );
    }
    this._name = String(name);
    return this;
  }
  setTabColor(color: string | null): this {
    this._tabColor = color;
    return this;
  }
  showSheet(): this {
    this._hidden = false;
    return this;
  }
}

// =============================================================================================
// Spreadsheet

export interface Toast {
  readonly message: string;
  readonly title: string;
  readonly timeoutSeconds: number;
  /** False when the execution had no user interface (a trigger): nobody saw it. */
  readonly shown: boolean;
  readonly execution: string | null;
}

export class FakeSpreadsheet extends Fake<World> {
  readonly _id: string;
  _name: string;
  _timeZone: string;
  _locale: string;
  _sheets: FakeSheet[] = [];
  _active!: FakeSheet;
  _nextSheetId = 0;

  constructor(
    world: World,
    id: string,
    name: string,
    firstSheet: string,
    timeZone: string,
    locale: string,
  ) {
    super(world, 'Spreadsheet');
    this._id = id;
    this._name = name;
    this._timeZone = timeZone;
    this._locale = locale;
    this._active = this._addSheet(firstSheet);
  }

  _addSheet(name: string, index?: number, sheetId?: number): FakeSheet {
    const id =
      sheetId ?? (this._nextSheetId === 0 ? 0 : 1_000_000 + this._world._rng.int(2_000_000_000));
    this._nextSheetId++;
    const sheet = new FakeSheet(this._world, this, name, id);
    if (index === undefined || index >= this._sheets.length) this._sheets.push(sheet);
    else this._sheets.splice(Math.max(0, index), 0, sheet);
    return sheet;
  }

  _cellCount(): number {
    return this._sheets.reduce((n, s) => n + s._maxRows * s._maxCols, 0);
  }

  /** Sheet names are unique regardless of case, and looked up regardless of case. */
  _find(name: string): FakeSheet | null {
    const lower = String(name).toLowerCase();
    return this._sheets.find((s) => s._name.toLowerCase() === lower) ?? null;
  }

  deleteSheet(sheet: FakeSheet): void {
    if (!this._sheets.includes(sheet)) {
      throw this._world._exception('Sheet not found');
    }
    if (this._sheets.filter((s) => !s._hidden && s !== sheet).length === 0) {
      throw this._world._exception("You can't remove all the visible sheets in a document.");
    }
    this._sheets = this._sheets.filter((s) => s !== sheet);
    if (this._active === sheet) this._active = this._sheets.find((s) => !s._hidden)!;
  }
  getActiveSheet(): FakeSheet {
    return this._active;
  }
  getId(): string {
    return this._id;
  }
  getName(): string {
    return this._name;
  }
  getNumSheets(): number {
    return this._sheets.length;
  }
  /** Everyone who may edit it, the owner included. */
  getEditors(): FakeUser[] {
    return this._world.editors.map((email) => new FakeUser(this._world, email));
  }
  getOwner(): FakeUser {
    return new FakeUser(this._world, this._world.ownerEmail);
  }
  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): FakeProtection[] {
    return this._sheets.flatMap((s) => s.getProtections(type));
  }
  /** `Sheet1!A1:B2`, `'My sheet'!A:A`, or `A1` on the active sheet. */
  getRange(a1Notation: string): FakeRange {
    const ref = parseA1(String(a1Notation));
    if (!ref || !ref.box) throw this._world._exception('Range not found');
    const sheet = ref.sheet === null ? this._active : this._find(ref.sheet);
    if (!sheet) throw this._world._exception('Range not found');
    const rest = String(a1Notation).slice(String(a1Notation).lastIndexOf('!') + 1);
    return sheet._rangeFromA1(rest);
  }
  getSheetById(id: number): FakeSheet | null {
    return this._sheets.find((s) => s._id === id) ?? null;
  }
  getSheetByName(name: string): FakeSheet | null {
    return this._find(name);
  }
  getSheets(): FakeSheet[] {
    return [...this._sheets];
  }
  getSpreadsheetLocale(): string {
    return this._locale;
  }
  getSpreadsheetTimeZone(): string {
    return this._timeZone;
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this._id}/edit`;
  }
  /**
   * A new sheet (1000 × 26) at the end, or at `index` (0-based); it becomes the active sheet.
   * A name already taken (in any case) throws like Apps Script.
   */
  insertSheet(nameOrIndex?: string | number, index?: number | object): FakeSheet {
    if (
      (typeof index === 'object' && index !== null) ||
      (typeof nameOrIndex === 'object' && nameOrIndex !== null)
    ) {
      throw this._world._sandboxError(
        'Sandbox: Spreadsheet.insertSheet with options (template) is not implemented',
      );
    }
    let name: string;
    let at: number | undefined;
    if (typeof nameOrIndex === 'string') {
      name = nameOrIndex;
      at = typeof index === 'number' ? index : undefined;
    } else {
      at = typeof nameOrIndex === 'number' ? nameOrIndex : undefined;
      let n = this._sheets.length + 1;
      while (this._find(`Sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    if (this._find(name)) {
      throw this._world._exception(
        `A sheet with the name "${name}" already exists. Please enter another name.`,
      );
    }
    if (this._cellCount() + DEFAULT_ROWS * DEFAULT_COLUMNS > MAX_WORKBOOK_CELLS) {
      throw this._world._exception(
        `This action would increase the number of cells in the workbook above the limit of ${MAX_WORKBOOK_CELLS} cells.`,
      );
    }
    const sheet = this._addSheet(name, at);
    this._active = sheet;
    return sheet;
  }
  rename(newName: string): void {
    this._name = String(newName);
    this._world._renameFile(this._id, this._name);
  }
  setActiveSheet(sheet: FakeSheet): FakeSheet {
    this._active = sheet;
    return sheet;
  }
  setSpreadsheetLocale(locale: string): void {
    this._locale = String(locale);
  }
  setSpreadsheetTimeZone(timeZone: string): void {
    this._timeZone = String(timeZone);
  }
  /** Recorded in `world.toasts`; in a trigger (no user interface) nobody sees it. */
  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    const ex = this._world.currentExecution;
    this._world.toasts.push({
      message: String(msg),
      title: title === undefined ? '' : String(title),
      timeoutSeconds: timeoutSeconds ?? 5,
      shown: ex === null || ex.ui,
      execution: ex?.id ?? null,
    });
  }
}

// =============================================================================================
// Ui

export type MenuEntry =
  | { readonly caption: string; readonly functionName: string }
  | { readonly separator: true }
  | { readonly subMenu: MenuRecord };

export interface MenuRecord {
  readonly caption: string;
  readonly items: MenuEntry[];
}

export interface AlertRecord {
  readonly title: string;
  readonly prompt: string;
  readonly buttons: string;
  readonly answer: string;
  readonly kind: 'alert' | 'prompt';
  readonly text?: string;
}

const BUTTON_SETS: Record<string, readonly string[]> = {
  OK: ['OK', 'CLOSE'],
  OK_CANCEL: ['OK', 'CANCEL', 'CLOSE'],
  YES_NO: ['YES', 'NO', 'CLOSE'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL', 'CLOSE'],
};

/**
 * What the user interface showed, and the answers a test scripts for it: `queueAlert('NO')`,
 * `queuePrompt('2026-10', 'OK')`. An alert with no scripted answer gets its first button (OK /
 * YES); a prompt with no scripted answer is a sandbox error, so a test never passes by accident.
 */
export class UiLog {
  /** Menus installed with `addToUi()`, by caption (a re-install replaces). */
  readonly menus: MenuRecord[] = [];
  /** Every alert and prompt shown, with the answer it got. */
  readonly dialogs: AlertRecord[] = [];
  /** HTML dialogs shown with `showModalDialog` (title, the HtmlOutput's content and size). */
  readonly htmlDialogs: { title: string; content: string; width: number; height: number }[] = [];
  readonly alertAnswers: string[] = [];
  readonly promptAnswers: { text: string; button: string }[] = [];
  queueAlert(button: 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE'): void {
    this.alertAnswers.push(button);
  }
  queuePrompt(text: string, button: 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE' = 'OK'): void {
    this.promptAnswers.push({ text, button });
  }
  /** The function a menu item runs: `menuFunction('StarBranch', 'Set up workbook & forms')`. */
  menuFunction(menuCaption: string, itemCaption: string): string | null {
    const menu = this.menus.find((m) => m.caption === menuCaption);
    const search = (items: readonly MenuEntry[]): string | null => {
      for (const item of items) {
        if ('functionName' in item && item.caption === itemCaption) return item.functionName;
        if ('subMenu' in item) {
          const found = search(item.subMenu.items);
          if (found) return found;
        }
      }
      return null;
    };
    return menu ? search(menu.items) : null;
  }
}

export class FakeMenu extends Fake<World> {
  readonly _record: MenuRecord;
  constructor(world: World, caption: string) {
    super(world, 'Menu');
    this._record = { caption, items: [] };
  }
  addItem(caption: string, functionName: string): this {
    if (typeof functionName !== 'string' || functionName === '') {
      throw this._world._exception(
        `The parameters (String,${javaTypeName(functionName)}) don't match the method signature for Ui.Menu.addItem.`,
      );
    }
    this._record.items.push({ caption: String(caption), functionName });
    return this;
  }
  addSeparator(): this {
    this._record.items.push({ separator: true });
    return this;
  }
  addSubMenu(menu: FakeMenu): this {
    this._record.items.push({ subMenu: menu._record });
    return this;
  }
  addToUi(): void {
    const menus = this._world.ui.menus;
    const at = menus.findIndex((m) => m.caption === this._record.caption);
    if (at >= 0) menus.splice(at, 1, this._record);
    else menus.push(this._record);
  }
}

export class FakePromptResponse extends Fake<World> {
  constructor(
    world: World,
    readonly _text: string,
    readonly _button: string,
  ) {
    super(world, 'PromptResponse');
  }
  getResponseText(): string {
    return this._text;
  }
  getSelectedButton(): GoogleAppsScript.Base.Button {
    return this._button as unknown as GoogleAppsScript.Base.Button;
  }
}

export class FakeUi extends Fake<World> {
  readonly Button: typeof GoogleAppsScript.Base.Button;
  readonly ButtonSet: typeof GoogleAppsScript.Base.ButtonSet;
  constructor(world: World) {
    super(world, 'Ui');
    this.Button = enumOf(
      'Button',
      ['CLOSE', 'OK', 'CANCEL', 'YES', 'NO'],
      world,
    ) as unknown as typeof GoogleAppsScript.Base.Button;
    this.ButtonSet = enumOf(
      'ButtonSet',
      ['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL'],
      world,
    ) as unknown as typeof GoogleAppsScript.Base.ButtonSet;
  }
  _dialogArgs(args: unknown[]): { title: string; prompt: string; buttons: string } {
    if (args.length >= 3)
      return { title: String(args[0]), prompt: String(args[1]), buttons: String(args[2]) };
    if (args.length === 2) return { title: '', prompt: String(args[0]), buttons: String(args[1]) };
    return { title: '', prompt: String(args[0]), buttons: 'OK' };
  }
  _answer(queued: string | undefined, buttons: string, kind: string): string {
    const allowed = BUTTON_SETS[buttons];
    if (!allowed) throw this._world._exception(`Invalid argument: buttons`);
    if (queued !== undefined && !allowed.includes(queued)) {
      throw this._world._sandboxError(
        `Sandbox: the scripted ${kind} answer ${queued} is not a button of ButtonSet.${buttons}`,
      );
    }
    return queued ?? allowed[0]!;
  }
  alert(...args: unknown[]): GoogleAppsScript.Base.Button {
    const { title, prompt, buttons } = this._dialogArgs(args);
    const answer = this._answer(this._world.ui.alertAnswers.shift(), buttons, 'alert');
    this._world.ui.dialogs.push({ kind: 'alert', title, prompt, buttons, answer });
    return answer as unknown as GoogleAppsScript.Base.Button;
  }
  createMenu(caption: string): FakeMenu {
    return new FakeMenu(this._world, String(caption));
  }
  showModalDialog(userInterface: FakeHtmlOutput, title: string): void {
    if (!userInterface || typeof userInterface.getContent !== 'function') {
      throw this._world._exception(
        `The parameters (${javaTypeName(userInterface)},String) don't match the method signature for Ui.showModalDialog.`,
      );
    }
    this._world.ui.htmlDialogs.push({
      title: String(title),
      content: userInterface._content,
      width: userInterface._width,
      height: userInterface._height,
    });
  }
  prompt(...args: unknown[]): FakePromptResponse {
    const { title, prompt, buttons } = this._dialogArgs(args);
    const queued = this._world.ui.promptAnswers.shift();
    if (!queued) {
      throw this._world._sandboxError(
        `Sandbox: Ui.prompt("${prompt}") has no scripted answer; call world.ui.queuePrompt(text, button) first`,
      );
    }
    const answer = this._answer(queued.button, buttons, 'prompt');
    this._world.ui.dialogs.push({
      kind: 'prompt',
      title,
      prompt,
      buttons,
      answer,
      text: queued.text,
    });
    return new FakePromptResponse(this._world, queued.text, answer);
  }
}

// =============================================================================================
// SpreadsheetApp

export class FakeSpreadsheetApp extends Fake<World> {
  readonly DataValidationCriteria: S['DataValidationCriteria'];
  readonly ProtectionType: S['ProtectionType'];
  readonly WrapStrategy: S['WrapStrategy'];
  constructor(world: World) {
    super(world, 'SpreadsheetApp');
    this.DataValidationCriteria = enumOf(
      'DataValidationCriteria',
      CRITERIA,
      world,
    ) as unknown as S['DataValidationCriteria'];
    this.ProtectionType = enumOf(
      'ProtectionType',
      ['RANGE', 'SHEET'],
      world,
    ) as unknown as S['ProtectionType'];
    this.WrapStrategy = enumOf(
      'WrapStrategy',
      ['WRAP', 'OVERFLOW', 'CLIP'],
      world,
    ) as unknown as S['WrapStrategy'];
  }
  create(name: string, rows?: number, columns?: number): FakeSpreadsheet {
    const ss = this._world._createSpreadsheet(String(name));
    if (rows !== undefined) ss._sheets[0]!._maxRows = rows;
    if (columns !== undefined) ss._sheets[0]!._maxCols = columns;
    return ss;
  }
  flush(): void {}
  getActive(): FakeSpreadsheet {
    return this._world.spreadsheet;
  }
  getActiveSheet(): FakeSheet {
    return this._world.spreadsheet._active;
  }
  getActiveSpreadsheet(): FakeSpreadsheet {
    return this._world.spreadsheet;
  }
  /** Only in an execution with a user interface (menu, editor, onOpen); a trigger throws. */
  getUi(): FakeUi {
    const ex = this._world.currentExecution;
    if (ex && !ex.ui)
      throw this._world._exception('Cannot call SpreadsheetApp.getUi() from this context.');
    return this._world._ui;
  }
  newDataValidation(): FakeDataValidationBuilder {
    return new FakeDataValidationBuilder(this._world);
  }
  openById(id: string): FakeSpreadsheet {
    const ss = this._world._spreadsheets.get(String(id));
    if (!ss || this._world._isTrashed(ss._id)) {
      throw this._world._exception(
        'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
      );
    }
    return ss;
  }
  openByUrl(url: string): FakeSpreadsheet {
    const id = /\/d\/([^/]+)/.exec(String(url))?.[1];
    const ss = id ? this._world._spreadsheets.get(id) : undefined;
    if (!ss)
      throw this._world._exception(
        'Unexpected error while getting the method or property openByUrl on object SpreadsheetApp.',
      );
    return ss;
  }
  setActiveSheet(sheet: FakeSheet): FakeSheet {
    return sheet._ss.setActiveSheet(sheet);
  }
}

// Compile-time: every public member of each fake exists on the Apps Script type it stands for.
export type SpreadsheetApiChecks = [
  Assert<OnlyApi<FakeSpreadsheetApp, keyof GoogleAppsScript.Spreadsheet.SpreadsheetApp>>,
  Assert<OnlyApi<FakeSpreadsheet, keyof SpreadsheetTypes>>,
  Assert<OnlyApi<FakeSheet, keyof GoogleAppsScript.Spreadsheet.Sheet>>,
  Assert<OnlyApi<FakeRange, keyof GoogleAppsScript.Spreadsheet.Range>>,
  Assert<OnlyApi<FakeProtection, keyof GoogleAppsScript.Spreadsheet.Protection>>,
  Assert<OnlyApi<FakeDataValidation, keyof GoogleAppsScript.Spreadsheet.DataValidation>>,
  Assert<
    OnlyApi<FakeDataValidationBuilder, keyof GoogleAppsScript.Spreadsheet.DataValidationBuilder>
  >,
  Assert<OnlyApi<FakeUi, keyof GoogleAppsScript.Base.Ui>>,
  Assert<OnlyApi<FakeMenu, keyof GoogleAppsScript.Base.Menu>>,
  Assert<OnlyApi<FakePromptResponse, keyof GoogleAppsScript.Base.PromptResponse>>,
];
