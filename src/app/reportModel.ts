/**
 * The year's report as data (DESIGN §9 `report.html`, §3 `Dashboard`): everything the HTML page (or
 * any other view) shows, computed once from whole tables. Pure: no clock (the caller passes
 * `generatedAt`), no I/O, and the result is plain JSON (numbers for plotting, strings for the
 * figures people read, already rounded half-up to 2 places).
 *
 * Decisions:
 * - Months are every month from `programStart` to `programEnd`; rows dated outside are not plotted
 *   (activities outside are counted in `activities.outsideProgramme`).
 * - An activity counts unless staff marked it `rejected` or `duplicate` (the points rule).
 * - Branches taking part are the `approved` ones. The star matrix lists them, plus any other branch
 *   that has a monthly result, in branch-id order.
 * - Defense: which judge totals were dropped is recomputed with the domain aggregator (the same
 *   trimming as `DefenseResults`: with ≥ `trimFrom` counted judges, the `trimCount` highest and
 *   lowest totals go, ties dropping the judge whose name sorts first; with `normalizeJudges` the
 *   normalised totals decide). If the stored sheets cannot be aggregated (say a mark is missing),
 *   the same trimming is applied to the stored totals instead. In `criterion` mode whole totals
 *   are never dropped, so every counted total stays `counted` and the dropped criterion marks are
 *   listed separately. The mean line is the official `DefenseResults` score when there is one.
 * - `nonCompliant` counts final-ranking rows with an ineligibility reason (the only reason the
 *   award rules give is the semester theme-activity rule); null before the final ranking exists.
 */
import { groupBy } from '../domain/groupBy';
import type { Config } from '../domain/config';
import {
  aggregate,
  type AggregateOptions,
  type Criterion,
  type ScoreSheet,
  type TrimSide,
} from '../domain/aggregate';
import { monthOf, monthsBetween } from '../domain/calendar';
import { dec, type Dec, formatFixed, mean, sum } from '../domain/decimal';
import { compareIds } from '../domain/ranking';
import type { DefenseScore } from '../domain/schema/defenseScores';
import type {
  Activity,
  Award,
  Branch,
  DefenseResult,
  MonthlyResult,
  ShowcasePick,
} from '../domain/schema/tables';
import {
  ACTIVITY_KINDS,
  AWARD_KINDS,
  TIERS,
  type ActivityKind,
  type AwardKind,
  type Locale,
  type Tier,
} from '../domain/vocabulary';

export interface FinalRankingRow {
  branch: string;
  rank: number;
  total: number;
  process: number;
  defense: number;
  advanced: boolean;
  eligible: boolean;
  ineligibleReason: string | null;
}

export interface ReportInput {
  config: Config;
  branches: Branch[];
  activities: Activity[];
  monthlyResults: MonthlyResult[];
  showcase: ShowcasePick[];
  defenseScores: DefenseScore[];
  defenseResults: DefenseResult[];
  awards: Award[];
  finalRanking: FinalRankingRow[];
  /** Local time `YYYY-MM-DD HH:mm:ss`, from the caller's clock. */
  generatedAt: string;
}

/** A branch as the report names it. */
export interface BranchRef {
  id: string;
  name: string;
}

export interface ReportHeadline {
  /** Every application in `Branches`, whatever its status. */
  branchesApplied: number;
  /** Branches with status `approved`. */
  branchesTakingPart: number;
  /** Activities not marked `rejected` or `duplicate`. */
  activitiesCounted: number;
  /** Per tier (vocabulary order): approved branches and their counted activities. */
  byTier: { tier: Tier; branches: number; activities: number }[];
  /** Every programme month, with its star branches (empty until the month is finalised). */
  starBranchesByMonth: { month: string; branches: BranchRef[] }[];
  /** Star-branch-of-the-month titles over the year. */
  starBranchTitles: number;
  /** Showcase presentations over the year (rows of `Showcase`). */
  showcasePicks: number;
  /** Per award kind (vocabulary order). */
  awardsByKind: { kind: AwardKind; count: number }[];
  /** Branches marked advanced in the final ranking. */
  advancedBranches: number;
  /** Final-ranking rows with an ineligibility reason; null when there is no final ranking yet. */
  nonCompliant: number | null;
}

