/**
 * Derived results follow their inputs (DESIGN §12). A finalised month records the digest of what it
 * was computed from; when the inputs' digest differs now (a report ingested or reprocessed after
 * the month was finalised, a corrected vote, an edited status or number, a changed Config number),
 * the month is stale. Stale months are said in job summaries, marked 需重算 when a job writes
 * `MonthlyResults`, and recomputed by `finalize` of any month, by `refreshStaleMonths` (the daily
 * trigger, `awards`, the CLI's `refresh`), each recomputation logged with what it changed.
 */
import type { Config } from '../domain/config';
import { t } from '../domain/messages';
import { mapHeader } from '../domain/schema/rows';
import type { TableDef } from '../domain/schema/table';
import {
  ActivitiesTable,
  BranchesTable,
  LogTable,
  MonthlyResultsTable,
  OnsiteVotesTable,
  ShowcaseTable,
  type MonthlyResult,
} from '../domain/schema/tables';
import type { Locale } from '../domain/vocabulary';
import { readConfig, type Ports } from './context';
import { runJob, type JobReport } from './job';
import {
  computeMonths,
  currentDigests,
  readMonthlyInputs,
  STARS,
  storedMonths,
  type MonthlyInputs,
  type MonthOutcome,
} from './monthlyResults';
import { Table } from './table';

export interface MonthsCheck {
  /** The finalised months of the programme whose inputs changed since, in calendar order. */
  readonly stale: string[];
  /** The digest of the current inputs of every finalised month, and of the months asked about. */
  readonly digests: ReadonlyMap<string, string>;
}

/** Which finalised months are stale; `also` are months whose digests the caller needs too. */
export function checkMonths(inputs: MonthlyInputs, also: readonly string[] = []): MonthsCheck {
  const { config } = inputs;
  const first = config.programStart.slice(0, 7);
  const last = config.programEnd.slice(0, 7);
  const stored = storedMonths(inputs);
  const finalised = [...stored.keys()].filter((m) => m >= first && m <= last);
  const digests = currentDigests(inputs, new Set([...finalised, ...also]), stored);
  const stale = finalised
    .filter((month) => {
      const { digests: recorded, markedStale } = stored.get(month)!;
      return markedStale || recorded.size !== 1 || !recorded.has(digests.get(month)!);
    })
    .sort();
  return { stale, digests };
}

export function staleMonthsOf(inputs: MonthlyInputs): string[] {
  return checkMonths(inputs).stale;
}

/** The stale months of the workbook now (reads the tables month results depend on). */
export function findStaleMonths(ports: Ports, config: Config = readConfig(ports)): string[] {
  return staleMonthsOf(readMonthlyInputs(ports, config));
}

/** One summary line per stale month, saying how to bring it up to date. */
export function staleMonthLines(months: readonly string[], locale: Locale): string[] {
  return months.map((month) => t(locale, 'derived.monthStale', { month }));
}

/** Marks the rows of every stale month 需重算 and returns one summary line per stale month. */
function markStale(ports: Ports, inputs: MonthlyInputs): string[] {
  const stale = staleMonthsOf(inputs);
  if (stale.length === 0) return [];
  const { locale } = inputs.config;
  const months = new Set(stale);
  const results = Table.fromValues(MonthlyResultsTable, inputs.resultCells, locale, {
    column: 'month',
    keep: (m) => months.has(m as string),
  });
  for (const row of results.records()) results.upsert({ ...row, state: 'stale' });
  results.save(ports.store, locale);
  return staleMonthLines(stale, locale);
}

/** The tables a job has loaded already (ingest's): each is read at most once per job. */
export interface LoadedTables {
  get<D extends TableDef>(def: D): Table<D>;
}

/** The months the rows just added fall into (activities by date, votes by month). */
function monthsOfRows(
  rows: readonly { form: string; responseId: string }[],
  loaded: LoadedTables,
): Set<string> {
  const months = new Set<string>();
  for (const { form, responseId } of rows) {
    if (form === 'activity') {
      const date = loaded.get(ActivitiesTable).get(responseId)?.date;
      if (date) months.add(date.slice(0, 7));
    } else if (form === 'vote') {
      const month = loaded.get(OnsiteVotesTable).get(responseId)?.month;
      if (month) months.add(month);
    }
  }
  return months;
}

