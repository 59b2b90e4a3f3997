/**
 * Star branch of the month (当月星级支部, DESIGN §2): among the month's presenters, the highest
 * on-site score wins.
 */
import type { Dec } from './decimal';
import { compareIds, rankBy } from './ranking';

export interface Presenter {
  readonly branch: string;
  /** On-site aggregate; null when the vote is incomplete or nobody voted. */
  readonly onsiteScore: Dec | null;
  /** The branch's monthly activity score, the first tie-break. */
  readonly monthlyScore: Dec;
}

/**
 * Up to `count` branches, best first. A presenter without an on-site score cannot win: an
 * incomplete vote is not a low vote, but it is not a result either. Ties: higher monthly activity
 * score, then branch id (so the outcome never depends on row order).
 */
export function pickStarBranches(input: {
  readonly presenters: readonly Presenter[];
  readonly count: number;
}): string[] {
  if (!Number.isInteger(input.count) || input.count < 0) {
    throw new RangeError(`starBranchesPerMonth must be a whole number ≥ 0, got ${input.count}`);
  }
  const voted = input.presenters.filter(
    (p): p is Presenter & { onsiteScore: Dec } => p.onsiteScore !== null,
  );
  return rankBy(voted, (p) => p.onsiteScore, [
    (a, b) => b.monthlyScore.comparedTo(a.monthlyScore),
    (a, b) => compareIds(a.branch, b.branch),
  ])
    .slice(0, input.count)
    .map(({ item }) => item.branch);
}
