/**
 * Service calls per Apps Script job, measured by running the BUILT bundle (dist/Code.js) in the
 * sandbox over a programme year at scale k (bench/generate.ts: 1× is the seed's college, 52
 * branches and ~600 activity reports; 10× ten times that).
 *
 * How the state is built: the generated year goes through the use cases (src/app) over an
 * in-memory store up to the evening of 2027-06-25 — applications, staff review, the judges, every
 * activity report filed by then, September–May's showcase, votes and results, the nominations
 * (decided) and the June defense sheets — and each table's rows are typed into the sandbox's
 * sheets (`world.seedSheet`) after a real `setup`. Then the bundle runs the rest of the year's jobs
 * as Google would: the June showcase, the June votes and one late activity report through the
 * forms (each a trigger run), the daily trigger, June's results, defense, awards, letters, the
 * dashboard. Each job's service calls are counted by method.
 *
 * The grid. A sheet the app grew has head room (the store adds max(100, 10 %) rows when it
 * grows one); the seeded sheets are given the same head room. A job that writes past a sheet's
 * last row sends one extra call, `Sheets.Spreadsheets.batchUpdate` (appendDimension), before its
 * values: at 10× finalising June adds 500 rows to a 4,500-row MonthlyResults and needs it, at 1×
 * the 450-row sheet has room. `grew` says, per job, whether some sheet needed more rows.
 *
 * Letters: `letters (per letter)` is (calls of the run that made N letters − calls of the next
 * run, which makes none) / N. At 100× the first run stops at the daily quota (250 documents) and
 * the next finds the quota spent; the difference is still the cost of a letter.
 *
 * Time: ~4 s at 1×, ~13 s at 10×, ~5½ min at 100× (of which ~4 min building the state through
 * the use cases, ~1½ min the sandbox jobs over ~150,000 rows).
 *
 * No jest globals: bench/gas.ts imports `measureGasCalls`.
 */
import { performance } from 'node:perf_hooks';
import { ingestResponses } from '../../src/app/ingest';
import { finaliseMonth, prepareShowcase } from '../../src/app/monthly';
import { Table } from '../../src/app/table';
import { addMonths } from '../../src/domain/calendar';
import { defaultConfigRows } from '../../src/domain/config';
import type { FormResponse } from '../../src/domain/forms';
import { headerRow, tabName } from '../../src/domain/schema/table';
import {
  BranchesTable,
  ConfigTable,
  JudgesTable,
  NominationsTable,
} from '../../src/domain/schema/tables';
import { workbookTables } from '../../src/domain/schema/workbook';
import { DEFAULT_CONFIG } from '../../src/domain/config';
import { generateYear, type BenchYear } from '../../bench/generate';
import { createWorld, loadBundle, type LoadedBundle, type World } from '../sandbox';
import { FixedClock, MemoryMarkers, MemoryStore, makePorts } from '../support/fakes';
import {
  answersOf,
  cst,
  formsByName,
  isResponseRead,
  measure,
  SHEETS,
  splitResponseReads,
  type CallCounts,
} from './support';

export type Scale = 1 | 10 | 100;

/** The call a job adds when a sheet must grow before its values are written. */
export const GROW_METHOD = 'Sheets.Spreadsheets.batchUpdate';

/** The jobs measured, in the order they run. */
export const GAS_JOBS = [
  'setup',
  'setup (again)',
  'refresh form choices',
  'showcase',
  'ingest',
  'ingest (response reads)',
  'daily trigger',
  'daily trigger (response reads)',
  'finalise',
  'defense',
  'awards',
  'letters (per letter)',
  'letters (none due)',
  'dashboard',
  'reprocess rejected',
] as const;
export type GasJob = (typeof GAS_JOBS)[number];

