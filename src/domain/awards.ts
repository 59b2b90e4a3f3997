/**
 * Choosing the advanced branches (先进党支部) and excellent members (优秀学生党员).
 *
 * Branches are ranked by final score (competition ranking, ties broken by defense score, then
 * process score, then branch id). Only eligible branches take a place: approved, and compliant with
 * the semester rule unless staff granted an override or the rule is switched off. Places go down
 * the eligible list until the count (or each tier's quota) is filled; a branch tied on score with
 * the last place also gets one, because two equal scores cannot be told apart fairly.
 */
import type { Config } from './config';
import type { Dec } from './decimal';
import type { FinalScore } from './finalScore';
import { compareIds, rankBy } from './ranking';
import { t } from './messages';
import type { Locale, Tier } from './vocabulary';

export interface AwardCandidate {
  readonly branch: string;
  readonly tier: Tier;
  readonly compliant: boolean;
  readonly complianceOverride: boolean;
  readonly score: FinalScore;
}

export interface RankedCandidate {
  readonly branch: string;
  readonly tier: Tier;
  readonly rank: number;
  readonly order: number;
  readonly total: Dec;
  readonly eligible: boolean;
  /** Why a branch cannot be awarded, in staff's words; null when it can. */
  readonly ineligibleReason: string | null;
  readonly advanced: boolean;
}

export type AwardRules = Pick<
  Config,
  'advancedBranchCount' | 'tierQuotas' | 'requireCompliance'
> & {
  /** The language of the reasons; the programme's default when not given. */
  readonly locale?: Locale;
};

function ineligibleReason(candidate: AwardCandidate, rules: AwardRules): string | null {
  if (!rules.requireCompliance || candidate.compliant || candidate.complianceOverride) return null;
  return t(rules.locale ?? 'zh-CN', 'jobs.awards.shortOfThemes');
}

export function selectAdvancedBranches(
  candidates: readonly AwardCandidate[],
  rules: AwardRules,
): RankedCandidate[] {
  const ranked = rankBy(candidates, (c) => c.score.total, [
    (a, b) => b.score.defense.comparedTo(a.score.defense),
    (a, b) => b.score.process.comparedTo(a.score.process),
    (a, b) => compareIds(a.branch, b.branch),
  ]);
  const taken = new Map<string, { count: number; lastTotal: Dec | null }>();
  return ranked.map(({ item, rank, order }) => {
    const reason = ineligibleReason(item, rules);
    const pool = rules.tierQuotas ? item.tier : 'all';
    const quota = rules.tierQuotas ? rules.tierQuotas[item.tier] : rules.advancedBranchCount;
    const state = taken.get(pool) ?? { count: 0, lastTotal: null };
    const tiesLastPlace = state.lastTotal !== null && state.lastTotal.eq(item.score.total);
    const advanced = reason === null && (state.count < quota || tiesLastPlace) && quota > 0;
    if (advanced) taken.set(pool, { count: state.count + 1, lastTotal: item.score.total });
    return {
      branch: item.branch,
      tier: item.tier,
      rank,
      order,
      total: item.score.total,
      eligible: reason === null,
      ineligibleReason: reason,
      advanced,
    };
  });
}

/** Award ids are derived from what is awarded, so re-running the selection never adds rows. */
export function branchAwardId(branch: string): string {
  return `ADV-${branch}`;
}

export function memberAwardId(branch: string, studentId: string): string {
  return `MEM-${branch}-${studentId}`;
}