export interface StarCell {
  stars: number;
  /** Monthly activity score, "82.50". */
  score: string;
  rank: number;
  presented: boolean;
  starBranch: boolean;
  /** The staff veto reason (一票否决), when stars were forced to zero. */
  veto: string | null;
}

export interface StarRow {
  branch: string;
  name: string;
  tier: Tier | null;
  /** One per month of `ReportModel.months`; null when the month has no result for the branch. */
  cells: (StarCell | null)[];
  totalStars: number;
  starBranchTitles: number;
}

export interface ActivityMonth {
  month: string;
  /** Counted activities per kind (every kind present, 0 when none). */
  counts: Record<ActivityKind, number>;
  total: number;
}

export type JudgeMarkStatus =
  'counted' | 'dropped-high' | 'dropped-low' | 'superseded' | 'conflict';

export interface JudgeMark {
  judge: string;
  responseId: string;
  /** Σ weight × mark as plotted; null when the sheet has neither a total nor every mark. */
  value: number | null;
  /** `value` rounded half-up, "87.50"; null with it. */
  display: string | null;
  status: JudgeMarkStatus;
  /** Why a sheet is superseded or a conflict, as screening wrote it. */
  reason: string | null;
}

export interface DefenseBranch {
  branch: string;
  name: string;
  /** Official rank from `DefenseResults`, null when not ranked. */
  rank: number | null;
  /** Counted sheets (dropped ones included), as `minJudges` is checked against. */
  judgesCounted: number;
  incomplete: boolean;
  /** Where the mean line goes: the official score, or the recomputed one when there is none. */
  score: { value: number; display: string; source: 'official' | 'recomputed' } | null;
  /** One per submitted sheet, sorted by value (unplottable last), then judge. */
  marks: JudgeMark[];
  /** `criterion` mode only: the per-criterion marks the trimming dropped. */
  droppedCriterionMarks: {
    judge: string;
    criterion: string;
    value: string;
    side: TrimSide;
  }[];
  /** The `DefenseResults.dropped` text as written by the aggregation job. */
  officialDropped: string | null;
}

export interface RankingRow {
  rank: number;
  branch: string;
  name: string;
  tier: Tier | null;
  total: string;
  process: string;
  defense: string;
  advanced: boolean;
  eligible: boolean;
  ineligibleReason: string | null;
}

export interface ReportModel {
  programYear: string;
  collegeName: string;
  /** The workbook's locale: the page's default language. */
  locale: Locale;
  programStart: string;
  programEnd: string;
  generatedAt: string;
  /** Every month of the programme, `YYYY-MM`, in order. */
  months: string[];
  headline: ReportHeadline;
  stars: StarRow[];
  activities: {
    /** Kinds in vocabulary order: the stacking and legend order. */
    kinds: ActivityKind[];
    byMonth: ActivityMonth[];
    /** Counted activities per kind over the programme months. */
    kindTotals: Record<ActivityKind, number>;
    /** Counted activities dated outside the programme months (not plotted). */
    outsideProgramme: number;
  };
  defense: {
    /** Highest possible judge total: Σ weight × max over the rubric. */
    maxTotal: number;
    trimFrom: number;
    trimCount: number;
    minJudges: number;
    aggregateBy: 'total' | 'criterion';
    branches: DefenseBranch[];
  };
  ranking: RankingRow[];
}

