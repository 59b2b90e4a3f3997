/**
 * The local `.xlsx` workbook as a `TableStore` (DESIGN §9), over exceljs.
 *
 * Decisions:
 * - A table's sheet is found by its tab name in either locale (staff may switch the workbook's
 *   language and rename tabs), exact first, then ignoring case, width and stray spaces. A missing
 *   sheet reads as `[]` and is created on write with the tab name in the workbook's locale.
 * - Reading turns every cell into a plain `Cell`: dates into `YYYY-MM-DD` (midnight) or
 *   `YYYY-MM-DD HH:mm:ss` (exceljs dates are UTC-based, so they are formatted with getUTC*, rounded
 *   to the second), rich text into its text, formulas into their cached result (null when the file
 *   holds none), error values into their text (`#N/A`), hyperlinks into their text, or their URL in
 *   a `url` column or when the text is blank. Rows are cut or padded to the header's width (cells
 *   under no header are not read: no schema or staff column names them) and trailing blank rows are
 *   dropped; blank rows in between are kept so that row i is sheet row i + 1.
 * - Writing replaces values only: cells keep their formatting, and old cells outside the new data
 *   are emptied, not deleted, so staff's colours and borders stay. Strings are always written as
 *   strings (exceljs stores them as shared strings), so `=HYPERLINK(...)` or `+1` typed by a student
 *   stays text and never becomes a formula. Numbers stay numbers, booleans booleans.
 * - Text is stored as the file will give it back, so a read before and after a save agree: line
 *   breaks become `\n` (XML turns `\r\n` and `\r` into `\n` anyway; Word's `\v` and `\f` are
 *   line breaks too), other control characters are removed (exceljs drops them), and what XML cannot
 *   hold at all (a lone surrogate, U+FFFE, U+FFFF — one would make the saved file unreadable)
 *   becomes U+FFFD. Text that looks like Excel's `_xHHHH_` escape is escaped on save, so it reads
 *   back as typed rather than as the character it names. A cell Excel
 *   cannot hold (text over 32,767 characters, a number that is not finite) fails the whole write,
 *   before anything changes, naming the sheet, row and column: Excel would otherwise "repair" the
 *   file and cut the text, losing what someone submitted.
 * - Dates and times are date cells: in a `date` or `datetime` column of the schema, a value in the
 *   canonical form the system writes (`2026-10-05`, `2026-10-05 14:03:00`) is stored as a date
 *   (filterable by year, month and day); any other text there stays text, never parsed. Reading
 *   gives a date cell back in the column's canonical form (a number there too: it is a date's
 *   serial to a spreadsheet, as Google Sheets shows it), and the old text form still reads.
 * - After every write the sheet gets: a bold, filled header row; the header row frozen; widths,
 *   a filter and an A4 page setup (xlsxLayout.ts); for the columns whose header matches the
 *   schema (staff's extra columns are left alone): number formats (decimal `0.00`, int `0`, date
 *   `yyyy-mm-dd`, datetime `yyyy-mm-dd hh:mm:ss`) on the whole column, and for enum and bool
 *   columns a dropdown (the locale's labels) with a prompt and an error message, over the data
 *   plus 1,000 free rows (at least 1,000 rows below the header); on the 设置 sheet, each
 *   setting's own dropdown or number check on its value.
 * - exceljs shares one style object between every cell that had the same style in a loaded file,
 *   so styles are always replaced with a copy, never changed in place.
 * - `save` writes a temporary file next to the target and renames it over the target, so a crash
 *   or a full disk never leaves a half-written workbook.
 * - What exceljs cannot keep (charts, pivot tables, slicers) does not survive a save: the workbook
 *   is the programme's data, not a report staff decorate.
 * - A sheet laid out whole (the dashboard, `writeSheet`) is made afresh in its place on every
 *   write (`xlsxLayout.ts`): its cells, styles, widths and conditional formats are the layout's.
 *   A new workbook has it empty until a job lays it out.
 */
