/**
 * Computing month results (DESIGN §2, §12) for one month or several in one job: every approved
 * branch's points, score, stars and rank, who presented, their on-site score and the star branch
 * of the month, each row stamped with the digest of the inputs it was computed from.
 *
 * The tables are read once per job (`readMonthlyInputs`), so finalising a month and recomputing
 * every stale month with it costs one read of each sheet. Recomputing a month is the same code as
 * finalising it the first time, so it gives exactly what a first finalisation of the same inputs
 * gives; staff vetoes are read from the rows and kept.
 */
import { monthOf } from '../domain/calendar';
import type { Config } from '../domain/config';
import { sum, toCellNumber, type Dec } from '../domain/decimal';
import { groupBy } from '../domain/groupBy';
import { monthDigests } from '../domain/monthDigest';
import { finaliseMonth as computeMonth } from '../domain/monthly';
import type { Cell } from '../domain/schema/column';
import { mapHeader } from '../domain/schema/rows';
import {
  ActivitiesTable,
  BranchesTable,
  MonthlyResultsTable,
  OnsiteVotesTable,
  ShowcaseTable,
  type Activity,
  type Branch,
  type MonthlyResult,
  type OnsiteVote,
  type ShowcasePick,
} from '../domain/schema/tables';
import { onsiteScores, voteClosedAt } from '../domain/onsiteVotes';
import { pickStarBranches } from '../domain/starBranch';
import { isThemeKind, RESULT_STATES } from '../domain/vocabulary';
import { rescoreActivities } from './activities';
import type { Ports } from './context';
import { Table } from './table';

export const STARS = ['', '★', '★★', '★★★', '★★★★', '★★★★★'];

/** Everything month results are computed from, read once per job. */
export interface MonthlyInputs {
  readonly config: Config;
  /** `Activities` and `MonthlyResults` as the sheet holds them: parsed only where needed. */
  readonly activityCells: Cell[][];
  readonly resultCells: Cell[][];
  readonly branches: readonly Branch[];
  readonly votes: readonly OnsiteVote[];
  readonly showcase: readonly ShowcasePick[];
}

export function readMonthlyInputs(ports: Ports, config: Config): MonthlyInputs {
  const { store } = ports;
  return {
    config,
    activityCells: store.read(ActivitiesTable),
    resultCells: store.read(MonthlyResultsTable),
    branches: Table.read(store, BranchesTable, config.locale).records(),
    votes: Table.read(store, OnsiteVotesTable, config.locale).records(),
    showcase: Table.read(store, ShowcaseTable, config.locale).records(),
  };
}

/** What the `MonthlyResults` sheet says about each month it holds. */
export interface StoredMonth {
  /** The digests its rows carry (one, unless rows were computed apart or typed by hand). */
  readonly digests: ReadonlySet<string>;
  /** Some row is marked 需重算 / stale, or carries no digest (made before digests existed). */
  readonly markedStale: boolean;
  /** Branch → veto reason, for the approved branches (what the next computation will use). */
  readonly vetoes: ReadonlyMap<string, string>;
}

/** Every way a sheet may say 需重算 / stale. */
const STALE_WORDS = new Set(
  RESULT_STATES.filter((s) => s.key === 'stale').flatMap((s) => [s.key, s.zh, s.en.toLowerCase()]),
);

function monthOfCell(cell: Cell | undefined): string | null {
  const text = cell === null || cell === undefined ? '' : String(cell).trim();
  if (/^\d{4}-\d{2}$/.test(text)) return text;
  const read = MonthlyResultsTable.columns.month.read(text);
  return read.ok ? read.value : null;
}

