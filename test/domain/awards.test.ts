import fc from 'fast-check';
import {
  branchAwardId,
  memberAwardId,
  selectAdvancedBranches,
  type AwardCandidate,
  type AwardRules,
  type RankedCandidate,
} from '../../src/domain/awards';
import { DEFAULT_CONFIG } from '../../src/domain/config';
import { dec } from '../../src/domain/decimal';
import { finalScore, type FinalScoreRules } from '../../src/domain/finalScore';
import type { Tier } from '../../src/domain/vocabulary';

const SCORE_RULES: FinalScoreRules = DEFAULT_CONFIG; // total = 0.4 × process + 0.6 × defense

/** A candidate whose one-month process score is `process` (no star titles). */
function candidate(
  branch: string,
  process: number,
  defense: number,
  more: Partial<Omit<AwardCandidate, 'score' | 'branch'>> = {},
  rules: FinalScoreRules = SCORE_RULES,
): AwardCandidate {
  return {
    branch,
    tier: 'junior',
    compliant: true,
    complianceOverride: false,
    ...more,
    score: finalScore(
      {
        branch,
        monthlyScores: new Map([['2026-09', dec(process)]]),
        starBranchTitles: 0,
        defense: dec(defense),
      },
      ['2026-09'],
      rules,
    ),
  };
}

const rules = (over: Partial<AwardRules> = {}): AwardRules => ({
  advancedBranchCount: 2,
  tierQuotas: null,
  requireCompliance: true,
  ...over,
});

const view = (ranked: RankedCandidate[]) =>
  ranked.map((r) => [r.branch, r.rank, r.order, r.total.toString(), r.eligible, r.advanced]);

const advanced = (ranked: RankedCandidate[]) =>
  ranked.filter((r) => r.advanced).map((r) => r.branch);

