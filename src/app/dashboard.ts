/**
 * The 总览 (Dashboard) as data: what needs staff today, the last finalised month's stars, the
 * year month by month and the standings so far. Pure: the caller reads the tables, passes "today"
 * from the clock, and a store lays the result out (`dashboardLayout`).
 *
 * Decisions:
 * - Pending applications are `Branches` rows still 待审核; open rejected rows are `Rejected` rows
 *   still pending (a row reprocessed into its table, or one staff dismissed, is not open).
 * - Letters due are exactly the letters the next letters run would make (`lettersDue`): final
 *   awards without a letter, and letters to void and make again because their award changed; a
 *   letter voided earlier whose award still has none counts as a reissue.
 * - The next showcase draw follows the daily run (`dueMonthlyJobs`): this month's draw is due from
 *   `showcaseDay` on until it is drawn; once drawn, the next programme month's is next. None when
 *   the programme's last month is drawn.
 * - The stars are those of the last month `MonthlyResults` holds; the months shown run from the
 *   programme's first month to the later of today's month and the last finalised one.
 */
import { addMonths, formatDate, monthsBetween } from '../domain/calendar';
import type { Config } from '../domain/config';
import { dec, mean, sum, toCellNumber } from '../domain/decimal';
import { isPending } from '../domain/schema/rejected';
import type { Branch, MonthlyResult, RejectedRow, ShowcasePick } from '../domain/schema/tables';
import type { ActivityKind, AwardKind, Locale, Tier } from '../domain/vocabulary';
import { dayNumber } from '../domain/sheetLayout';
import type { ReportModel } from './reportModel';

export interface NextShowcase {
  readonly month: string;
  /** The draw day, `YYYY-MM-DD`. */
  readonly date: string;
  /** Days from today to the draw day; 0 when it is today or already past. */
  readonly days: number;
  /** The day has come and the month is not drawn yet. */
  readonly due: boolean;
}

export interface Attention {
  readonly pendingApplications: { readonly count: number; readonly names: readonly string[] };
  readonly openRejected: number;
  readonly staleMonths: readonly string[];
  readonly letters: { readonly due: number; readonly reissues: number };
  readonly nextShowcase: NextShowcase | null;
}

export interface MonthStar {
  readonly branch: string;
  readonly name: string;
  readonly stars: number;
  readonly score: number;
  readonly rank: number;
  readonly starBranch: boolean;
}

export interface LatestMonth {
  readonly month: string;
  /** Every branch's result, by rank. */
  readonly rows: readonly MonthStar[];
  readonly starBranches: readonly string[];
  /** Branches with 5, 4, 3, 2, 1 and 0 stars, in that order. */
  readonly distribution: readonly number[];
}

export interface MonthFigures {
  readonly month: string;
  readonly activities: number;
  /** Σ activity points of the month's results; null before the month is finalised. */
  readonly points: number | null;
  readonly meanScore: number | null;
  readonly starBranches: readonly string[];
}

export interface StandingRow {
  readonly rank: number;
  readonly branch: string;
  readonly name: string;
  readonly total: number;
  readonly process: number;
  readonly defense: number;
}

export interface DashboardModel {
  readonly locale: Locale;
  readonly programYear: string;
  readonly generatedAt: string;
  readonly weights: { readonly process: number; readonly defense: number };
  readonly attention: Attention;
  readonly latestMonth: LatestMonth | null;
  readonly months: readonly MonthFigures[];
  readonly standings: readonly StandingRow[];
  readonly overview: {
    readonly applied: number;
    readonly takingPart: number;
    readonly activities: number;
    readonly showcases: number;
    readonly starTitles: number;
    readonly advanced: number;
    readonly nonCompliant: number | null;
    readonly byTier: readonly { tier: Tier; branches: number; activities: number }[];
    readonly byKind: readonly { kind: ActivityKind; count: number }[];
    readonly awards: readonly { kind: AwardKind; count: number }[];
  };
}

export interface DashboardInput {
  readonly config: Config;
  /** Local time from the clock, `YYYY-MM-DD HH:mm:ss`. */
  readonly now: string;
  readonly report: ReportModel;
  readonly branches: readonly Branch[];
  readonly rejected: readonly RejectedRow[];
  readonly monthlyResults: readonly MonthlyResult[];
  readonly showcase: readonly ShowcasePick[];
  readonly staleMonths: readonly string[];
  readonly letters: { readonly due: number; readonly reissues: number };
}

const daysBetween = (from: string, to: string) => dayNumber(to) - dayNumber(from);

