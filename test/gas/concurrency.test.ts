/**
 * Bursts of form submissions (DESIGN §8, issue #10): Google appends every response to its form's
 * response sheet; the submit run folds that inbox under the script lock. A run that arrives while
 * another execution holds the lock returns at once, having made only the lock's calls: the fold
 * holding the lock, the next one or the daily run takes its row. No row lost, none written twice.
 */
import { t } from '../../src/domain/messages';
import { createRng, type Rng } from '../../src/domain/prng';
import type { RunResult } from '../sandbox';
import {
  activityAnswers,
  applicationAnswers,
  approvedChoices,
  compactSheets,
  cst,
  freshGas,
  contentIdOf,
  reviewBranches,
  sheetRecords,
  SHEETS,
  submit,
  type Gas,
} from './support';

const BURST = 50;
const BUSY = t('zh-CN', 'gas.ingest.busy');
const RECONCILED = (n: number | string) => t('zh-CN', 'gas.ingest.reconciled', { count: n });

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
    const sent = answers(choices, i);
    const { event, runs: fired } = bundle.submitForm(gas.forms.activity, sent, {
      email: `member${i}@stu.example.edu`,
    });
    ids.push(contentIdOf(gas, 'activity', sent, event));
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

const isBusy = (run: RunResult) => run.ok && run.value === BUSY;

/** A busy run: it says so, and the only calls it made were for the lock. */
function expectBusyAndSilent(gas: Gas, run: RunResult): void {
  expect(run.ok).toBe(true);
  expect(run.execution.status).toBe('completed');
  expect(run.value).toBe(BUSY);
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
  expect(String(run.value).split('\n')[0]).toMatch(new RegExp(`^${RECONCILED('\\d+')}$`));
  const rows = activityIds(gas);
  expect(rows).toHaveLength(ids.length);
  expect([...rows].sort()).toEqual([...ids].sort());
  expect(sheetRecords(gas.world, SHEETS.rejected)).toEqual([]);
  gas.world.advance(3600_000);
  expect(dailyTrigger(gas).value).toBe(RECONCILED(0));
  expect(gas.bundle.call('rebuildFromResponses')).toBe(t('zh-CN', 'menu.rebuilt', { count: 0 }));
  expect(activityIds(gas)).toHaveLength(ids.length);
}

describe('a burst of 50 activity reports', () => {
  it('each arriving while another run holds the lock: busy runs return, the folds take their rows', () => {
    const { gas, choices } = programme();
    // p = 1: a report arrives before every call of the run holding the lock.
    const { ids, runs, heldBy } = burst(gas, choices, BURST, createRng('always'), 1);
    expect(runs).toHaveLength(BURST);
    expect(runs.every((r) => r.ok)).toBe(true);
    const folds = runs.filter((r) => !isBusy(r));
    // Only the reports that found the lock free folded: a fold makes nine calls, so about one
    // report in eight.
    expect(folds.length).toBeGreaterThanOrEqual(1);
    expect(folds.length).toBeLessThanOrEqual(BURST / 5);
    const foldIds = new Set(folds.map((r) => r.execution.id));
    for (const run of runs.filter(isBusy)) expectBusyAndSilent(gas, run);
    // Every busy run arrived while a fold held the lock.
    const busyIndexes = heldBy.flatMap((h, i) => (h === null ? [] : [i]));
    expect(busyIndexes).toHaveLength(BURST - folds.length);
    for (const i of busyIndexes) expect(foldIds.has(heldBy[i]!)).toBe(true);
    // Each fold took every row the inbox held when it read it: more than its own.
    const written = activityIds(gas);
    expect(written.length).toBeGreaterThan(folds.length);
    expect(new Set(written).size).toBe(written.length);
    expectReconciled(gas, ids);
  });

  it('while a staff job holds the lock, every report returns busy and none is lost', () => {
    const { gas, choices } = programme();
    const runs: RunResult[] = [];
    const ids: string[] = [];
    // The dashboard job, between its read and its one write: fifty reports arrive.
    gas.world.interleave('Sheets.Spreadsheets.batchUpdate', () => {
      for (let i = 0; i < BURST; i++) {
        const sent = answers(choices, i);
        const { event, runs: fired } = gas.bundle.submitForm(gas.forms.activity, sent, {
          email: `member${i}@stu.example.edu`,
        });
        ids.push(contentIdOf(gas, 'activity', sent, event));
        runs.push(...fired);
      }
    });
    expect(gas.bundle.call('buildDashboard')).toMatch(
      new RegExp(
        `^${t('zh-CN', 'dashboard.summary', { todo: '\\d+', branches: '\\d+', activities: 0 })}$`,
      ),
    );
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
    expect(runs.every((r) => r.ok)).toBe(true);
    for (const run of runs.filter(isBusy)) expectBusyAndSilent(gas, run);
    // A run was busy exactly when its report arrived while another run held the lock.
    const busy = heldBy.filter((h) => h !== null).length;
    expect(busy).toBeGreaterThan(0);
    expect(runs.filter(isBusy)).toHaveLength(busy);
    // No row twice, whichever fold took it.
    const written = activityIds(gas);
    expect(new Set(written).size).toBe(written.length);
    expectReconciled(gas, ids);
  });
});

describe('a fault in the write of a submission', () => {
  it('nothing is written, and the next submission folds both rows, once', () => {
    const { gas, choices } = programme();
    gas.world.failAt('Sheets.Spreadsheets.batchUpdate');
    const lost = submit(gas, 'activity', answers(choices, 0));
    expect(lost.run.ok).toBe(false);
    expect(String((lost.run.error as Error).message)).toMatch(/injected fault/);
    expect(activityIds(gas)).toEqual([]);
    // The lock was released in spite of the failure, and the marks did not move.
    gas.world.advance(60_000);
    const next = submit(gas, 'activity', answers(choices, 1));
    expect(next.run.ok).toBe(true);
    expect(activityIds(gas)).toEqual([lost.responseId, next.responseId]);
    gas.world.advance(10 * 3600_000);
    expectReconciled(gas, [lost.responseId, next.responseId]);
  });

  it('a fault while reading is the same: nothing written, the daily run folds it', () => {
    const { gas, choices } = programme();
    gas.world.failAt('Sheets.Spreadsheets.Values.batchGet');
    const lost = submit(gas, 'activity', answers(choices, 0));
    expect(lost.run.ok).toBe(false);
    expect(activityIds(gas)).toEqual([]);
    expect(gas.world.locks.get('script')?.holder ?? null).toBeNull();
    expectReconciled(gas, [lost.responseId]);
  });
});