export function buildReportModel(input: ReportInput): ReportModel {
  const { config } = input;
  const months = monthsBetween(monthOf(config.programStart), monthOf(config.programEnd));
  const names = branchNames(input);
  const tierOf = new Map<string, Tier>(input.branches.map((b) => [b.id, b.tier]));
  const nameOf = (id: string) => names.get(id) ?? id;
  const ref = (id: string): BranchRef => ({ id, name: nameOf(id) });

  const approved = input.branches.filter((b) => b.status === 'approved');
  const counted = input.activities.filter(
    (a) => a.status !== 'rejected' && a.status !== 'duplicate',
  );
  const inProgramme = new Set(months);
  const monthly = input.monthlyResults.filter((r) => inProgramme.has(r.month));

  const starBranchesByMonth = months.map((month) => ({
    month,
    branches: monthly
      .filter((r) => r.month === month && r.starBranch === true)
      .map((r) => r.branch)
      .sort(compareIds)
      .map(ref),
  }));

  const headline: ReportHeadline = {
    branchesApplied: input.branches.length,
    branchesTakingPart: approved.length,
    activitiesCounted: counted.length,
    byTier: TIERS.map((t) => ({
      tier: t.key,
      branches: approved.filter((b) => b.tier === t.key).length,
      activities: counted.filter((a) => tierOf.get(a.branch) === t.key).length,
    })),
    starBranchesByMonth,
    starBranchTitles: starBranchesByMonth.reduce((n, m) => n + m.branches.length, 0),
    showcasePicks: input.showcase.length,
    awardsByKind: AWARD_KINDS.map((k) => ({
      kind: k.key,
      count: input.awards.filter((a) => a.kind === k.key).length,
    })),
    advancedBranches: input.finalRanking.filter((r) => r.advanced).length,
    nonCompliant:
      input.finalRanking.length === 0
        ? null
        : input.finalRanking.filter((r) => r.ineligibleReason !== null).length,
  };

  return {
    programYear: config.programYear,
    collegeName: config.collegeName,
    locale: config.locale,
    programStart: config.programStart,
    programEnd: config.programEnd,
    generatedAt: input.generatedAt,
    months,
    headline,
    stars: starRows(approved, monthly, months, nameOf, tierOf),
    activities: activityCounts(counted, months),
    defense: defenseSection(input, nameOf),
    ranking: rankingRows(input.finalRanking, nameOf, tierOf),
  };
}

// ——— names ———

/** Branch id → name: the `Branches` table first, then names copied onto result rows. */
function branchNames(input: ReportInput): Map<string, string> {
  const names = new Map<string, string>();
  const offer = (id: string, name: string | null) => {
    if (name !== null && name.trim() !== '' && !names.has(id)) names.set(id, name.trim());
  };
  for (const b of input.branches) offer(b.id, b.name);
  for (const r of input.monthlyResults) offer(r.branch, r.branchName);
  for (const r of input.defenseResults) offer(r.branch, r.branchName);
  for (const s of input.showcase) offer(s.branch, s.branchName);
  for (const a of input.awards) if (a.kind === 'branch') offer(a.branch, a.recipient);
  return names;
}

// ——— monthly stars ———

function starRows(
  approved: readonly Branch[],
  monthly: readonly MonthlyResult[],
  months: readonly string[],
  nameOf: (id: string) => string,
  tierOf: ReadonlyMap<string, Tier>,
): StarRow[] {
  const ids = [...new Set([...approved.map((b) => b.id), ...monthly.map((r) => r.branch)])].sort(
    compareIds,
  );
  const byKey = new Map(monthly.map((r) => [`${r.month}\u0000${r.branch}`, r]));
  return ids.map((branch) => {
    const cells = months.map((month): StarCell | null => {
      const r = byKey.get(`${month}\u0000${branch}`);
      if (r === undefined) return null;
      return {
        stars: r.stars,
        score: formatFixed(r.score),
        rank: r.rank,
        presented: r.presented === true,
        starBranch: r.starBranch === true,
        veto: r.veto !== null && r.veto.trim() !== '' ? r.veto : null,
      };
    });
    const present = cells.filter((c): c is StarCell => c !== null);
    return {
      branch,
      name: nameOf(branch),
      tier: tierOf.get(branch) ?? null,
      cells,
      totalStars: present.reduce((n, c) => n + c.stars, 0),
      starBranchTitles: present.filter((c) => c.starBranch).length,
    };
  });
}

// ——— activities ———

function zeroKinds(): Record<ActivityKind, number> {
  return Object.fromEntries(ACTIVITY_KINDS.map((k) => [k.key, 0])) as Record<ActivityKind, number>;
}

function activityCounts(counted: readonly Activity[], months: readonly string[]) {
  const byMonth = new Map<string, ActivityMonth>(
    months.map((month) => [month, { month, counts: zeroKinds(), total: 0 }]),
  );
  const kindTotals = zeroKinds();
  let outsideProgramme = 0;
  for (const a of counted) {
    const row = byMonth.get(monthOf(a.date));
    if (row === undefined) {
      outsideProgramme += 1;
      continue;
    }
    row.counts[a.kind] += 1;
    row.total += 1;
    kindTotals[a.kind] += 1;
  }
  return {
    kinds: ACTIVITY_KINDS.map((k) => k.key),
    byMonth: [...byMonth.values()],
    kindTotals,
    outsideProgramme,
  };
}

