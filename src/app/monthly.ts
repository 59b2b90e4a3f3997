/**
 * The monthly cycle (DESIGN §1 stage 2): on the showcase day, pick the branches that present at
 * the month's summary meeting; on the 1st of the next month, finalise the month's results.
 */
import { groupBy } from '../domain/groupBy';
import { addMonths, monthOf } from '../domain/calendar';
import type { Config } from '../domain/config';
import { sum, toCellNumber, ZERO, type Dec } from '../domain/decimal';
import { joinList, t } from '../domain/messages';
import { monthlyScore } from '../domain/monthly';
import { branchesInCooldown, drawShowcase } from '../domain/showcase';
import {
  ActivitiesTable,
  BranchesTable,
  MonthlyResultsTable,
  ShowcaseTable,
  type Activity,
  type MonthlyResult,
} from '../domain/schema/tables';
import { mapHeader, type RowFilter } from '../domain/schema/rows';
import { rescoreActivities } from './activities';
import { readConfig, type Ports } from './context';
import { runJob, type JobReport } from './job';
import { readMonthlyInputs } from './monthlyResults';
import { checkMonths, computeAndLog, type Recomputed } from './staleness';
import { Table } from './table';

const countsTowardScore = (a: Activity) => a.status !== 'rejected' && a.status !== 'duplicate';

/**
 * Only the month's reports are parsed: duplicates are the same branch, date and title, so they
 * never span months, and the other months' rows pass through the job untouched.
 */
function inThisMonth(month: string): RowFilter {
  return { column: 'date', keep: (date) => monthOf(date as string) === month };
}

/** The month's counted activities by branch, in one pass over the table. */
function activitiesByBranch(
  activities: readonly Activity[],
  month: string,
): Map<string, Activity[]> {
  return groupBy(
    activities.filter((a) => monthOf(a.date) === month && countsTowardScore(a)),
    (a) => a.branch,
  );
}

function pointsOf(activities: readonly Activity[]): Dec {
  return sum(activities.map((a) => a.points ?? 0));
}

function checkMonth(month: string, config: Config): void {
  if (month < config.programStart.slice(0, 7) || month > config.programEnd.slice(0, 7)) {
    throw new Error(
      t(config.locale, 'jobs.monthOutside', {
        month,
        start: config.programStart,
        end: config.programEnd,
      }),
    );
  }
}

export interface ShowcaseReport extends JobReport {
  readonly picks: readonly { branch: string; name: string; reason: string; note: string }[];
  readonly alreadyDrawn: boolean;
}

/**
 * Draws the month's showcase. A month is drawn once: re-running returns the recorded draw, so a
 * trigger that fires twice cannot change who presents. Staff delete a month's rows to redraw.
 */
export function prepareShowcase(ports: Ports, month: string): ShowcaseReport {
  const config = readConfig(ports);
  checkMonth(month, config);
  return runJob(ports, t(config.locale, 'jobs.name.showcase', { month }), config.locale, () => {
    const { store } = ports;
    const showcase = Table.read(store, ShowcaseTable, config.locale);
    const branches = Table.read(store, BranchesTable, config.locale).records();
    const names = new Map(branches.map((b) => [b.id, b.name]));
    const recorded = showcase.records().filter((s) => s.month === month);
    if (recorded.length > 0) {
      return {
        job: 'showcase',
        rowsIn: recorded.length,
        rowsOut: 0,
        alreadyDrawn: true,
        picks: recorded.map((s) => ({
          branch: s.branch,
          name: s.branchName ?? '',
          reason: s.reason,
          note: s.note ?? '',
        })),
        summary: [
          t(config.locale, 'jobs.showcase.alreadyDrawn', { month, at: recorded[0]!.drawnAt }),
        ],
      };
    }
    const activities = Table.read(store, ActivitiesTable, config.locale, inThisMonth(month));
    rescoreActivities(activities, config);
    const records = activities.records();
    const inMonth = activitiesByBranch(records, month);
    const approved = branches.filter((b) => b.status === 'approved');
    const scores = approved.map((b) => ({
      branch: b.id,
      score: monthlyScore(pointsOf(inMonth.get(b.id) ?? []), config.monthlyTarget),
    }));
    const picks = drawShowcase({
      programYear: config.programYear,
      month,
      scores,
      recentPresenters: showcase.records().map((s) => ({ branch: s.branch, month: s.month })),
      topK: config.showcaseTopK,
      cooldownMonths: config.showcaseCooldownMonths,
      spotCheckCount: config.spotCheckCount,
      locale: config.locale,
    });
    const drawnAt = ports.clock.now();
    const warnings = picks.length === 0 ? noShowcaseWarning(config, month, approved, showcase) : [];
    const scoreOf = new Map(scores.map((s) => [s.branch, s.score]));
    for (const pick of picks) {
      showcase.upsert({
        month,
        branch: pick.branch,
        branchName: names.get(pick.branch) ?? null,
        reason: pick.reason,
        note: pick.note,
        score: toCellNumber(scoreOf.get(pick.branch) ?? ZERO),
        drawnAt,
        voteClosedAt: null,
      });
    }
    showcase.save(store, config.locale);
    activities.save(store, config.locale);
    return {
      job: 'showcase',
      rowsIn: records.length,
      rowsOut: picks.length,
      alreadyDrawn: false,
      picks: picks.map((p) => ({ ...p, name: names.get(p.branch) ?? '' })),
      summary: [
        t(config.locale, 'jobs.showcase.picked', { month, count: picks.length }),
        ...warnings,
      ],
    };
  });
}