export interface GasMeasurement {
  readonly scale: number;
  /** Calls by method of every job (`letters (per letter)` is the marginal cost of one letter). */
  readonly calls: Record<GasJob, CallCounts>;
  /** Letters the measured letters run made. */
  readonly letters: number;
  /** The calls of that run, whole. */
  readonly lettersRun: CallCounts;
  /** Whether a job wrote past some sheet's last row (and so needed the grow call). */
  readonly grew: Record<GasJob, boolean>;
  /** Data rows seeded per sheet. */
  readonly seeded: Record<string, number>;
  /** Wall time: building the state in memory, seeding, running the jobs (ms). */
  readonly timings: { readonly state: number; readonly seed: number; readonly jobs: number };
  /** Things the jobs said, for a report (and for tests to check the state made sense). */
  readonly outcomes: Record<string, string>;
}

const LOCALE = 'zh-CN' as const;
const SHOWCASE_AT = '2027-06-25 18:00:00';

// ———————————————————————————————————————————————————————————————— the year in memory

interface YearState {
  readonly year: BenchYear;
  readonly store: MemoryStore;
}

function emptyWorkbook(): MemoryStore {
  const store = new MemoryStore();
  for (const def of workbookTables(DEFAULT_CONFIG.defenseRubric)) {
    store.write(def, [headerRow(def, LOCALE)]);
  }
  const settings = Table.read(store, ConfigTable, LOCALE);
  for (const row of defaultConfigRows(LOCALE)) settings.upsert(row);
  settings.save(store, LOCALE, true);
  return store;
}

function expectAdded(what: string, report: { added: number; summary: readonly string[] }) {
  if (report.added === 0) throw new Error(`callCounts: ${what} added nothing: ${report.summary}`);
}

/** The programme at scale k up to 2027-06-25 18:00, through the use cases. */
export function yearUntilJuneShowcase(scale: number): YearState {
  const year = generateYear(scale);
  const store = emptyWorkbook();
  const clock = new FixedClock('2026-09-12 09:00:00', 0);
  const ports = makePorts(store, clock, { markers: new MemoryMarkers() });

  expectAdded('applications', ingestResponses(ports, year.applications));
  const branches = Table.read(store, BranchesTable, LOCALE);
  const decided = new Map(year.decisions.map((d) => [d.branch, d]));
  for (const branch of branches.records()) {
    const decision = decided.get(branch.id);
    if (!decision || decision.name !== branch.name) {
      throw new Error(`callCounts: ${branch.id} is not the generator's ${decision?.name}`);
    }
    branches.upsert({ ...branch, status: decision.status, reviewNote: decision.note || null });
  }
  branches.save(store, LOCALE);
  const judges = Table.read(store, JudgesTable, LOCALE);
  for (const judge of year.judges) judges.upsert({ ...judge });
  judges.save(store, LOCALE);

  const filed = year.activities.filter((a) => a.submittedAt <= SHOWCASE_AT);
  clock.set(SHOWCASE_AT);
  expectAdded('activities', ingestResponses(ports, filed));
  for (const month of year.months.slice(0, -1)) {
    clock.set(`${month}-25 06:10:00`);
    const picks = prepareShowcase(ports, month).picks;
    clock.set(`${month}-28 16:00:00`);
    const votes = year.votes(
      month,
      picks.map((p) => ({ branch: p.branch, name: p.name })),
    );
    expectAdded(`votes ${month}`, ingestResponses(ports, votes));
    clock.set(`${addMonths(month, 1)}-01 06:10:00`);
    finaliseMonth(ports, month);
  }
  clock.set(SHOWCASE_AT);
  expectAdded('nominations', ingestResponses(ports, year.nominations));
  const nominations = Table.read(store, NominationsTable, LOCALE);
  const decisions = new Map(year.nominationDecisions.map((d) => [d.responseId, d]));
  for (const n of nominations.records()) {
    const d = decisions.get(n.responseId);
    if (d) nominations.upsert({ ...n, status: d.status, note: d.note });
  }
  nominations.save(store, LOCALE);
  expectAdded('defense', ingestResponses(ports, year.defense));
  return { year, store };
}

// ———————————————————————————————————————————————————————————————— the sandbox