/**
 * The summary lines of an ingest or reprocess that added `rows`: when a row falls into a
 * finalised month, every stale month is said and its rows marked 需重算. Rows of months not yet
 * finalised cost one read (`MonthlyResults`, to learn which are). Skipped on Apps Script (where
 * `markers` exist): there a response must cost the same at any table size, and the daily trigger
 * recomputes stale months.
 */
export function staleMonthsAfterIngest(
  ports: Ports,
  config: Config,
  rows: readonly { form: string; responseId: string }[],
  loaded: LoadedTables,
): string[] {
  if (ports.markers) return [];
  const touched = monthsOfRows(rows, loaded);
  if (touched.size === 0) return [];
  const resultCells = ports.store.read(MonthlyResultsTable);
  if (resultCells.length < 2) return [];
  const at = mapHeader(MonthlyResultsTable, resultCells[0]!, config.locale).indexOf.month ?? -1;
  const finalised = new Set(resultCells.slice(1).map((row) => String(row[at] ?? '').trim()));
  if (![...touched].some((month) => finalised.has(month))) return [];
  return markStale(ports, {
    config,
    // The cells as this job wrote them, not read again.
    activityCells: loaded.get(ActivitiesTable).toValues(config.locale),
    resultCells,
    branches: loaded.get(BranchesTable).records(),
    votes: loaded.get(OnsiteVotesTable).records(),
    showcase: loaded.get(ShowcaseTable).records(),
  });
}

// ——— what a recomputation changed ———

export interface BranchChange {
  readonly branch: string;
  /** [before, after]; null when unchanged. A branch newly ranked has no `before`. */
  readonly rank: readonly [number | null, number] | null;
  readonly stars: readonly [number | null, number] | null;
}

export interface MonthChange {
  readonly month: string;
  readonly branches: readonly BranchChange[];
  /** [before, after] star branches of the month; null when unchanged. */
  readonly starBranches: readonly [readonly string[], readonly string[]] | null;
}

export function changeOf(outcome: MonthOutcome): MonthChange {
  const branches: BranchChange[] = [];
  for (const row of outcome.results) {
    const before = outcome.previous.get(row.branch);
    const rank = before?.rank === row.rank ? null : ([before?.rank ?? null, row.rank] as const);
    const stars =
      before?.stars === row.stars ? null : ([before?.stars ?? null, row.stars] as const);
    if (rank || stars) branches.push({ branch: row.branch, rank, stars });
  }
  const was = [...outcome.previous.values()]
    .filter((r: MonthlyResult) => r.starBranch === true)
    .map((r) => r.branch)
    .sort();
  const now = [...outcome.starBranches].sort();
  const starBranches = was.join() === now.join() ? null : ([was, now] as const);
  return { month: outcome.month, branches, starBranches };
}

const MAX_BRANCHES_SHOWN = 5;

