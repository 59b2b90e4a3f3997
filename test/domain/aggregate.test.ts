import fc from 'fast-check';
import {
  aggregate,
  AggregateOptions,
  Criterion,
  DEFAULT_AGGREGATE_OPTIONS,
  ScoreSheet,
  SubjectResult,
} from '../../src/domain/aggregate';
import { Dec, dec, DecimalInput } from '../../src/domain/decimal';

/** A one-criterion rubric, so that a judge's total is simply their mark. */
const SINGLE: Criterion[] = [{ key: 'score', label: '得分 / Score', max: 100 }];

/** The default defense rubric of DESIGN §2 (100 points). */
const DEFENSE: Criterion[] = [
  { key: 'results', label: '创建成效 / Results', max: 40 },
  { key: 'innovation', label: '特色创新 / Innovation', max: 25 },
  { key: 'materials', label: '材料与PPT / Materials', max: 15 },
  { key: 'presentation', label: '现场陈述 / Presentation', max: 10 },
  { key: 'qa', label: '答辩表现 / Q&A', max: 10 },
];

function options(overrides: Partial<AggregateOptions> = {}): AggregateOptions {
  return { ...DEFAULT_AGGREGATE_OPTIONS, ...overrides };
}

function single(judge: string, subject: string, mark: DecimalInput): ScoreSheet {
  return { judge, subject, marks: { score: mark } };
}

function defense(judge: string, subject: string, marks: DecimalInput[]): ScoreSheet {
  const [results, innovation, materials, presentation, qa] = marks as [
    DecimalInput,
    DecimalInput,
    DecimalInput,
    DecimalInput,
    DecimalInput,
  ];
  return { judge, subject, marks: { results, innovation, materials, presentation, qa } };
}

function only(results: SubjectResult[]): SubjectResult {
  expect(results).toHaveLength(1);
  const [result] = results;
  if (result === undefined) throw new Error('no result');
  return result;
}

/** Decimals as strings, so results compare by value and print readably. */
function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

function droppedSummary(result: SubjectResult): string[] {
  return result.dropped.map(
    (d) => `${d.side} ${d.judge}${d.criterion ? `/${d.criterion}` : ''} ${d.value.toString()}`,
  );
}