/** The months `MonthlyResults` holds, read from its cells without parsing whole rows. */
export function storedMonths(inputs: MonthlyInputs): Map<string, StoredMonth> {
  const months = new Map<
    string,
    { digests: Set<string>; markedStale: boolean; vetoes: Map<string, string> }
  >();
  const cells = inputs.resultCells;
  if (cells.length < 2) return months;
  const { indexOf } = mapHeader(MonthlyResultsTable, cells[0]!, inputs.config.locale);
  const approved = new Set(approvedBranches(inputs).map((b) => b.id));
  const at = (key: string) => indexOf[key] ?? -1;
  const [monthAt, branchAt, vetoAt, digestAt, stateAt] = [
    'month',
    'branch',
    'veto',
    'inputsDigest',
    'state',
  ].map(at) as [number, number, number, number, number];
  const text = (cell: Cell | undefined) =>
    cell === null || cell === undefined ? '' : String(cell).trim();
  for (let i = 1; i < cells.length; i++) {
    const row = cells[i]!;
    const month = monthOfCell(row[monthAt]);
    if (month === null) continue;
    let entry = months.get(month);
    if (!entry) {
      entry = { digests: new Set(), markedStale: false, vetoes: new Map() };
      months.set(month, entry);
    }
    const digest = text(row[digestAt]);
    if (digest === '' || STALE_WORDS.has(text(row[stateAt]).toLowerCase())) {
      entry.markedStale = true;
    } else entry.digests.add(digest);
    const veto = text(row[vetoAt]);
    if (veto !== '') {
      const branch = text(row[branchAt]);
      if (approved.has(branch)) entry.vetoes.set(branch, veto);
    }
  }
  return months;
}

export function approvedBranches(inputs: MonthlyInputs): Branch[] {
  return inputs.branches.filter((b) => b.status === 'approved');
}

/** The digest of each month's current inputs. */
export function currentDigests(
  inputs: MonthlyInputs,
  months: ReadonlySet<string>,
  stored: ReadonlyMap<string, StoredMonth>,
  activityCells: readonly (readonly Cell[])[] = inputs.activityCells,
): Map<string, string> {
  return monthDigests(
    {
      config: inputs.config,
      activities: activityCells,
      locale: inputs.config.locale,
      approvedBranches: approvedBranches(inputs),
      votes: inputs.votes,
      showcase: inputs.showcase,
      vetoes: new Map([...stored].map(([m, s]) => [m, s.vetoes])),
    },
    months,
  );
}

const countsTowardScore = (a: Activity) => a.status !== 'rejected' && a.status !== 'duplicate';

function pointsOf(activities: readonly Activity[]): Dec {
  return sum(activities.map((a) => a.points ?? 0));
}

/** One month as computed: its rows in display order, and what they were before. */
export interface MonthOutcome {
  readonly month: string;
  readonly results: readonly MonthlyResult[];
  readonly starBranches: readonly string[];
  /** Reports that counted toward the month's scores (0: the month is empty). */
  readonly countedReports: number;
  /** The month's rows before this job, by branch (empty when it was never finalised). */
  readonly previous: ReadonlyMap<string, MonthlyResult>;
}

/** The result columns: a row whose values in these are unchanged keeps its finalisation time. */
const RESULT_KEYS = [
  'branchName',
  'points',
  'score',
  'stars',
  'starsText',
  'rank',
  'presented',
  'onsiteScore',
  'starBranch',
  'veto',
] as const;

function sameResult(a: MonthlyResult, b: MonthlyResult): boolean {
  const cell = (v: unknown) => (v === '' || v === undefined ? null : v);
  return RESULT_KEYS.every((k) => cell(a[k]) === cell(b[k]));
}

/**
 * Computes `months` (in that order) from the inputs and writes their rows, stamped with their
 * inputs' digest and 已定稿 / final. Rows of branches no longer approved are left as they are, but
 * stamped too, so that they do not keep the month stale.
 */
export function computeMonths(
  ports: Ports,
  inputs: MonthlyInputs,
  months: readonly string[],
  /** The digests of the months' inputs as read, when the caller took them already. */
  known: ReadonlyMap<string, string> = new Map(),
): MonthOutcome[] {
  const { locale } = inputs.config;
  const wanted = new Set(months);
  const now = ports.clock.now();
  const { outcomes, activities, results, approved } = computeOutcomes(inputs, months, now);

  // The digest is taken from the activity cells as this job leaves them (rescored), so that a
  // later check reading the sheet finds the same.
  const activityCells = activities.isChanged ? activities.toValues(locale) : inputs.activityCells;
  activities.save(ports.store, locale);
  const approvedIds = new Set(approved.map((b) => b.id));
  // Rescoring changed nothing (the usual case): the digests taken from the cells read still hold.
  const digests =
    activityCells === inputs.activityCells && months.every((m) => known.has(m))
      ? known
      : currentDigests(inputs, wanted, storedMonths(inputs), activityCells);

  const stamped = outcomes.map((outcome) => {
    const inputsDigest = digests.get(outcome.month)!;
    const rows = outcome.results.map((row) => {
      const before = outcome.previous.get(row.branch);
      // A recomputation that changes nothing keeps the row's time, so the sheet stays as it was.
      const finalisedAt = before && sameResult(before, row) ? before.finalisedAt : now;
      const stampedRow: MonthlyResult = { ...row, finalisedAt, inputsDigest };
      results.upsert(stampedRow);
      return stampedRow;
    });
    for (const [branch, before] of outcome.previous) {
      if (!approvedIds.has(branch)) results.upsert({ ...before, state: 'final', inputsDigest });
    }
    return { ...outcome, results: rows };
  });
  results.save(ports.store, locale);
  return stamped;
}

