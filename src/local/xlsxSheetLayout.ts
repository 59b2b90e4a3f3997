/**
 * A laid-out sheet (`SheetLayout`, the dashboard) into an exceljs workbook. The sheet is made
 * afresh in the old one's place, so nothing of the old cells, styles or conditional formats is
 * left. exceljs writes no charts: the figures the charts show on Google Sheets get data bars and
 * colour scales (conditional formats) instead, which Excel, WPS and LibreOffice all draw.
 */
import ExcelJS from 'exceljs';
import { columnLetter } from '../domain/a1';
import {
  cellLook,
  type Box,
  type Highlight,
  type LayoutCell,
  type SheetLayout,
} from '../domain/sheetLayout';

const argb = (hex: string) => ({ argb: `FF${hex}` });

function address(box: Box): string {
  const from = `${columnLetter(box.column + 1)}${box.row + 1}`;
  const to = `${columnLetter(box.column + box.columns)}${box.row + box.rows}`;
  return `${from}:${to}`;
}

function cellValue(cell: LayoutCell, text: (s: string) => string): ExcelJS.CellValue {
  const { value } = cell;
  return typeof value === 'string' ? text(value) : value;
}

function cellStyle(cell: LayoutCell): Partial<ExcelJS.Style> {
  const look = cellLook(cell);
  const font: Partial<ExcelJS.Font> = {
    ...(look.bold ? { bold: true } : {}),
    ...(look.italic ? { italic: true } : {}),
    ...(look.fontSize ? { size: look.fontSize } : {}),
    ...(look.color ? { color: argb(look.color) } : {}),
  };
  return {
    font,
    alignment: {
      vertical: 'middle',
      ...(look.align
        ? { horizontal: look.align.toLowerCase() as 'left' | 'center' | 'right' }
        : {}),
    },
    ...(look.numberFormat ? { numFmt: look.numberFormat } : {}),
    ...(look.fill
      ? { fill: { type: 'pattern', pattern: 'solid', fgColor: argb(look.fill) } as ExcelJS.Fill }
      : {}),
  };
}

function rule(highlight: Highlight, priority: number): ExcelJS.ConditionalFormattingRule {
  const low: ExcelJS.Cvfo =
    highlight.min === undefined ? { type: 'min' } : { type: 'num', value: highlight.min };
  const high: ExcelJS.Cvfo =
    highlight.max === undefined ? { type: 'max' } : { type: 'num', value: highlight.max };
  if (highlight.kind === 'colorScale') {
    return {
      type: 'colorScale',
      priority,
      cfvo: [low, high],
      color: [argb(highlight.low ?? 'FFFFFF'), argb(highlight.color)],
    };
  }
  // exceljs writes a data bar's colour from `color`, which its type declarations leave out.
  return {
    type: 'dataBar',
    priority,
    cfvo: [low, high],
    color: argb(highlight.color),
    gradient: false,
  } as ExcelJS.DataBarRuleType;
}

/** The sheet `name` laid out as `layout`, replacing `existing` (kept in its place among the tabs). */
export function layOutSheet(
  workbook: ExcelJS.Workbook,
  existing: ExcelJS.Worksheet | undefined,
  name: string,
  layout: SheetLayout,
  text: (s: string) => string,
): ExcelJS.Worksheet {
  const place = existing ? (existing as unknown as { orderNo: number }).orderNo : undefined;
  if (existing) workbook.removeWorksheet(existing.id);
  const sheet = workbook.addWorksheet(name, {
    views: [{ showGridLines: false }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  if (place !== undefined) (sheet as unknown as { orderNo: number }).orderNo = place;
  layout.widths.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  layout.rows.forEach((cells, r) => {
    const row = sheet.getRow(r + 1);
    cells.forEach((cell, c) => {
      const target = row.getCell(c + 1);
      target.value = cellValue(cell, text);
      target.style = cellStyle(cell);
    });
  });
  layout.highlights.forEach((highlight, i) => {
    if (highlight.box.rows <= 0) return;
    sheet.addConditionalFormatting({
      ref: address(highlight.box),
      rules: [rule(highlight, i + 1)],
    });
  });
  return sheet;
}
