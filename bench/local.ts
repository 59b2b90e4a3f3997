/**
 * The local half of `npm run bench`: a programme year at one scale, run job by job over an
 * in-memory table store, then the same year's workbook saved to and loaded from an .xlsx file.
 *
 * What is measured, and how:
 * - compute time of a job: `performance.now()` around the use case (readConfig, reads, domain,
 *   writes, the Log row) over `BenchStore`, an in-memory TableStore whose reads and writes copy
 *   rows. Every run starts from its own copy of the same pre-job state (copying is not timed), the
 *   garbage collector is run before each run when node was started with --expose-gc, and a job is
 *   repeated up to R times while its runs fit the scale's time budget. The state after the first
 *   run is the one the year carries on with.
 * - rows in / out: the job's own report (`JobReport.rowsIn` / `rowsOut`), as its Log row says.
 * - store calls: TableStore reads and writes of the job's first run.
 * - monthly jobs (activity batches, showcase, votes, finalisation) run once per month; the table
 *   shows the slowest month, results.json every month.
 * - the workbook: `XlsxStore.create` with every table, `write` of every table's final rows,
 *   `save` to a temporary file (exceljs serialises and zips; temp file + rename), its size, then
 *   `XlsxStore.open` (unzip and parse) and `read` of every table.
 * - memory: `process.memoryUsage().heapUsed` sampled after every run and every workbook step (a
 *   high-water mark of the samples: the jobs are synchronous, so nothing can sample inside one),
 *   and the process's peak resident set from the kernel (`process.resourceUsage().maxRSS`), which
 *   is a true high-water mark. Each scale runs in its own process, so the figures are that scale's.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { selectAwards } from '../src/app/awards';
import type { Ports } from '../src/app/context';
import { aggregateDefense } from '../src/app/defense';
import { ingestResponses } from '../src/app/ingest';
import type { JobReport } from '../src/app/job';
import { issueLetters } from '../src/app/letters';
import { finaliseMonth, prepareShowcase } from '../src/app/monthly';
import { buildReport } from '../src/app/report';
import { Table } from '../src/app/table';
import { addMonths } from '../src/domain/calendar';
import { DEFAULT_CONFIG, defaultConfigRows } from '../src/domain/config';
import type { FormResponse } from '../src/domain/forms';
import { headerRow } from '../src/domain/schema/table';
import {
  ActivitiesTable,
  AwardsTable,
  BranchesTable,
  ConfigTable,
  DefenseResultsTable,
  JudgesTable,
  MonthlyResultsTable,
  NominationsTable,
  RejectedTable,
} from '../src/domain/schema/tables';
import { workbookTables } from '../src/domain/schema/workbook';
import { runDemo } from '../src/local/demo/runDemo';
import { renderReportHtml } from '../src/local/reportHtml';
import { XlsxStore } from '../src/local/xlsxStore';
import { generateYear, type BenchYear } from './generate';
import { BenchClock, BenchMarkers, BenchStore, RecordingDocuments } from './support';

export interface RunStats {
  readonly runs: number;
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly allMs: readonly number[];
}

export interface JobMeasurement {
  /** The job as run: `finalise 2027-06`. */
  readonly job: string;
  /** The row of the printed table it belongs to: `finalise`. */
  readonly kind: string;
  readonly month?: string;
  readonly rowsIn: number;
  readonly rowsOut: number;
  readonly storeReads: number;
  readonly storeWrites: number;
  /** Part of the programme year (false for the extra measurements: marginal ingest, rebuild). */
  readonly inYear: boolean;
  readonly stats: RunStats;
}

export interface WorkbookMeasurement {
  readonly tables: number;
  readonly rows: number;
  readonly cells: number;
  /** `XlsxStore.create` of every table (headers, Config defaults, formats, dropdowns). */
  readonly createMs: number;
  /** `write` of every table's final rows. */
  readonly writeMs: number;
  /** `save` to a file: exceljs serialise + zip, write a temp file, rename. */
  readonly saveMs: number;
  readonly bytes: number;
  /** `XlsxStore.open`: read, unzip and parse the file. */
  readonly openMs: number;
  /** `read` of every table from the opened workbook (cells to plain values). */
  readonly readMs: number;
}

