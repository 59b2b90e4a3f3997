/**
 * The inbox scenarios of issue #10, free of jest globals so the benchmark runs them too: a
 * programme of three approved branches, 活动 filled to any size, the cells every Sheets read
 * returned, and a burst of reports arriving at random while executions run.
 */
import { REALISTIC_COSTS, type RunResult, type WorldOptions } from '../sandbox';
import {
  activityAnswers,
  applicationAnswers,
  approvedChoices,
  compactSheets,
  contentIdOf,
  cst,
  freshGas,
  reviewBranches,
  sheetRecords,
  SHEETS,
  type Gas,
} from './support';

export { REALISTIC_COSTS };

export function programme(options: WorldOptions = {}): { gas: Gas; choices: string[] } {
  const gas = freshGas({ now: cst('2026-09-02 09:00'), ...options });
  compactSheets(gas.world);
  for (let i = 0; i < 3; i++) {
    gas.world.setNow(cst(`2026-09-0${3 + i} 10:00`));
    gas.bundle.submitForm(gas.forms.application, applicationAnswers(`第${i + 1}学生党支部`), {
      email: 'secretary@example.edu',
    });
  }
  reviewBranches(gas.world, ['B001', 'B002', 'B003']);
  gas.bundle.call('refreshFormChoices');
  gas.world.setNow(cst('2026-10-20 19:00'));
  // The ten-minute sweep starts counting now, as if the workbook had been set up today.
  gas.world.peek(() => {
    const app = gas.world.services.ScriptApp;
    for (const t of app.getProjectTriggers()) {
      if (t.getHandlerFunction() === 'sweepInbox') app.deleteTrigger(t);
    }
  });
  gas.bundle.call('installTriggersNow');
  return { gas, choices: approvedChoices(gas.world) };
}

export function report(choices: readonly string[], i: number): Record<string, string> {
  return activityAnswers(choices[i % choices.length]!, {
    date: `2026-10-${String(1 + (i % 19)).padStart(2, '0')}`,
    title: `第${i + 1}次组织生活`,
    participants: String(20 + (i % 50)),
    nonParty: String(10 + (i % 10)),
  });
}

export function activityIds(gas: Gas): string[] {
  return sheetRecords(gas.world, SHEETS.activities).map((r) => String(r['响应编号']));
}

/** `n` earlier reports of the approved branches written into 活动, as a full year would hold. */
export function fillActivities(gas: Gas, n: number): void {
  const header = gas.world.readSheet(SHEETS.activities)![0]!;
  const rows = Array.from({ length: n }, (_, i) =>
    header.map((h) => {
      switch (h) {
        case '响应编号':
          return `old-${i}`;
        case '提交时间':
          return '2026-09-20 10:00:00';
        case '支部编号':
          return `B00${1 + (i % 3)}`;
        case '活动日期':
          return '2026-09-15';
        case '活动类型':
          return '读一本好书';
        case '活动名称':
          return `旧活动${i}`;
        case '参加人数':
          return 30;
        case '审核状态':
          return '已提交';
        case '得分':
          return 10;
        default:
          return '';
      }
    }),
  );
  gas.world.seedSheet(SHEETS.activities, [header, ...rows]);
}

/** Cells every `values.batchGet` of the bundle returned, counted while `fn` runs. */
export function countCells<T>(gas: Gas, fn: () => T): { value: T; cells: number } {
  const values = gas.world.services.Sheets.Spreadsheets.Values;
  const original = values.batchGet.bind(values);
  let cells = 0;
  values.batchGet = (id: string, options?: object) => {
    const response = original(id, options);
    for (const range of response.valueRanges ?? []) {
      for (const row of range.values ?? []) cells += row.length;
    }
    return response;
  };
  try {
    return { value: fn(), cells };
  } finally {
    values.batchGet = original;
  }
}

export interface Arrival {
  readonly at: number;
  id?: string;
  landed?: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * `count` reports arriving at random over `windowMs`. An arrival due while an execution runs
 * arrives before that execution's next service call (its submit run starts then, nested, as a
 * concurrent execution would, and finds the lock busy); the clock triggers (the sweep) fire
 * between arrivals. Returns each arrival with the time its row was first seen in 活动.
 */
