import fc from 'fast-check';
import { addMonths } from '../../src/domain/calendar';
import { dec } from '../../src/domain/decimal';
import {
  branchesInCooldown,
  drawShowcase,
  type ShowcaseInput,
  showcaseSeed,
} from '../../src/domain/showcase';

const scores = (pairs: [string, string][]) =>
  pairs.map(([branch, score]) => ({ branch, score: dec(score) }));

const example: ShowcaseInput = {
  programYear: '2026-2027',
  month: '2026-11',
  scores: scores([
    ['B01', '87.5'],
    ['B02', '92'],
    ['B03', '92'],
    ['B04', '60'],
    ['B05', '75.25'],
    ['B06', '0'],
    ['B07', '40'],
    ['B08', '95'],
    ['B09', '50'],
    ['B10', '30'],
  ]),
  recentPresenters: [
    { branch: 'B08', month: '2026-10' }, // previous month → in cooldown
    { branch: 'B09', month: '2026-09' }, // two months back → in cooldown
    { branch: 'B10', month: '2026-08' }, // three months back → free again
    { branch: 'B04', month: '2026-11' }, // this month (a re-run) → not a cooldown
  ],
  topK: 3,
  cooldownMonths: 2,
  spotCheckCount: 2,
};

describe('drawShowcase', () => {
  it('picks the top K outside the cooldown, then spot checks (worked example)', () => {
    const picks = drawShowcase(example);
    // Ranks over all branches: B08 95 #1, B02/B03 92 #2, B01 87.5 #4, B05 75.25 #5, …
    // B08 is cooling down, so the tops are B02, B03 (tie, by id) and B01.
    // Spot pool, by id: [B04, B05, B06, B07, B10] (B08, B09 cooling; tops taken).
    // Seed "2026-2027:2026-11": first u = 0.5330 → j = floor(0.5330 × 5) = 2 → B06 swapped to
    // the front; second u = 0.4897 → j = 1 + floor(0.4897 × 4) = 2 → B04 (now at index 2).
    expect(picks.map((p) => [p.branch, p.reason])).toEqual([
      ['B02', 'top'],
      ['B03', 'top'],
      ['B01', 'top'],
      ['B06', 'spot'],
      ['B04', 'spot'],
    ]);
  });

  it("explains each pick in the workbook's language", () => {
    const [top, , third, spot] = drawShowcase(example);
    expect(top!.note).toBe('月度得分第 2 名（92.00）');
    expect(third!.note).toBe('月度得分第 4 名（87.50）');
    expect(spot!.note).toBe('随机抽查（从 5 个支部中抽取），种子 2026-2027:2026-11');
    const [enTop, , , enSpot] = drawShowcase({ ...example, locale: 'en' });
    expect(enTop!.note).toBe('ranked #2 by month-to-date score (92.00)');
    expect(enSpot!.note).toBe('spot check drawn from 5 eligible branches, seed 2026-2027:2026-11');
    expect(showcaseSeed('2026-2027', '2026-11')).toBe('2026-2027:2026-11');
  });

  it('breaks ties at the K boundary by branch id', () => {
    const picks = drawShowcase({
      ...example,
      scores: scores([
        ['B9', '80'],
        ['B3', '80'],
        ['B5', '80'],
        ['B1', '70'],
      ]),
      recentPresenters: [],
      topK: 2,
      spotCheckCount: 0,
    });
    expect(picks.map((p) => p.branch)).toEqual(['B3', 'B5']);
  });

  it('compares the scores as shown, to 2 places', () => {
    // 80.004 and 80.001 both show as 80.00, so the tie goes to the lower id.
    const picks = drawShowcase({
      ...example,
      scores: scores([
        ['B2', '80.004'],
        ['B1', '80.001'],
      ]),
      recentPresenters: [],
      topK: 1,
      spotCheckCount: 0,
    });
    expect(picks.map((p) => p.branch)).toEqual(['B1']);
  });

  it('never makes a "top" pick of a branch scoring 0, but may spot-check it', () => {
    const input = {
      ...example,
      scores: scores([
        ['B1', '10'],
        ['B2', '0'],
        ['B3', '0'],
      ]),
      recentPresenters: [],
      topK: 3,
      spotCheckCount: 5,
    };
    const picks = drawShowcase(input);
    expect(picks.filter((p) => p.reason === 'top').map((p) => p.branch)).toEqual(['B1']);
    expect(
      picks
        .filter((p) => p.reason === 'spot')
        .map((p) => p.branch)
        .sort(),
    ).toEqual(['B2', 'B3']);
  });

  it('picks what there is when fewer branches are eligible than wanted', () => {
    const picks = drawShowcase({
      ...example,
      scores: scores([
        ['B1', '50'],
        ['B2', '60'],
      ]),
      recentPresenters: [{ branch: 'B2', month: '2026-10' }],
    });
    expect(picks.map((p) => [p.branch, p.reason])).toEqual([['B1', 'top']]);
    expect(drawShowcase({ ...example, scores: [] })).toEqual([]);
  });

  it('has no cooldown when cooldownMonths is 0', () => {
    const picks = drawShowcase({ ...example, cooldownMonths: 0, topK: 1, spotCheckCount: 0 });
    expect(picks.map((p) => p.branch)).toEqual(['B08']);
  });

  it('refuses bad settings and duplicate branches', () => {
    expect(() => drawShowcase({ ...example, month: '2026-13' })).toThrow(/bad month/);
    expect(() => drawShowcase({ ...example, topK: -1 })).toThrow(/topK/);
    expect(() => drawShowcase({ ...example, spotCheckCount: 1.5 })).toThrow(/spotCheckCount/);
    expect(() => drawShowcase({ ...example, cooldownMonths: NaN })).toThrow(/cooldownMonths/);
    expect(() =>
      drawShowcase({ ...example, scores: [...example.scores, example.scores[0]!] }),
    ).toThrow(/B01 listed twice/);
  });

  it('gives different spot draws in different months', () => {
    // Same 20 branches, no tops, no cooldown: only the seed changes from month to month.
    const pool = scores(Array.from({ length: 20 }, (_, i): [string, string] => [`B${i}`, '50']));
    const months = Array.from({ length: 10 }, (_, i) => addMonths('2026-09', i));
    const draws = months.map((month) =>
      drawShowcase({ ...example, month, scores: pool, recentPresenters: [], topK: 0 })
        .map((p) => p.branch)
        .join(','),
    );
    expect(new Set(draws).size).toBeGreaterThanOrEqual(8);
    // and the same month again gives the same draw
    expect(
      drawShowcase({ ...example, month: months[3]!, scores: pool, recentPresenters: [], topK: 0 })
        .map((p) => p.branch)
        .join(','),
    ).toBe(draws[3]);
  });

  const inputArb = fc
    .record({
      branches: fc.uniqueArray(
        fc.record({ id: fc.integer({ min: 1, max: 60 }), score: fc.integer({ min: 0, max: 100 }) }),
        { selector: (b) => b.id, maxLength: 30 },
      ),
      presented: fc.array(
        fc.record({ id: fc.integer({ min: 1, max: 60 }), back: fc.integer({ min: -1, max: 5 }) }),
        { maxLength: 20 },
      ),
      month: fc.integer({ min: 0, max: 11 }).map((i) => addMonths('2026-09', i)),
      topK: fc.integer({ min: 0, max: 5 }),
      cooldownMonths: fc.integer({ min: 0, max: 4 }),
      spotCheckCount: fc.integer({ min: 0, max: 5 }),
    })
    .map((r): ShowcaseInput => ({
      programYear: '2026-2027',
      month: r.month,
      scores: r.branches.map((b) => ({ branch: `B${b.id}`, score: dec(b.score) })),
      recentPresenters: r.presented.map((p) => ({
        branch: `B${p.id}`,
        month: addMonths(r.month, -p.back),
      })),
      topK: r.topK,
      cooldownMonths: r.cooldownMonths,
      spotCheckCount: r.spotCheckCount,
    }));

  it('property: reproducible, also when the input rows come in another order', () => {
    fc.assert(
      fc.property(inputArb, fc.integer(), (input, salt) => {
        const first = drawShowcase(input);
        expect(drawShowcase(input)).toEqual(first);
        // rotate and reverse the rows: a different order, same content
        const k = input.scores.length === 0 ? 0 : Math.abs(salt) % input.scores.length;
        const reordered = [...input.scores.slice(k), ...input.scores.slice(0, k)].reverse();
        const presenters = [...input.recentPresenters].reverse();
        expect(drawShowcase({ ...input, scores: reordered, recentPresenters: presenters })).toEqual(
          first,
        );
      }),
    );
  });

  it('property: never a branch in cooldown, never twice, and as many as can be picked', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const picks = drawShowcase(input);
        const branches = picks.map((p) => p.branch);
        expect(new Set(branches).size).toBe(branches.length);

        // cooldown computed independently: presented in one of the cooldownMonths months before
        const cooling = new Set(
          input.recentPresenters
            .filter((p) =>
              Array.from({ length: input.cooldownMonths }, (_, i) =>
                addMonths(input.month, -(i + 1)),
              ).includes(p.month),
            )
            .map((p) => p.branch),
        );
        expect(branches.filter((b) => cooling.has(b))).toEqual([]);

        const eligible = input.scores.filter((s) => !cooling.has(s.branch));
        const positive = eligible.filter((s) => s.score.gt(0)).length;
        const tops = Math.min(input.topK, positive);
        expect(picks.filter((p) => p.reason === 'top')).toHaveLength(tops);
        expect(picks).toHaveLength(tops + Math.min(input.spotCheckCount, eligible.length - tops));
        if (positive === eligible.length) {
          expect(picks).toHaveLength(Math.min(input.topK + input.spotCheckCount, eligible.length));
        }

        // no eligible branch that is not a top pick outscores a top pick
        const topIds = picks.filter((p) => p.reason === 'top').map((p) => p.branch);
        const scoreOf = (id: string) => input.scores.find((s) => s.branch === id)!.score;
        for (const s of eligible.filter((e) => !topIds.includes(e.branch))) {
          for (const id of topIds) expect(s.score.lte(scoreOf(id))).toBe(true);
        }
      }),
    );
  });
});

describe('branchesInCooldown', () => {
  it('covers the months strictly before, within the cooldown', () => {
    const presenters = [
      { branch: 'A', month: '2026-12' },
      { branch: 'B', month: '2026-11' },
      { branch: 'C', month: '2026-10' },
      { branch: 'D', month: '2027-01' },
    ];
    // month 2027-01, cooldown 2 → 2026-11 and 2026-12
    expect([...branchesInCooldown('2027-01', presenters, 2)].sort()).toEqual(['A', 'B']);
    expect([...branchesInCooldown('2027-01', presenters, 0)]).toEqual([]);
  });
});
