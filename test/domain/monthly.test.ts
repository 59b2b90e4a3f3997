import fc from 'fast-check';
import { dec, roundHalfUp, type Dec } from '../../src/domain/decimal';
import {
  applyStarQuotas,
  applyVeto,
  DEFAULT_STAR_THRESHOLDS,
  finaliseMonth,
  type MonthBranchInput,
  monthlyScore,
  quotaLimit,
  starsFor,
} from '../../src/domain/monthly';

const T = DEFAULT_STAR_THRESHOLDS; // [90, 75, 60, 40]

describe('monthlyScore', () => {
  it('is points / target × 100', () => {
    // 27 / 30 × 100 = 90 exactly
    expect(monthlyScore(dec(27), 30).toString()).toBe('90');
    // 13.5 / 30 × 100 = 45
    expect(monthlyScore(dec('13.5'), 30).toString()).toBe('45');
  });

  it('is capped at 100', () => {
    // 80 / 30 × 100 = 266.67 → capped at 100; exactly 30 points is exactly 100
    expect(monthlyScore(dec(80), 30).toString()).toBe('100');
    expect(monthlyScore(dec(30), 30).toString()).toBe('100');
  });

  it('keeps full precision', () => {
    // 10 / 30 × 100 = 33.333… ; shown as 33.33
    const s = monthlyScore(dec(10), 30);
    expect(s.gt('33.3333333333')).toBe(true);
    expect(s.lt('33.3333333334')).toBe(true);
    expect(roundHalfUp(s).toFixed(2)).toBe('33.33');
  });

  it('is 0 for no points', () => {
    expect(monthlyScore(dec(0), 30).isZero()).toBe(true);
  });

  it('refuses a target that is not positive and negative points', () => {
    expect(() => monthlyScore(dec(10), 0)).toThrow(RangeError);
    expect(() => monthlyScore(dec(10), -30)).toThrow(RangeError);
    expect(() => monthlyScore(dec(10), NaN)).toThrow(RangeError);
    expect(() => monthlyScore(dec(-1), 30)).toThrow(RangeError);
    expect(() => monthlyScore(dec(NaN), 30)).toThrow(RangeError);
  });
});

describe('starsFor', () => {
  it.each([
    ['100', 5],
    ['90', 5],
    ['89.99', 4],
    ['75', 4],
    ['74.99', 3],
    ['60', 3],
    ['59.99', 2],
    ['40', 2],
    ['39.99', 1],
    ['0.01', 1],
    ['0', 0],
  ])('score %s → %i stars', (score, stars) => {
    expect(starsFor(dec(score), T)).toBe(stars);
  });

  it('works from the worked example 27 / 30 × 100 = 90 → 5★', () => {
    expect(starsFor(monthlyScore(dec(27), 30), T)).toBe(5);
  });

  it('accepts the thresholds in any order and any number of levels', () => {
    expect(starsFor(dec(61), [40, 90, 60, 75])).toBe(3);
    // three thresholds → at most 4 stars
    expect(starsFor(dec(95), [80, 50, 20])).toBe(4);
    expect(starsFor(dec(19), [80, 50, 20])).toBe(1);
    expect(starsFor(dec(5), [])).toBe(1);
  });

  it('refuses a threshold of 0 or less', () => {
    expect(() => starsFor(dec(50), [90, 0])).toThrow(RangeError);
    expect(() => starsFor(dec(50), [NaN])).toThrow(RangeError);
  });
});

describe('quotaLimit', () => {
  it('is floor(n × q / 100)', () => {
    expect(quotaLimit(20, 10)).toBe(2); // 20 × 10 / 100 = 2
    expect(quotaLimit(19, 10)).toBe(1); // 1.9 → 1
    expect(quotaLimit(9, 10)).toBe(0); // 0.9 → 0: no 5★ in a small month
    expect(quotaLimit(30, 33.3)).toBe(9); // 9.99 → 9, computed exactly
    expect(quotaLimit(7, 100)).toBe(7);
    expect(quotaLimit(7, 0)).toBe(0);
  });

  it('refuses a quota outside 0–100', () => {
    expect(() => quotaLimit(10, -1)).toThrow(RangeError);
    expect(() => quotaLimit(10, 101)).toThrow(RangeError);
    expect(() => quotaLimit(10, NaN)).toThrow(RangeError);
  });
});

