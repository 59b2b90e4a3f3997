/**
 * Setting the workbook up from the schema: every sheet with its header, frozen header row,
 * dropdowns for fixed choices, number formats (dates as dates), widths that fit, a filter, the
 * 设置 sheet's checks (sheetLooks.ts), and warning protection on the sheets the system writes.
 *
 * It converges rather than creates: the wanted state of every sheet is compared with what exists
 * (one metadata read, one read of the header rows) and the difference goes out in ONE
 * `spreadsheets.batchUpdate`, which Google applies whole or not at all. So a setup cut off at any
 * call, run again, ends exactly as a clean one; and run again on a finished workbook it only
 * re-applies formats and dropdowns (the same ones), never touching values.
 */
import type { Cell } from '../domain/schema/column';
import { headerRow, tabName, type TableDef } from '../domain/schema/table';
import { DATE_PATTERNS } from '../domain/sheetChanges';
import { labelOf, type Locale } from '../domain/vocabulary';
import { filterRequest, SAMPLE_ROWS, settingsRequests, widthRequests } from './sheetLooks';
import { quoteSheet } from './sheetsStore';

type Request = GoogleAppsScript.Sheets.Schema.Request;

/** A new sheet's grid: Google's default size, or wider when the table needs it. */
const NEW_SHEET_ROWS = 1000;
const NEW_SHEET_COLUMNS = 26;
const NUMBER_FORMATS: Partial<Record<string, string>> = {
  int: '0',
  decimal: '0.00',
};
const HEADER_BACKGROUND = { red: 0xfb / 255, green: 0xe9 / 255, blue: 0xe7 / 255 };
const PROTECTION_NOTE = 'StarBranch 自动生成，请勿手工修改 / written by StarBranch';

/** A sheet as the metadata call describes it. */
interface ExistingSheet {
  readonly sheetId: number;
  readonly title: string;
  readonly rows: number;
  readonly columns: number;
  readonly frozenRows: number;
  readonly protectedWhole: boolean;
  readonly filtered: boolean;
}

function existingSheets(spreadsheetId: string): Map<string, ExistingSheet> {
  const meta = Sheets!.Spreadsheets!.get(spreadsheetId, {
    fields:
      'sheets(properties(sheetId,title,gridProperties(rowCount,columnCount,frozenRowCount)),protectedRanges(range),basicFilter(range))',
  });
  const sheets = new Map<string, ExistingSheet>();
  for (const sheet of meta.sheets ?? []) {
    const p = sheet.properties ?? {};
    const whole = (sheet.protectedRanges ?? []).some((r) => {
      const range = r.range ?? {};
      return (
        range.startRowIndex == null &&
        range.endRowIndex == null &&
        range.startColumnIndex == null &&
        range.endColumnIndex == null
      );
    });
    sheets.set(p.title ?? '', {
      sheetId: p.sheetId ?? 0,
      title: p.title ?? '',
      rows: p.gridProperties?.rowCount ?? 0,
      columns: p.gridProperties?.columnCount ?? 0,
      frozenRows: p.gridProperties?.frozenRowCount ?? 0,
      protectedWhole: whole,
      filtered: sheet.basicFilter != null,
    });
  }
  return sheets;
}

/**
 * The first rows of each given sheet, header first, in one read: a sheet whose row 1 is empty
 * still needs its header, and the rows show how wide the columns must be.
 */
function sampleRowsOf(
  spreadsheetId: string,
  sheets: readonly ExistingSheet[],
): Map<string, unknown[][]> {
  if (sheets.length === 0) return new Map();
  const response = Sheets!.Spreadsheets!.Values!.batchGet(spreadsheetId, {
    ranges: sheets.map(
      (s) => `${quoteSheet(s.title)}!1:${Math.max(1, Math.min(SAMPLE_ROWS, s.rows))}`,
    ),
    valueRenderOption: 'FORMATTED_VALUE',
  });
  const ranges = response.valueRanges ?? [];
  return new Map(sheets.map((s, i) => [s.title, (ranges[i]?.values ?? []) as unknown[][]]));
}

function textCells(row: readonly Cell[]): GoogleAppsScript.Sheets.Schema.RowData {
  return { values: row.map((v) => ({ userEnteredValue: { stringValue: String(v ?? '') } })) };
}

