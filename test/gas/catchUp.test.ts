/**
 * Google never retries a failed trigger run. When the daily run of the showcase day, or of the
 * 1st, is cut off by a transient error, the next day's run draws the showcase or finalises the
 * month: those jobs are due from their day until done.
 */
import {
  activityAnswers,
  applicationAnswers,
  approvedChoices,
  compactSheets,
  cst,
  freshGas,
  reviewBranches,
  sheetRecords,
  SHEETS,
  submit,
} from './support';

describe('a daily run cut off on the day of a monthly job', () => {
  const gas = freshGas();
  const { world, bundle } = gas;
  compactSheets(world);
  const dailyRuns = (until: Date) =>
    bundle.runClock(until).filter((r) => r.execution.label === 'dailyTrigger');

  beforeAll(() => {
    for (let i = 0; i < 3; i++) {
      submit(gas, 'application', applicationAnswers(`计算机学院第${i + 1}学生党支部`), {
        at: cst(`2026-09-02 09:0${i}`),
      });
    }
    reviewBranches(world, ['B001', 'B002', 'B003']);
    bundle.call('refreshFormChoices');
    for (const [i, choice] of approvedChoices(world).entries()) {
      submit(
        gas,
        'activity',
        activityAnswers(choice, { date: '2026-10-08', title: `读书会${i}` }),
        {
          at: cst(`2026-10-08 20:0${i}`),
        },
      );
    }
  });

  it('on the showcase day: the next day draws the month', () => {
    expect(dailyRuns(cst('2026-10-25 05:00')).every((r) => r.ok)).toBe(true);
    // The 25th's run fails when it writes the draw.
    const fault = world.failAt('Sheets.Spreadsheets.Values.batchUpdate');
    const onTheDay = dailyRuns(cst('2026-10-25 12:00'));
    fault.cancel();
    expect(onTheDay.map((r) => r.ok)).toEqual([false]);
    expect(sheetRecords(world, SHEETS.showcase).filter((r) => r['月份'] === '2026-10')).toEqual([]);
    const nextDay = dailyRuns(cst('2026-10-26 12:00'));
    expect(nextDay.map((r) => r.ok)).toEqual([true]);
    expect(
      sheetRecords(world, SHEETS.showcase).filter((r) => r['月份'] === '2026-10').length,
    ).toBeGreaterThan(0);
  });

  it('on the 1st: the next day finalises the month, once', () => {
    expect(dailyRuns(cst('2026-11-01 05:00')).every((r) => r.ok)).toBe(true);
    const fault = world.failAt('Sheets.Spreadsheets.Values.batchUpdate');
    const onTheDay = dailyRuns(cst('2026-11-01 12:00'));
    fault.cancel();
    expect(onTheDay.map((r) => r.ok)).toEqual([false]);
    const october = () =>
      sheetRecords(world, SHEETS.monthly).filter((r) => r['月份'] === '2026-10');
    expect(october()).toEqual([]);
    expect(dailyRuns(cst('2026-11-02 12:00')).map((r) => r.ok)).toEqual([true]);
    expect(october().map((r) => r['支部编号'])).toEqual(['B001', 'B002', 'B003']);
    const finalisedAt = october().map((r) => r['计算时间']);
    // Done is done: the days after leave the month as it is.
    expect(dailyRuns(cst('2026-11-05 12:00')).every((r) => r.ok)).toBe(true);
    expect(october().map((r) => r['计算时间'])).toEqual(finalisedAt);
  });
});
