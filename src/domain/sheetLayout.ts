/**
 * A sheet laid out whole, as data: the cells with their look, the column widths, the highlights
 * (conditional formats) and the charts. The dashboard is one; it is no table (no header row, no
 * record per row), so the stores do not write it with `write` but with `writeSheet`, each in its
 * own terms: the `.xlsx` store with exceljs styles and conditional formats (exceljs writes no
 * charts), the Sheets stores with one `spreadsheets.batchUpdate` of cells, widths and charts.
 *
 * Coordinates are 0-based (row 0 is the sheet's row 1), as the Sheets API counts them.
 */

/** What a cell holds: text, a number, or nothing. */
export type LayoutValue = string | number | null;

/** The kinds of cell a laid-out sheet has; each store gives every kind the same look. */
export type LayoutStyle =
  'title' | 'note' | 'section' | 'header' | 'text' | 'count' | 'score' | 'stars';

/** A cell's emphasis: something to act on, done, or quiet. */
export type LayoutTone = 'alert' | 'good' | 'quiet';

export interface LayoutCell {
  readonly value: LayoutValue;
  readonly style: LayoutStyle;
  readonly tone?: LayoutTone;
  /** A number format of the cell's own (`0" 天"`), instead of its style's. */
  readonly format?: string;
}

/** A rectangle of cells, 0-based. */
export interface Box {
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
}

/**
 * A conditional format over a box of numbers: a data bar (the longer the bar, the higher) or a
 * colour scale from `low` to `high` colour. `min` and `max` fix the ends (stars run 0 to 5
 * whatever this month's are); left out, the box's own lowest and highest values are the ends.
 */
export interface Highlight {
  readonly kind: 'dataBar' | 'colorScale';
  readonly box: Box;
  readonly min?: number;
  readonly max?: number;
  /** `RRGGBB`: the bar's colour, or the colour scale's high end. */
  readonly color: string;
  /** `RRGGBB`: the colour scale's low end. */
  readonly low?: string;
}

/** A chart over cells of the layout: one column of labels, one column per series. */
export interface LayoutChart {
  readonly kind: 'COLUMN' | 'BAR' | 'LINE';
  readonly title: string;
  /** The labels: one column, the header row included when `headerRows` is 1. */
  readonly domain: Box;
  /** One column each, the same rows as the domain. */
  readonly series: readonly Box[];
  readonly headerRows: 0 | 1;
  /** The cell its top-left corner sits on. */
  readonly anchor: { readonly row: number; readonly column: number };
  readonly widthPx: number;
  readonly heightPx: number;
}

export interface SheetLayout {
  readonly rows: readonly (readonly LayoutCell[])[];
  /** Column widths in characters (a CJK character counts two), from column A. */
  readonly widths: readonly number[];
  readonly highlights: readonly Highlight[];
  readonly charts: readonly LayoutChart[];
}

/** How a style looks, in every store. Colours are `RRGGBB`. */
export interface StyleSpec {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly fontSize?: number;
  readonly color?: string;
  readonly fill?: string;
  readonly numberFormat?: string;
  readonly align?: 'LEFT' | 'CENTER' | 'RIGHT';
}

const PARTY_RED = 'B22222';

export const LAYOUT_STYLES: Readonly<Record<LayoutStyle, StyleSpec>> = {
  title: { bold: true, fontSize: 16, color: '8B1A1A' },
  note: { italic: true, color: '666666' },
  section: { bold: true, fontSize: 12, color: 'FFFFFF', fill: PARTY_RED },
  header: { bold: true, fill: 'F2DCDB', align: 'CENTER' },
  text: {},
  count: { numberFormat: '0' },
  score: { numberFormat: '0.00' },
  stars: { color: 'C9A227' },
};

export const LAYOUT_TONES: Readonly<Record<LayoutTone, StyleSpec>> = {
  alert: { bold: true, fill: 'FFE8CC', color: '9C3D00' },
  good: { color: '2E7D32' },
  quiet: { color: '888888' },
};

/** The look of a cell: its style, its tone over it, its own number format over both. */
export function cellLook(cell: LayoutCell): StyleSpec {
  return {
    ...LAYOUT_STYLES[cell.style],
    ...(cell.tone ? LAYOUT_TONES[cell.tone] : {}),
    ...(cell.format ? { numberFormat: cell.format } : {}),
  };
}

/** Characters of text as wide as a CJK character counts twice, as a column width does. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    width +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u2605\u2606]/u.test(
        ch,
      )
        ? 2
        : 1;
  }
  return width;
}

/** A width in characters as pixels on a Sheets column (10 pt text, a little padding). */
export function widthInPixels(characters: number): number {
  return Math.round(characters * 7.5 + 12);
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`). */
export function dayNumber(isoDate: string): number {
  const [y0, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** How many rows and columns the layout's cells reach. */
export function layoutExtent(layout: SheetLayout): { rows: number; columns: number } {
  return {
    rows: layout.rows.length,
    columns: Math.max(layout.widths.length, ...layout.rows.map((r) => r.length), 1),
  };
}
