/**
 * Month-end results (DESIGN §2): the monthly activity score, its stars (with optional quotas on
 * the top levels and the staff veto), and the month's competition rank.
 */
import type { YearMonth } from './calendar';
import { Dec, dec, roundHalfUp } from './decimal';
import { compareIds, rankBy } from './ranking';

export const DEFAULT_STAR_THRESHOLDS: readonly number[] = [90, 75, 60, 40];

/** min(100, points / target × 100), at full precision; callers round for display. */
export function monthlyScore(points: Dec, monthlyTarget: number): Dec {
  if (!Number.isFinite(monthlyTarget) || monthlyTarget <= 0) {
    throw new RangeError(`monthlyTarget must be a positive number, got ${monthlyTarget}`);
  }
  // Points are never negative (rejected and duplicate activities earn 0): a negative sum is a bug.
  if (points.isNaN() || points.isNegative()) {
    throw new RangeError(`monthly points must be zero or more, got ${points.toString()}`);
  }
  // Multiply before dividing so that e.g. 27 × 100 / 30 is exactly 90.
  return Dec.min(100, points.times(100).div(monthlyTarget));
}

/**
 * Stars for a score: with thresholds [90, 75, 60, 40], ≥90 → 5, ≥75 → 4, ≥60 → 3, ≥40 → 2,
 * any score above 0 → 1, exactly 0 → none. The thresholds may come in any order.
 */
export function starsFor(score: Dec, thresholds: readonly number[]): number {
  for (const t of thresholds) {
    if (!Number.isFinite(t) || t <= 0) throw new RangeError(`star threshold must be > 0: ${t}`);
  }
  if (score.lte(0)) return 0;
  const descending = [...thresholds].sort((a, b) => b - a);
  const met = descending.findIndex((t) => score.gte(t));
  return met === -1 ? 1 : descending.length + 1 - met;
}

/** How many branches a percent quota allows: floor(n × q / 100), computed exactly. */
export function quotaLimit(rankedBranches: number, quotaPercent: number): number {
  if (!Number.isFinite(quotaPercent) || quotaPercent < 0 || quotaPercent > 100) {
    throw new RangeError(`star quota must be a percentage 0–100, got ${quotaPercent}`);
  }
  // Decimal arithmetic so that e.g. 30 × 33.3 / 100 is 9.99, not a float just below or above.
  return dec(rankedBranches).times(quotaPercent).div(100).floor().toNumber();
}

export interface StarEntry {
  readonly branch: string;
  readonly score: Dec;
  readonly stars: number;
}

/**
 * Caps the share of 5★ and 4★ branches. Quotas are percentages of the ranked branches (every
 * entry passed in, whatever its stars): at most floor(n × q / 100) branches keep the level.
 * `null` means no cap.
 *
 * - Over the quota, the lowest scores drop one level, so the highest scores keep the level.
 * - The 5★ quota is applied first; a branch demoted to 4★ then competes for the 4★ places by its
 *   score like any other 4★ branch. Its score is higher than a native 4★ branch's, so native 4★
 *   branches give way first; only when more branches are demoted than there are 4★ places does a
 *   demoted branch fall on to 3★.
 * - Ties at the boundary are demoted together: a branch keeps the level only if the branches at
 *   that level scoring at least as much as it does fit in the quota. Equal scores therefore
 *   always get equal stars, and the cap is never exceeded (even if that leaves places unused).
 *   Breaking the tie by branch id would hand out a star by alphabet.
 */
