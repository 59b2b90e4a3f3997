/**
 * Standard competition ranking ("1, 1, 3"): equal scores share a rank and the next distinct
 * score skips the shared places. Used for monthly ranks, defense ranks and the final ranking.
 */
import type { Dec } from './decimal';

export interface Ranked<T> {
  readonly item: T;
  /** Competition rank by score alone: 1 + the number of items with a strictly higher score. */
  readonly rank: number;
  /** Display position 1..n: score, then the tie-breaks, then input order. */
  readonly order: number;
}

export type TieBreak<T> = (a: T, b: T) => number;

/**
 * Ranks `items` by descending `score`. Ties in score share a rank (exact decimal equality, no
 * rounding here: callers pass the figure they want people to compare). `tieBreaks` only decide
 * the display order among equal scores; the last resort is input order, so the result is
 * deterministic for a given input.
 */
export function rankBy<T>(
  items: readonly T[],
  score: (item: T) => Dec,
  tieBreaks: readonly TieBreak<T>[] = [],
): Ranked<T>[] {
  const rows = items.map((item, index) => {
    const s = score(item);
    // A NaN would compare as neither higher nor lower and silently corrupt the ranks.
    if (s.isNaN()) throw new RangeError(`rankBy: score is not a number (item ${index + 1})`);
    return { item, index, score: s };
  });

  rows.sort((a, b) => {
    const byScore = b.score.comparedTo(a.score);
    if (byScore !== 0) return byScore;
    for (const tieBreak of tieBreaks) {
      const c = tieBreak(a.item, b.item);
      if (c !== 0) return c;
    }
    return a.index - b.index;
  });

  let rank = 0;
  return rows.map((row, i) => {
    // Sorted by descending score, so a new score starts at position i + 1 = 1 + #strictly higher.
    const previous = rows[i - 1];
    if (previous === undefined || !previous.score.eq(row.score)) rank = i + 1;
    return { item: row.item, rank, order: i + 1 };
  });
}

/**
 * Compares identifiers by UTF-16 code units, the same on every platform (`localeCompare` depends
 * on the host's ICU data, which Apps Script and Node do not share).
 */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
