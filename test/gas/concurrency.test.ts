/**
 * Bursts of form submissions (DESIGN §8): the trigger run of a submission that arrives while
 * another execution holds the script lock writes nothing and fails loudly; the daily trigger's
 * reconciliation then ingests what was missed, exactly once. No row lost, none written twice.
 */
import { createRng, type Rng } from '../../src/domain/prng';
import type { RunResult } from '../sandbox';
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
  type Gas,
} from './support';

const BURST = 50;
const BUSY = /busy.*nothing was written/;

/** A workbook with three approved branches, the clock on 2026-10-20. */
function programme(): { gas: Gas; choices: string[] } {
  const gas = freshGas({ now: cst('2026-09-02 09:00') });
  compactSheets(gas.world);
  for (let i = 0; i < 3; i++) {
    submit(gas, 'application', applicationAnswers(`第${i + 1}学生党支部`), {
      at: cst(`2026-09-0${3 + i} 10:00`),
    });
  }
  reviewBranches(gas.world, ['B001', 'B002', 'B003']);
  gas.bundle.call('refreshFormChoices');
  gas.world.setNow(cst('2026-10-20 19:00'));
  return { gas, choices: approvedChoices(gas.world) };
}

function answers(choices: readonly string[], i: number): Record<string, string> {
  return activityAnswers(choices[i % choices.length]!, {
    date: `2026-10-${String(1 + (i % 19)).padStart(2, '0')}`,
    title: `第${i + 1}次组织生活`,
    participants: String(20 + i),
    nonParty: String(10 + (i % 10)),
  });
}

interface Burst {
  readonly ids: string[];
  readonly runs: RunResult[];
  /** For each report, the execution holding the script lock when it arrived (or null). */
  readonly heldBy: (string | null)[];
}

/**
 * Submits `count` activity reports. Before every service call made by the execution that holds
 * the script lock, the next report arrives with probability `p` (its trigger run starts then,
 * nested, as a concurrent execution would); the rest arrive one after another.
 */
function burst(gas: Gas, choices: readonly string[], count: number, rng: Rng, p: number): Burst {
  const { world, bundle } = gas;
  const ids: string[] = [];
  const runs: RunResult[] = [];
  const heldBy: (string | null)[] = [];
  const holder = () => world.locks.get('script')?.holder ?? null;
  let started = 0;
  const arrive = () => {
    const i = started++;
    heldBy[i] = holder();
    const { event, runs: fired } = bundle.submitForm(gas.forms.activity, answers(choices, i), {
      email: `member${i}@stu.example.edu`,
    });
    ids.push(world.peek(() => event.response.getId()));
    runs.push(...fired);
  };
  const hook = world.beforeCall(
    () => started < count && holder() === world.currentExecution?.id && rng.next() < p,
    arrive,
    count,
  );
  while (started < count) arrive();
  hook.cancel();
  return { ids, runs, heldBy };
}

function activityIds(gas: Gas): string[] {
  return sheetRecords(gas.world, SHEETS.activities).map((r) => String(r['响应编号']));
}

/** A failed run: it says it was busy, and the only calls it made were for the lock. */
function expectBusyAndSilent(gas: Gas, run: RunResult): void {
  expect(run.ok).toBe(false);
  expect(run.execution.status).toBe('failed');
  expect(String((run.error as Error).message)).toMatch(BUSY);
  const made = gas.world.calls.log
    .filter((c) => c.execution === run.execution.id)
    .map((c) => c.name);
  expect(made).toEqual(['LockService.getScriptLock', 'Lock.tryLock']);
}

function dailyTrigger(gas: Gas): RunResult {
  const daily = gas.world.triggers().find((t) => t.handler === 'dailyTrigger')!;
  const run = gas.bundle.fire(daily);
  if (!run.ok) throw run.error;
  return run;
}

/** Each response once in 活动, nothing in 待处理, and reconciling again adds nothing. */
function expectReconciled(gas: Gas, ids: readonly string[]): void {
  const run = dailyTrigger(gas);
  expect(run.value).toMatch(/^reconciled: \d+ new responses/);
  const rows = activityIds(gas);
  expect(rows).toHaveLength(ids.length);
  expect([...rows].sort()).toEqual([...ids].sort());
  expect(sheetRecords(gas.world, SHEETS.rejected)).toEqual([]);
  gas.world.advance(3600_000);
  expect(dailyTrigger(gas).value).toBe('reconciled: 0 new responses');
  expect(gas.bundle.call('rebuildFromResponses')).toBe('0 responses added');
  expect(activityIds(gas)).toHaveLength(ids.length);
}