// ——— defense ———

interface Trim {
  side: Map<string, TrimSide>;
  score: Map<string, Dec>;
  droppedCriterion: Map<string, DefenseBranch['droppedCriterionMarks']>;
}

function defenseSection(
  input: ReportInput,
  nameOf: (id: string) => string,
): ReportModel['defense'] {
  const { config } = input;
  // Criteria are named in the workbook's language, as its score sheet's header names them.
  const label = (c: (typeof config.defenseRubric)[number]) =>
    config.locale === 'en' ? c.en : c.zh;
  const rubric: Criterion[] = config.defenseRubric.map((c) => ({
    key: c.key,
    label: label(c),
    max: c.max,
    weight: c.weight,
  }));
  const labelOf = new Map(config.defenseRubric.map((c) => [c.key, label(c)]));
  const options: AggregateOptions = {
    mode: config.aggregateBy,
    trimFrom: config.trimFrom,
    trimCount: config.trimCount,
    minJudges: config.minJudges,
    normalizeJudges: config.normalizeJudges,
  };
  const scores = input.defenseScores.map((s) => ({
    ...s,
    judge: s.judge.trim(),
    branch: s.branch.trim(),
  }));
  const totalOf = (s: DefenseScore): Dec | null => {
    if (s.total !== null && s.total !== undefined) return dec(s.total);
    if (rubric.some((c) => typeof s.marks[c.key] !== 'number')) return null;
    return sum(rubric.map((c) => dec(s.marks[c.key]!).times(c.weight ?? 1)));
  };
  const counted = scores.filter((s) => s.status === 'counted');
  const trim =
    trimByAggregator(counted, rubric, options, labelOf) ??
    trimStoredTotals(counted, totalOf, options);
  const results = new Map(input.defenseResults.map((r) => [r.branch.trim(), r]));

  const ids = [...new Set([...scores.map((s) => s.branch), ...results.keys()])];
  const scoresByBranch = groupBy(scores, (s) => s.branch);
  const branches = ids.map((branch): DefenseBranch => {
    const official = results.get(branch);
    const own = scoresByBranch.get(branch) ?? [];
    const ownCounted = own.filter((s) => s.status === 'counted');
    const marks = own
      .map((s): JudgeMark => {
        const total = totalOf(s);
        const side =
          s.status === 'counted' ? trim.side.get(`${branch}\u0000${s.responseId}`) : undefined;
        const status: JudgeMarkStatus =
          s.status !== 'counted' ? s.status : side === undefined ? 'counted' : `dropped-${side}`;
        return {
          judge: s.judge,
          responseId: s.responseId,
          value: total === null ? null : total.toNumber(),
          display: total === null ? null : formatFixed(total),
          status,
          reason: s.status === 'counted' ? null : s.reason,
        };
      })
      .sort(
        (a, b) =>
          (a.value === null ? 1 : 0) - (b.value === null ? 1 : 0) ||
          (a.value ?? 0) - (b.value ?? 0) ||
          compareIds(a.judge, b.judge) ||
          compareIds(a.responseId, b.responseId),
      );
    const recomputed = trim.score.get(branch);
    const score =
      official !== undefined && official.score !== null
        ? {
            value: official.score,
            display: formatFixed(official.score),
            source: 'official' as const,
          }
        : official === undefined && recomputed !== undefined
          ? {
              value: recomputed.toNumber(),
              display: formatFixed(recomputed),
              source: 'recomputed' as const,
            }
          : null;
    return {
      branch,
      name: nameOf(branch),
      rank: official?.rank ?? null,
      judgesCounted: official?.judgesCounted ?? ownCounted.length,
      incomplete: official?.incomplete ?? ownCounted.length < config.minJudges,
      score,
      marks,
      droppedCriterionMarks: trim.droppedCriterion.get(branch) ?? [],
      officialDropped: official?.dropped ?? null,
    };
  });
  branches.sort(
    (a, b) =>
      (a.rank === null ? 1 : 0) - (b.rank === null ? 1 : 0) ||
      (a.rank ?? 0) - (b.rank ?? 0) ||
      compareIds(a.branch, b.branch),
  );

  const maxTotal = sum(config.defenseRubric.map((c) => dec(c.max).times(c.weight))).toNumber();
  return {
    maxTotal,
    trimFrom: config.trimFrom,
    trimCount: config.trimCount,
    minJudges: config.minJudges,
    aggregateBy: config.aggregateBy,
    branches,
  };
}