/** n branches B01…, with the given leading scores, the rest at 50 (2★). */
function field(n: number, leading: string[]) {
  return Array.from({ length: n }, (_, i) => {
    const score = dec(leading[i] ?? '50');
    return { branch: `B${String(i + 1).padStart(2, '0')}`, score, stars: starsFor(score, T) };
  });
}
const starsOf = (entries: { branch: string; stars: number }[]) =>
  Object.fromEntries(entries.map((e) => [e.branch, e.stars]));

describe('applyStarQuotas', () => {
  it('20 branches, 5★ quota 10 %: at most 2 keep 5★, the lowest extra one drops to 4★', () => {
    // floor(20 × 10 / 100) = 2 places; three branches earned 5★ (98, 95, 92): 92 drops.
    const out = starsOf(applyStarQuotas(field(20, ['92', '98', '95']), 10, null));
    expect(out).toMatchObject({ B01: 4, B02: 5, B03: 5, B04: 2 });
    expect(Object.values(out).filter((s) => s === 5)).toHaveLength(2);
  });

  it('leaves everything alone with no quotas or when under the quota', () => {
    const entries = field(20, ['92', '98', '95', '80']);
    expect(applyStarQuotas(entries, null, null)).toEqual(entries);
    expect(applyStarQuotas(entries, 20, 30)).toEqual(entries); // 4 five-star places, 6 four-star
  });

  it('demotes branches tied at the boundary together', () => {
    // 2 places, but 98, 95, 95: keeping both 95s would exceed the quota and keeping one would
    // pick by name, so both drop to 4★ and only one 5★ is given.
    const out = starsOf(applyStarQuotas(field(20, ['98', '95', '95']), 10, null));
    expect(out).toMatchObject({ B01: 5, B02: 4, B03: 4 });
  });

  it('gives no 5★ at all when everyone at the top is tied beyond the quota', () => {
    const out = starsOf(applyStarQuotas(field(20, ['95', '95', '95']), 10, null));
    expect(out).toMatchObject({ B01: 4, B02: 4, B03: 4 });
  });

  it('counts a demoted 5★ against the 4★ quota; native 4★ give way first', () => {
    // 10 branches: 5★ places floor(10 × 10 %) = 1, 4★ places floor(10 × 30 %) = 3.
    // 5★: 99 keeps; 95 and 91 drop to 4★. 4★ is now 95, 91, 85, 80, 76: keep the top 3 (95, 91,
    // 85); 80 and 76 drop to 3★.
    const out = starsOf(
      applyStarQuotas(field(10, ['99', '95', '91', '85', '80', '76', '65']), 10, 30),
    );
    expect(out).toEqual({
      B01: 5,
      B02: 4,
      B03: 4,
      B04: 4,
      B05: 3,
      B06: 3,
      B07: 3,
      B08: 2,
      B09: 2,
      B10: 2,
    });
  });

  it('lets a demoted 5★ fall on to 3★ only when there are more of them than 4★ places', () => {
    // 10 branches, both quotas 10 % → 1 place each. 99 keeps 5★; 98 and 97 drop to 4★; of those
    // only 98 fits in the single 4★ place, so 97 ends at 3★.
    const out = starsOf(applyStarQuotas(field(10, ['99', '98', '97']), 10, 10));
    expect(out).toMatchObject({ B01: 5, B02: 4, B03: 3, B04: 2 });
  });

  it('quota 0 means nobody gets the level', () => {
    const out = starsOf(applyStarQuotas(field(5, ['99', '80']), 0, 0));
    expect(out).toMatchObject({ B01: 3, B02: 3 });
  });

  it('keeps input order and the other fields', () => {
    const entries = [
      { branch: 'X', score: dec(91), stars: 5, extra: 'x' },
      { branch: 'Y', score: dec(99), stars: 5, extra: 'y' },
    ];
    const out = applyStarQuotas(entries, 50, null); // floor(2 × 50 %) = 1 place
    expect(out.map((e) => [e.branch, e.stars, e.extra])).toEqual([
      ['X', 4, 'x'],
      ['Y', 5, 'y'],
    ]);
    expect(entries[0]!.stars).toBe(5); // input untouched
  });
});