import { columnLetter } from '../domain/a1';
import { randomBytes } from 'node:crypto';
import { mkdir, open as openFile, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import { defaultConfigRows, parseConfig, settingKeyOf } from '../domain/config';
import type { Cell, AnyColumnOf } from '../domain/schema/column';
import { normaliseHeader, toRow } from '../domain/schema/rows';
import { headerNames, headerRow, tabName, type TableDef } from '../domain/schema/table';
import { ConfigTable } from '../domain/schema/tables';
import type { SheetLayout } from '../domain/sheetLayout';
import { canonicalParts, textOfSerial } from '../domain/serialDate';
import { labelOf, type Locale } from '../domain/vocabulary';
import type { CellMark, TableStore } from '../ports';
import { clipColumns, filterTable, fitColumns, formatSettings, setUpPages } from './xlsxLayout';
import { layOutSheet } from './xlsxSheetLayout';
import { compactValidations } from './xlsxValidations';

/** Rows below the data that still get dropdowns and number formats, for staff to type into. */
export const FREE_ROWS = 1000;
/** Excel's limit on the characters of one cell. */
export const MAX_CELL_TEXT = 32_767;

const CREATOR = 'StarBranch';
const HEADER_FILL = 'FFDDEBF7';
/** The highlight of a cell pointed out to staff (the Sheets stores use the same colour). */
const MARK_FILL = 'FFFFE599';

const NUMBER_FORMATS: Partial<Record<AnyColumnOf['type'], string>> = {
  decimal: '0.00',
  int: '0',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm:ss',
};

/** Excel's limits on a data validation's list, titles and messages. */
const MAX_LIST_FORMULA = 255;
const MAX_VALIDATION_TITLE = 32;
const MAX_VALIDATION_PROMPT = 255;

/** The part of exceljs' worksheet that its type declarations leave out. */
interface DataValidationStore {
  model: Record<string, ExcelJS.DataValidation | undefined>;
  add(address: string, validation: ExcelJS.DataValidation): void;
}

function validationsOf(sheet: ExcelJS.Worksheet): DataValidationStore {
  return (sheet as unknown as { dataValidations: DataValidationStore }).dataValidations;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * An exceljs date (UTC-based) as the wall-clock text the schema reads: in a date column the day,
 * in a datetime column the day and time, elsewhere the day alone when it is midnight.
 */
export function formatExcelDate(date: Date, kind?: 'date' | 'datetime'): string | null {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) return null;
  const d = new Date(Math.round(ms / 1000) * 1000);
  const day = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const [h, m, s] = [d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()];
  const midnight = h === 0 && m === 0 && s === 0;
  if (kind === 'date' || (kind === undefined && midnight)) return day;
  return `${day} ${pad(h)}:${pad(m)}:${pad(s)}`;
}

/** How a column reads: a hyperlink as its URL (`url`), a date cell in its kind's form. */
interface ReadAs {
  readonly url: boolean;
  readonly date?: 'date' | 'datetime';
}

/** A cell's value as a plain `Cell`. */
function plainValue(value: ExcelJS.CellValue | undefined, as: ReadAs): Cell {
  const preferUrl = as.url;
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    // A number in a date column is a date to a spreadsheet (its serial), whatever its format.
    return (as.date && textOfSerial(value, as.date)) || value;
  }
  if (value instanceof Date) return formatExcelDate(value, as.date);
  if (typeof value !== 'object') return null;
  if ('richText' in value && Array.isArray(value.richText)) {
    return value.richText.map((part) => part.text ?? '').join('');
  }
  if ('hyperlink' in value) {
    const text = plainValue(value.text as ExcelJS.CellValue, { url: false });
    const blank = text === null || String(text).trim() === '';
    return preferUrl || blank ? (value.hyperlink ?? text) : text;
  }
  if ('formula' in value || 'sharedFormula' in value || 'result' in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    return plainValue(result, as);
  }
  if ('error' in value) return String(value.error);
  return null;
}