/** The next showcase draw as the daily run will do it (see the file note). */
export function nextShowcase(
  today: string,
  config: Pick<Config, 'programStart' | 'programEnd' | 'showcaseDay'>,
  drawn: ReadonlySet<string>,
): NextShowcase | null {
  const first = config.programStart.slice(0, 7);
  const last = config.programEnd.slice(0, 7);
  let month = today.slice(0, 7) < first ? first : today.slice(0, 7);
  for (; month <= last; month = addMonths(month, 1)) {
    if (drawn.has(month)) continue;
    const [y, m] = month.split('-').map(Number) as [number, number];
    const date = formatDate(y, m, config.showcaseDay);
    const days = daysBetween(today, date);
    return { month, date, days: Math.max(0, days), due: days <= 0 };
  }
  return null;
}

export function attentionOf(input: DashboardInput): Attention {
  const pending = input.branches.filter((b) => b.status === 'pending');
  return {
    pendingApplications: { count: pending.length, names: pending.map((b) => b.name) },
    openRejected: input.rejected.filter(isPending).length,
    staleMonths: [...input.staleMonths],
    letters: input.letters,
    nextShowcase: nextShowcase(
      input.now.slice(0, 10),
      input.config,
      new Set(input.showcase.map((s) => s.month)),
    ),
  };
}

/** A branch by its name in `Branches` (the result row's copy may be older or blank). */
type NameOf = (result: MonthlyResult) => string;

function latestMonthOf(results: readonly MonthlyResult[], nameOf: NameOf): LatestMonth | null {
  if (results.length === 0) return null;
  const month = results.reduce((m, r) => (r.month > m ? r.month : m), results[0]!.month);
  const rows = results
    .filter((r) => r.month === month)
    .map((r) => ({
      branch: r.branch,
      name: nameOf(r),
      stars: r.stars,
      score: toCellNumber(r.score),
      rank: r.rank,
      starBranch: r.starBranch === true,
    }))
    .sort((a, b) => a.rank - b.rank || a.branch.localeCompare(b.branch));
  const distribution = [5, 4, 3, 2, 1, 0].map(
    (stars) => rows.filter((r) => r.stars === stars).length,
  );
  return {
    month,
    rows,
    starBranches: rows.filter((r) => r.starBranch).map((r) => r.name),
    distribution,
  };
}

function monthFigures(
  input: DashboardInput,
  latest: string | null,
  nameOf: NameOf,
): MonthFigures[] {
  const { config, report } = input;
  const first = config.programStart.slice(0, 7);
  const last = config.programEnd.slice(0, 7);
  const today = input.now.slice(0, 7);
  const until = [today, latest ?? first].reduce((a, b) => (b > a ? b : a));
  const months = monthsBetween(first, until < last ? until : last);
  const activities = new Map(report.activities.byMonth.map((m) => [m.month, m.total]));
  return months.map((month) => {
    const own = input.monthlyResults.filter((r) => r.month === month);
    return {
      month,
      activities: activities.get(month) ?? 0,
      points: own.length > 0 ? toCellNumber(sum(own.map((r) => r.points))) : null,
      meanScore: own.length > 0 ? toCellNumber(mean(own.map((r) => dec(r.score)))) : null,
      starBranches: own.filter((r) => r.starBranch === true).map(nameOf),
    };
  });
}

export function buildDashboardModel(input: DashboardInput): DashboardModel {
  const { config, report } = input;
  const names = new Map(input.branches.map((b) => [b.id, b.name]));
  const nameOf: NameOf = (r) => names.get(r.branch) ?? r.branchName ?? r.branch;
  const latestMonth = latestMonthOf(input.monthlyResults, nameOf);
  const h = report.headline;
  return {
    locale: config.locale,
    programYear: config.programYear,
    generatedAt: input.now,
    weights: { process: config.weightProcess, defense: config.weightDefense },
    attention: attentionOf(input),
    latestMonth,
    months: monthFigures(input, latestMonth?.month ?? null, nameOf),
    standings: report.ranking.map((r) => ({
      rank: r.rank,
      branch: r.branch,
      name: r.name,
      total: Number(r.total),
      process: Number(r.process),
      defense: Number(r.defense),
    })),
    overview: {
      applied: h.branchesApplied,
      takingPart: h.branchesTakingPart,
      activities: h.activitiesCounted,
      showcases: h.showcasePicks,
      starTitles: h.starBranchTitles,
      advanced: h.advancedBranches,
      nonCompliant: h.nonCompliant,
      byTier: h.byTier,
      byKind: report.activities.kinds.map((kind) => ({
        kind,
        count: report.activities.kindTotals[kind] ?? 0,
      })),
      awards: h.awardsByKind,
    },
  };
}

/** How many of the things staff should do today are waiting (the summary's count). */
export function todoCount(attention: Attention): number {
  return [
    attention.pendingApplications.count > 0,
    attention.openRejected > 0,
    attention.staleMonths.length > 0,
    attention.letters.due > 0,
    attention.nextShowcase?.due === true,
  ].filter(Boolean).length;
}