describe('aggregate, total mode', () => {
  it('weights each mark in the judge total', () => {
    // 2 × 8.5 + 1 × 7.25 = 17 + 7.25 = 24.25
    const rubric: Criterion[] = [
      { key: 'a', label: 'A', max: 10, weight: 2 },
      { key: 'b', label: 'B', max: 10 },
    ];
    const result = only(
      aggregate([{ judge: 'J1', subject: 'B001', marks: { a: '8.5', b: 7.25 } }], rubric, {
        ...options(),
        minJudges: 1,
      }),
    );
    expect(result.totals[0]?.total.toString()).toBe('24.25');
    expect(result.score.toString()).toBe('24.25');
    expect(result.incomplete).toBe(false);
  });

  it('drops one highest and one lowest of seven defense totals (worked example)', () => {
    // totals: J1 35+20+12+9+9.5 = 85.5      J2 36+22+13+9.5+9.5 = 90
    //         J3 32+19.25+12+7.5+7.5 = 78.25 J4 35+22+13+9+9 = 88
    //         J5 38+23.5+14+8.5+8.5 = 92.5   J6 28+18+11+6.5+6.5 = 70
    //         J7 34+22+12.5+8.5+9 = 86
    // 7 ≥ trimFrom 5: drop the high 92.5 (J5) and the low 70 (J6)
    // mean = (85.5 + 90 + 78.25 + 88 + 86) / 5 = 427.75 / 5 = 85.55
    const sheets = [
      defense('J1', 'B001', [35, 20, 12, 9, 9.5]),
      defense('J2', 'B001', [36, 22, 13, 9.5, 9.5]),
      defense('J3', 'B001', [32, '19.25', 12, 7.5, 7.5]),
      defense('J4', 'B001', [35, 22, 13, 9, 9]),
      defense('J5', 'B001', [38, 23.5, 14, 8.5, 8.5]),
      defense('J6', 'B001', [28, 18, 11, 6.5, 6.5]),
      defense('J7', 'B001', [34, 22, 12.5, 8.5, 9]),
    ];
    const result = only(aggregate(sheets, DEFENSE, options()));
    expect(result.totals.map((t) => [t.judge, t.total.toString(), t.dropped])).toEqual([
      ['J1', '85.5', null],
      ['J2', '90', null],
      ['J3', '78.25', null],
      ['J4', '88', null],
      ['J5', '92.5', 'high'],
      ['J6', '70', 'low'],
      ['J7', '86', null],
    ]);
    expect(droppedSummary(result)).toEqual(['low J6 70', 'high J5 92.5']);
    expect(result.score.toString()).toBe('85.55');
    expect(result.display).toBe('85.55');
    expect(result.judgesCounted).toBe(7);
    // results of the kept judges: (35 + 36 + 32 + 35 + 34) / 5 = 172 / 5 = 34.4
    expect(result.criterionMeans.results?.toString()).toBe('34.4');
  });

  it('drops only trimCount copies of a shared highest and lowest total', () => {
    // totals 90, 90, 80, 70, 70: one 90 and one 70 go (the judge whose name sorts first),
    // mean of 90, 80, 70 = 240 / 3 = 80
    const sheets = [
      single('Wang', 'B001', 90),
      single('Li', 'B001', 90),
      single('Zhao', 'B001', 80),
      single('Chen', 'B001', 70),
      single('Sun', 'B001', 70),
    ];
    const result = only(aggregate(sheets, SINGLE, options({ trimFrom: 5, trimCount: 1 })));
    expect(droppedSummary(result)).toEqual(['low Chen 70', 'high Li 90']);
    expect(result.score.toString()).toBe('80');
    expect(result.display).toBe('80.00');
  });

  it('drops two from each end when trimCount is 2', () => {
    // 60, 70, 75, 80, 85, 90, 100 → drop 60, 70 and 100, 90 → (75 + 80 + 85) / 3 = 80
    const marks = [60, 70, 75, 80, 85, 90, 100];
    const sheets = marks.map((m, i) => single(`J${i + 1}`, 'B001', m));
    const result = only(aggregate(sheets, SINGLE, options({ trimFrom: 7, trimCount: 2 })));
    expect(result.dropped.map((d) => d.value.toNumber())).toEqual([60, 70, 100, 90]);
    expect(result.score.toString()).toBe('80');
  });

  it('drops nothing with fewer judges than trimFrom', () => {
    // 4 judges < 5: mean of 90, 80, 70, 60 = 300 / 4 = 75
    const sheets = [90, 80, 70, 60].map((m, i) => single(`J${i + 1}`, 'B001', m));
    const result = only(aggregate(sheets, SINGLE, options()));
    expect(result.dropped).toEqual([]);
    expect(result.totals.every((t) => t.dropped === null)).toBe(true);
    expect(result.score.toString()).toBe('75');
  });

  it('marks a subject with fewer than minJudges judges incomplete and still scores it', () => {
    // 2 judges < 3: (80 + 91) / 2 = 85.5, incomplete
    const sheets = [single('J1', 'B001', 80), single('J2', 'B001', 91)];
    const result = only(aggregate(sheets, SINGLE, options()));
    expect(result.incomplete).toBe(true);
    expect(result.judgesCounted).toBe(2);
    expect(result.display).toBe('85.50');
  });

  it('is complete at exactly minJudges judges', () => {
    const sheets = [single('J1', 'B001', 80), single('J2', 'B001', 90), single('J3', 'B001', 70)];
    expect(only(aggregate(sheets, SINGLE, options())).incomplete).toBe(false);
  });

  it('returns one result per subject, sorted by subject id, judges sorted by name', () => {
    const sheets = [
      single('J2', 'B2', 70),
      single('J1', 'B10', 80),
      single('J1', 'B1', 90),
      single('J1', 'B2', 60),
    ];
    const results = aggregate(sheets, SINGLE, options({ minJudges: 1 }));
    expect(results.map((r) => [r.subject, r.display])).toEqual([
      ['B1', '90.00'],
      ['B10', '80.00'],
      ['B2', '65.00'],
    ]);
    expect(results[2]?.totals.map((t) => t.judge)).toEqual(['J1', 'J2']);
  });

  it('returns nothing for no sheets', () => {
    expect(aggregate([], SINGLE)).toEqual([]);
  });
});