describe('selectAdvancedBranches', () => {
  // totals, by hand (0.4 × process + 0.6 × defense):
  //   A: 0.4 × 80 + 0.6 × 90 = 32 + 54 = 86
  //   B: 0.4 × 90 + 0.6 × 80 = 36 + 48 = 84
  //   C: 0.4 × 70 + 0.6 × 85 = 28 + 51 = 79
  //   D: 0.4 × 60 + 0.6 × 80 = 24 + 48 = 72
  //   E: 0.4 × 75 + 0.6 × 70 = 30 + 42 = 72
  const A = candidate('A', 80, 90);
  const B = candidate('B', 90, 80);
  const C = candidate('C', 70, 85);
  const D = candidate('D', 60, 80);
  const E = candidate('E', 75, 70);

  it('advances the top N eligible branches by total', () => {
    const ranked = selectAdvancedBranches([E, C, A, D, B], rules());
    expect(view(ranked)).toEqual([
      ['A', 1, 1, '86', true, true],
      ['B', 2, 2, '84', true, true],
      ['C', 3, 3, '79', true, false],
      // D and E tie on 72: both rank 4; D shows first on its higher defense (80 > 70)
      ['D', 4, 4, '72', true, false],
      ['E', 4, 5, '72', true, false],
    ]);
    expect(ranked.every((r) => r.ineligibleReason === null)).toBe(true);
    expect(ranked[0]!.tier).toBe('junior');
  });

  it('skips a non-compliant branch, with a reason, and gives its place to the next', () => {
    const shortA = { ...A, compliant: false };
    const ranked = selectAdvancedBranches([shortA, B, C, D], rules());
    expect(advanced(ranked)).toEqual(['B', 'C']);
    const a = ranked.find((r) => r.branch === 'A')!;
    expect(a).toMatchObject({ rank: 1, eligible: false, advanced: false });
    expect(a.ineligibleReason).toContain('七个一');
    const en = selectAdvancedBranches([shortA, B, C, D], { ...rules(), locale: 'en' });
    expect(en.find((r) => r.branch === 'A')!.ineligibleReason).toContain('semester');
  });

  it('a staff override makes a non-compliant branch eligible', () => {
    const shortA = { ...A, compliant: false, complianceOverride: true };
    const ranked = selectAdvancedBranches([shortA, B, C], rules());
    expect(advanced(ranked)).toEqual(['A', 'B']);
    expect(ranked[0]).toMatchObject({ eligible: true, ineligibleReason: null });
  });

  it('with requireCompliance false, compliance does not matter', () => {
    const shortA = { ...A, compliant: false };
    const ranked = selectAdvancedBranches([shortA, B, C], rules({ requireCompliance: false }));
    expect(advanced(ranked)).toEqual(['A', 'B']);
  });

  it('a tie on the last place gives both a place', () => {
    // F: 0.4 × 90 + 0.6 × 80 = 84, the same as B
    const F = candidate('F', 90, 80);
    const ranked = selectAdvancedBranches([A, C, F, B], rules());
    expect(view(ranked)).toEqual([
      ['A', 1, 1, '86', true, true],
      ['B', 2, 2, '84', true, true], // B before F: same defense, same process, id B < F
      ['F', 2, 3, '84', true, true], // tied with the last place: also advanced
      ['C', 4, 4, '79', true, false],
    ]);
  });

  it('a tie below the last place does not', () => {
    // count 1: only A (86); D and E tie on 72 far below
    expect(
      advanced(selectAdvancedBranches([A, B, D, E], rules({ advancedBranchCount: 1 }))),
    ).toEqual(['A']);
  });

  it('an ineligible branch tied with the last place gets nothing, and does not block the next', () => {
    const F = candidate('F', 90, 80, { compliant: false }); // 84, like B
    const G = candidate('G', 90, 80); // 84
    const ranked = selectAdvancedBranches([A, B, F, G], rules());
    expect(advanced(ranked)).toEqual(['A', 'B', 'G']);
    expect(ranked.find((r) => r.branch === 'F')).toMatchObject({ rank: 2, advanced: false });
  });

  it('a count of 0 advances nobody', () => {
    expect(advanced(selectAdvancedBranches([A, B], rules({ advancedBranchCount: 0 })))).toEqual([]);
  });

  it('fills tier quotas per tier, ignoring the overall count', () => {
    const tiered = (c: AwardCandidate, tier: Tier) => ({ ...c, tier });
    const candidates = [
      tiered(A, 'junior'), // 86
      tiered(B, 'junior'), // 84
      tiered(C, 'senior'), // 79
      tiered(D, 'graduate'), // 72
      tiered(E, 'senior'), // 72
    ];
    const ranked = selectAdvancedBranches(
      candidates,
      rules({ advancedBranchCount: 1, tierQuotas: { junior: 1, senior: 2, graduate: 0 } }),
    );
    // junior: A only (quota 1); senior: C and E (quota 2); graduate: none (quota 0)
    expect(advanced(ranked)).toEqual(['A', 'C', 'E']);
    // ranks stay overall
    expect(ranked.map((r) => [r.branch, r.tier, r.rank])).toEqual([
      ['A', 'junior', 1],
      ['B', 'junior', 2],
      ['C', 'senior', 3],
      ['D', 'graduate', 4],
      ['E', 'senior', 4],
    ]);
  });

  it('a tie on the last place of a tier quota gives both a place in that tier', () => {
    const F = { ...candidate('F', 90, 80), tier: 'senior' as const }; // 84
    const G = { ...candidate('G', 90, 80), tier: 'senior' as const }; // 84
    const H = { ...candidate('H', 90, 80), tier: 'junior' as const }; // 84, other tier
    const ranked = selectAdvancedBranches(
      [F, G, H, { ...A, tier: 'junior' as const }],
      rules({ tierQuotas: { junior: 1, senior: 1, graduate: 1 } }),
    );
    expect(advanced(ranked).sort()).toEqual(['A', 'F', 'G']);
  });

  it('ties share a rank (1, 1, 3); display order follows defense, then process, then id', () => {
    // X: 0.4 × 80 + 0.6 × 90 = 86; Y: 0.4 × 95 + 0.6 × 80 = 38 + 48 = 86; Z: B's 84
    const X = candidate('X', 80, 90);
    const Y = candidate('Y', 95, 80);
    const ranked = selectAdvancedBranches([Y, B, X], rules({ advancedBranchCount: 3 }));
    expect(view(ranked)).toEqual([
      ['X', 1, 1, '86', true, true], // defense 90 > 80
      ['Y', 1, 2, '86', true, true],
      ['B', 3, 3, '84', true, true],
    ]);
  });

  it('breaks an equal total and equal defense on process', () => {
    // With the whole weight on the defense, total = defense: P and Q tie on 80 and on defense 80,
    // and Q's process (90) beats P's (70). The id alone would have put P first.
    const defenseOnly: FinalScoreRules = { ...SCORE_RULES, weightProcess: 0, weightDefense: 1 };
    const P = candidate('P', 70, 80, {}, defenseOnly);
    const Q = candidate('Q', 90, 80, {}, defenseOnly);
    const ranked = selectAdvancedBranches([P, Q], rules({ advancedBranchCount: 1 }));
    expect(view(ranked)).toEqual([
      ['Q', 1, 1, '80', true, true],
      ['P', 1, 2, '80', true, true], // tied with the last place
    ]);
  });

  it('breaks a full tie on id', () => {
    const ranked = selectAdvancedBranches(
      [candidate('B10', 80, 80), candidate('B02', 80, 80)],
      rules(),
    );
    expect(ranked.map((r) => [r.branch, r.order])).toEqual([
      ['B02', 1],
      ['B10', 2],
    ]);
  });

  // ----- property

  const candidatesArb = fc
    .array(
      fc.record({
        process: fc.integer({ min: 0, max: 10 }).map((n) => n * 10),
        defense: fc.integer({ min: 0, max: 10 }).map((n) => n * 10),
        compliant: fc.boolean(),
        override: fc.boolean(),
        tier: fc.constantFrom<Tier>('junior', 'senior', 'graduate'),
      }),
      { maxLength: 20 },
    )
    .map((rows) =>
      rows.map((r, i) =>
        candidate(`B${String(i).padStart(2, '0')}`, r.process, r.defense, {
          compliant: r.compliant,
          complianceOverride: r.override,
          tier: r.tier,
        }),
      ),
    );

  it('property: advances exactly the eligible branches scoring at least the N-th eligible total', () => {
    fc.assert(
      fc.property(
        candidatesArb,
        fc.integer({ min: 0, max: 8 }),
        fc.boolean(),
        (cands, n, require) => {
          const ranked = selectAdvancedBranches(
            cands,
            rules({ advancedBranchCount: n, requireCompliance: require }),
          );
          const eligible = cands.filter((c) => !require || c.compliant || c.complianceOverride);
          const totals = eligible.map((c) => c.score.total).sort((a, b) => b.comparedTo(a));
          const cut = n > 0 ? totals[n - 1] : undefined;
          const expected = eligible
            .filter((c) => n > 0 && (cut === undefined || c.score.total.gte(cut)))
            .map((c) => c.branch)
            .sort();
          expect(advanced(ranked).sort()).toEqual(expected);
          // every candidate is listed once, ranks are competition ranks
          expect(ranked.map((r) => r.order)).toEqual(cands.map((_, i) => i + 1));
          for (const r of ranked) {
            const higher = cands.filter((c) => c.score.total.gt(r.total)).length;
            expect(r.rank).toBe(higher + 1);
          }
        },
      ),
    );
  });
});

describe('award ids', () => {
  it('are derived from what is awarded, so re-running adds no rows', () => {
    expect(branchAwardId('B007')).toBe('ADV-B007');
    expect(memberAwardId('B007', '2023001234')).toBe('MEM-B007-2023001234');
    expect(branchAwardId('B007')).toBe(branchAwardId('B007'));
  });
});