export interface MemoryMeasurement {
  /** Peak resident set of the whole scale's process (kernel high-water mark). */
  readonly maxRssBytes: number;
  /** The same, taken after the year's jobs and before the workbook was built. */
  readonly maxRssJobsBytes: number;
  /** Highest `heapUsed` sampled after a job's run. */
  readonly heapUsedJobsBytes: number;
  /** Highest `heapUsed` sampled after a workbook step. */
  readonly heapUsedWorkbookBytes: number;
}

export interface ScaleResult {
  readonly scale: number;
  readonly repeats: number;
  readonly budgetMs: number;
  readonly generateMs: number;
  readonly counts: Readonly<Record<string, number>>;
  readonly jobs: readonly JobMeasurement[];
  /** Σ of every year job's first run: the programme year's compute, end to end. */
  readonly yearComputeMs: number;
  readonly workbook: WorkbookMeasurement;
  readonly memory: MemoryMeasurement;
  /** The whole scale, generation to workbook, and the part of it spent copying states and in GC. */
  readonly totalMs: number;
  readonly overheadMs: number;
}

export interface DemoMeasurement {
  /** `runDemo` to a temporary folder, in this process. */
  readonly runDemoMs: number;
  readonly workbookBytes: number;
  readonly letters: number;
}

export interface ScaleOptions {
  readonly scale: number;
  /** Runs per job at most. */
  readonly repeats: number;
  /** A job is repeated only while its runs so far and one more fit in this many ms. */
  readonly budgetMs: number;
  /** Also time ingesting the whole year's activity reports in one job (always at 10× and below). */
  readonly rebuild: boolean;
  readonly log: (line: string) => void;
}

// ———————————————————————————————————————————————————————————————————— measuring

const config = DEFAULT_CONFIG;
const locale = config.locale;

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

export function stats(allMs: readonly number[]): RunStats {
  const sorted = [...allMs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const medianMs = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return {
    runs: sorted.length,
    medianMs,
    minMs: sorted[0]!,
    maxMs: sorted[sorted.length - 1]!,
    allMs: allMs.map((ms) => Math.round(ms * 1000) / 1000),
  };
}

interface State {
  readonly store: BenchStore;
  readonly markers: BenchMarkers;
}

class Runner {
  readonly jobs: JobMeasurement[] = [];
  heapUsedPeak = 0;
  /** Time spent copying states and collecting garbage between runs (not measured time). */
  overheadMs = 0;

  constructor(
    private readonly options: ScaleOptions,
    readonly clock: BenchClock,
  ) {}

  sampleHeap(): void {
    this.heapUsedPeak = Math.max(this.heapUsedPeak, process.memoryUsage().heapUsed);
  }

  /** Runs one job from copies of `state`; returns the state after the first run and its report. */
  job<R extends JobReport>(
    kind: string,
    job: string,
    state: State,
    work: (ports: Ports) => R,
    extra: { month?: string; inYear?: boolean } = {},
  ): { state: State; report: R } {
    const { repeats, budgetMs } = this.options;
    const runs: number[] = [];
    let first: { state: State; report: R; reads: number; writes: number } | undefined;
    let spent = 0;
    while (
      runs.length === 0 ||
      (runs.length < repeats && spent + spent / runs.length <= budgetMs)
    ) {
      const before = performance.now();
      const store = state.store.clone();
      const markers = state.markers.clone();
      const ports: Ports = {
        store,
        clock: this.clock,
        documents: new RecordingDocuments(),
        markers,
      };
      gc();
      const started = performance.now();
      this.overheadMs += started - before;
      const report = work(ports);
      const ms = performance.now() - started;
      this.sampleHeap();
      runs.push(ms);
      spent += ms;
      first ??= { state: { store, markers }, report, reads: store.reads, writes: store.writes };
      if (report.rowsIn !== first.report.rowsIn || report.rowsOut !== first.report.rowsOut) {
        throw new Error(`bench: ${job} gave different results from the same state`);
      }
    }
    const measured: JobMeasurement = {
      job,
      kind,
      ...(extra.month ? { month: extra.month } : {}),
      rowsIn: first!.report.rowsIn,
      rowsOut: first!.report.rowsOut,
      storeReads: first!.reads,
      storeWrites: first!.writes,
      inYear: extra.inYear ?? true,
      stats: stats(runs),
    };
    this.jobs.push(measured);
    const s = measured.stats;
    this.options.log(
      `[${this.options.scale}×] ${job.padEnd(40)} ${fmtMs(s.medianMs).padStart(9)} ms ×${s.runs}` +
        `  rows ${measured.rowsIn}→${measured.rowsOut}`,
    );
    return { state: first!.state, report: first!.report };
  }

  /** Times a step that is not a use case (rendering the report page), repeated like a job. */
  step(kind: string, work: () => unknown): void {
    const runs: number[] = [];
    let spent = 0;
    const { repeats, budgetMs } = this.options;
    while (
      runs.length === 0 ||
      (runs.length < repeats && spent + spent / runs.length <= budgetMs)
    ) {
      const before = performance.now();
      gc();
      const started = performance.now();
      this.overheadMs += started - before;
      work();
      const ms = performance.now() - started;
      this.sampleHeap();
      runs.push(ms);
      spent += ms;
    }
    const measured: JobMeasurement = {
      job: kind,
      kind,
      rowsIn: 0,
      rowsOut: 0,
      storeReads: 0,
      storeWrites: 0,
      inYear: false,
      stats: stats(runs),
    };
    this.jobs.push(measured);
    this.options.log(
      `[${this.options.scale}×] ${kind.padEnd(40)} ${fmtMs(measured.stats.medianMs).padStart(9)} ms ×${runs.length}`,
    );
  }
}

export function fmtMs(ms: number): string {
  return ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2);
}