/** Formats, widths, dropdowns and the frozen header: what every run (re)applies, idempotently. */
function styleRequests(
  sheetId: number,
  rows: number,
  def: TableDef,
  locale: Locale,
  sample: readonly (readonly unknown[])[],
): Request[] {
  const columns = Object.values(def.columns);
  const requests: Request[] = [
    {
      updateSheetProperties: {
        properties: { sheetId, gridProperties: { frozenRowCount: 1 } },
        fields: 'gridProperties.frozenRowCount',
      },
    },
    {
      repeatCell: {
        range: {
          sheetId,
          startRowIndex: 0,
          endRowIndex: 1,
          startColumnIndex: 0,
          endColumnIndex: columns.length,
        },
        cell: {
          userEnteredFormat: { textFormat: { bold: true }, backgroundColor: HEADER_BACKGROUND },
        },
        fields: 'userEnteredFormat(textFormat.bold,backgroundColor)',
      },
    },
  ];
  columns.forEach((column, i) => {
    // Formats and dropdowns cover the rows the sheet has; writes grow the sheet later.
    const body = {
      sheetId,
      startRowIndex: 1,
      endRowIndex: Math.max(2, rows),
      startColumnIndex: i,
      endColumnIndex: i + 1,
    };
    // Dates and times show as dates (the stores write them as serial numbers); text as typed.
    const pattern = NUMBER_FORMATS[column.type] ?? '@';
    const numberFormat =
      column.type === 'date' || column.type === 'datetime'
        ? DATE_PATTERNS[column.type]
        : { type: pattern === '@' ? 'TEXT' : 'NUMBER', pattern };
    requests.push({
      repeatCell: {
        range: body,
        cell: { userEnteredFormat: { numberFormat } },
        fields: 'userEnteredFormat.numberFormat',
      },
    });
    // Ids, links, records the system keeps: cut at the column's edge, not run over the next.
    if (column.clip) {
      requests.push({
        repeatCell: {
          range: body,
          cell: { userEnteredFormat: { wrapStrategy: 'CLIP' } },
          fields: 'userEnteredFormat.wrapStrategy',
        },
      });
    }
    if (column.choices) {
      const labels = column.choices.map((c) => labelOf(c, locale));
      requests.push({
        setDataValidation: {
          range: body,
          rule: {
            condition: {
              type: 'ONE_OF_LIST',
              values: labels.map((label) => ({ userEnteredValue: label })),
            },
            inputMessage: labels.join(' / '),
            strict: true,
            showCustomUi: true,
          },
        },
      });
    }
  });
  requests.push(...widthRequests(sheetId, def, sample, locale));
  return requests;
}

export interface SetupOutcome {
  readonly created: string[];
  readonly kept: string[];
}

/** The sheets of the workbook, brought to their wanted state in one batch (see the file note). */
export function setUpSheets(
  spreadsheetId: string,
  tables: readonly TableDef[],
  locale: Locale,
): SetupOutcome {
  const existing = existingSheets(spreadsheetId);
  const find = (def: TableDef) => existing.get(def.zh) ?? existing.get(def.en) ?? null;
  const present = tables.map(find).filter((s): s is ExistingSheet => s !== null);
  const samples = sampleRowsOf(spreadsheetId, present);
  let nextId = Math.max(0, ...[...existing.values()].map((s) => s.sheetId)) + 1;
  const requests: Request[] = [];
  const created: string[] = [];
  const kept: string[] = [];
  for (const def of tables) {
    const columns = Object.keys(def.columns).length;
    const sheet = find(def);
    let sheetId: number;
    let rows: number;
    if (sheet) {
      kept.push(sheet.title);
      ({ sheetId, rows } = sheet);
      if (sheet.columns < columns) {
        requests.push({
          appendDimension: { sheetId, dimension: 'COLUMNS', length: columns - sheet.columns },
        });
      }
    } else {
      const title = tabName(def, locale);
      created.push(title);
      sheetId = nextId++;
      rows = NEW_SHEET_ROWS;
      requests.push({
        addSheet: {
          properties: {
            sheetId,
            title,
            gridProperties: {
              rowCount: NEW_SHEET_ROWS,
              columnCount: Math.max(NEW_SHEET_COLUMNS, columns),
            },
          },
        },
      });
    }
    // A sheet laid out whole (the dashboard) gets its look from the job that lays it out.
    // Formats first, so a header or a Config value such as 2026-09-01 is written as text.
    const sample = (sheet ? samples.get(sheet.title) : undefined) ?? [];
    if (!def.freeForm) requests.push(...styleRequests(sheetId, rows, def, locale, sample));
    if (def.name === 'Config') requests.push(...settingsRequests(sheetId, rows, locale));
    if (!def.freeForm && !sheet?.filtered) {
      requests.push(filterRequest(sheetId, Math.max(columns, sample[0]?.length ?? 0)));
    }
    const header = sheet ? sample[0] : [];
    if (!def.freeForm && (!header || header.every((v) => v === '' || v === null))) {
      requests.push({
        updateCells: {
          start: { sheetId, rowIndex: 0, columnIndex: 0 },
          rows: [textCells(headerRow(def, locale))],
          fields: 'userEnteredValue',
        },
      });
    }
    if (def.staffOnly && def.name !== 'Config' && !sheet?.protectedWhole) {
      requests.push({
        addProtectedRange: {
          protectedRange: { range: { sheetId }, description: PROTECTION_NOTE, warningOnly: true },
        },
      });
    }
  }
  Sheets!.Spreadsheets!.batchUpdate({ requests }, spreadsheetId);
  return { created, kept };
}