describe('aggregate, exact arithmetic', () => {
  it('averages eleven marks 7.0, 7.1, … 8.0 to exactly 7.5', () => {
    const marks = Array.from({ length: 11 }, (_, i) => (70 + i) / 10);
    // The trap this guards against: binary floats miss 7.5.
    expect(marks.reduce((a, b) => a + b, 0) / 11).toBe(7.500000000000001);
    const sheets = marks.map((m, i) => single(`J${String(i).padStart(2, '0')}`, 'B001', m));

    // no trimming: 82.5 / 11 = 7.5
    const untrimmed = only(aggregate(sheets, SINGLE, options({ trimCount: 0 })));
    expect(untrimmed.score.equals(7.5)).toBe(true);
    expect(untrimmed.score.toString()).toBe('7.5');
    expect(untrimmed.display).toBe('7.50');

    // default trimming drops 7.0 and 8.0: (82.5 − 15) / 9 = 67.5 / 9 = 7.5
    const trimmed = only(aggregate(sheets, SINGLE, options()));
    expect(trimmed.score.toString()).toBe('7.5');
  });

  it('averages 9.00 and 9.01 to 9.005 and displays it half-up as 9.01', () => {
    // Floats: (9 + 9.01) / 2 is 9.00499…, shown as 9.00.
    expect(((9 + 9.01) / 2).toFixed(2)).toBe('9.00');
    const sheets = [single('J1', 'B001', '9.00'), single('J2', 'B001', '9.01')];
    const result = only(aggregate(sheets, SINGLE, options({ minJudges: 2 })));
    expect(result.score.toString()).toBe('9.005');
    expect(result.display).toBe('9.01');
  });

  it('keeps full precision for a repeating mean and rounds only for display', () => {
    // (80 + 80 + 81) / 3 = 80.333…
    const sheets = [single('J1', 'B001', 80), single('J2', 'B001', 80), single('J3', 'B001', 81)];
    const result = only(aggregate(sheets, SINGLE, options()));
    expect(result.score.times(3).toDecimalPlaces(30).toString()).toBe('241');
    expect(result.display).toBe('80.33');
  });
});

describe('aggregate, criterion mode', () => {
  // A weighs 3, B weighs 0.3; three judges, so nothing is trimmed.
  const rubric: Criterion[] = [
    { key: 'a', label: 'A', max: 10, weight: 3 },
    { key: 'b', label: 'B', max: 10, weight: 0.3 },
  ];
  const sheets: ScoreSheet[] = [
    { judge: 'J1', subject: 'B001', marks: { a: 7, b: '8.25' } },
    { judge: 'J2', subject: 'B001', marks: { a: 8, b: '8.5' } },
    { judge: 'J3', subject: 'B001', marks: { a: 8, b: '8.5' } },
  ];

  it('rounds the panel mark, then the weighted mark (worked example)', () => {
    // A: (7 + 8 + 8) / 3 = 7.666… → 7.67; × 3 = 23.01
    // B: (8.25 + 8.5 + 8.5) / 3 = 25.25 / 3 = 8.41666… → 8.42; × 0.3 = 2.526 → 2.53
    // score = 23.01 + 2.53 = 25.54
    const result = only(aggregate(sheets, rubric, options({ mode: 'criterion' })));
    expect(result.criterionMeans.a?.toString()).toBe('7.67');
    expect(result.criterionMeans.b?.toString()).toBe('8.42');
    expect(result.score.toString()).toBe('25.54');
    expect(result.display).toBe('25.54');
    expect(result.totals.map((t) => t.dropped)).toEqual([null, null, null]);
  });

  it('differs from total mode on the same sheets', () => {
    // totals: J1 3×7 + 0.3×8.25 = 21 + 2.475 = 23.475; J2 = J3 = 24 + 2.55 = 26.55
    // mean = (23.475 + 26.55 + 26.55) / 3 = 76.575 / 3 = 25.525 → "25.53" (criterion mode: 25.54)
    const result = only(aggregate(sheets, rubric, options({ mode: 'total' })));
    expect(result.totals.map((t) => t.total.toString())).toEqual(['23.475', '26.55', '26.55']);
    expect(result.score.toString()).toBe('25.525');
    expect(result.display).toBe('25.53');
  });

  it('trims each criterion on its own', () => {
    // A (weight 1): J1 9, J2 8, J3 7, J4 6, J5 5 → drop J5 low, J1 high → (8+7+6)/3 = 7 → 7.00
    // B (weight 2): J1 5, J2 6.5, J3 6, J4 9, J5 7.25 → drop J1 low, J4 high
    //   → (6.5 + 6 + 7.25) / 3 = 19.75 / 3 = 6.58333… → 6.58; × 2 = 13.16
    // score = 7.00 + 13.16 = 20.16
    const fiveJudges: Criterion[] = [
      { key: 'a', label: 'A', max: 10 },
      { key: 'b', label: 'B', max: 10, weight: 2 },
    ];
    const marks: [string, number, number][] = [
      ['J1', 9, 5],
      ['J2', 8, 6.5],
      ['J3', 7, 6],
      ['J4', 6, 9],
      ['J5', 5, 7.25],
    ];
    const result = only(
      aggregate(
        marks.map(([judge, a, b]) => ({ judge, subject: 'B001', marks: { a, b } })),
        fiveJudges,
        options({ mode: 'criterion' }),
      ),
    );
    expect(droppedSummary(result)).toEqual([
      'low J5/a 5',
      'high J1/a 9',
      'low J1/b 5',
      'high J4/b 9',
    ]);
    expect(result.criterionMeans.a?.toString()).toBe('7');
    expect(result.criterionMeans.b?.toString()).toBe('6.58');
    expect(result.score.toString()).toBe('20.16');
  });
});