describe('a burst of 50 activity reports', () => {
  it('each arriving while another run holds the lock: busy runs write nothing, reconciliation adds them', () => {
    const { gas, choices } = programme();
    // p = 1: a report arrives before every call of the run holding the lock.
    const { ids, runs, heldBy } = burst(gas, choices, BURST, createRng('always'), 1);
    expect(runs).toHaveLength(BURST);
    const ok = runs.filter((r) => r.ok);
    // Only the reports that found the lock free got through: a handful among fifty.
    expect(ok.length).toBeGreaterThanOrEqual(1);
    expect(ok.length).toBeLessThanOrEqual(3);
    const okIds = new Set(ok.map((r) => r.execution.id));
    for (const run of runs.filter((r) => !r.ok)) expectBusyAndSilent(gas, run);
    // Every report whose run failed arrived while a run that succeeded held the lock.
    const failedIndexes = heldBy.flatMap((h, i) => (h === null ? [] : [i]));
    expect(failedIndexes).toHaveLength(BURST - ok.length);
    for (const i of failedIndexes) expect(okIds.has(heldBy[i]!)).toBe(true);
    expect(activityIds(gas)).toHaveLength(ok.length);
    expectReconciled(gas, ids);
  });

  it('while a staff job holds the lock, every report fails and none is lost', () => {
    const { gas, choices } = programme();
    const runs: RunResult[] = [];
    const ids: string[] = [];
    // The dashboard job, between its read and its write: fifty reports arrive.
    gas.world.interleave('Sheets.Spreadsheets.Values.batchUpdate', () => {
      for (let i = 0; i < BURST; i++) {
        const { event, runs: fired } = gas.bundle.submitForm(
          gas.forms.activity,
          answers(choices, i),
          {
            email: `member${i}@stu.example.edu`,
          },
        );
        ids.push(gas.world.peek(() => event.response.getId()));
        runs.push(...fired);
      }
    });
    expect(gas.bundle.call('buildDashboard')).toMatch(/branches/);
    expect(runs).toHaveLength(BURST);
    for (const run of runs) expectBusyAndSilent(gas, run);
    expect(activityIds(gas)).toEqual([]);
    expectReconciled(gas, ids);
  });

  it.each([1, 2, 3, 4, 5])('random interleavings, seed %i: no row lost, none twice', (seed) => {
    const { gas, choices } = programme();
    const rng = createRng(`interleave-${seed}`);
    const { ids, runs, heldBy } = burst(gas, choices, BURST, rng, 0.05 + 0.15 * rng.next());
    expect(runs).toHaveLength(BURST);
    const ok = runs.filter((r) => r.ok);
    for (const run of runs.filter((r) => !r.ok)) expectBusyAndSilent(gas, run);
    // A run failed exactly when its report arrived while another run held the lock.
    const busy = heldBy.filter((h) => h !== null).length;
    expect(busy).toBeGreaterThan(0);
    expect(runs.length - ok.length).toBe(busy);
    // Every run that got the lock wrote its own row, once.
    const written = activityIds(gas);
    expect(written).toHaveLength(ok.length);
    expect(new Set(written).size).toBe(written.length);
    expectReconciled(gas, ids);
  });
});

describe('a fault in the write of a submission', () => {
  it('the response is missing until reconciliation, then present exactly once', () => {
    const { gas, choices } = programme();
    gas.world.failAt('Sheets.Spreadsheets.Values.batchUpdate');
    const lost = submit(gas, 'activity', answers(choices, 0));
    expect(lost.run.ok).toBe(false);
    expect(String((lost.run.error as Error).message)).toMatch(/injected fault/);
    expect(activityIds(gas)).toEqual([]);
    // The lock was released in spite of the failure: the next report goes through.
    const next = submit(gas, 'activity', answers(choices, 1));
    expect(next.run.ok).toBe(true);
    expect(activityIds(gas)).toEqual([next.responseId]);
    // A failed trigger run is not retried by Google; the daily trigger is.
    gas.world.advance(10 * 3600_000);
    expect(dailyTrigger(gas).value).toBe('reconciled: 1 new responses');
    expect(activityIds(gas).sort()).toEqual([lost.responseId, next.responseId].sort());
    expectReconciled(gas, [lost.responseId, next.responseId]);
  });

  it('a fault while reading is the same: nothing written, reconciled later', () => {
    const { gas, choices } = programme();
    gas.world.failAt('Sheets.Spreadsheets.Values.batchGet');
    const lost = submit(gas, 'activity', answers(choices, 0));
    expect(lost.run.ok).toBe(false);
    expect(activityIds(gas)).toEqual([]);
    expect(gas.world.locks.get('script')?.holder ?? null).toBeNull();
    expectReconciled(gas, [lost.responseId]);
  });
});
