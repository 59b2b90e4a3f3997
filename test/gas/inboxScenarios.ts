/**
 * The inbox scenarios of issue #10, free of jest globals so the benchmark runs them too: a
 * programme of three approved branches, 活动 filled to any size, the cells every Sheets read
 * returned, and a burst of reports arriving at random while executions run.
 */
import { DEFAULT_CONFIG } from '../../src/domain/config';
import { t } from '../../src/domain/messages';
import { REALISTIC_COSTS, type RunResult, type WorldOptions } from '../sandbox';
import { nextClockRun } from '../sandbox/services';
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
  const watch = activityWatch(gas);
  const stamp = () => {
    for (const id of watch()) {
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

/** What one day of arrivals came to (see `heavyDays`). */
export interface DayFigures {
  readonly day: string;
  readonly responses: number;
  readonly landed: number;
  /** Rows of 活动 filed twice (the same response id on two rows), counted at the day's end. */
  readonly duplicated: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly runs: number;
  /** Submit runs that found the lock busy and returned (the fold or sweep then took their rows). */
  readonly busy: number;
  readonly failed: number;
  /** The daily trigger's time by the cost model (Apps Script stops a run at 6 minutes). */
  readonly dailyRunMs: number;
  /** Every run's modelled time that day added up: the day's trigger time (quota 90 min). */
  readonly triggerMs: number;
  /** The monthly jobs due that day (`showcase 2026-10`, `finalise 2026-10`) and done that day. */
  readonly jobsDue: readonly string[];
  readonly jobsDoneOnTheDay: readonly string[];
}

/** `count` arrival times on `day` (CST): 40 % through the day, 60 % in the evening rush to midnight. */
export function dayOfArrivals(day: string, count: number, seed: number): number[] {
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const start = cst(`${day} 08:00`).getTime();
  const evening = cst(`${day} 19:00`).getTime();
  const midnight = cst(`${day} 23:59:59`).getTime();
  return Array.from({ length: count }, (_, i) =>
    i % 5 < 2
      ? start + Math.floor(random() * (evening - start))
      : evening + Math.floor(random() * (midnight - evening)),
  ).sort((a, b) => a - b);
}

/**
 * Reports arriving at the given times while the clock triggers run as Google runs them (the
 * ten-minute sweep, the daily run at 06:00): a report due while an execution runs arrives before
 * that execution's next call, as a concurrent submission would. The rows of 活动 are watched after
 * every execution, so a report's latency is the time from its submission to the end of the run
 * that wrote it. Returns each arrival and every run, the clock's included.
 */
export function arrivalsWithTriggers(
  gas: Gas,
  choices: readonly string[],
  times: readonly number[],
  options: { until: number; firstIndex?: number },
): {
  arrivals: Arrival[];
  runs: RunResult[];
  /** Node's wall time per run, and the cells the clock's runs read (for the cost model). */
  measured: Map<RunResult, { wallMs: number; cells: number }>;
} {
  const { world, bundle } = gas;
  const arrivals: Arrival[] = times.map((at) => ({ at }));
  const runs: RunResult[] = [];
  const measured = new Map<RunResult, { wallMs: number; cells: number }>();
  const first = options.firstIndex ?? 0;
  let next = 0;
  const watch = activityWatch(gas);
  const stamp = () => {
    for (const id of watch()) {
      const a = arrivals.find((x) => x.id === id && x.landed === undefined);
      if (a) a.landed = world.nowMs;
    }
  };
  const arrive = () => {
    const a = arrivals[next]!;
    const i = first + next++;
    const answers = report(choices, i);
    const started = performance.now();
    const { event, runs: fired } = bundle.submitForm(gas.forms.activity, answers, {
      email: `member${i}@stu.example.edu`,
      at: new Date(Math.max(a.at, world.nowMs)),
    });
    const wallMs = performance.now() - started;
    for (const run of fired) measured.set(run, { wallMs: wallMs / fired.length, cells: 0 });
    a.id = contentIdOf(gas, 'activity', answers, event);
    runs.push(...fired);
  };
  const hook = world.beforeCall(
    () =>
      next < arrivals.length &&
      world.currentExecution !== null &&
      arrivals[next]!.at <= world.nowMs,
    arrive,
    arrivals.length,
  );
  const nextTrigger = () =>
    Math.min(...world.triggers().map((t) => (t.clock ? (t.nextRunMs ?? Infinity) : Infinity)));
  // Each clock trigger run and each arrival in time order, watching 活动 after each.
  for (;;) {
    const due = nextTrigger();
    const arrival = next < arrivals.length ? arrivals[next]!.at : Infinity;
    const at = Math.min(due, arrival, options.until);
    if (at === options.until && due > options.until && arrival > options.until) break;
    if (due <= arrival) {
      const started = performance.now();
      const { value: fired, cells } = countCells(gas, () => bundle.runClock(new Date(due)));
      const wallMs = performance.now() - started;
      for (const run of fired) measured.set(run, { wallMs: wallMs / fired.length, cells });
      runs.push(...fired);
    } else {
      if (world.nowMs < arrival) world.setNow(new Date(arrival));
      arrive();
    }
    stamp();
  }
  hook.cancel();
  if (world.nowMs < options.until) world.setNow(new Date(options.until));
  return { arrivals, runs, measured };
}

/** A function returning the response ids of the rows added to 活动 since it last ran. */
function activityWatch(gas: Gas): () => string[] {
  let seen = 0;
  let idColumn = -1;
  return () =>
    gas.world.peek(() => {
      const sheet = gas.world.spreadsheet.getSheetByName(SHEETS.activities)!;
      const last = sheet.getLastRow();
      if (idColumn < 0) {
        const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!;
        idColumn = header.indexOf('响应编号') + 1;
        seen = 1;
      }
      if (last < seen) seen = 1; // rewritten shorter: look at every row again
      if (last <= seen) return [];
      const ids = sheet.getRange(seen + 1, idColumn, last - seen, 1).getValues();
      seen = last;
      return ids.map((row) => String(row[0]));
    });
}

/**
 * Days of heavy reporting (issue #10): `perDay` activity reports on each of `days`, with every
 * trigger running as scheduled and realistic call times; the tables may be filled first to a
 * scale (`branches`, `activities`). The days between are skipped (their triggers not run).
 */
export function heavyDays(options: {
  days: readonly string[];
  perDay: number;
  branches?: number;
  activities?: number;
}): { figures: DayFigures[]; gas: Gas; expectedIds: string[] } {
  const { gas, choices } = programme({ costs: REALISTIC_COSTS });
  if (options.branches) fillBranches(gas, options.branches);
  if (options.activities) fillActivities(gas, options.activities);
  const { world } = gas;
  const figures: DayFigures[] = [];
  const expectedIds: string[] = [];
  let index = 0;
  for (const [d, day] of options.days.entries()) {
    // The day starts at midnight with every clock trigger due at its next time from then.
    world.setNow(cst(`${day} 00:00`));
    world.peek(() => {
      for (const t of world._triggers) {
        if (t.clock && t.nextRunMs !== null) t.nextRunMs = nextClockRun(t.clock, world.nowMs);
      }
    });
    const times = dayOfArrivals(day, options.perDay, 7 + d);
    const until = cst(`${day} 23:59:59`).getTime() + 15 * 60_000;
    const { arrivals, runs, measured } = arrivalsWithTriggers(gas, choices, times, {
      until,
      firstIndex: index,
    });
    index += times.length;
    expectedIds.push(...arrivals.map((a) => a.id!));
    const latency = arrivals
      .map((a) => (a.landed ?? Number.POSITIVE_INFINITY) - a.at)
      .sort((a, b) => a - b);
    const dailyRuns = runs.filter((r) => r.execution.label.includes('dailyTrigger'));
    const due = dueJobs(day, world);
    figures.push({
      day,
      responses: arrivals.length,
      landed: arrivals.filter((a) => a.landed !== undefined).length,
      duplicated: (() => {
        const ids = activityIds(gas);
        return ids.length - new Set(ids).size;
      })(),
      p50Ms: percentile(latency, 50),
      p99Ms: percentile(latency, 99),
      maxMs: latency.at(-1)!,
      runs: runs.length,
      busy: runs.filter((r) => r.ok && r.value === t('zh-CN', 'gas.ingest.busy')).length,
      failed: runs.filter((r) => !r.ok).length,
      dailyRunMs: Math.max(0, ...dailyRuns.map((r) => modelledMs(r, measured.get(r)))),
      triggerMs: runs.reduce((sum, r) => sum + modelledMs(r, measured.get(r)), 0),
      jobsDue: due.map((j) => j.name),
      jobsDoneOnTheDay: due.filter((j) => j.doneOn === day).map((j) => j.name),
    });
  }
  return { figures, gas, expectedIds };
}

function runMs(run: RunResult): number {
  return run.execution.endMs! - run.execution.startMs;
}

/**
 * A run's time by the cost model of docs/performance.md: its calls' modelled times, plus compute
 * at twice Node's, plus 1 ms per 1,000 cells read.
 */
function modelledMs(run: RunResult, measured?: { wallMs: number; cells: number }): number {
  return runMs(run) + (measured ? 2 * measured.wallMs + measured.cells / 1000 : 0);
}

/** The monthly jobs due on `day` (showcase on Config's day, the last month's results on the 1st). */
function dueJobs(day: string, world: Gas['world']): { name: string; doneOn: string | null }[] {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const jobs: string[] = [];
  if (date === DEFAULT_CONFIG.showcaseDay) jobs.push(`showcase:${day.slice(0, 7)}`);
  if (date === 1) {
    const last = new Date(Date.UTC(year, month - 2, 1)).toISOString().slice(0, 7);
    jobs.push(`finalise:${last}`);
  }
  const properties = world.properties();
  return jobs.map((name) => {
    const at = properties[`done:${name}`];
    return { name: name.replace(':', ' '), doneOn: at ? localDay(at) : null };
  });
}

/** The day of a marker's timestamp (written by the clock port in the programme's time zone). */
function localDay(stamp: string): string {
  return stamp.slice(0, 10);
}
