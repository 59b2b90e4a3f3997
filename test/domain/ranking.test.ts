import fc from 'fast-check';
import { dec, type Dec } from '../../src/domain/decimal';
import { compareIds, rankBy } from '../../src/domain/ranking';

interface Row {
  id: string;
  score: Dec;
  themes?: number;
}

const row = (id: string, score: string, themes = 0): Row => ({ id, score: dec(score), themes });
const byScore = (r: Row) => r.score;

describe('rankBy', () => {
  it('gives standard competition ranks 1, 1, 3', () => {
    // 95 is alone on top; the two 90s share 2nd; 80 has three scores above it → 1 + 3 = 4.
    const ranked = rankBy(
      [row('A', '90'), row('B', '95'), row('C', '90'), row('D', '80')],
      byScore,
    );
    expect(ranked.map((r) => [r.item.id, r.rank, r.order])).toEqual([
      ['B', 1, 1],
      ['A', 2, 2],
      ['C', 2, 3],
      ['D', 4, 4],
    ]);
  });

  it('ranks 1, 1, 3 when the tie is at the top', () => {
    const ranked = rankBy([row('A', '88.5'), row('B', '88.50'), row('C', '70')], byScore);
    // 88.5 and 88.50 are the same decimal, so they tie.
    expect(ranked.map((r) => r.rank)).toEqual([1, 1, 3]);
  });

  it('treats scores that differ only in the far decimals as different', () => {
    const ranked = rankBy([row('A', '90.000000001'), row('B', '90')], byScore);
    expect(ranked.map((r) => [r.item.id, r.rank])).toEqual([
      ['A', 1],
      ['B', 2],
    ]);
  });

  it('uses the tie-breaks for display order only, then input order', () => {
    const items = [row('A', '80', 2), row('B', '80', 5), row('C', '80', 2), row('D', '90', 0)];
    const ranked = rankBy(items, byScore, [(a, b) => (b.themes ?? 0) - (a.themes ?? 0)]);
    // D wins on score; B has more themes; A and C are tied on both, so input order: A before C.
    expect(ranked.map((r) => `${r.item.id}${r.rank}/${r.order}`)).toEqual([
      'D1/1',
      'B2/2',
      'A2/3',
      'C2/4',
    ]);
  });

  it('tries the tie-breaks in turn', () => {
    const items = [row('Z', '50', 1), row('Y', '50', 1), row('X', '50', 0)];
    const ranked = rankBy(items, byScore, [
      (a, b) => (b.themes ?? 0) - (a.themes ?? 0),
      (a, b) => compareIds(a.id, b.id),
    ]);
    expect(ranked.map((r) => r.item.id)).toEqual(['Y', 'Z', 'X']);
  });

  it('handles no items and one item', () => {
    expect(rankBy([], byScore)).toEqual([]);
    expect(rankBy([row('A', '0')], byScore)).toEqual([{ item: row('A', '0'), rank: 1, order: 1 }]);
  });

  it('does not change the input array', () => {
    const items = [row('A', '1'), row('B', '2')];
    rankBy(items, byScore);
    expect(items.map((r) => r.id)).toEqual(['A', 'B']);
  });

  it('refuses a NaN score', () => {
    expect(() => rankBy([row('A', '1'), { id: 'B', score: dec(NaN) }], byScore)).toThrow(/item 2/);
  });

  const rowsArb = fc.array(fc.record({ id: fc.string(), cents: fc.integer({ min: 0, max: 30 }) }), {
    maxLength: 25,
  });
  const toRows = (rs: { id: string; cents: number }[]) =>
    rs.map((r) => ({ id: r.id, score: dec(r.cents).div(10) }));

  it('property: rank = 1 + number of strictly higher scores; equal scores share a rank', () => {
    fc.assert(
      fc.property(rowsArb, (raw) => {
        const rows = toRows(raw);
        const ranked = rankBy(rows, byScore);
        for (const r of ranked) {
          const higher = rows.filter((o) => o.score.gt(r.item.score)).length;
          expect(r.rank).toBe(1 + higher);
        }
        for (const a of ranked) {
          for (const b of ranked) {
            if (a.item.score.eq(b.item.score)) expect(a.rank).toBe(b.rank);
          }
        }
      }),
    );
  });

  it('property: order is 1..n, by descending score, and every item appears once', () => {
    fc.assert(
      fc.property(rowsArb, (raw) => {
        const rows = toRows(raw);
        const ranked = rankBy(rows, byScore);
        expect(ranked.map((r) => r.order)).toEqual(rows.map((_, i) => i + 1));
        expect(new Set(ranked.map((r) => r.item)).size).toBe(rows.length);
        for (let i = 1; i < ranked.length; i++) {
          const [prev, cur] = [ranked[i - 1]!, ranked[i]!];
          expect(prev.item.score.gte(cur.item.score)).toBe(true);
          expect(prev.rank).toBeLessThanOrEqual(cur.rank);
          expect(cur.rank).toBeLessThanOrEqual(cur.order);
        }
      }),
    );
  });
});

describe('compareIds', () => {
  it('compares by code units, not locale', () => {
    expect(['B10', 'b2', 'B2', 'B1'].sort(compareIds)).toEqual(['B1', 'B10', 'B2', 'b2']);
    expect(compareIds('B1', 'B1')).toBe(0);
  });
});
