/**
 * Builds a laid-out sheet (`SheetLayout`) row by row: table rows widen their columns to fit,
 * long texts spill over the empty cells to their right without widening anything.
 */
import {
  displayWidth,
  type Box,
  type Highlight,
  type LayoutCell,
  type LayoutChart,
  type LayoutStyle,
  type LayoutTone,
  type SheetLayout,
} from '../domain/sheetLayout';

/** Texts wider than this (in characters) do not widen their column further. */
const MAX_WIDTH = 44;

export const cell = (
  value: string | number | null,
  style: LayoutStyle = 'text',
  extra: { tone?: LayoutTone; format?: string } = {},
): LayoutCell => ({ value, style, ...extra });

export class SheetBuilder {
  readonly rows: LayoutCell[][] = [];
  readonly highlights: Highlight[] = [];
  readonly charts: LayoutChart[] = [];
  private readonly widths: number[];

  /** `minWidths`: the columns of the tables, at least this wide. */
  constructor(minWidths: readonly number[]) {
    this.widths = [...minWidths];
  }

  get next(): number {
    return this.rows.length;
  }

  /** A row of table cells: each column is made wide enough for them. */
  row(cells: LayoutCell[]): number {
    cells.forEach((c, i) => {
      if (c.value === null || i >= this.widths.length) return;
      const width = Math.min(MAX_WIDTH, displayWidth(String(c.value)) + 2);
      this.widths[i] = Math.max(this.widths[i] ?? 0, width);
    });
    this.rows.push(cells);
    return this.rows.length - 1;
  }

  /** Table cells, then a long text that spills to the right (not measured). */
  spill(cells: LayoutCell[], text: LayoutCell): number {
    const at = this.row(cells);
    this.rows[at]!.push(text);
    return at;
  }

  /** One text alone on its row (a title, a note): spills, not measured. */
  line(text: string, style: LayoutStyle): void {
    this.rows.push([cell(text, style)]);
  }

  /** A heading band across the tables' columns. */
  section(title: string): void {
    this.rows.push([
      cell(title, 'section'),
      ...Array.from({ length: this.widths.length - 1 }, () => cell(null, 'section')),
    ]);
  }

  header(labels: readonly string[]): number {
    return this.row(labels.map((l) => cell(l, 'header')));
  }

  blank(): void {
    this.rows.push([]);
  }

  layout(): SheetLayout {
    return {
      rows: this.rows,
      widths: this.widths,
      highlights: this.highlights,
      charts: this.charts,
    };
  }
}

/** A column of a table: its header row and `rows` rows below it (a chart's source). */
export const withHeader = (header: number, rows: number, at: number): Box => ({
  row: header,
  column: at,
  rows: rows + 1,
  columns: 1,
});

/** The `rows` rows below a header row, in one column (a highlight's cells). */
export const below = (header: number, rows: number, at: number): Box => ({
  row: header + 1,
  column: at,
  rows,
  columns: 1,
});