describe('aggregate, judge normalisation', () => {
  it('maps each judge onto the pooled scale (worked example)', () => {
    // Harsh judge H: A 73, B 81 (mean 77, sd 4) → z = −1, +1
    // Lenient judge L: C 79, D 87 (mean 83, sd 4) → z = −1, +1
    // pooled 73, 81, 79, 87: mean 80; deviations −7, 1, −1, 7 → variance (49+1+1+49)/4 = 25, sd 5
    // normalised: A = C = 80 − 5 = 75, B = D = 80 + 5 = 85 (raw order was D, B, C, A)
    const sheets = [
      single('H', 'A', 73),
      single('H', 'B', 81),
      single('L', 'C', 79),
      single('L', 'D', 87),
    ];
    const results = aggregate(sheets, SINGLE, options({ minJudges: 1, normalizeJudges: true }));
    expect(results.map((r) => [r.subject, r.score.toString()])).toEqual([
      ['A', '75'],
      ['B', '85'],
      ['C', '75'],
      ['D', '85'],
    ]);
    const [a] = results;
    expect(a?.totals.map((t) => [t.total.toString(), t.adjusted.toString()])).toEqual([
      ['73', '75'],
    ]);
  });

  it('keeps raw totals for a judge with one sheet or no spread', () => {
    // O scores once; Z gives 70 twice; H's totals 60, 80 move onto the pool.
    const sheets = [
      single('O', 'A', 90),
      single('Z', 'A', 70),
      single('Z', 'B', 70),
      single('H', 'A', 60),
      single('H', 'B', 80),
    ];
    const results = aggregate(sheets, SINGLE, options({ minJudges: 1, normalizeJudges: true }));
    const adjusted = results.flatMap((r) =>
      r.totals.map((t) => [r.subject, t.judge, t.total.equals(t.adjusted)]),
    );
    expect(adjusted).toEqual([
      ['A', 'H', false],
      ['A', 'O', true],
      ['A', 'Z', true],
      ['B', 'H', false],
      ['B', 'Z', true],
    ]);
  });

  it('trims the normalised totals, not the raw ones', () => {
    // J5 gives the highest raw total on B001 (95) but is generous everywhere: 95 is J5's lower
    // total (z = −1). Pool 80, 82, 84, 86, 95, 96, 60: mean 583 / 7 ≈ 83.29, sd ≈ 11.09 (population), so J5's
    // 95 becomes ≈ 83.29 − 11.09 = 72.19, the lowest on B001, and is dropped as the low one.
    const sheets = [
      single('J1', 'B001', 80),
      single('J2', 'B001', 82),
      single('J3', 'B001', 84),
      single('J4', 'B001', 86),
      single('J5', 'B001', 95),
      single('J5', 'B002', 96),
      single('K', 'B002', 60),
    ];
    const [b001] = aggregate(sheets, SINGLE, options({ minJudges: 1, normalizeJudges: true }));
    const j5 = b001?.totals.find((t) => t.judge === 'J5');
    expect(j5?.adjusted.toFixed(2)).toBe('72.19');
    expect(j5?.dropped).toBe('low');
    expect(droppedSummary(b001 as SubjectResult)).toEqual([
      expect.stringMatching(/^low J5 72\.19/),
      'high J4 86',
    ]);
  });
});

