/**
 * The spreadsheet as staff see it on Google Sheets, through the built bundle: dates written as
 * date cells (serial numbers, RAW, under a date format) by the stores and by the fold, text still
 * text, the filter still covering rows the jobs appended, widths refitted by a second setup, and
 * all of it in the calls the jobs already made.
 */
import { columnLetter } from '../../src/domain/a1';
import { headerRow } from '../../src/domain/schema/table';
import { ActivitiesTable, BranchesTable } from '../../src/domain/schema/tables';
import {
  activityAnswers,
  applicationAnswers,
  approvedChoices,
  compactSheets,
  cst,
  freshGas,
  measure,
  reviewBranches,
  SHEETS,
  submit,
  type Gas,
} from './support';

const LONG_NAME = '计算机科学与技术学院二〇二三级本科生第一党支部';

/** One cell of a sheet as the spreadsheet holds it, as the API reads it, and its format. */
function cellOf(gas: Gas, sheet: string, row: number, label: string) {
  const { world } = gas;
  return world.peek(() => {
    const s = world.spreadsheet.getSheetByName(sheet)!;
    const header = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0]!;
    const column = header.indexOf(label) + 1;
    if (column === 0) throw new Error(`${sheet} has no column ${label}`);
    const api = world.services.Sheets.Spreadsheets.Values.get(
      world.spreadsheet.getId(),
      `'${sheet}'!${columnLetter(column)}${row}`,
      { valueRenderOption: 'UNFORMATTED_VALUE', dateTimeRenderOption: 'FORMATTED_STRING' },
    ).values?.[0]?.[0];
    return {
      stored: s._values.get(row - 1, column - 1),
      formula: s._formulas.get(row - 1, column - 1),
      format: s.getRange(row, column).getNumberFormat(),
      read: api,
      value: s.getRange(row, column).getValue(),
    };
  });
}

describe('dates, text and filters on Google Sheets', () => {
  const gas = freshGas({ now: cst('2026-09-10 09:00') });
  // A small grid, so that the jobs grow the sheets as a college's year does.
  compactSheets(gas.world, 3);

  it('an application (the whole-table path) stores its time as a date cell in the grown sheet', () => {
    const { run } = submit(gas, 'application', applicationAnswers(LONG_NAME), {
      at: cst('2026-09-12 09:30'),
    });
    expect(run.error).toBeUndefined();
    const applied = cellOf(gas, SHEETS.branches, 2, '申报时间');
    expect(typeof applied.stored).toBe('number');
    expect(applied.format).toBe('yyyy-mm-dd hh:mm:ss');
    expect(applied.read).toBe('2026-09-12 09:30:00');
    expect(applied.value).toBeInstanceOf(Date);
    expect(cellOf(gas, SHEETS.branches, 2, '支部名称').stored).toBe(LONG_NAME);
  });

  it('an activity (the fold) appends its dates as date cells and its text as text', () => {
    reviewBranches(gas.world, ['B001']);
    const formula = '=HYPERLINK("http://evil.example","点我")';
    const { run } = submit(
      gas,
      'activity',
      activityAnswers(approvedChoices(gas.world)[0]!, { title: formula, description: '+cmd|calc' }),
      { at: cst('2026-10-11 10:15') },
    );
    expect(run.error).toBeUndefined();
    const submitted = cellOf(gas, SHEETS.activities, 2, '提交时间');
    expect(typeof submitted.stored).toBe('number');
    expect(submitted.format).toBe('yyyy-mm-dd hh:mm:ss');
    expect(submitted.read).toBe('2026-10-11 10:15:00');
    const date = cellOf(gas, SHEETS.activities, 2, '活动日期');
    expect(typeof date.stored).toBe('number');
    expect(date.format).toBe('yyyy-mm-dd');
    expect(date.read).toBe('2026-10-10');
    const title = cellOf(gas, SHEETS.activities, 2, '活动名称');
    expect([title.stored, title.formula]).toEqual([formula, undefined]);
    expect(cellOf(gas, SHEETS.activities, 2, '活动内容').stored).toBe('+cmd|calc');
  });

  it('keeps the filter over every row the jobs appended', () => {
    for (const sheet of [SHEETS.branches, SHEETS.activities, SHEETS.log]) {
      const s = gas.world.peek(() => gas.world.spreadsheet.getSheetByName(sheet)!);
      expect(s._basicFilter).toMatchObject({ startRowIndex: 0, startColumnIndex: 0 });
      expect(s._basicFilter).not.toHaveProperty('endRowIndex');
      expect(s._lastRow()).toBeGreaterThan(1);
    }
  });

  it('a second setup refits the widths to the data, in its one batch, and keeps the filters', () => {
    const { calls } = measure(gas.world, () => gas.bundle.call('setup'));
    expect(calls['Sheets.Spreadsheets.batchUpdate']).toBe(1);
    const branches = gas.world.peek(() => gas.world.spreadsheet.getSheetByName(SHEETS.branches)!);
    const nameColumn = headerRow(BranchesTable, 'zh-CN').indexOf('支部名称') + 1;
    // 23 CJK characters (46) + 2, at 7 px a character and 10 px of padding.
    expect(branches._colWidths.get(nameColumn)).toBe(48 * 7 + 10);
    const activities = gas.world.peek(() =>
      gas.world.spreadsheet.getSheetByName(SHEETS.activities)!,
    );
    expect(activities._basicFilter).toEqual({
      sheetId: activities._id,
      startRowIndex: 0,
      startColumnIndex: 0,
      endColumnIndex: Object.keys(ActivitiesTable.columns).length,
    });
  });
});
