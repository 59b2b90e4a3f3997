import fc from 'fast-check';
import { DEFAULT_CONFIG } from '../../src/domain/config';
import { dec, type Dec } from '../../src/domain/decimal';
import { finalScore, type FinalScoreRules } from '../../src/domain/finalScore';

const RULES: FinalScoreRules = DEFAULT_CONFIG; // 0.4 / 0.6, +2 per title, cap 10

// The default programme runs 2026-09-01 .. 2027-06-30: ten months.
const MONTHS = [
  '2026-09',
  '2026-10',
  '2026-11',
  '2026-12',
  '2027-01',
  '2027-02',
  '2027-03',
  '2027-04',
  '2027-05',
  '2027-06',
];

const scores = (entries: Record<string, string>): Map<string, Dec> =>
  new Map(Object.entries(entries).map(([m, s]) => [m, dec(s)]));

// 2027-01 and 2027-02 (winter break) have no result; 2027-07 is after the programme.
const MONTHLY = scores({
  '2026-09': '80',
  '2026-10': '90',
  '2026-11': '100',
  '2026-12': '70',
  '2027-03': '60',
  '2027-04': '85.5',
  '2027-05': '75.25',
  '2027-06': '95',
  '2027-07': '100',
});

describe('finalScore: worked example', () => {
  // Σ over the ten programme months = 80 + 90 + 100 + 70 + 0 + 0 + 60 + 85.5 + 75.25 + 95 = 655.75
  // process mean = 655.75 / 10 = 65.575 (the two empty months count 0; 2027-07 is outside)

  it('3 star-branch titles: +6', () => {
    const result = finalScore(
      { branch: 'B001', monthlyScores: MONTHLY, starBranchTitles: 3, defense: dec('88.6') },
      MONTHS,
      RULES,
    );
    // starBonus = 3 × 2 = 6; process = 65.575 + 6 = 71.575
    // total = 0.4 × 71.575 + 0.6 × 88.6 = 28.63 + 53.16 = 81.79
    expect(result.branch).toBe('B001');
    expect(result.processMean.toString()).toBe('65.575');
    expect(result.starBonus.toString()).toBe('6');
    expect(result.process.toString()).toBe('71.575');
    expect(result.defense.toString()).toBe('88.6');
    expect(result.total.toString()).toBe('81.79');
  });

  it('6 titles: 12 is capped at +10', () => {
    const result = finalScore(
      { branch: 'B001', monthlyScores: MONTHLY, starBranchTitles: 6, defense: dec('88.6') },
      MONTHS,
      RULES,
    );
    // process = 65.575 + 10 = 75.575; total = 0.4 × 75.575 + 0.6 × 88.6 = 30.23 + 53.16 = 83.39
    expect(result.starBonus.toString()).toBe('10');
    expect(result.process.toString()).toBe('75.575');
    expect(result.total.toString()).toBe('83.39');
  });

  it('5 titles: exactly at the cap, 10', () => {
    const result = finalScore(
      { branch: 'B001', monthlyScores: MONTHLY, starBranchTitles: 5, defense: dec('88.6') },
      MONTHS,
      RULES,
    );
    expect(result.starBonus.toString()).toBe('10');
  });

  it('no defense counts as 0', () => {
    const result = finalScore(
      { branch: 'B001', monthlyScores: MONTHLY, starBranchTitles: 0, defense: null },
      MONTHS,
      RULES,
    );
    // total = 0.4 × 65.575 + 0.6 × 0 = 26.23
    expect(result.defense.isZero()).toBe(true);
    expect(result.total.toString()).toBe('26.23');
  });

  it('a branch with no monthly results has process 0', () => {
    const result = finalScore(
      { branch: 'B002', monthlyScores: new Map(), starBranchTitles: 0, defense: dec('70') },
      MONTHS,
      RULES,
    );
    // total = 0.4 × 0 + 0.6 × 70 = 42
    expect(result.processMean.isZero()).toBe(true);
    expect(result.total.toString()).toBe('42');
  });

  it('an empty programme has process 0 rather than failing', () => {
    const result = finalScore(
      { branch: 'B002', monthlyScores: MONTHLY, starBranchTitles: 1, defense: dec('50') },
      [],
      RULES,
    );
    // process = 0 + 2; total = 0.4 × 2 + 0.6 × 50 = 0.8 + 30 = 30.8
    expect(result.processMean.isZero()).toBe(true);
    expect(result.total.toString()).toBe('30.8');
  });

  it('is exact where binary floats are not', () => {
    const result = finalScore(
      {
        branch: 'B003',
        monthlyScores: scores({ '2026-09': '70.1', '2026-10': '70.2' }),
        starBranchTitles: 0,
        defense: dec('80.35'),
      },
      ['2026-09', '2026-10'],
      RULES,
    );
    // mean = 140.3 / 2 = 70.15; 0.4 × 70.15 = 28.06; 0.6 × 80.35 = 48.21; total = 76.27
    // (as floats, 0.4 * 70.15 + 0.6 * 80.35 = 76.27000000000001)
    expect(result.total.toString()).toBe('76.27');
  });

  it('follows the configured weights and bonus', () => {
    const rules: FinalScoreRules = {
      weightProcess: 0.5,
      weightDefense: 0.5,
      starBranchBonus: 3,
      starBranchBonusCap: 5,
      defenseRubric: DEFAULT_CONFIG.defenseRubric,
    };
    const result = finalScore(
      {
        branch: 'B004',
        monthlyScores: scores({ '2026-09': '60' }),
        starBranchTitles: 2,
        defense: dec('90'),
      },
      ['2026-09'],
      rules,
    );
    // bonus = min(2 × 3, 5) = 5; process = 65; total = 0.5 × 65 + 0.5 × 90 = 77.5
    expect(result.starBonus.toString()).toBe('5');
    expect(result.total.toString()).toBe('77.5');
  });

  it('property: total = 0.4 × (mean + min(2t, 10)) + 0.6 × defense, in hundredths', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: null }), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.integer({ min: 0, max: 12 }),
        fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: null }),
        (cents, titles, defenseCents) => {
          const months = cents.map((_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
          const monthly = new Map<string, Dec>();
          cents.forEach((c, i) => {
            if (c !== null) monthly.set(months[i]!, dec(c).div(100));
          });
          const result = finalScore(
            {
              branch: 'B',
              monthlyScores: monthly,
              starBranchTitles: titles,
              defense: defenseCents === null ? null : dec(defenseCents).div(100),
            },
            months,
            RULES,
          );
          // Everything in integer hundredths × 10 × n (to keep the mean and the weights exact):
          // 10 · n · 100 · total = 4 · (Σcents + n · 100 · bonus) + 6 · n · defenseCents
          const n = cents.length;
          const sumCents = cents.reduce<number>((s, c) => s + (c ?? 0), 0);
          const bonus = Math.min(2 * titles, 10);
          const expectedScaled = 4 * (sumCents + n * 100 * bonus) + 6 * n * (defenseCents ?? 0);
          // a mean over 3 or 7 months repeats, so compare after rounding far past the hundredths
          expect(
            result.total
              .times(10 * n * 100)
              .toDecimalPlaces(20)
              .toNumber(),
          ).toBe(expectedScaled);
          expect(result.total.gte(0)).toBe(true);
          expect(result.total.lte(0.4 * 110 + 0.6 * 100)).toBe(true);
        },
      ),
    );
  });
});