// ———————————————————————————————————————————————————————————————————— staff, as they edit sheets

/** The workbook as `starbranch init` leaves it: every sheet with its header, Config filled in. */
function emptyWorkbook(): State {
  const store = new BenchStore();
  for (const def of workbookTables(config.defenseRubric)) {
    store.write(def, [headerRow(def, locale)]);
  }
  const settings = Table.read(store, ConfigTable, locale);
  for (const row of defaultConfigRows(locale)) {
    settings.upsert(row.key === 'collegeName' ? { ...row, value: '示范大学学生工作部党委' } : row);
  }
  settings.save(store, locale, true);
  return { store, markers: new BenchMarkers() };
}

/** Staff review the applications in the Branches sheet and enter the judges roster. */
function reviewApplications(state: State, year: BenchYear): void {
  const branches = Table.read(state.store, BranchesTable, locale);
  const decided = new Map(year.decisions.map((d) => [d.branch, d]));
  for (const branch of branches.records()) {
    const expected = year.branches.find((b) => b.id === branch.id);
    if (!expected || expected.name !== branch.name) {
      throw new Error(
        `bench: ingest numbered ${branch.name} as ${branch.id}, the generator expected ${expected?.name ?? 'no branch'} there`,
      );
    }
    const decision = decided.get(branch.id)!;
    branches.upsert({ ...branch, status: decision.status, reviewNote: decision.note || null });
  }
  branches.save(state.store, locale);
  const judges = Table.read(state.store, JudgesTable, locale);
  for (const j of year.judges) judges.upsert({ ...j });
  judges.save(state.store, locale);
}

function decideNominations(state: State, year: BenchYear): void {
  const nominations = Table.read(state.store, NominationsTable, locale);
  const decided = new Map(year.nominationDecisions.map((d) => [d.responseId, d]));
  for (const n of nominations.records()) {
    const d = decided.get(n.responseId);
    if (d) nominations.upsert({ ...n, status: d.status, note: d.note });
  }
  nominations.save(state.store, locale);
}

const rowsOf = (state: State, name: string) => Math.max(0, state.store.peek(name).length - 1);

// ———————————————————————————————————————————————————————————————————— the year