export function applyStarQuotas<T extends StarEntry>(
  entries: readonly T[],
  quota5: number | null,
  quota4: number | null,
): T[] {
  const stars = entries.map((e) => e.stars);
  const levels: [number, number | null][] = [
    [5, quota5],
    [4, quota4],
  ];
  for (const [level, quota] of levels) {
    if (quota === null) continue;
    const limit = quotaLimit(entries.length, quota);
    const atLevel = entries.filter((_, i) => stars[i] === level);
    if (atLevel.length <= limit) continue;
    entries.forEach((entry, i) => {
      if (stars[i] !== level) return;
      const atLeastAsHigh = atLevel.filter((other) => other.score.gte(entry.score)).length;
      if (atLeastAsHigh > limit) stars[i] = level - 1;
    });
  }
  return entries.map((entry, i) => ({ ...entry, stars: stars[i] ?? entry.stars }));
}

/** A staff veto (一票否决) with a reason forces zero stars; a blank reason is no veto. */
export function applyVeto(stars: number, veto: string | undefined): number {
  return hasVeto(veto) ? 0 : stars;
}

function hasVeto(veto: string | undefined): veto is string {
  return veto !== undefined && veto.trim() !== '';
}

export interface MonthBranchInput {
  readonly branch: string;
  /** Σ activity points in the month. */
  readonly points: Dec;
  /** Distinct "七个一" themes done in the month (display tie-break). */
  readonly distinctThemes: number;
  /** Latest report's submission time, `YYYY-MM-DD HH:mm:ss`; null when nothing was reported. */
  readonly lastSubmittedAt: string | null;
  readonly veto?: string;
}

export interface FinaliseMonthInput {
  readonly month: YearMonth;
  readonly branches: readonly MonthBranchInput[];
  readonly monthlyTarget: number;
  readonly thresholds: readonly number[];
  readonly quota5: number | null;
  readonly quota4: number | null;
}

export interface MonthResult {
  readonly month: YearMonth;
  readonly branch: string;
  readonly points: Dec;
  /** Full precision. Stars and rank are decided on this rounded half-up to 2 places. */
  readonly score: Dec;
  readonly stars: number;
  readonly rank: number;
  readonly order: number;
  readonly veto?: string;
}

/**
 * The month's results, in display order.
 *
 * Stars, quotas and rank use the score as people see it (rounded half-up to 2 places), so a
 * branch shown at 90.00 never gets 4★ and two branches shown at 33.33 share a rank.
 * A veto is applied before the quotas: a vetoed branch keeps its rank (it is still one of the
 * ranked branches that the quota percentages count) but does not take up a 5★ or 4★ place.
 * Display tie-break among equal scores: more distinct themes, then earlier last submission
 * (none last), then branch id.
 */
export function finaliseMonth(input: FinaliseMonthInput): MonthResult[] {
  const seen = new Set<string>();
  for (const b of input.branches) {
    if (seen.has(b.branch)) throw new RangeError(`${input.month}: branch ${b.branch} listed twice`);
    seen.add(b.branch);
  }

  const scored = input.branches.map((b) => {
    const score = monthlyScore(b.points, input.monthlyTarget);
    const shown = roundHalfUp(score, 2);
    const stars = applyVeto(starsFor(shown, input.thresholds), b.veto);
    return { input: b, branch: b.branch, score: shown, fullScore: score, stars };
  });

  // Vetoed branches have 0 stars here, so they cannot occupy a quota place.
  const capped = applyStarQuotas(scored, input.quota5, input.quota4);

  const ranked = rankBy(capped, (c) => c.score, [
    (a, b) => b.input.distinctThemes - a.input.distinctThemes,
    (a, b) => compareSubmittedAt(a.input.lastSubmittedAt, b.input.lastSubmittedAt),
    (a, b) => compareIds(a.branch, b.branch),
  ]);

  return ranked.map(({ item, rank, order }) => {
    const result: MonthResult = {
      month: input.month,
      branch: item.branch,
      points: item.input.points,
      score: item.fullScore,
      stars: item.stars,
      rank,
      order,
    };
    return hasVeto(item.input.veto) ? { ...result, veto: item.input.veto.trim() } : result;
  });
}

/** Earlier submission first; a branch that submitted nothing goes last. */
function compareSubmittedAt(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return compareIds(a, b);
}