/** The trimming `DefenseResults` used, by the same aggregator; null when the sheets will not aggregate. */
function trimByAggregator(
  counted: readonly DefenseScore[],
  rubric: readonly Criterion[],
  options: AggregateOptions,
  labelOf: ReadonlyMap<string, string>,
): Trim | null {
  const sheets: ScoreSheet[] = counted.map((s) => ({
    judge: s.judge,
    subject: s.branch,
    marks: s.marks,
  }));
  let results;
  try {
    results = aggregate(sheets, rubric, options);
  } catch {
    return null;
  }
  const trim: Trim = { side: new Map(), score: new Map(), droppedCriterion: new Map() };
  const responseOf = new Map(counted.map((s) => [`${s.branch}\u0000${s.judge}`, s.responseId]));
  for (const r of results) {
    trim.score.set(r.subject, r.score);
    for (const t of r.totals) {
      const responseId = responseOf.get(`${r.subject}\u0000${t.judge}`);
      if (t.dropped !== null && responseId !== undefined) {
        trim.side.set(`${r.subject}\u0000${responseId}`, t.dropped);
      }
    }
    const byCriterion = r.dropped.filter((d) => d.criterion !== null);
    if (byCriterion.length > 0) {
      trim.droppedCriterion.set(
        r.subject,
        byCriterion.map((d) => ({
          judge: d.judge,
          criterion: labelOf.get(d.criterion!) ?? d.criterion!,
          value: formatFixed(d.value),
          side: d.side,
        })),
      );
    }
  }
  return trim;
}

/**
 * The aggregator's trimming on stored totals, for sheets it refuses: with ≥ `trimFrom` counted
 * sheets, the `trimCount` lowest then the `trimCount` highest go; equal totals drop the judge whose
 * name sorts first. Sheets without a total are left out.
 */
function trimStoredTotals(
  counted: readonly DefenseScore[],
  totalOf: (s: DefenseScore) => Dec | null,
  options: AggregateOptions,
): Trim {
  const trim: Trim = { side: new Map(), score: new Map(), droppedCriterion: new Map() };
  const groups = new Map<string, { s: DefenseScore; total: Dec }[]>();
  for (const s of counted) {
    const total = totalOf(s);
    if (total === null) continue;
    const group = groups.get(s.branch) ?? [];
    group.push({ s, total });
    groups.set(s.branch, group);
  }
  const k = options.trimCount;
  for (const [branch, group] of groups) {
    const byJudge = (a: { s: DefenseScore }, b: { s: DefenseScore }) =>
      compareIds(a.s.judge, b.s.judge) || compareIds(a.s.responseId, b.s.responseId);
    let kept = group;
    if (group.length >= options.trimFrom && k > 0) {
      const ascending = [...group].sort((a, b) => a.total.comparedTo(b.total) || byJudge(a, b));
      const low = ascending.slice(0, k);
      const descending = ascending
        .slice(k)
        .sort((a, b) => b.total.comparedTo(a.total) || byJudge(a, b));
      const high = descending.slice(0, k);
      kept = descending.slice(k);
      for (const x of low) trim.side.set(`${branch}\u0000${x.s.responseId}`, 'low');
      for (const x of high) trim.side.set(`${branch}\u0000${x.s.responseId}`, 'high');
    }
    if (kept.length > 0) trim.score.set(branch, mean(kept.map((x) => x.total)));
  }
  return trim;
}

// ——— final ranking ———

function rankingRows(
  rows: readonly FinalRankingRow[],
  nameOf: (id: string) => string,
  tierOf: ReadonlyMap<string, Tier>,
): RankingRow[] {
  return rows
    .map((r, index) => ({ r, index }))
    .sort((a, b) => a.r.rank - b.r.rank || a.index - b.index)
    .map(({ r }) => ({
      rank: r.rank,
      branch: r.branch,
      name: nameOf(r.branch),
      tier: tierOf.get(r.branch) ?? null,
      total: formatFixed(r.total),
      process: formatFixed(r.process),
      defense: formatFixed(r.defense),
      advanced: r.advanced,
      eligible: r.eligible,
      ineligibleReason: r.ineligibleReason,
    }));
}