export async function measureScale(options: ScaleOptions): Promise<ScaleResult> {
  const { scale, log } = options;
  const started = performance.now();
  const year = generateYear(scale);
  const generateMs = performance.now() - started;
  log(
    `[${scale}×] generated ${year.branches.length} branches, ${year.activities.length} activity reports, ` +
      `${year.defense.length} defense sheets, ${year.nominations.length} nominations in ${fmtMs(generateMs)} ms`,
  );

  const clock = new BenchClock('2026-09-12 09:00:00');
  const runner = new Runner(options, clock);
  const ingest = (responses: readonly FormResponse[]) => (ports: Ports) =>
    ingestResponses(ports, responses);

  // Stage 1: applications, reviewed by staff; the judges roster.
  let state = runner.job(
    'ingest application',
    'ingest application',
    emptyWorkbook(),
    ingest(year.applications),
  ).state;
  reviewApplications(state, year);
  const beforeActivities = state;

  // Stage 2: every month, the activity reports as they arrive, the showcase on the 25th, the
  // on-site vote at the summary meeting, the results on the 1st of the next month.
  let fed = 0;
  const feed = (until: string) => {
    const from = fed;
    while (fed < year.activities.length && year.activities[fed]!.submittedAt <= until) fed++;
    return year.activities.slice(from, fed);
  };
  for (const month of year.months) {
    const showcaseAt = `${month}-${String(config.showcaseDay).padStart(2, '0')} 18:00:00`;
    clock.set(showcaseAt);
    state = runner.job(
      'ingest activity (batch)',
      `ingest activity ${month} (to the 25th)`,
      state,
      ingest(feed(showcaseAt)),
      { month },
    ).state;
    const showcase = runner.job(
      'showcase',
      `showcase ${month}`,
      state,
      (p) => prepareShowcase(p, month),
      { month },
    );
    state = showcase.state;
    clock.set(`${month}-28 23:59:00`);
    const votes = year.votes(
      month,
      showcase.report.picks.map((p) => ({ branch: p.branch, name: p.name })),
    );
    state = runner.job('ingest vote', `ingest vote ${month}`, state, ingest(votes), {
      month,
    }).state;
    if (month === year.months[year.months.length - 1]) {
      state = runner.job(
        'ingest nomination',
        'ingest nomination',
        state,
        ingest(year.nominations),
      ).state;
      decideNominations(state, year);
      clock.set(`${month}-29 20:00:00`);
      state = runner.job('ingest defense', 'ingest defense', state, ingest(year.defense)).state;
    }
    const next = `${addMonths(month, 1)}-01 02:00:00`;
    clock.set(next);
    state = runner.job(
      'ingest activity (batch)',
      `ingest activity ${month} (to month end)`,
      state,
      ingest(feed(next)),
      { month },
    ).state;
    state = runner.job('finalise', `finalise ${month}`, state, (p) => finaliseMonth(p, month), {
      month,
    }).state;
  }
  if (fed !== year.activities.length) {
    throw new Error(`bench: ${year.activities.length - fed} activity reports were never fed`);
  }

  // Stages 3 and 4.
  state = runner.job('aggregate defense', 'aggregate defense', state, aggregateDefense).state;
  clock.set(`${config.commendationDate} 09:00:00`);
  state = runner.job('select awards', 'select awards', state, selectAwards).state;
  state = runner.job('issue letters', 'issue letters', state, (p) => issueLetters(p)).state;
  const report = runner.job('build report', 'build report', state, buildReport);
  state = report.state;
  const yearComputeMs = runner.jobs
    .filter((j) => j.inYear)
    .reduce((sum, j) => sum + j.stats.allMs[0]!, 0);

  // Beyond the year: the page, one more response, and rebuilding Activities in one go.
  runner.step('render report.html', () => renderReportHtml(report.report.model, 'zh-CN'));
  clock.set('2027-07-01 10:00:00');
  runner.job(
    'ingest one activity (marginal)',
    'ingest one activity (marginal)',
    state,
    ingest([year.lateActivity]),
    { inYear: false },
  );
  if (options.rebuild || scale <= 10) {
    clock.set('2027-07-01 02:00:00');
    runner.job(
      'ingest activity, whole year at once',
      'ingest activity, whole year at once',
      beforeActivities,
      ingest(year.activities),
      { inYear: false },
    );
  }

  const counts = {
    branches: rowsOf(state, BranchesTable.name),
    approvedBranches: year.branches.filter((b) => b.status === 'approved').length,
    activityResponses: year.activities.length,
    activities: rowsOf(state, ActivitiesTable.name),
    rejected: rowsOf(state, RejectedTable.name),
    monthlyResults: rowsOf(state, MonthlyResultsTable.name),
    defenseSheets: year.defense.length,
    defenseResults: rowsOf(state, DefenseResultsTable.name),
    nominations: year.nominations.length,
    awards: rowsOf(state, AwardsTable.name),
    storeRows: state.store.size().rows,
    storeCells: state.store.size().cells,
  };
  const maxRssJobsBytes = process.resourceUsage().maxRSS * 1024;
  const heapUsedJobsBytes = runner.heapUsedPeak;

  // The final workbook as an .xlsx file.
  log(`[${scale}×] workbook: ${counts.storeRows} rows, ${counts.storeCells} cells …`);
  runner.heapUsedPeak = 0;
  const workbook = await measureWorkbook(state.store, () => runner.sampleHeap());
  log(
    `[${scale}×] workbook: create ${fmtMs(workbook.createMs)} ms, write ${fmtMs(workbook.writeMs)} ms, ` +
      `save ${fmtMs(workbook.saveMs)} ms (${(workbook.bytes / 1e6).toFixed(2)} MB), ` +
      `open ${fmtMs(workbook.openMs)} ms, read ${fmtMs(workbook.readMs)} ms`,
  );
  log(
    `[${scale}×] done in ${fmtMs(performance.now() - started)} ms ` +
      `(copying states and GC between runs: ${fmtMs(runner.overheadMs)} ms)`,
  );
  return {
    scale,
    repeats: options.repeats,
    budgetMs: options.budgetMs,
    generateMs,
    counts,
    jobs: runner.jobs,
    yearComputeMs,
    workbook,
    memory: {
      maxRssBytes: process.resourceUsage().maxRSS * 1024,
      maxRssJobsBytes,
      heapUsedJobsBytes,
      heapUsedWorkbookBytes: runner.heapUsedPeak,
    },
    totalMs: performance.now() - started,
    overheadMs: runner.overheadMs,
  };
}