describe('aggregate, guards', () => {
  const sheet = (marks: Record<string, DecimalInput>): ScoreSheet => ({
    judge: 'Li',
    subject: 'B007',
    marks,
  });
  const rubric: Criterion[] = [
    { key: 'a', label: 'A', max: 10 },
    { key: 'b', label: 'B', max: 5 },
  ];
  const run = (marks: Record<string, DecimalInput>) => () => aggregate([sheet(marks)], rubric);

  it.each([
    ['above the maximum', { a: 10.01, b: 1 }, /judge "Li", subject "B007", criterion "a".*0\.\.10/],
    ['below zero', { a: 1, b: -1 }, /judge "Li", subject "B007", criterion "b".*outside/],
    ['missing', { a: 1 }, /criterion "b": mark is missing/],
    ['empty', { a: 1, b: '' }, /criterion "b": mark is missing/],
    ['not a number', { a: 'seven', b: 1 }, /criterion "a": "seven" is not a number/],
    ['not finite', { a: NaN, b: 1 }, /criterion "a".*at most 2 decimals/],
    ['more than 2 decimals', { a: 0.1 + 0.2, b: 1 }, /criterion "a".*at most 2 decimals/],
    ['not in the rubric', { a: 1, b: 1, c: 1 }, /criterion "c": not a criterion/],
  ])('rejects a mark that is %s', (_, marks, message) => {
    expect(run(marks)).toThrow(RangeError);
    expect(run(marks)).toThrow(message);
  });

  it('accepts marks at both ends of the range', () => {
    expect(run({ a: 0, b: '5.00' })).not.toThrow();
  });

  it('rejects two sheets of one judge for one subject', () => {
    const twice = [sheet({ a: 1, b: 1 }), sheet({ a: 2, b: 2 })];
    expect(() => aggregate(twice, rubric)).toThrow(/judge "Li" has more than one sheet/);
  });

  it.each([
    ['an unknown mode', { mode: 'median' as never }, /mode/],
    ['a negative trimCount', { trimCount: -1 }, /trimCount/],
    ['a fractional trimCount', { trimCount: 0.5 }, /trimCount/],
    ['trimFrom leaving no judge', { trimFrom: 2, trimCount: 1 }, /trimFrom must be .* ≥ 3/],
    ['minJudges 0', { minJudges: 0 }, /minJudges/],
    ['normalisation in criterion mode', { mode: 'criterion', normalizeJudges: true }, /total/],
  ] as [string, Partial<AggregateOptions>, RegExp][])('rejects %s', (_, overrides, message) => {
    expect(() => aggregate([], rubric, options(overrides))).toThrow(message);
  });

  it.each([
    ['no criteria', []],
    ['a repeated key', [rubric[0], rubric[0]]],
    ['an empty key', [{ key: '', label: '', max: 10 }]],
    ['a zero maximum', [{ key: 'a', label: 'A', max: 0 }]],
    ['a negative weight', [{ key: 'a', label: 'A', max: 10, weight: -1 }]],
    ['an infinite maximum', [{ key: 'a', label: 'A', max: Infinity }]],
  ] as [string, Criterion[]][])('rejects a rubric with %s', (_, bad) => {
    expect(() => aggregate([], bad)).toThrow(RangeError);
  });
});

