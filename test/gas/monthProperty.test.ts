/**
 * Property: a month of Apps Script executions (a report or two a day through the forms, the
 * daily run with its showcase on the 25th and the month's results on the 1st) with one transient
 * error at a random service call, then one day without faults, ends in the state of the same month
 * without the error. Tables are compared as staff read them, times aside.
 *
 * A run cut off on the day of the showcase or of the month's results is caught up by the next
 * day's: those jobs are due from their day until done (`dueMonthlyJobs`). MONTH_RUNS=n tries more
 * months than the default.
 */
import fc from 'fast-check';
import {
  activityAnswers,
  applicationAnswers,
  branchChoice,
  compactSheets,
  cst,
  freshGas,
  reviewBranches,
  sheetRecords,
  SHEETS,
  submit,
  type Gas,
} from './support';

const FAULTS = [
  'Exception: Service Spreadsheets failed while accessing document.',
  'Exception: Service invoked too many times for one day: properties.',
  'Exception: Exceeded maximum execution time',
];
const BRANCHES = [1, 2, 3, 4].map((i) => branchChoice({ id: `B00${i}`, name: `第${i}党支部` }));

function ready(): Gas {
  const gas = freshGas({ now: cst('2026-09-20 09:00') });
  compactSheets(gas.world);
  for (let i = 1; i <= 4; i++) submit(gas, 'application', applicationAnswers(`第${i}党支部`));
  reviewBranches(gas.world, ['B001', 'B002', 'B003', 'B004']);
  gas.bundle.call('refreshFormChoices');
  gas.bundle.runClock(cst('2026-10-01 08:00'));
  return gas;
}

/** October, day by day, then 2 November without faults. Returns the service calls it made. */
function october(gas: Gas, fault?: { at: number; error: string }): number {
  const from = gas.world.calls.log.length;
  if (fault) gas.world.failAt(fault.at, fault.error);
  for (let day = 1; day <= 31; day++) {
    const date = `2026-10-${String(day).padStart(2, '0')}`;
    const reports = day % 3 === 0 ? 2 : 1;
    for (let r = 0; r < reports; r++) {
      const branch = BRANCHES[(day + r) % BRANCHES.length]!;
      gas.bundle.runClock(cst(`${date} ${10 + r * 5}:00`));
      submit(gas, 'activity', activityAnswers(branch, { date, title: `${date} 活动 ${r}` }));
    }
    gas.bundle.runClock(cst(`${date} 23:00`));
  }
  const calls = gas.world.calls.log.length - from;
  gas.bundle.runClock(cst('2026-11-02 12:00'));
  return calls;
}

const TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?$/;

function tables(gas: Gas): Record<string, string[]> {
  const keep = ['activities', 'branches', 'showcase', 'monthly', 'rejected'] as const;
  return Object.fromEntries(
    keep.map((key) => [
      key,
      sheetRecords(gas.world, SHEETS[key])
        .map((r) =>
          JSON.stringify(
            Object.fromEntries(
              Object.entries(r).map(([k, v]) => [k, TIME.test(String(v)) ? '(time)' : v]),
            ),
          ),
        )
        .sort(),
    ]),
  );
}

describe('a month with one transient fault, then a quiet day', () => {
  it('ends as the month without the fault', () => {
    const clean = ready();
    const calls = october(clean);
    const expected = tables(clean);
    expect(expected.activities!.length).toBeGreaterThan(40);
    expect(expected.showcase!.length).toBeGreaterThan(0);
    expect(expected.monthly!.length).toBe(8); // September (empty) and October
    fc.assert(
      fc.property(fc.integer({ min: 1, max: calls }), fc.constantFrom(...FAULTS), (at, error) => {
        const gas = ready();
        october(gas, { at, error });
        expect([at, tables(gas)]).toEqual([at, expected]);
      }),
      { numRuns: Number(process.env.MONTH_RUNS ?? 8) },
    );
  }, 900_000);
});