/** Why a draw picked no one: no approved branch, or every one presented too recently. */
function noShowcaseWarning(
  config: Config,
  month: string,
  approved: readonly { id: string }[],
  showcase: Table<typeof ShowcaseTable>,
): string[] {
  if (approved.length === 0) return [t(config.locale, 'derived.showcaseNoApproved', { month })];
  const resting = branchesInCooldown(
    month,
    showcase.records().map((s) => ({ branch: s.branch, month: s.month })),
    config.showcaseCooldownMonths,
  );
  // A Config that asks for no picks at all (top 0, spot checks 0) gets what it asked for.
  const wanted = config.showcaseTopK + config.spotCheckCount > 0;
  return wanted && approved.every((b) => resting.has(b.id))
    ? [
        t(config.locale, 'derived.showcaseAllCooling', {
          month,
          count: approved.length,
          months: config.showcaseCooldownMonths,
        }),
      ]
    : [];
}

export interface FinaliseReport extends JobReport {
  readonly month: string;
  readonly starBranches: readonly string[];
  readonly results: readonly MonthlyResult[];
  /** Other months that were stale and were recomputed with this one, and what changed. */
  readonly recomputed: readonly Recomputed[];
  /** No report counted toward the month: every branch scores 0 (the summary warns). */
  readonly empty: boolean;
}

/**
 * Finalises a month: every approved branch's points, score, stars and rank, who presented, their
 * on-site score, and the star branch of the month. Re-running updates the same rows; staff's
 * veto column is read and respected. Every other finalised month whose inputs changed since it was
 * computed is recomputed in the same job, and each recomputation is logged with what changed.
 *
 * A month with no counted report is still recorded, with a warning: on the 1st the daily trigger
 * finalises with no one to answer a question, and refusing would leave the month without results
 * and no one told. Reports ingested later make the month stale, and it is recomputed then.
 */
export function finaliseMonth(ports: Ports, month: string): FinaliseReport {
  const config = readConfig(ports);
  checkMonth(month, config);
  return runJob(ports, t(config.locale, 'jobs.name.finalise', { month }), config.locale, () => {
    const inputs = readMonthlyInputs(ports, config);
    const check = checkMonths(inputs, [month]);
    const others = check.stale.filter((m) => m !== month);
    // The month itself is reported as recomputed when it was finalised before and was stale.
    const { outcomes, recomputed } = computeAndLog(ports, inputs, [month, ...others], check);
    const own = outcomes[0]!;
    const names = new Map(inputs.branches.map((b) => [b.id, b.name]));
    const starNames = own.starBranches.map((b) => `${b} ${names.get(b) ?? ''}`.trim());
    const empty = own.countedReports === 0;
    const rowsOut = outcomes.reduce((n, o) => n + o.results.length, 0);
    return {
      job: 'finalise',
      month,
      rowsIn: own.countedReports,
      rowsOut,
      starBranches: own.starBranches,
      results: own.results,
      recomputed,
      empty,
      summary: [
        t(config.locale, 'jobs.finalise.ranked', {
          month,
          count: own.results.length,
          stars:
            starNames.length > 0
              ? joinList(config.locale, starNames)
              : t(config.locale, 'common.none'),
        }),
        ...(empty ? [t(config.locale, 'derived.emptyMonth', { month })] : []),
        ...recomputed.map((r) => r.line),
      ],
    };
  });
}

/**
 * Months the daily trigger should act on, given today's local date: the month's showcase from its
 * day to the month's end, and the previous month's results from the 1st on. Due is not done: the
 * caller's done-markers say which ran already, so a run cut off on the day (Google never retries
 * it) is caught up by the next day's.
 */
export function dueMonthlyJobs(
  today: string,
  config: Config,
): { showcase?: string; finalise?: string } {
  const day = Number(today.slice(8, 10));
  const month = today.slice(0, 7);
  const due: { showcase?: string; finalise?: string } = {};
  const inProgramme = (m: string) =>
    m >= config.programStart.slice(0, 7) && m <= config.programEnd.slice(0, 7);
  if (day >= config.showcaseDay && inProgramme(month)) due.showcase = month;
  const previous = addMonths(month, -1);
  if (inProgramme(previous)) due.finalise = previous;
  return due;
}

/**
 * Whether `month` has results in `MonthlyResults` already (whoever finalised it: the daily
 * trigger, the menu, a finalisation of another month recomputing it). Reads the month column only.
 */
export function isFinalised(ports: Ports, month: string, config: Config): boolean {
  const cells = ports.store.read(MonthlyResultsTable);
  if (cells.length < 2) return false;
  const at = mapHeader(MonthlyResultsTable, cells[0]!, config.locale).indexOf.month;
  return at !== undefined && cells.slice(1).some((row) => String(row[at] ?? '').trim() === month);
}