/** "2026-10 重算：B012 排名 3→2，星级 ★★★→★★★★；当月星级支部 B007→B012". */
export function describeChange(change: MonthChange, locale: Locale): string {
  const en = locale === 'en';
  const starsText = (n: number | null) =>
    n === null ? '–' : n === 0 ? t(locale, 'derived.noStars') : STARS[n]!;
  const parts = change.branches.slice(0, MAX_BRANCHES_SHOWN).map((c) => {
    const what: string[] = [];
    if (c.rank && c.rank[0] === null) {
      what.push(t(locale, 'derived.branchAdded', { rank: c.rank[1] }));
    } else if (c.rank) {
      what.push(t(locale, 'derived.rankChange', { from: c.rank[0]!, to: c.rank[1] }));
    }
    if (c.stars && c.stars[0] !== null) {
      what.push(
        t(locale, 'derived.starsChange', {
          from: starsText(c.stars[0]),
          to: starsText(c.stars[1]),
        }),
      );
    }
    return `${c.branch} ${what.join(en ? ', ' : '，')}`;
  });
  if (change.branches.length > MAX_BRANCHES_SHOWN) {
    parts.push(
      t(locale, 'derived.moreBranches', { count: change.branches.length - MAX_BRANCHES_SHOWN }),
    );
  }
  if (change.starBranches) {
    const list = (b: readonly string[]) =>
      b.length === 0 ? t(locale, 'common.none') : b.join(en ? ', ' : '、');
    parts.push(
      t(locale, 'derived.starBranchChange', {
        from: list(change.starBranches[0]),
        to: list(change.starBranches[1]),
      }),
    );
  }
  const changes = parts.length === 0 ? t(locale, 'derived.noChange') : parts.join(en ? '; ' : '；');
  return t(locale, 'derived.recomputed', { month: change.month, changes });
}

/** One `Log` row per recomputed month, saying what changed. */
export function logRecomputations(
  ports: Ports,
  locale: Locale,
  recomputed: readonly { change: MonthChange; rows: number }[],
): void {
  if (recomputed.length === 0) return;
  const log = Table.read(ports.store, LogTable, locale);
  const startedAt = ports.clock.now();
  for (const { change, rows } of recomputed) {
    log.append({
      startedAt,
      job: t(locale, 'jobs.name.recompute', { month: change.month }),
      durationMs: null,
      rowsIn: rows,
      rowsOut: rows,
      outcome: 'ok',
      message: describeChange(change, locale).slice(0, 1000),
    });
  }
  log.save(ports.store, locale);
}

// ——— recomputing ———

export interface Recomputed {
  readonly month: string;
  readonly change: MonthChange;
  /** The summary line: what changed. */
  readonly line: string;
}

/**
 * Computes `months` (the stale ones among them are recomputations), logs each recomputation,
 * and returns the outcomes with the recomputed months' changes.
 */
export function computeAndLog(
  ports: Ports,
  inputs: MonthlyInputs,
  months: readonly string[],
  check: MonthsCheck,
): { outcomes: MonthOutcome[]; recomputed: Recomputed[] } {
  const locale = inputs.config.locale;
  const recomputedMonths = new Set(check.stale);
  const outcomes = months.length === 0 ? [] : computeMonths(ports, inputs, months, check.digests);
  const recomputed = outcomes
    .filter((o) => recomputedMonths.has(o.month))
    .map((o) => {
      const change = changeOf(o);
      return {
        month: o.month,
        change,
        line: describeChange(change, locale),
        rows: o.results.length,
      };
    });
  logRecomputations(ports, locale, recomputed);
  return {
    outcomes,
    recomputed: recomputed.map(({ month, change, line }) => ({ month, change, line })),
  };
}

export interface RefreshReport extends JobReport {
  readonly recomputed: readonly Recomputed[];
}

/**
 * Recomputes every stale month and says what changed per month, each recomputation in its own
 * `Log` row. When no month is stale it does nothing and logs nothing: the daily trigger calls it
 * every day. Called by the daily trigger, by `awards` before it reads the months, and by the
 * CLI's `refresh`.
 */
export function refreshStaleMonths(ports: Ports): RefreshReport {
  const config = readConfig(ports);
  const inputs = readMonthlyInputs(ports, config);
  const check = checkMonths(inputs);
  const job = t(config.locale, 'jobs.name.refresh');
  if (check.stale.length === 0) {
    return {
      job,
      rowsIn: 0,
      rowsOut: 0,
      recomputed: [],
      summary: [t(config.locale, 'derived.noStaleMonths')],
    };
  }
  return runJob(ports, job, config.locale, () => {
    const { outcomes, recomputed } = computeAndLog(ports, inputs, check.stale, check);
    const rows = outcomes.reduce((n, o) => n + o.results.length, 0);
    return { job, rowsIn: rows, rowsOut: rows, recomputed, summary: recomputed.map((r) => r.line) };
  });
}