describe('applyVeto', () => {
  it('forces zero stars when a reason is given', () => {
    expect(applyVeto(5, '发生违纪 / disciplinary breach')).toBe(0);
    expect(applyVeto(3, undefined)).toBe(3);
    expect(applyVeto(3, '   ')).toBe(3); // a blank cell is not a veto
  });
});

const b = (
  branch: string,
  points: string,
  distinctThemes = 0,
  lastSubmittedAt: string | null = null,
  veto?: string,
): MonthBranchInput => ({
  branch,
  points: dec(points),
  distinctThemes,
  lastSubmittedAt,
  ...(veto === undefined ? {} : { veto }),
});

const base = { month: '2026-10', monthlyTarget: 30, thresholds: T, quota5: null, quota4: null };

describe('finaliseMonth', () => {
  it('scores, stars and ranks a month (worked example)', () => {
    const results = finaliseMonth({
      ...base,
      branches: [
        b('B03', '18', 3, '2026-10-20 10:00:00'), // 18 / 30 × 100 = 60 → 3★
        b('B01', '27', 4, '2026-10-28 09:00:00'), // 27 / 30 × 100 = 90 → 5★
        b('B02', '80', 2, '2026-10-30 09:00:00'), // 80 / 30 × 100 → capped 100 → 5★
        b('B05', '0', 0, null), // 0 → no star
        b('B04', '12', 1, '2026-10-05 08:00:00'), // 12 / 30 × 100 = 40 → 2★
      ],
    });
    expect(results.map((r) => [r.branch, r.score.toString(), r.stars, r.rank, r.order])).toEqual([
      ['B02', '100', 5, 1, 1],
      ['B01', '90', 5, 2, 2],
      ['B03', '60', 3, 3, 3],
      ['B04', '40', 2, 4, 4],
      ['B05', '0', 0, 5, 5],
    ]);
    expect(results.every((r) => r.month === '2026-10')).toBe(true);
    expect(results[0]!.points.toString()).toBe('80');
    expect(results[0]).not.toHaveProperty('veto');
  });

  it('shares ranks on equal scores and orders them by themes, last submission, branch id', () => {
    const results = finaliseMonth({
      ...base,
      branches: [
        b('B1', '30', 3, '2026-10-20 10:00:00'), // 100, 3 themes
        b('B2', '45', 5, '2026-10-29 10:00:00'), // capped 100, 5 themes → first
        b('B3', '30', 3, '2026-10-18 10:00:00'), // 100, 3 themes, earlier than B1
        b('B4', '30', 3, null), // 100, 3 themes, never submitted → after B1 and B3
        b('B6', '30', 3, null), // same as B4: branch id decides
        b('B5', '15', 7, '2026-10-01 10:00:00'), // 50: five scores above → rank 6
      ],
    });
    expect(results.map((r) => `${r.branch}:${r.rank}/${r.order}`)).toEqual([
      'B2:1/1',
      'B3:1/2',
      'B1:1/3',
      'B4:1/4',
      'B6:1/5',
      'B5:6/6',
    ]);
  });

  it('ranks and stars on the score as shown (2 places, half-up)', () => {
    const results = finaliseMonth({
      ...base,
      monthlyTarget: 300,
      branches: [
        b('A', '269.99'), // 269.99 / 300 × 100 = 89.99666… → shown 90.00 → 5★, not 4★
        b('B', '100.01'), // 33.33666… → 33.34
        b('C', '100.02'), // 33.34 exactly → ties B as shown, so they share rank 2
        b('D', '100'), // 33.33333… → 33.33 → rank 4
      ],
    });
    expect(results.map((r) => [r.branch, r.stars, r.rank])).toEqual([
      ['A', 5, 1],
      ['B', 1, 2], // 33.34 is below 40 → 1★
      ['C', 1, 2],
      ['D', 1, 4],
    ]);
    // the score itself stays at full precision for whoever aggregates it later
    expect(results[0]!.score.gt('89.99')).toBe(true);
    expect(results[0]!.score.lt('90')).toBe(true);
  });

  it('applies a veto: zero stars, reason kept, rank unchanged', () => {
    const results = finaliseMonth({
      ...base,
      branches: [b('B1', '30', 0, null, ' 违反纪律 / breach '), b('B2', '24')],
    });
    expect(results[0]).toMatchObject({
      branch: 'B1',
      stars: 0,
      rank: 1,
      veto: '违反纪律 / breach',
    });
    expect(results[1]).toMatchObject({ branch: 'B2', stars: 4, rank: 2 }); // 24 / 30 = 80 → 4★
  });

  it('applies the quotas, and a vetoed branch does not use up a 5★ place', () => {
    // 10 branches, 5★ quota 10 % → floor(1) = 1 place. B01 (30 → 100) is vetoed, so the place
    // goes to B03 (28.5 / 30 × 100 = 95) and B02 (27 → 90) drops to 4★. Had the quota been
    // applied before the veto, B01 would have taken the place and then lost it, leaving no 5★.
    const branches = [
      b('B01', '30', 0, null, 'veto'),
      b('B02', '27'),
      b('B03', '28.5'),
      ...Array.from({ length: 7 }, (_, i) => b(`B1${i}`, '15')), // 50 → 2★
    ];
    const results = finaliseMonth({ ...base, quota5: 10, branches });
    const stars = Object.fromEntries(results.map((r) => [r.branch, r.stars]));
    expect(stars).toMatchObject({ B01: 0, B03: 5, B02: 4, B10: 2 });
  });

  it('handles an empty month', () => {
    expect(finaliseMonth({ ...base, branches: [] })).toEqual([]);
  });

  it('refuses a branch listed twice', () => {
    expect(() => finaliseMonth({ ...base, branches: [b('B1', '1'), b('B1', '2')] })).toThrow(
      /B1 listed twice/,
    );
  });

  const monthArb = fc
    .uniqueArray(
      fc.record({
        id: fc.integer({ min: 1, max: 99 }),
        hundredths: fc.integer({ min: 0, max: 4000 }),
        themes: fc.integer({ min: 0, max: 7 }),
        veto: fc.boolean(),
      }),
      { selector: (r) => r.id, maxLength: 40 },
    )
    .map((rows) =>
      rows.map((r) =>
        b(
          `B${r.id}`,
          dec(r.hundredths).div(100).toString(),
          r.themes,
          null,
          r.veto ? 'v' : undefined,
        ),
      ),
    );
  const quotaArb = fc.option(fc.integer({ min: 0, max: 100 }), { nil: null });

  it('property: ranks, stars and quotas are consistent', () => {
    fc.assert(
      fc.property(monthArb, quotaArb, quotaArb, (branches, quota5, quota4) => {
        const results = finaliseMonth({ ...base, branches, quota5, quota4 });
        const shown = (r: { score: Dec }) => roundHalfUp(r.score, 2);
        const n = results.length;
        for (const r of results) {
          // rank = 1 + number of strictly higher (shown) scores
          expect(r.rank).toBe(1 + results.filter((o) => shown(o).gt(shown(r))).length);
          if (r.veto !== undefined) expect(r.stars).toBe(0);
          // a quota only ever lowers stars
          expect(r.stars).toBeLessThanOrEqual(starsFor(shown(r), T));
        }
        // non-vetoed: equal scores get equal stars, a higher score never gets fewer stars
        const live = results.filter((r) => r.veto === undefined);
        for (const x of live) {
          for (const y of live) {
            if (shown(x).eq(shown(y))) expect(x.stars).toBe(y.stars);
            if (shown(x).gt(shown(y))) expect(x.stars).toBeGreaterThanOrEqual(y.stars);
          }
        }
        const count = (s: number) => results.filter((r) => r.stars === s).length;
        if (quota5 !== null) expect(count(5)).toBeLessThanOrEqual(Math.floor((n * quota5) / 100));
        if (quota4 !== null) expect(count(4)).toBeLessThanOrEqual(Math.floor((n * quota4) / 100));
        expect(results.map((r) => r.order)).toEqual(results.map((_, i) => i + 1));
      }),
    );
  });
});
