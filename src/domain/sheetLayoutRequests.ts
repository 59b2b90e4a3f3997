/**
 * A laid-out sheet (`SheetLayout`) as Sheets API v4 `spreadsheets.batchUpdate` requests, in the
 * REST API's own shapes, for the Apps Script store and the server-mode store alike. They go in the
 * same batch as the job's other writes, so the sheet, its look and its charts change in one call,
 * all or nothing:
 *  - the grid grown first when the layout needs more rows or columns (the API never grows one);
 *  - ONE `updateCells` over the whole sheet with values and formats: what the layout does not
 *    cover is cleared (an `updateCells` range the rows do not fill clears the fields it names);
 *  - the column widths, and no frozen rows (a table's frozen header has no place here);
 *  - every chart the sheet holds deleted (`deleteEmbeddedObject`, by the ids the metadata read
 *    gave), then the layout's charts added (`addChart`): running the job again replaces the
 *    charts, it never piles them up.
 * Highlights (conditional formats) are the `.xlsx` store's: Sheets has no data bars, and the
 * charts show the same figures.
 */
import type { SheetGrid } from './sheetChanges';
import {
  cellLook,
  layoutExtent,
  widthInPixels,
  type Box,
  type LayoutCell,
  type LayoutChart,
  type SheetLayout,
} from './sheetLayout';

type Json = Record<string, unknown>;

/** `RRGGBB` as a Sheets API Color (components 0–1). */
export function sheetsColor(hex: string): { red: number; green: number; blue: number } {
  const part = (i: number) => Math.round((parseInt(hex.slice(i, i + 2), 16) / 255) * 1000) / 1000;
  return { red: part(0), green: part(2), blue: part(4) };
}

function cellData(cell: LayoutCell | undefined): Json {
  if (!cell) return {};
  const look = cellLook(cell);
  const format: Json = {};
  if (look.numberFormat) {
    format.numberFormat = { type: 'NUMBER', pattern: look.numberFormat };
  }
  if (look.fill) format.backgroundColor = sheetsColor(look.fill);
  const text: Json = {};
  if (look.bold) text.bold = true;
  if (look.italic) text.italic = true;
  if (look.fontSize) text.fontSize = look.fontSize;
  if (look.color) text.foregroundColor = sheetsColor(look.color);
  if (Object.keys(text).length > 0) format.textFormat = text;
  if (look.align) format.horizontalAlignment = look.align;
  const data: Json = {};
  const value = cell.value;
  if (value !== null) {
    data.userEnteredValue =
      typeof value === 'number' ? { numberValue: value } : { stringValue: value };
  }
  if (Object.keys(format).length > 0) data.userEnteredFormat = format;
  return data;
}

function gridRange(sheetId: number, box: Box): Json {
  return {
    sheetId,
    startRowIndex: box.row,
    endRowIndex: box.row + box.rows,
    startColumnIndex: box.column,
    endColumnIndex: box.column + box.columns,
  };
}

function chartRequest(sheetId: number, chart: LayoutChart): Json {
  const source = (box: Box) => ({ sourceRange: { sources: [gridRange(sheetId, box)] } });
  return {
    addChart: {
      chart: {
        spec: {
          title: chart.title,
          basicChart: {
            chartType: chart.kind,
            legendPosition: 'NO_LEGEND',
            headerCount: chart.headerRows,
            domains: [{ domain: source(chart.domain) }],
            series: chart.series.map((box) => ({ series: source(box) })),
          },
        },
        position: {
          overlayPosition: {
            anchorCell: { sheetId, rowIndex: chart.anchor.row, columnIndex: chart.anchor.column },
            widthPixels: chart.widthPx,
            heightPixels: chart.heightPx,
          },
        },
      },
    },
  };
}

/**
 * The requests that make the sheet `grid` show `layout`, replacing the charts `chartIds` it holds.
 * Returns the grid as it is after them.
 */
export function sheetLayoutRequests(
  layout: SheetLayout,
  grid: SheetGrid,
  chartIds: readonly number[],
): { requests: Json[]; grid: SheetGrid } {
  const { sheetId } = grid;
  const extent = layoutExtent(layout);
  const rows = Math.max(
    extent.rows,
    ...layout.charts.map((c) => c.anchor.row + 1),
    ...layout.charts.flatMap((c) => [c.domain, ...c.series].map((b) => b.row + b.rows)),
  );
  const columns = Math.max(extent.columns, ...layout.charts.map((c) => c.anchor.column + 1));
  const requests: Json[] = [];
  if (rows > grid.rows) {
    requests.push({ appendDimension: { sheetId, dimension: 'ROWS', length: rows - grid.rows } });
  }
  if (columns > grid.columns) {
    requests.push({
      appendDimension: { sheetId, dimension: 'COLUMNS', length: columns - grid.columns },
    });
  }
  requests.push(
    {
      updateSheetProperties: {
        properties: { sheetId, gridProperties: { frozenRowCount: 0 } },
        fields: 'gridProperties.frozenRowCount',
      },
    },
    {
      updateCells: {
        range: { sheetId },
        rows: layout.rows.map((row) => ({
          values: Array.from({ length: extent.columns }, (_, c) => cellData(row[c])),
        })),
        fields: 'userEnteredValue,userEnteredFormat',
      },
    },
    ...layout.widths.map((width, i) => ({
      updateDimensionProperties: {
        range: { sheetId, dimension: 'COLUMNS', startIndex: i, endIndex: i + 1 },
        properties: { pixelSize: widthInPixels(width) },
        fields: 'pixelSize',
      },
    })),
    ...chartIds.map((objectId) => ({ deleteEmbeddedObject: { objectId } })),
    ...layout.charts.map((chart) => chartRequest(sheetId, chart)),
  );
  return {
    requests,
    grid: { sheetId, rows: Math.max(grid.rows, rows), columns: Math.max(grid.columns, columns) },
  };
}