describe('aggregate, properties', () => {
  const RUBRIC: Criterion[] = [
    { key: 'a', label: 'A', max: 10 },
    { key: 'b', label: 'B', max: 20, weight: 1.5 },
  ];
  const JUDGES = ['J1', 'J2', 'J3', 'J4', 'J5', 'J6', 'J7', 'J8', 'J9'];

  /** A mark with at most 2 decimals: whole hundredths, divided exactly. */
  const mark = (max: number) =>
    fc.integer({ min: 0, max: max * 100 }).map((n) => new Dec(n).div(100).toString());

  const sheetsArb = fc.uniqueArray(
    fc.record({
      judge: fc.constantFrom(...JUDGES),
      subject: fc.constantFrom('B1', 'B2', 'B3'),
      // Few distinct values too, so that ties at the extremes are common.
      marks: fc.record({ a: fc.oneof(mark(10), fc.constantFrom('5', '10')), b: mark(20) }),
    }),
    { selector: (s) => `${s.judge}|${s.subject}`, maxLength: 27 },
  );

  const optionsArb = fc
    .record({
      mode: fc.constantFrom<AggregateOptions['mode']>('total', 'criterion'),
      trimCount: fc.integer({ min: 0, max: 2 }),
      extra: fc.integer({ min: 0, max: 4 }),
      minJudges: fc.integer({ min: 1, max: 5 }),
      normalizeJudges: fc.boolean(),
    })
    .map(({ extra, ...o }) => ({
      ...o,
      trimFrom: 2 * o.trimCount + 1 + extra,
      normalizeJudges: o.mode === 'total' && o.normalizeJudges,
    }));

  const sheetsOf = (sheets: ScoreSheet[], subject: string) =>
    sheets.filter((s) => s.subject === subject);

  it('does not depend on the order of the sheets', () => {
    const arb = sheetsArb.chain((sheets) =>
      fc.tuple(
        fc.constant(sheets),
        fc.shuffledSubarray(sheets, { minLength: sheets.length, maxLength: sheets.length }),
      ),
    );
    fc.assert(
      fc.property(arb, optionsArb, ([sheets, shuffled], opts) => {
        expect(plain(aggregate(shuffled, RUBRIC, opts))).toEqual(
          plain(aggregate(sheets, RUBRIC, opts)),
        );
      }),
    );
  });

  it('counts every judge, flags incomplete subjects, drops exactly 2 × trimCount or none', () => {
    fc.assert(
      fc.property(sheetsArb, optionsArb, (sheets, opts) => {
        for (const result of aggregate(sheets, RUBRIC, opts)) {
          const judges = sheetsOf(sheets, result.subject).length;
          expect(result.judgesCounted).toBe(judges);
          expect(result.incomplete).toBe(judges < opts.minJudges);
          const perCriterion = judges >= opts.trimFrom ? 2 * opts.trimCount : 0;
          const figures = opts.mode === 'criterion' ? RUBRIC.length : 1;
          expect(result.dropped).toHaveLength(perCriterion * figures);
          expect(result.dropped.filter((d) => d.side === 'high')).toHaveLength(
            (perCriterion / 2) * figures,
          );
        }
      }),
    );
  });

  it('total mode: the score lies within the kept totals, which lie within the dropped ones', () => {
    const totalOptions = optionsArb.map((o) => ({ ...o, mode: 'total' as const }));
    fc.assert(
      fc.property(sheetsArb, totalOptions, (sheets, opts) => {
        for (const result of aggregate(sheets, RUBRIC, opts)) {
          const kept = result.totals.filter((t) => t.dropped === null).map((t) => t.adjusted);
          const [low, high] = [Dec.min(...kept), Dec.max(...kept)];
          expect(result.score.gte(low) && result.score.lte(high)).toBe(true);
          for (const d of result.dropped) {
            expect(d.side === 'high' ? d.value.gte(high) : d.value.lte(low)).toBe(true);
            expect(result.totals.find((t) => t.judge === d.judge)?.dropped).toBe(d.side);
          }
          if (!opts.normalizeJudges) {
            // Without normalisation, the criterion means rebuild the score.
            const rebuilt = RUBRIC.reduce(
              (acc, c) => acc.plus(dec(c.weight ?? 1).times(result.criterionMeans[c.key] ?? NaN)),
              new Dec(0),
            );
            expect(rebuilt.minus(result.score).abs().lt('1e-30')).toBe(true);
          }
        }
      }),
    );
  });

  it('criterion mode: each panel mark lies within the kept marks, within the dropped ones', () => {
    const criterionOptions = optionsArb.map((o) => ({
      ...o,
      mode: 'criterion' as const,
      normalizeJudges: false,
    }));
    fc.assert(
      fc.property(sheetsArb, criterionOptions, (sheets, opts) => {
        for (const result of aggregate(sheets, RUBRIC, opts)) {
          for (const c of RUBRIC) {
            const dropped = result.dropped.filter((d) => d.criterion === c.key);
            const kept = sheetsOf(sheets, result.subject)
              .filter((s) => !dropped.some((d) => d.judge === s.judge))
              .map((s) => dec(s.marks[c.key] ?? NaN));
            const [low, high] = [Dec.min(...kept), Dec.max(...kept)];
            const panel = result.criterionMeans[c.key] ?? new Dec(NaN);
            expect(panel.gte(low) && panel.lte(high)).toBe(true);
            for (const d of dropped) {
              expect(d.side === 'high' ? d.value.gte(high) : d.value.lte(low)).toBe(true);
            }
          }
        }
      }),
    );
  });
});