/** Text as an .xlsx file can hold it and will give it back (see the decisions above). */
export function xlsxText(text: string): string {
  return (
    text
      .replace(/\r\n?|[\v\f]/g, '\n')
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0008\u000e-\u001f\u007f]/g, '')
      .replace(
        /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[\ufffe\uffff]/g,
        '\ufffd',
      )
  );
}

/** Excel's `_xHHHH_` escape, which exceljs reads but does not write: `_` before one is `_x005F_`. */
const EXCEL_ESCAPE = /_(?=x[0-9A-F]{4}_)/g;

function isBlank(cell: Cell): boolean {
  return cell === null || (typeof cell === 'string' && cell.trim() === '');
}

/** The schema column each header cell names (by key, zh or en label), or undefined. */
function matchColumns(table: TableDef, header: readonly Cell[]): (AnyColumnOf | undefined)[] {
  const byName = new Map<string, AnyColumnOf>();
  for (const [key, column] of Object.entries(table.columns)) {
    for (const name of headerNames(key, column)) byName.set(normaliseHeader(name), column);
  }
  return header.map((cell) =>
    cell === null || cell === undefined ? undefined : byName.get(normaliseHeader(String(cell))),
  );
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** The columns an address (`C5`, `C2:E1001`) spans, or null when it cannot be read. */
function addressColumns(address: string): { left: number; right: number } | null {
  const m = /^\$?([A-Z]+)\$?\d+(?::\$?([A-Z]+)\$?\d+)?$/.exec(address.trim().toUpperCase());
  if (!m) return null;
  const a = columnNumber(m[1]!);
  const b = m[2] === undefined ? a : columnNumber(m[2]);
  return { left: Math.min(a, b), right: Math.max(a, b) };
}

function truncate(text: string, max: number): string {
  return [...text].length <= max ? text : [...text].slice(0, max - 1).join('') + '…';
}

function dropdown(
  column: AnyColumnOf,
  header: string,
  locale: Locale,
): ExcelJS.DataValidation | null {
  const labels = (column.choices ?? []).map((term) => labelOf(term, locale));
  if (labels.length === 0) return null;
  const formula = `"${labels.join(',')}"`;
  // An inline list cannot hold commas or quotes, and Excel refuses one over 255 characters.
  if (formula.length > MAX_LIST_FORMULA || labels.some((l) => /[,"]/.test(l))) return null;
  const en = locale === 'en';
  return {
    type: 'list',
    allowBlank: true,
    formulae: [formula],
    showInputMessage: true,
    promptTitle: truncate(header, MAX_VALIDATION_TITLE),
    prompt: truncate(
      en
        ? `Choose from the list: ${labels.join(' / ')}`
        : `请从下拉列表中选择：${labels.join(' / ')}`,
      MAX_VALIDATION_PROMPT,
    ),
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: truncate(header, MAX_VALIDATION_TITLE),
    error: en
      ? 'Not one of the allowed values. Choose a value from the dropdown list.'
      : '不是允许的值，请从下拉列表中选择。',
  };
}

function sameName(a: string, b: string): boolean {
  return normaliseHeader(a) === normaliseHeader(b);
}

export class XlsxStore implements TableStore {
  private constructor(
    private readonly workbook: ExcelJS.Workbook,
    readonly locale: Locale,
  ) {}

  /** Loads an existing workbook; its locale is the Config sheet's `locale` setting. */
  static async open(path: string): Promise<XlsxStore> {
    try {
      await stat(path);
    } catch {
      throw new Error(`${path}: no such workbook`);
    }
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.readFile(path);
    } catch (err) {
      throw new Error(`${path}: cannot be read as an .xlsx workbook (${(err as Error).message})`, {
        cause: err,
      });
    }
    return new XlsxStore(workbook, detectLocale(workbook));
  }

  /** A new workbook with one sheet per table, headers from the schema and Config prefilled. */
  static create(tables: readonly TableDef[], locale: Locale): XlsxStore {
    const workbook = new ExcelJS.Workbook();
    const now = new Date();
    workbook.creator = CREATOR;
    workbook.lastModifiedBy = CREATOR;
    workbook.created = now;
    workbook.modified = now;
    const store = new XlsxStore(workbook, locale);
    for (const table of tables) {
      if (table.freeForm) {
        // Laid out by its job later; until then an empty page that prints like the others.
        setUpPages(workbook.addWorksheet(tabName(table, locale)), locale, 0, 0);
        continue;
      }
      const rows: Cell[][] = [headerRow(table, locale)];
      if (table.name === ConfigTable.name) {
        for (const setting of defaultConfigRows(locale)) rows.push(toRow(table, setting, locale));
      }
      store.write(table, rows);
    }
    return store;
  }

  /** The sheet names, in workbook order. */
  sheetNames(): string[] {
    return this.workbook.worksheets.map((sheet) => sheet.name);
  }

  read(table: TableDef): Cell[][] {
    const sheet = this.findSheet(table);
    return sheet ? readSheet(sheet, table) : [];
  }

  write(table: TableDef, rows: Cell[][], marks?: readonly CellMark[]): void {
    if (table.freeForm) throw new Error(`${table.name} is laid out whole: use writeSheet`);
    const existing = this.findSheet(table);
    const name = existing?.name ?? tabName(table, this.locale);
    const clean = rows.map((cells) =>
      Array.from(cells, (cell) => (typeof cell === 'string' ? xlsxText(cell) : (cell ?? null))),
    );
    checkCells(name, clean);
    const sheet = existing ?? this.workbook.addWorksheet(name);
    writeValues(sheet, withDateCells(table, clean));
    formatSheet(sheet, table, clean, this.locale);
    if (marks) applyMarks(sheet, marks);
  }

  writeSheet(table: TableDef, layout: SheetLayout): void {
    const existing = this.findSheet(table);
    const name = existing?.name ?? tabName(table, this.locale);
    checkCells(
      name,
      layout.rows.map((row) =>
        row.map((cell) => (typeof cell.value === 'string' ? xlsxText(cell.value) : cell.value)),
      ),
    );
    layOutSheet(this.workbook, existing, name, layout, xlsxText);
  }

  addSheet(name: string, rows: Cell[][]): string {
    const taken = (title: string) => this.workbook.worksheets.some((s) => sameName(s.name, title));
    let title = name;
    for (let n = 2; taken(title); n++) title = `${name} (${n})`;
    const clean = rows.map((cells) =>
      Array.from(cells, (cell) => (typeof cell === 'string' ? xlsxText(cell) : (cell ?? null))),
    );
    checkCells(title, clean);
    const sheet = this.workbook.addWorksheet(title);
    writeValues(sheet, clean);
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2' }];
    fitColumns(sheet, [], clean, this.locale);
    filterTable(sheet, clean[0]?.length ?? 0, clean.length);
    setUpPages(sheet, this.locale, clean[0]?.length ?? 0, clean.length);
    return title;
  }

  /** Writes the workbook to a temporary file beside `path`, then renames it over `path`. */
  async save(path: string): Promise<void> {
    this.workbook.lastModifiedBy = CREATOR;
    this.workbook.modified = new Date();
    for (const sheet of this.workbook.worksheets) compactValidations(validationsOf(sheet).model);
    const restore = escapeForSave(this.workbook);
    let buffer: Buffer;
    try {
      buffer = Buffer.from(await this.workbook.xlsx.writeBuffer());
    } finally {
      restore();
    }
    const folder = dirname(path);
    await mkdir(folder, { recursive: true });
    const temp = join(
      folder,
      `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
    );
    try {
      const handle = await openFile(temp, 'wx');
      try {
        await handle.writeFile(buffer);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, path);
    } catch (err) {
      await unlink(temp).catch(() => undefined);
      const code = (err as NodeJS.ErrnoException).code;
      const hint =
        code === 'EBUSY' || code === 'EPERM' || code === 'EACCES'
          ? ' Is it open in Excel or another program? Close it and try again.'
          : '';
      throw new Error(`cannot save ${path}: ${(err as Error).message}.${hint}`, { cause: err });
    }
  }

  private findSheet(table: TableDef): ExcelJS.Worksheet | undefined {
    const other: Locale = this.locale === 'en' ? 'zh-CN' : 'en';
    const names = [tabName(table, this.locale), tabName(table, other)];
    const sheets = this.workbook.worksheets;
    for (const name of names) {
      const found = sheets.find((sheet) => sheet.name === name);
      if (found) return found;
    }
    for (const name of names) {
      const found = sheets.find((sheet) => sameName(sheet.name, name));
      if (found) return found;
    }
    return undefined;
  }
}

/**
 * Escapes text that Excel would read as `_xHHHH_` in every cell, and returns how to undo it once
 * the file is written (the workbook in memory keeps the text as typed).
 */
function escapeForSave(workbook: ExcelJS.Workbook): () => void {
  const undo: (() => void)[] = [];
  const escape = (text: string): string => text.replace(EXCEL_ESCAPE, '_x005F_');
  for (const sheet of workbook.worksheets) {
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const value = cell.value;
        if (typeof value === 'string' && value !== escape(value)) {
          cell.value = escape(value);
          undo.push(() => (cell.value = value));
        } else if (value && typeof value === 'object' && 'richText' in value) {
          for (const part of value.richText) {
            const text = part.text;
            if (typeof text === 'string' && text !== escape(text)) {
              part.text = escape(text);
              undo.push(() => (part.text = text));
            }
          }
        }
      });
    });
  }
  return () => undo.forEach((step) => step());
}

/** The Config sheet's `locale` value; else the language of the Config tab's name; else zh-CN. */
function detectLocale(workbook: ExcelJS.Workbook): Locale {
  const sheet =
    workbook.worksheets.find((s) => s.name === ConfigTable.zh || s.name === ConfigTable.en) ??
    workbook.worksheets.find(
      (s) => sameName(s.name, ConfigTable.zh) || sameName(s.name, ConfigTable.en),
    );
  if (!sheet) return 'zh-CN';
  const rows = readSheet(sheet, ConfigTable);
  const columns = matchColumns(ConfigTable, rows[0] ?? []);
  const at = (column: AnyColumnOf) => columns.indexOf(column);
  const [keyAt, labelAt, valueAt] = [
    at(ConfigTable.columns.key),
    at(ConfigTable.columns.label),
    at(ConfigTable.columns.value),
  ];
  const text = (row: Cell[], i: number) => (i < 0 || row[i] == null ? null : String(row[i]));
  if (valueAt >= 0) {
    for (const row of rows.slice(1)) {
      if (settingKeyOf(text(row, keyAt), text(row, labelAt)) !== 'locale') continue;
      try {
        return parseConfig([{ key: 'locale', value: text(row, valueAt) }]).locale;
      } catch {
        break;
      }
    }
  }
  return sameName(sheet.name, ConfigTable.zh) ? 'zh-CN' : 'en';
}

function readSheet(sheet: ExcelJS.Worksheet, table: TableDef): Cell[][] {
  const raw: Cell[][] = [];
  let readAs: ReadAs[] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.findRow(r);
    const cells: Cell[] = [];
    if (row) {
      const last = row.cellCount;
      for (let c = 1; c <= last; c++) {
        const cell = row.findCell(c);
        cells.push(cell ? plainValue(cell.value, readAs[c - 1] ?? { url: false }) : null);
      }
    }
    if (r === 1) {
      readAs = matchColumns(table, cells).map((column) => ({
        url: column?.type === 'url',
        ...(column?.type === 'date' || column?.type === 'datetime' ? { date: column.type } : {}),
      }));
    }
    raw.push(cells);
  }
  const header = raw[0] ?? [];
  let width = header.length;
  while (width > 0 && isBlank(header[width - 1] ?? null)) width--;
  if (width === 0) width = Math.max(0, ...raw.map((cells) => cells.length));
  const rows = raw.map((cells) =>
    Array.from({ length: width }, (_, i) => (cells[i] === undefined ? null : cells[i]!)),
  );
  while (rows.length > 0 && rows[rows.length - 1]!.every(isBlank)) rows.pop();
  return rows;
}

/** Refuses, before anything is changed, a value an .xlsx cell cannot hold. */
function checkCells(sheet: string, rows: readonly (readonly Cell[])[]): void {
  rows.forEach((cells, r) => {
    cells.forEach((cell, c) => {
      const where = `${sheet} row ${r + 1}, column ${columnLetter(c + 1)}`;
      if (typeof cell === 'number' && !Number.isFinite(cell)) {
        throw new Error(`${where}: ${cell} is not a number a workbook can hold`);
      }
      if (typeof cell === 'string' && cell.length > MAX_CELL_TEXT) {
        throw new Error(
          `${where}: text of ${cell.length} characters; an .xlsx cell holds at most ${MAX_CELL_TEXT}`,
        );
      }
    });
  });
}

/** The same wall-clock moment as a Date whose UTC fields hold it (how exceljs writes dates). */
function utcDateOf(text: string): Date | null {
  const p = canonicalParts(text);
  return p ? new Date(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second)) : null;
}

/** What is written into a cell: a `Cell`, or a date for a date column. */
type WrittenCell = Cell | Date;

/**
 * The rows with the canonical dates and times of the table's date columns as dates (see the
 * file note); every other value as it is.
 */
function withDateCells(table: TableDef, rows: readonly (readonly Cell[])[]): WrittenCell[][] {
  const kinds = matchColumns(table, rows[0] ?? []).map((column) =>
    column?.type === 'date' || column?.type === 'datetime' ? column.type : null,
  );
  if (kinds.every((kind) => kind === null)) return rows.map((r) => [...r]);
  return rows.map((cells, r) =>
    cells.map((cell, c) => {
      const kind = kinds[c];
      if (r === 0 || !kind || typeof cell !== 'string') return cell;
      const wanted = kind === 'date' ? cell.length === 10 : cell.length === 19;
      return (wanted && utcDateOf(cell)) || cell;
    }),
  );
}

function writeValues(sheet: ExcelJS.Worksheet, rows: readonly (readonly WrittenCell[])[]): void {
  const width = Math.max(0, ...rows.map((cells) => cells.length));
  const lastRow = Math.max(rows.length, sheet.rowCount);
  if (sheet.hasMerges && lastRow > 0) {
    sheet.unMergeCells(1, 1, lastRow, Math.max(width, sheet.columnCount, 1));
  }
  for (let r = 1; r <= lastRow; r++) {
    const cells = rows[r - 1];
    if (!cells) {
      // Old rows past the new data: emptied, their formatting kept.
      sheet.findRow(r)?.eachCell({ includeEmpty: false }, (cell) => {
        cell.value = null;
      });
      continue;
    }
    const row = sheet.getRow(r);
    for (let c = 1; c <= width; c++) {
      const value = cells[c - 1] ?? null;
      if (value === null) {
        const cell = row.findCell(c);
        if (cell) cell.value = null;
      } else {
        // A string stays a string: exceljs never reads `=...` in a string as a formula.
        row.getCell(c).value = value;
      }
    }
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (c > width) cell.value = null;
    });
  }
}

/**
 * Puts the marks on their cells: a note (an Excel comment) and a highlight fill; a mark taken
 * off removes the note and the fill, when the fill is still ours (staff's own colours stay).
 */
function applyMarks(sheet: ExcelJS.Worksheet, marks: readonly CellMark[]): void {
  for (const { row, column, note } of marks) {
    const cell = sheet.getRow(row + 1).getCell(column + 1);
    if (note !== null) {
      cell.note = note;
      cell.style = {
        ...cell.style,
        fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: MARK_FILL } },
      };
      continue;
    }
    // exceljs can set a note but not remove one: its own field goes, and the value is set anew
    // (a loaded cell's value also remembers the note it was read with).
    if (cell.note !== undefined) {
      const value = cell.value;
      (cell as unknown as { _comment?: unknown })._comment = undefined;
      cell.value = null;
      cell.value = value;
    }
    const fill = cell.style?.fill;
    if (fill?.type === 'pattern' && fill.fgColor?.argb === MARK_FILL) {
      const style = { ...cell.style };
      delete style.fill;
      cell.style = style;
    }
  }
}

function formatSheet(
  sheet: ExcelJS.Worksheet,
  table: TableDef,
  rows: readonly (readonly Cell[])[],
  locale: Locale,
): void {
  const header = rows[0] ?? [];
  const dataRows = rows.length - 1;
  // Header: bold on a light fill.
  const headerCells = sheet.getRow(1);
  header.forEach((value, i) => {
    if (isBlank(value)) return;
    const cell = headerCells.getCell(i + 1);
    cell.style = {
      ...cell.style,
      font: { ...(cell.style?.font ?? {}), bold: true },
      fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } },
      alignment: { ...(cell.style?.alignment ?? {}), vertical: 'middle' },
    };
  });

  // The header row frozen, keeping staff's other view settings (and frozen columns).
  // A workbook saved by another program may have no views at all (exceljs then gives null).
  const previous = ((sheet.views ?? [])[0] ?? {}) as Partial<ExcelJS.WorksheetView> & {
    xSplit?: number;
  };
  const xSplit = previous.state === 'frozen' ? (previous.xSplit ?? 0) : 0;
  sheet.views = [
    {
      state: 'frozen',
      xSplit,
      ySplit: 1,
      topLeftCell: `${columnLetter(xSplit + 1)}2`,
      ...(previous.activeCell ? { activeCell: previous.activeCell } : {}),
      ...(previous.zoomScale ? { zoomScale: previous.zoomScale } : {}),
      ...(previous.rightToLeft ? { rightToLeft: previous.rightToLeft } : {}),
      ...(previous.showGridLines === false ? { showGridLines: false } : {}),
    },
  ];

  const columns = matchColumns(table, header);
  const lastRow = 1 + Math.max(FREE_ROWS, dataRows + FREE_ROWS);
  const validations = validationsOf(sheet);
  const ourTitles = new Set(
    Object.values(table.columns).flatMap((column) =>
      [column.zh, column.en].map((label) => truncate(label, MAX_VALIDATION_TITLE)),
    ),
  );
  const dropdownColumns = new Set<number>();
  columns.forEach((column, i) => {
    if (column && (column.type === 'enum' || column.type === 'bool')) dropdownColumns.add(i + 1);
  });
  // Old dropdowns: ours wherever they are (a column may have moved), and any in a dropdown column.
  for (const [address, validation] of Object.entries(validations.model)) {
    if (!validation) continue;
    const span = addressColumns(address);
    const ours = validation.type === 'list' && ourTitles.has(validation.promptTitle ?? '\u0000');
    let inDropdownColumn = false;
    if (span) {
      for (let c = span.left; c <= span.right; c++)
        if (dropdownColumns.has(c)) inDropdownColumn = true;
    }
    if (ours || inDropdownColumn) delete validations.model[address];
  }

  columns.forEach((column, i) => {
    if (!column) return;
    const index = i + 1;
    const label = String(header[i]);
    const sheetColumn = sheet.getColumn(index);
    const numFmt = NUMBER_FORMATS[column.type];
    if (numFmt) {
      sheetColumn.style = { ...sheetColumn.style, numFmt };
      for (let r = 2; r <= sheet.rowCount; r++) {
        const cell = sheet.findRow(r)?.findCell(index);
        if (cell) cell.style = { ...cell.style, numFmt };
      }
    }
    const validation = dropdown(column, label, locale);
    if (validation) {
      const letter = columnLetter(index);
      validations.add(`${letter}2:${letter}${lastRow}`, validation);
    }
  });

  fitColumns(sheet, columns, rows, locale);
  clipColumns(sheet, columns, rows);
  filterTable(sheet, header.length, rows.length);
  setUpPages(sheet, locale, header.length, rows.length);
  if (table.name === ConfigTable.name) formatSettings(sheet, columns, rows, locale);
}
