/**
 * Column widths that fit what a column holds, the way a person sizes them by hand: wide enough for
 * the header and the longest value, up to the column's cap (a long description wraps or is cut,
 * it does not push every other column off the page). Widths are in characters, a CJK character
 * counting as two, as spreadsheet column widths do.
 */
import { labelOf, type Locale } from '../vocabulary';
import type { AnyColumnOf, Cell } from './column';

/** Room around the text (the filter button in the header, cell padding). */
const PADDING = 2;
const MIN_WIDTH = 6;
/** A column no schema declares (staff's own): fitted too, with the cap of plain text. */
const OTHER_MAX_WIDTH = 40;

const WIDE =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** Characters of text as wide as a CJK character counts twice, as a column width does. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += WIDE.test(ch) ? 2 : 1;
  return width;
}

/** How wide a cell shows: numbers as their format shows them, text by its longest line. */
function cellWidth(column: AnyColumnOf | undefined, cell: Cell): number {
  if (cell === null || cell === '') return 0;
  if (typeof cell === 'number') {
    if (column?.type === 'date') return 10;
    if (column?.type === 'datetime') return 19;
    return (column?.type === 'decimal' ? cell.toFixed(2) : String(cell)).length;
  }
  if (typeof cell === 'boolean') return 5;
  let widest = 0;
  for (const line of cell.split('\n')) widest = Math.max(widest, displayWidth(line));
  return widest;
}

/**
 * The width that fits the header and the longest of `values`, capped. With no values yet (a new
 * table) the column's usual width stands in for them, so staff typing into it see enough.
 */
export function fitWidth(
  column: AnyColumnOf | undefined,
  header: string,
  values: Iterable<Cell>,
  locale: Locale,
): number {
  let longest = 0;
  let any = false;
  for (const value of values) {
    const width = cellWidth(column, value);
    if (width > 0) any = true;
    longest = Math.max(longest, width);
  }
  if (!any && column) {
    // A dropdown column is as wide as its longest choice, whatever the data.
    longest = column.choices ? 0 : column.width - PADDING;
  }
  for (const choice of column?.choices ?? []) {
    longest = Math.max(longest, displayWidth(labelOf(choice, locale)));
  }
  const cap = column?.maxWidth ?? OTHER_MAX_WIDTH;
  const wanted = Math.max(displayWidth(header), longest) + PADDING;
  return Math.max(MIN_WIDTH, Math.min(cap, wanted));
}