describe('finalScore: the defense scale', () => {
  // The same marks, given out of 150 (every criterion's maximum × 1.5) instead of out of 100.
  const RUBRIC_150: FinalScoreRules = {
    ...RULES,
    defenseRubric: DEFAULT_CONFIG.defenseRubric.map((c) => ({ ...c, max: c.max * 1.5 })),
  };
  // A leads on process, B on defense: 0.4 × 90 + 0.6 × 60 = 72 against 0.4 × 60 + 0.6 × 75 = 69.
  // Weighted unscaled out of 150, B would lead: 36 + 54 = 90 against 24 + 67.5 = 91.5.
  const branches = [
    { branch: 'A', process: '90', defense100: '60' },
    { branch: 'B', process: '60', defense100: '75' },
    { branch: 'C', process: '75', defense100: '72' },
  ];
  const ranking = (rules: FinalScoreRules, scale: number) =>
    branches
      .map((b) =>
        finalScore(
          {
            branch: b.branch,
            monthlyScores: scores({ '2026-09': b.process }),
            starBranchTitles: 0,
            defense: dec(b.defense100).times(scale),
          },
          ['2026-09'],
          rules,
        ),
      )
      .sort((x, y) => y.total.comparedTo(x.total))
      .map((s) => [s.branch, s.total.toString(), s.defenseOn100.toString()]);

  it('a 150-point rubric ranks and scores exactly as the same marks out of 100', () => {
    expect(ranking(RUBRIC_150, 1.5)).toEqual(ranking(RULES, 1));
    expect(ranking(RULES, 1)).toEqual([
      ['C', '73.2', '72'],
      ['A', '72', '60'],
      ['B', '69', '75'],
    ]);
  });

  it('weights a 150-point defense by its weight only: 120 of 150 counts as 80', () => {
    const result = finalScore(
      { branch: 'A', monthlyScores: scores({}), starBranchTitles: 0, defense: dec(120) },
      ['2026-09'],
      RUBRIC_150,
    );
    expect(result.defense.toString()).toBe('120');
    expect(result.defenseOn100.toString()).toBe('80');
    expect(result.total.toString()).toBe('48');
  });
});
