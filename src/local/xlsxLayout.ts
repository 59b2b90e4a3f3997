/**
 * How a sheet of the local workbook looks and prints, beyond its values: columns as wide as what
 * they hold, a filter button on every header, A4 landscape pages one page wide with the header
 * row repeated, and, on the 设置 sheet, each setting's own dropdown or number check.
 *
 * Decisions:
 * - Widths fit the header and the longest value (a CJK character counts double), capped per
 *   column type, and follow the data as it grows and shrinks. A width staff set by hand is kept:
 *   Excel, WPS and LibreOffice store a dragged or typed width with a fraction (Excel's "20" is
 *   20.7109375, the cell padding added), while this store only ever writes whole numbers, so a
 *   whole-number width is the store's and is fitted again, any other is staff's.
 * - A column the schema says to clip (ids, links, a letter's printed fields) cuts its text at its
 *   edge: its cells wrap and their rows are one line high, so nothing runs over the empty cells
 *   to the right (LibreOffice would widen the printed page for it). The whole text is in the cell.
 * - The filter covers the header and every row of the table, staff's own columns included.
 * - Page setup: A4 (paper size 9), landscape, fit to one page wide and as many tall as needed,
 *   row 1 repeated on every page, the table as the print area, the tab's name at the top and
 *   "page n of N" at the bottom. A table printed one page wide shrinks with every character of
 *   width, so the columns no one reads on paper (ids, links, digests, a letter's printed fields)
 *   are declared narrow in the schema: their whole text is in the cell.
 */
import ExcelJS from 'exceljs';
import { columnLetter } from '../domain/a1';
import {
  allowedText,
  settingKeyOf,
  settingLabel,
  settingRule,
  type SettingKey,
} from '../domain/config';
import { t } from '../domain/messages';
import type { AnyColumnOf, Cell } from '../domain/schema/column';
import { displayWidth, fitWidth } from '../domain/schema/widths';
import { ConfigTable } from '../domain/schema/tables';
import { labelOf, type Locale } from '../domain/vocabulary';

/** Excel's paper size code for A4. */
const A4 = 9;
const GROUP_BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin', color: { argb: 'FF8EA9C1' } },
};
const REPEATED_GROUP = 'FF9AA5B1';
/** A line of 11-point text, in points: LibreOffice does not grow a row for wrapped text on load. */
const LINE_HEIGHT = 15;

/** Excel's limits on a data validation's list, titles and messages. */
const MAX_LIST_FORMULA = 255;
const MAX_VALIDATION_TITLE = 32;
const MAX_VALIDATION_PROMPT = 255;

function truncate(text: string, max: number): string {
  return [...text].length <= max ? text : [...text].slice(0, max - 1).join('') + '…';
}

/** The widths: every column fitted unless staff sized it (see the file note). */
export function fitColumns(
  sheet: ExcelJS.Worksheet,
  columns: readonly (AnyColumnOf | undefined)[],
  rows: readonly (readonly Cell[])[],
  locale: Locale,
): void {
  const header = rows[0] ?? [];
  header.forEach((label, i) => {
    if (label === null || String(label).trim() === '') return;
    const column = sheet.getColumn(i + 1);
    if (column.width !== undefined && !Number.isInteger(column.width)) return;
    column.width = fitWidth(
      columns[i],
      String(label),
      rows.slice(1).map((r) => r[i] ?? null),
      locale,
    );
  });
}

/** The clipped columns' text cut at their edge (see the file note). */
export function clipColumns(
  sheet: ExcelJS.Worksheet,
  columns: readonly (AnyColumnOf | undefined)[],
  rows: readonly (readonly Cell[])[],
): void {
  const clipped = columns.flatMap((column, i) => (column?.clip ? [i] : []));
  if (clipped.length === 0) return;
  rows.forEach((cells, i) => {
    if (i === 0 || clipped.every((c) => cells[c] === null || cells[c] === undefined)) return;
    const row = sheet.getRow(i + 1);
    if (row.height === undefined) row.height = LINE_HEIGHT;
    for (const c of clipped) {
      const cell = row.getCell(c + 1);
      const alignment = cell.style?.alignment ?? {};
      if (alignment.wrapText && alignment.vertical === 'top') continue;
      // Top-aligned, so the one line shown is the text's start.
      cell.style = { ...cell.style, alignment: { ...alignment, wrapText: true, vertical: 'top' } };
    }
  });
}

/** The filter buttons over the header and the rows of the table. */
export function filterTable(sheet: ExcelJS.Worksheet, width: number, rows: number): void {
  if (width === 0) return;
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: Math.max(2, rows), column: width },
  };
}

/**
 * A4 landscape, one page wide, the header row on every page (see the file note). The print area
 * is the table: what staff keep right of it is not printed.
 */