async function measureWorkbook(
  store: BenchStore,
  sampleHeap: () => void,
): Promise<WorkbookMeasurement> {
  const tables = workbookTables(config.defenseRubric);
  const folder = mkdtempSync(join(tmpdir(), 'starbranch-bench-'));
  const path = join(folder, 'bench.xlsx');
  try {
    gc();
    let started = performance.now();
    const xlsx = XlsxStore.create(tables, locale);
    const createMs = performance.now() - started;
    sampleHeap();
    started = performance.now();
    for (const def of tables) {
      const layout = def.freeForm ? store.peekLayout(def.name) : undefined;
      const rows = store.peek(def.name);
      if (layout) xlsx.writeSheet(def, layout);
      else if (rows.length > 0 && !def.freeForm) xlsx.write(def, rows);
    }
    const writeMs = performance.now() - started;
    sampleHeap();
    started = performance.now();
    await xlsx.save(path);
    const saveMs = performance.now() - started;
    sampleHeap();
    const bytes = statSync(path).size;
    gc();
    started = performance.now();
    const opened = await XlsxStore.open(path);
    const openMs = performance.now() - started;
    sampleHeap();
    started = performance.now();
    let rows = 0;
    let cells = 0;
    for (const def of tables) {
      if (def.freeForm) continue; // laid out for people, never read back as a table
      const read = opened.read(def);
      const expected = Math.max(1, store.peek(def.name).length);
      if (read.length !== expected) {
        throw new Error(`bench: ${def.name} read back ${read.length} rows, wrote ${expected}`);
      }
      rows += read.length - 1;
      for (const row of read) cells += row.length;
    }
    const readMs = performance.now() - started;
    sampleHeap();
    return { tables: tables.length, rows, cells, createMs, writeMs, saveMs, bytes, openMs, readMs };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** `npm start`'s work: the demo year end to end, written to a temporary folder. */
export async function measureDemo(): Promise<DemoMeasurement> {
  const folder = mkdtempSync(join(tmpdir(), 'starbranch-bench-demo-'));
  try {
    const started = performance.now();
    const result = await runDemo(folder);
    const runDemoMs = performance.now() - started;
    return {
      runDemoMs,
      workbookBytes: statSync(result.workbook).size,
      letters: result.letters.made,
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