/** Rows the store's growth leaves spare when it grows a sheet to `rows`. */
function headRoom(rows: number): number {
  return Math.max(100, Math.ceil(rows / 10));
}

/** Types every table but Config (setup's, with the template id) into the sandbox's sheets. */
function seed(world: World, store: MemoryStore): Record<string, number> {
  const seeded: Record<string, number> = {};
  for (const def of workbookTables(DEFAULT_CONFIG.defenseRubric)) {
    if (def.name === ConfigTable.name) continue;
    const rows = store.peek(def.name);
    if (rows.length <= 1) continue;
    const name = tabName(def, LOCALE);
    world.seedSheet(name, rows);
    world.peek(() => {
      const sheet = world.spreadsheet.getSheetByName(name)!;
      const spare = sheet.getMaxRows() - rows.length;
      if (spare < headRoom(rows.length)) {
        sheet.insertRowsAfter(sheet.getMaxRows(), headRoom(rows.length) - spare);
      }
    });
    seeded[name] = rows.length - 1;
  }
  return seeded;
}

/** For each sheet: its grid's rows, and its last row with content. */
function grids(world: World): Map<string, { max: number; last: number }> {
  return world.peek(
    () =>
      new Map(
        world.spreadsheet
          .getSheets()
          .map((s) => [s.getName(), { max: s.getMaxRows(), last: s.getLastRow() }]),
      ),
  );
}

function needsGrowth(
  before: Map<string, { max: number; last: number }>,
  after: Map<string, { max: number; last: number }>,
): boolean {
  for (const [name, was] of before) {
    const now = after.get(name);
    if (now && now.last > was.max) return true;
  }
  return false;
}

/**
 * The calls a run makes once, whatever it makes: its continuation, the check of its sources, and
 * the renewal of the cached web pages once it wrote.
 */
const PER_RUN =
  /^(ScriptApp|TriggerBuilder|ClockTriggerBuilder|Trigger|CacheService|Cache)\.|^Drive\.Files\.get$/;

function perLetter(run: CallCounts, none: CallCounts, letters: number): CallCounts {
  const out: CallCounts = {};
  for (const method of new Set([...Object.keys(run), ...Object.keys(none)])) {
    if (PER_RUN.test(method)) continue;
    const d = ((run[method] ?? 0) - (none[method] ?? 0)) / letters;
    if (d !== 0) out[method] = d;
  }
  return out;
}

function submitResponse(
  bundle: LoadedBundle,
  formId: string,
  response: FormResponse,
  at: Date,
): CallCounts {
  const world = bundle.world;
  if (at.getTime() > world.nowMs) world.setNow(at);
  const { value, calls } = measure(world, () =>
    bundle.submitForm(formId, answersOf(response), {
      at,
      email: response.email ?? 'someone@example.edu',
    }),
  );
  const run = value.runs[0];
  if (value.runs.length !== 1 || !run?.ok) {
    throw new Error(`callCounts: the ${response.form} response failed: ${String(run?.error)}`);
  }
  return calls;
}