/**
 * What `months` come to from the inputs, written nowhere: the finalisation's own computation,
 * which the meeting board uses too (`previewMonth`), so what the board shows is what `finalize`
 * records from the same inputs.
 */
function computeOutcomes(inputs: MonthlyInputs, months: readonly string[], now: string) {
  const { config } = inputs;
  const { locale } = config;
  const wanted = new Set(months);
  const activities = Table.fromValues(ActivitiesTable, inputs.activityCells, locale, {
    column: 'date',
    keep: (date) => wanted.has(monthOf(date as string)),
  });
  const results = Table.fromValues(MonthlyResultsTable, inputs.resultCells, locale, {
    column: 'month',
    keep: (m) => wanted.has(m as string),
  });
  rescoreActivities(activities, config);
  const counted = groupBy(
    activities.records().filter(countsTowardScore),
    (a) => `${monthOf(a.date)}\u001f${a.branch}`,
  );
  const approved = approvedBranches(inputs);
  const names = new Map(inputs.branches.map((b) => [b.id, b.name]));
  const previousRows = groupBy(results.records(), (r) => r.month);

  const outcomes: MonthOutcome[] = months.map((month) => {
    const previous = new Map((previousRows.get(month) ?? []).map((r) => [r.branch, r]));
    let countedReports = 0;
    const computed = computeMonth({
      month,
      branches: approved.map((b) => {
        const done = counted.get(`${month}\u001f${b.id}`) ?? [];
        countedReports += done.length;
        const veto = previous.get(b.id)?.veto ?? undefined;
        return {
          branch: b.id,
          points: pointsOf(done),
          distinctThemes: new Set(done.filter((a) => isThemeKind(a.kind)).map((a) => a.kind)).size,
          lastSubmittedAt: done.reduce<string | null>(
            (l, a) => (l === null || a.submittedAt > l ? a.submittedAt : l),
            null,
          ),
          ...(veto ? { veto } : {}),
        };
      }),
      monthlyTarget: config.monthlyTarget,
      thresholds: config.starThresholds,
      quota5: config.starQuota5,
      quota4: config.starQuota4,
    });
    const presenters = new Set(
      inputs.showcase.filter((s) => s.month === month).map((s) => s.branch),
    );
    const onsite = onsiteScores(inputs.votes, month, voteClosedAt(inputs.showcase, month), config);
    const starBranches = pickStarBranches({
      // A veto (一票否决) also rules a branch out of the month's title.
      presenters: computed
        .filter((r) => presenters.has(r.branch) && !r.veto)
        .map((r) => ({
          branch: r.branch,
          onsiteScore: onsite.get(r.branch) ?? null,
          monthlyScore: r.score,
        })),
      count: config.starBranchesPerMonth,
    });
    const rows = computed.map((r): MonthlyResult => {
      const onsiteScore = onsite.get(r.branch);
      return {
        month,
        branch: r.branch,
        branchName: names.get(r.branch) ?? null,
        points: toCellNumber(r.points),
        score: toCellNumber(r.score),
        stars: r.stars,
        starsText: STARS[r.stars] ?? '',
        rank: r.rank,
        presented: presenters.has(r.branch),
        onsiteScore: onsiteScore ? toCellNumber(onsiteScore) : null,
        starBranch: starBranches.includes(r.branch),
        veto: r.veto ?? null,
        finalisedAt: now,
        state: 'final',
        inputsDigest: null,
      };
    });
    return { month, results: rows, starBranches, countedReports, previous };
  });
  return { outcomes, activities, results, approved };
}

/**
 * One month's results as `finalize` would record them now, from these inputs, without writing a
 * thing: the rows (with each presenter's on-site score) and the star branch of the month.
 */
export function previewMonth(inputs: MonthlyInputs, month: string, now: string): MonthOutcome {
  return computeOutcomes(inputs, [month], now).outcomes[0]!;
}
