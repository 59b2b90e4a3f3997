import fc from 'fast-check';
import { DEFAULT_CONFIG } from '../../src/domain/config';
import { dec } from '../../src/domain/decimal';
import {
  activityPoints,
  basePoints,
  reachBonus,
  type PointsRules,
  type ScorableActivity,
} from '../../src/domain/points';
import {
  ACTIVITY_KINDS,
  ACTIVITY_STATUSES,
  THEME_KINDS,
  type ActivityKind,
} from '../../src/domain/vocabulary';

const RULES: PointsRules = DEFAULT_CONFIG;
const LINK = 'https://pan.example.edu.cn/s/abc';

const activity = (over: Partial<ScorableActivity>): ScorableActivity => ({
  kind: 'book',
  nonParty: 0,
  evidenceLink: LINK,
  status: 'submitted',
  ...over,
});

describe('basePoints (DESIGN §2)', () => {
  it.each(THEME_KINDS.map((t) => t.key))('theme kind %s earns 10', (kind) => {
    expect(basePoints(kind, RULES)).toBe(10);
  });

  it.each<[ActivityKind, number]>([
    ['featured', 15],
    ['study', 8],
    ['practice', 10],
    ['training', 5],
    ['other', 3],
  ])('%s earns %d', (kind, points) => {
    expect(basePoints(kind, RULES)).toBe(points);
  });

  it('follows the configured points', () => {
    const rules: PointsRules = {
      ...RULES,
      points: { theme: 11, featured: 21, study: 31, practice: 41, training: 51, other: 61 },
    };
    expect(ACTIVITY_KINDS.map((k) => basePoints(k.key, rules))).toEqual([
      11, 11, 11, 11, 11, 11, 11, 21, 31, 51, 41, 61,
    ]);
  });
});

describe('reachBonus: +1 per 10 non-party participants, capped at +5', () => {
  it.each([
    [null, 0],
    [0, 0],
    [9, 0],
    [10, 1],
    [19, 1],
    [20, 2],
    [49, 4],
    [50, 5],
    [51, 5],
    [500, 5],
  ])('%p non-party → +%d', (nonParty, bonus) => {
    expect(reachBonus(nonParty, RULES)).toBe(bonus);
  });

  it('follows reachBonusPer and reachBonusCap', () => {
    const rules = { ...RULES, reachBonusPer: 4, reachBonusCap: 3 };
    // 11 / 4 = 2.75 → 2; 100 / 4 = 25 → capped at 3
    expect(reachBonus(11, rules)).toBe(2);
    expect(reachBonus(100, rules)).toBe(3);
  });
});

describe('activityPoints', () => {
  it('is base + bonus with evidence', () => {
    // featured 15 + floor(23 / 10) = 15 + 2 = 17
    expect(activityPoints(activity({ kind: 'featured', nonParty: 23 }), RULES).toString()).toBe(
      '17',
    );
    // theme 10 + 5 (cap) = 15
    expect(activityPoints(activity({ kind: 'film', nonParty: 500 }), RULES).toNumber()).toBe(15);
    // accepted counts like submitted: study 8 + 0
    expect(activityPoints(activity({ kind: 'study', status: 'accepted' }), RULES).toNumber()).toBe(
      8,
    );
  });

  it('halves without evidence, exactly: (15 + 2) × 0.5 = 8.5', () => {
    for (const evidenceLink of [null, '', '   ']) {
      const points = activityPoints(
        activity({ kind: 'featured', nonParty: 20, evidenceLink }),
        RULES,
      );
      expect(points.eq(dec('8.5'))).toBe(true);
      expect(points.toString()).toBe('8.5');
    }
    // other 3 + 1 = 4 → 2; training 5 + 0 → 2.5
    expect(
      activityPoints(
        activity({ kind: 'other', nonParty: 10, evidenceLink: null }),
        RULES,
      ).toString(),
    ).toBe('2');
    expect(
      activityPoints(activity({ kind: 'training', evidenceLink: null }), RULES).toString(),
    ).toBe('2.5');
  });

  it('keeps the exact decimal for a factor that binary floats cannot hold', () => {
    // 3 × 0.1 = 0.3 exactly (as floats, 3 * 0.1 = 0.30000000000000004)
    const rules = { ...RULES, noEvidenceFactor: 0.1, points: { ...RULES.points, other: 3 } };
    expect(activityPoints(activity({ kind: 'other', evidenceLink: null }), rules).toString()).toBe(
      '0.3',
    );
  });

  it('gives 0 to rejected and duplicate reports', () => {
    for (const status of ['rejected', 'duplicate'] as const) {
      expect(
        activityPoints(activity({ kind: 'featured', nonParty: 50, status }), RULES).isZero(),
      ).toBe(true);
    }
  });

  const activityArb = fc.record({
    kind: fc.constantFrom(...ACTIVITY_KINDS.map((k) => k.key)),
    nonParty: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null }),
    evidenceLink: fc.constantFrom(null, '', ' ', LINK),
    status: fc.constantFrom(...ACTIVITY_STATUSES.map((s) => s.key)),
  });

  it('never exceeds base + cap and is never negative', () => {
    fc.assert(
      fc.property(activityArb, (a) => {
        const points = activityPoints(a, RULES);
        expect(points.gte(0)).toBe(true);
        expect(points.lte(basePoints(a.kind, RULES) + RULES.reachBonusCap)).toBe(true);
        expect(points.lte(15 + 5)).toBe(true); // the largest base of the defaults is featured 15
      }),
    );
  });

  it('with evidence, a counted report earns exactly base + min(floor(n / 10), 5)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ACTIVITY_KINDS.map((k) => k.key)),
        fc.integer({ min: 0, max: 1000 }),
        fc.constantFrom('submitted' as const, 'accepted' as const),
        (kind, nonParty, status) => {
          const base = THEME_KINDS.some((t) => t.key === kind)
            ? 10
            : { featured: 15, study: 8, practice: 10, training: 5, other: 3 }[
                kind as 'featured' | 'study' | 'practice' | 'training' | 'other'
              ];
          const expected = base + Math.min(Math.floor(nonParty / 10), 5);
          const withLink = activityPoints({ kind, nonParty, evidenceLink: LINK, status }, RULES);
          const without = activityPoints({ kind, nonParty, evidenceLink: null, status }, RULES);
          expect(withLink.toNumber()).toBe(expected);
          expect(without.times(2).toNumber()).toBe(expected);
        },
      ),
    );
  });
});
