/**
 * Month-end showcase selection (DESIGN §2): the top branches by month-to-date score plus random
 * spot checks, skipping branches that presented recently. The spot-check draw is seeded from the
 * programme year and month, so anyone can re-run it and get the same list.
 */
import { addMonths, isValidMonth, type YearMonth } from './calendar';
import { type Dec, formatFixed, roundHalfUp } from './decimal';
import { createRng, sample } from './prng';
import { compareIds, rankBy } from './ranking';
import { t } from './messages';
import type { Locale, ShowcaseReason } from './vocabulary';

export interface ShowcaseInput {
  readonly programYear: string;
  readonly month: YearMonth;
  /** Month-to-date activity score of every approved branch. */
  readonly scores: readonly { readonly branch: string; readonly score: Dec }[];
  readonly recentPresenters: readonly { readonly branch: string; readonly month: YearMonth }[];
  readonly topK: number;
  readonly cooldownMonths: number;
  readonly spotCheckCount: number;
  /** The language of the picks' notes; the programme's default when not given. */
  readonly locale?: Locale;
}

export interface ShowcasePick {
  readonly branch: string;
  readonly reason: ShowcaseReason;
  /** Why this branch was picked, in the workbook's language, with what is needed to check it. */
  readonly note: string;
}

/** The seed of a month's spot-check draw, written into each spot check's note. */
export function showcaseSeed(programYear: string, month: YearMonth): string {
  return `${programYear}:${month}`;
}

/**
 * Branches that presented in the `cooldownMonths` months before `month` (strictly before: a
 * re-run of this month's draw must not be blocked by its own earlier result).
 */
export function branchesInCooldown(
  month: YearMonth,
  recentPresenters: ShowcaseInput['recentPresenters'],
  cooldownMonths: number,
): Set<string> {
  const from = addMonths(month, -cooldownMonths);
  return new Set(
    recentPresenters.filter((p) => p.month >= from && p.month < month).map((p) => p.branch),
  );
}

/**
 * Top picks first (by score, then branch id), then spot checks in draw order.
 *
 * - Scores are compared as shown (rounded half-up to 2 places); the note's rank is the branch's
 *   competition rank among all approved branches, cooldown or not, so it matches the month's table.
 * - A branch with a score of 0 is never a "top" pick (it has nothing to demonstrate) but stays in
 *   the spot-check pool: checking on an inactive branch is what a spot check is for.
 * - The spot-check pool is every branch not in cooldown and not already picked, sorted by branch
 *   id, so the order of the input rows cannot change the draw.
 * - With fewer eligible branches than places, every eligible branch is picked.
 */
export function drawShowcase(input: ShowcaseInput): ShowcasePick[] {
  if (!isValidMonth(input.month)) throw new RangeError(`showcase: bad month ${input.month}`);
  for (const key of ['topK', 'cooldownMonths', 'spotCheckCount'] as const) {
    const n = input[key];
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`showcase: ${key} must be ≥ 0: ${n}`);
  }
  const seen = new Set<string>();
  for (const s of input.scores) {
    if (seen.has(s.branch)) throw new RangeError(`showcase: branch ${s.branch} listed twice`);
    seen.add(s.branch);
  }

  const cooling = branchesInCooldown(input.month, input.recentPresenters, input.cooldownMonths);
  const locale = input.locale ?? 'zh-CN';
  const ranked = rankBy(input.scores, (s) => roundHalfUp(s.score, 2), [
    (a, b) => compareIds(a.branch, b.branch),
  ]);

  const tops = ranked
    .filter(({ item }) => !cooling.has(item.branch) && item.score.gt(0))
    .slice(0, input.topK)
    .map(({ item, rank }): ShowcasePick => {
      const shown = formatFixed(item.score);
      return {
        branch: item.branch,
        reason: 'top',
        note: t(locale, 'jobs.showcase.topNote', { rank, score: shown }),
      };
    });

  const picked = new Set(tops.map((t) => t.branch));
  const pool = input.scores
    .map((s) => s.branch)
    .filter((b) => !cooling.has(b) && !picked.has(b))
    .sort(compareIds);
  const seed = showcaseSeed(input.programYear, input.month);
  const spots = sample(createRng(seed), pool, input.spotCheckCount).map((branch): ShowcasePick => ({
    branch,
    reason: 'spot',
    note: t(locale, 'jobs.showcase.spotNote', { pool: pool.length, seed }),
  }));

  return [...tops, ...spots];
}
