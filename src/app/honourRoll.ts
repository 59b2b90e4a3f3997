/**
 * The honour roll (荣誉榜, DESIGN §1 stage 4, §13): the advanced branches and excellent members of
 * each programme year, as the college publishes them. Pure: whole tables in, a model out.
 *
 * What a year shows:
 * - only final awards (暂定 / provisional ones are not announced, so not published);
 * - each advanced branch's tier, unit, title, rank and final score, its stars month by month (a
 *   month not finalised shows no stars, not zero), the months it was star branch of the month,
 *   the titles of the activities its branch agreed to publish (可公开 是, and neither rejected nor
 *   duplicate), and the citation its letter prints;
 * - each excellent member's name, branch, title and the citation their letter prints (never
 *   student id, email or the nomination's own text);
 * - the star branches of each finalised month, so a year in progress has something to show.
 *
 * What leaves the workbook is decided once more, field by field, by `publicHonourRoll`.
 */
import { monthsBetween } from '../domain/calendar';
import type { Config } from '../domain/config';
import { formatFixed } from '../domain/decimal';
import { groupBy } from '../domain/groupBy';
import { letterFields } from '../domain/letterFields';
import { compareIds } from '../domain/ranking';
import type { Activity, Award, Branch, MonthlyResult } from '../domain/schema/tables';
import type { ActivityKind, Locale, Tier } from '../domain/vocabulary';
import { letterInput } from './letterCheck';

/** One programme year's tables, as read from its workbook or spreadsheet. */
export interface HonourYearInputs {
  readonly config: Config;
  readonly branches: readonly Branch[];
  readonly activities: readonly Activity[];
  readonly monthly: readonly MonthlyResult[];
  readonly awards: readonly Award[];
}

export interface HonourActivity {
  readonly date: string;
  readonly kind: ActivityKind;
  readonly title: string;
}

export interface HonourBranch {
  readonly branch: string;
  readonly name: string;
  readonly tier: Tier | null;
  readonly unit: string;
  readonly title: string;
  readonly rank: number | null;
  /** The final score as its letter prints it (two decimals), or null. */
  readonly score: string | null;
  /** Every programme month: its stars (0–5), or null when the month has no result. */
  readonly months: readonly { readonly month: string; readonly stars: number | null }[];
  readonly starBranchMonths: readonly string[];
  readonly activities: readonly HonourActivity[];
  readonly citation: string;
}

export interface HonourMember {
  readonly name: string;
  readonly branch: string;
  readonly branchName: string;
  readonly title: string;
  readonly citation: string;
}

export interface HonourYear {
  readonly programYear: string;
  readonly college: string;
  readonly commendationDate: string;
  /** Final awards exist: the year's roll is announced. */
  readonly announced: boolean;
  readonly starMonths: readonly {
    readonly month: string;
    readonly branches: readonly { readonly branch: string; readonly name: string }[];
  }[];
  readonly branches: readonly HonourBranch[];
  readonly members: readonly HonourMember[];
}

export interface HonourRoll {
  readonly locale: Locale;
  readonly college: string;
  /** Newest programme year first. */
  readonly years: readonly HonourYear[];
}

const countsToward = (a: Activity) => a.status !== 'rejected' && a.status !== 'duplicate';

function honourBranch(
  award: Award,
  branch: Branch | undefined,
  inputs: HonourYearInputs,
  months: readonly string[],
  resultsOf: ReadonlyMap<string, readonly MonthlyResult[]>,
  activitiesOf: ReadonlyMap<string, readonly Activity[]>,
): HonourBranch {
  const results = new Map((resultsOf.get(award.branch) ?? []).map((r) => [r.month, r]));
  const published = (activitiesOf.get(award.branch) ?? [])
    .filter((a) => a.publishable === true && countsToward(a))
    .sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title));
  return {
    branch: award.branch,
    name: branch?.name ?? award.recipient,
    tier: branch?.tier ?? null,
    unit: branch?.unit ?? '',
    title: award.title,
    rank: award.rank,
    score: award.score === null ? null : formatFixed(award.score),
    months: months.map((month) => ({ month, stars: results.get(month)?.stars ?? null })),
    starBranchMonths: months.filter((m) => results.get(m)?.starBranch === true),
    activities: published.map((a) => ({ date: a.date, kind: a.kind, title: a.title })),
    citation: letterFields(letterInput(award, branch, inputs.config)).citation!,
  };
}

export function honourYear(inputs: HonourYearInputs): HonourYear {
  const { config } = inputs;
  const months = monthsBetween(config.programStart.slice(0, 7), config.programEnd.slice(0, 7));
  const branchOf = new Map(inputs.branches.map((b) => [b.id, b]));
  const resultsOf = groupBy(inputs.monthly, (r) => r.branch);
  const activitiesOf = groupBy(inputs.activities, (a) => a.branch);
  const final = inputs.awards.filter((a) => a.state !== 'provisional');
  const byRank = (a: Award, b: Award) =>
    (a.rank ?? Infinity) - (b.rank ?? Infinity) || compareIds(a.branch, b.branch);
  const branches = final
    .filter((a) => a.kind === 'branch')
    .sort(byRank)
    .map((a) => honourBranch(a, branchOf.get(a.branch), inputs, months, resultsOf, activitiesOf));
  const members = final
    .filter((a) => a.kind === 'member')
    .sort((a, b) => compareIds(a.branch, b.branch) || a.recipient.localeCompare(b.recipient))
    .map((a) => {
      const branch = branchOf.get(a.branch);
      return {
        name: a.recipient,
        branch: a.branch,
        branchName: branch?.name ?? '',
        title: a.title,
        citation: letterFields(letterInput(a, branch, config)).citation!,
      };
    });
  const starsByMonth = groupBy(
    inputs.monthly.filter((r) => r.starBranch === true),
    (r) => r.month,
  );
  const starMonths = months
    .filter((m) => starsByMonth.has(m))
    .map((month) => ({
      month,
      branches: starsByMonth
        .get(month)!
        .map((r) => ({
          branch: r.branch,
          name: branchOf.get(r.branch)?.name ?? r.branchName ?? '',
        }))
        .sort((a, b) => compareIds(a.branch, b.branch)),
    }));
  return {
    programYear: config.programYear,
    college: config.collegeName,
    commendationDate: config.commendationDate,
    announced: branches.length + members.length > 0,
    starMonths,
    branches,
    members,
  };
}

/**
 * The roll of `current` and the `earlier` years, newest first, in the current year's language.
 * Two workbooks of the same programme year keep the first (the current one).
 */
export function honourRollModel(
  current: HonourYearInputs,
  earlier: readonly HonourYearInputs[] = [],
): HonourRoll {
  const seen = new Set<string>();
  const years: HonourYear[] = [];
  for (const inputs of [current, ...earlier]) {
    if (seen.has(inputs.config.programYear)) continue;
    seen.add(inputs.config.programYear);
    years.push(honourYear(inputs));
  }
  years.sort((a, b) => b.programYear.localeCompare(a.programYear));
  return { locale: current.config.locale, college: current.config.collegeName, years };
}