export function burst(gas: Gas, choices: readonly string[], count: number, windowMs: number) {
  const { world, bundle } = gas;
  const start = world.nowMs;
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const arrivals: Arrival[] = Array.from({ length: count }, () => ({
    at: start + Math.floor(random() * windowMs),
  })).sort((a, b) => a.at - b.at);
  const runs: RunResult[] = [];
  let next = 0;
  const seen = new Set<string>();
  const stamp = () => {
    for (const id of activityIds(gas)) {
      if (seen.has(id)) continue;
      seen.add(id);
      const a = arrivals.find((x) => x.id === id && x.landed === undefined);
      if (a) a.landed = world.nowMs;
    }
  };
  const arrive = () => {
    const a = arrivals[next]!;
    const i = next++;
    const answers = report(choices, i);
    const { event, runs: fired } = bundle.submitForm(gas.forms.activity, answers, {
      email: `member${i}@stu.example.edu`,
      at: new Date(Math.max(a.at, world.nowMs)),
    });
    a.id = contentIdOf(gas, 'activity', answers, event);
    runs.push(...fired);
  };
  const hook = world.beforeCall(
    () => next < count && world.currentExecution !== null && arrivals[next]!.at <= world.nowMs,
    arrive,
    count,
  );
  const sweep = world.triggers().find((t) => t.handler === 'sweepInbox')!;
  let nextSweep = start + 10 * 60_000;
  const sweepsUntil = (ms: number) => {
    // The ten-minute sweep, fired on its schedule (the clock's other triggers are not due).
    while (nextSweep <= ms) {
      if (world.nowMs < nextSweep) world.setNow(new Date(nextSweep));
      runs.push(bundle.fire(sweep));
      nextSweep += 10 * 60_000;
    }
  };
  while (next < count) {
    const a = arrivals[next]!;
    sweepsUntil(a.at);
    if (world.nowMs < a.at) world.setNow(new Date(a.at));
    stamp();
    if (next < count && arrivals[next] === a) arrive();
    stamp();
  }
  hook.cancel();
  // Then the quiet: the sweep every ten minutes.
  for (let minute = 0; minute < 30 && arrivals.some((a) => a.landed === undefined); minute++) {
    sweepsUntil(world.nowMs + 60_000);
    world.setNow(new Date(world.nowMs + 60_000));
    stamp();
  }
  return { arrivals, runs };
}

/** Approved branches up to `n` in 支部 (B004 …), as a college of that size would have. */
export function fillBranches(gas: Gas, n: number): void {
  const [header, ...rows] = gas.world.readSheet(SHEETS.branches)!;
  const template = rows[0]!;
  const idAt = header!.indexOf('支部编号');
  const nameAt = header!.indexOf('支部名称');
  const responseAt = header!.indexOf('响应编号');
  const more = Array.from({ length: Math.max(0, n - rows.length) }, (_, i) => {
    const row = [...template];
    const number = rows.length + i + 1;
    row[idAt] = `B${String(number).padStart(3, '0')}`;
    row[nameAt] = `第${number}学生党支部`;
    if (responseAt >= 0) row[responseAt] = `seeded-${number}`;
    return row;
  });
  gas.world.seedSheet(SHEETS.branches, [header!, ...rows, ...more]);
}

export interface ResponseCost {
  readonly calls: Record<string, number>;
  readonly cells: number;
  /** The run's duration in the sandbox: the sum of its calls' modelled times. */
  readonly simulatedMs: number;
  /** Node's wall time for the run (the fold's compute, plus the sandbox's own work). */
  readonly wallMs: number;
}

/** One activity report beside `branches` branches and `activities` reports already filed. */
export function responseCost(branches: number, activities: number): ResponseCost {
  const { gas, choices } = programme({ costs: REALISTIC_COSTS });
  fillBranches(gas, branches);
  fillActivities(gas, activities);
  const before = gas.world.calls.snapshot();
  const started = performance.now();
  const { value: runs, cells } = countCells(
    gas,
    () =>
      gas.bundle.submitForm(gas.forms.activity, report(choices, 1), { email: 'm@stu.example.edu' })
        .runs,
  );
  const wallMs = performance.now() - started;
  const run = runs[0]!;
  if (!run.ok || activityIds(gas).length !== activities + 1) {
    throw new Error(`responseCost: the report did not land (${String(run.error ?? run.value)})`);
  }
  return {
    calls: gas.world.calls.since(before),
    cells,
    simulatedMs: run.execution.endMs! - run.execution.startMs,
    wallMs,
  };
}
