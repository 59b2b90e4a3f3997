/**
 * exceljs reads a data validation over `A2:A1001` as one entry per cell, and before writing it
 * merges them back by comparing each cell with its neighbours, which takes seconds on every save
 * of a workbook with a few thousand validated cells. `compactValidations` merges them first, in
 * one pass: runs of cells down a column that share a validation become one range.
 */
import type ExcelJS from 'exceljs';

type Model = Record<string, ExcelJS.DataValidation | undefined>;

const SINGLE_CELL = /^\$?([A-Z]+)\$?(\d+)$/;

/** Rewrites `model` so that each run of same-validation cells down a column is one range key. */
export function compactValidations(model: Model): void {
  const keyOf = new Map<ExcelJS.DataValidation, string>();
  const sameKey = (validation: ExcelJS.DataValidation): string => {
    let key = keyOf.get(validation);
    if (key === undefined) {
      key = JSON.stringify(validation);
      keyOf.set(validation, key);
    }
    return key;
  };
  // Cells by column and validation: `${column}|${validation}` → rows.
  const runs = new Map<
    string,
    { column: string; validation: ExcelJS.DataValidation; rows: number[] }
  >();
  for (const [address, validation] of Object.entries(model)) {
    const cell = SINGLE_CELL.exec(address);
    if (!cell || !validation) continue;
    const column = cell[1]!;
    const group = `${column}|${sameKey(validation)}`;
    let run = runs.get(group);
    if (!run) {
      run = { column, validation, rows: [] };
      runs.set(group, run);
    }
    run.rows.push(Number(cell[2]));
    delete model[address];
  }
  for (const { column, validation, rows } of runs.values()) {
    rows.sort((a, b) => a - b);
    let start = 0;
    for (let i = 1; i <= rows.length; i++) {
      if (i < rows.length && rows[i] === rows[i - 1]! + 1) continue;
      const [top, bottom] = [rows[start]!, rows[i - 1]!];
      model[top === bottom ? `${column}${top}` : `${column}${top}:${column}${bottom}`] = validation;
      start = i;
    }
  }
}