/** Measures every job at scale k; see the file header. */
export function measureGas(scale: Scale | number): GasMeasurement {
  const t0 = performance.now();
  const { year, store } = yearUntilJuneShowcase(scale);
  const t1 = performance.now();

  const world = createWorld({ now: cst('2027-06-25 17:00') });
  const bundle = loadBundle(world);
  const calls = {} as Record<GasJob, CallCounts>;
  const grew = {} as Record<GasJob, boolean>;
  const outcomes: Record<string, string> = {};
  const job = (name: GasJob, run: () => unknown): void => {
    const before = grids(world);
    const { value, calls: counts } = measure(world, run);
    calls[name] = counts;
    grew[name] = needsGrowth(before, grids(world));
    if (typeof value === 'string') outcomes[name] = value;
  };

  job('setup', () => bundle.call('setup'));
  const forms = formsByName(world);
  const seeded = seed(world, store);
  // The months' digests were taken from the memory store's cells; the sheets hand the same values
  // back as the Sheets API writes them, so one daily run (nothing else due) re-takes them first.
  world.setNow(cst('2027-06-24 06:00'));
  bundle.call('dailyTrigger');
  const t2 = performance.now();

  world.setNow(cst(SHOWCASE_AT));
  job('setup (again)', () => bundle.call('setup'));
  job('refresh form choices', () => bundle.call('refreshFormChoices'));
  job('showcase', () => bundle.call('prepareShowcaseNow'));

  // One more activity report, late on 06-30: the marginal ingest.
  const late = year.lateActivity;
  job('ingest', () => submitResponse(bundle, forms.activity, late, cst(late.submittedAt)));
  const ingest = splitResponseReads(calls.ingest);
  calls.ingest = ingest.service;
  calls['ingest (response reads)'] = ingest.responseReads;
  grew['ingest (response reads)'] = false;

  // The June summary meeting: five voters on the five presenters, a burst through the vote form.
  // Their trigger runs are not played (as if every one found the lock busy): they wait in the
  // vote form's response sheet, and the daily trigger folds them below.
  const presenters = world
    .readSheet(SHEETS.showcase)!
    .slice(1)
    .filter((r) => r[0] === '2027-06')
    .map((r) => ({ branch: String(r[1]), name: String(r[2]) }));
  if (presenters.length === 0) throw new Error('callCounts: nobody presents in June');
  year.votes('2027-06', presenters).forEach((vote, i) => {
    world.setNow(new Date(cst('2027-06-28 15:00').getTime() + i * 60_000));
    world.submitForm(forms.vote, answersOf(vote), { email: vote.email ?? 'voter@example.edu' });
  });

  // The daily trigger on a day with no monthly job due: reconciliation only.
  world.setNow(cst('2027-06-30 22:00'));
  const daily = world.triggers().find((t) => t.handler === 'dailyTrigger')!;
  job('daily trigger', () => {
    const run = bundle.fire(daily);
    if (!run.ok) throw run.error;
    return run.value;
  });
  const reconcile = splitResponseReads(calls['daily trigger']);
  calls['daily trigger'] = reconcile.service;
  calls['daily trigger (response reads)'] = reconcile.responseReads;
  grew['daily trigger (response reads)'] = false;

  world.setNow(cst('2027-07-01 02:00'));
  job('finalise', () => bundle.call('finaliseMonthNow', '2027-06'));
  job('defense', () => bundle.call('aggregateDefenseNow'));
  world.setNow(cst('2027-07-01 09:00'));
  job('awards', () => bundle.call('selectAwardsNow'));

  const before = world.files().length;
  const lettersRun = measure(world, () => bundle.call<string>('generateLetters'));
  const letters = world.files().length - before;
  outcomes['letters'] = lettersRun.value;
  job('letters (none due)', () => bundle.call('generateLetters'));
  calls['letters (per letter)'] = perLetter(lettersRun.calls, calls['letters (none due)'], letters);
  grew['letters (per letter)'] = false;

  job('dashboard', () => bundle.call('buildDashboard'));
  job('reprocess rejected', () => bundle.call('reprocessRejectedNow'));
  const t3 = performance.now();

  const ordered = {} as Record<GasJob, CallCounts>;
  for (const name of GAS_JOBS) ordered[name] = calls[name];
  return {
    scale,
    calls: ordered,
    letters,
    lettersRun: lettersRun.calls,
    grew,
    seeded,
    timings: { state: t1 - t0, seed: t2 - t1, jobs: t3 - t2 },
    outcomes,
  };
}

/**
 * Service calls by method of every Apps Script job at scale k (see the file header). The ingest
 * and the daily trigger's reads of the submitted response objects (`FormResponse.*`,
 * `ItemResponse.*`, `Item.getTitle`) are under their own `… (response reads)` entries;
 * `letters (per letter)` is (calls of a run making N letters − calls of a run making none) / N.
 */
export function measureGasCalls(scale: Scale): Record<string, Record<string, number>> {
  return measureGas(scale).calls;
}

export { isResponseRead };