export function setUpPages(
  sheet: ExcelJS.Worksheet,
  locale: Locale,
  width: number,
  rows: number,
): void {
  sheet.pageSetup = {
    ...sheet.pageSetup,
    ...(width > 0 ? { printArea: `A1:${columnLetter(width)}${Math.max(1, rows)}` } : {}),
    paperSize: A4,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: '1:1',
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  sheet.headerFooter = {
    ...sheet.headerFooter,
    oddHeader: '&C&A',
    oddFooter: `&C${t(locale, 'workbook.pageNumber')}`,
  };
}

/** A setting's check on its value cell: its dropdown, or the range of its number. */
function settingValidation(key: SettingKey, locale: Locale): ExcelJS.DataValidation | null {
  const rule = settingRule(key);
  const title = truncate(settingLabel(key, locale), MAX_VALIDATION_TITLE);
  const allowed = allowedText(key, locale) ?? '';
  const messages = {
    showInputMessage: true,
    promptTitle: title,
    prompt: truncate(t(locale, 'settings.allowed.prompt', { allowed }), MAX_VALIDATION_PROMPT),
    showErrorMessage: true,
    errorStyle: 'stop' as const,
    errorTitle: title,
    error: truncate(t(locale, 'settings.allowed.error', { allowed }), MAX_VALIDATION_PROMPT),
  };
  if (rule.kind === 'number') {
    return {
      type: rule.integer ? 'whole' : 'decimal',
      operator: 'between',
      allowBlank: rule.optional,
      formulae: [rule.min, rule.max],
      ...messages,
    };
  }
  if (rule.kind === 'choice') {
    const labels = rule.choices.map((c) => labelOf(c, locale));
    const formula = `"${labels.join(',')}"`;
    if (formula.length > MAX_LIST_FORMULA || labels.some((l) => /[,"]/.test(l))) return null;
    return {
      type: 'list',
      allowBlank: true,
      formulae: [formula],
      ...messages,
      prompt: truncate(labels.join(' / '), MAX_VALIDATION_PROMPT),
    };
  }
  return null;
}

/**
 * The 设置 sheet's own checks and looks: each setting's validation on its value cell (wherever
 * its row is: found by key or name), the first row of each group set off by a line, the group's
 * name fainter on its other rows, notes and values wrapped (each row as tall as they need), the
 * values on the left edge, numbers and words alike.
 */
export function formatSettings(
  sheet: ExcelJS.Worksheet,
  columns: readonly (AnyColumnOf | undefined)[],
  rows: readonly (readonly Cell[])[],
  locale: Locale,
): void {
  const index = (column: AnyColumnOf) => columns.indexOf(column);
  const [groupAt, labelAt, valueAt, noteAt, keyAt] = [
    index(ConfigTable.columns.group),
    index(ConfigTable.columns.label),
    index(ConfigTable.columns.value),
    index(ConfigTable.columns.note),
    index(ConfigTable.columns.key),
  ];
  if (valueAt < 0) return;
  const validations = (sheet as unknown as { dataValidations: { model: Record<string, unknown> } })
    .dataValidations;
  const letter = columnLetter(valueAt + 1);
  for (const address of Object.keys(validations.model)) {
    if (new RegExp(`^\\$?${letter}\\$?\\d+(:\\$?${letter}\\$?\\d+)?$`).test(address)) {
      delete validations.model[address];
    }
  }
  /**
   * The lines a wrapped cell takes, counted as Excel prints (a CJK glyph two digits wide); other
   * programs print CJK a little narrower, and then a row has room to spare rather than cut text.
   */
  const linesOf = (value: string | null, at: number): number => {
    const width = at < 0 ? 0 : (sheet.getColumn(at + 1).width ?? 0);
    if (!value || width <= 2) return 1;
    return value
      .split('\n')
      .reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / (width - 2))), 0);
  };
  let previousGroup: string | null = null;
  rows.slice(1).forEach((cells, i) => {
    const r = i + 2;
    const text = (at: number) => (at < 0 || cells[at] == null ? null : String(cells[at]));
    const key = settingKeyOf(text(keyAt), text(labelAt));
    const row = sheet.getRow(r);
    if (key) {
      const validation = settingValidation(key, locale);
      if (validation) row.getCell(valueAt + 1).dataValidation = validation;
    }
    const group = text(groupAt);
    const lines = Math.max(linesOf(text(noteAt), noteAt), linesOf(text(valueAt), valueAt));
    row.height = Math.max(1, lines) * LINE_HEIGHT;
    cells.forEach((_, c) => {
      const cell = row.getCell(c + 1);
      const first = group !== null && group !== previousGroup;
      cell.style = {
        ...cell.style,
        border: first ? GROUP_BORDER : {},
        ...(c === groupAt
          ? { font: first ? { bold: true } : { color: { argb: REPEATED_GROUP } } }
          : {}),
        alignment: {
          ...(cell.style?.alignment ?? {}),
          vertical: 'top',
          ...(c === noteAt || c === valueAt ? { wrapText: true } : {}),
          // Numbers and words in one column read better on one edge.
          ...(c === valueAt ? { horizontal: 'left' } : {}),
        },
      };
    });
    previousGroup = group;
  });
}
