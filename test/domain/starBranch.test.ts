import fc from 'fast-check';
import { dec } from '../../src/domain/decimal';
import { type Presenter, pickStarBranches } from '../../src/domain/starBranch';

const p = (branch: string, onsite: string | null, monthly: string): Presenter => ({
  branch,
  onsiteScore: onsite === null ? null : dec(onsite),
  monthlyScore: dec(monthly),
});

describe('pickStarBranches', () => {
  it('picks the highest on-site score', () => {
    const presenters = [p('B1', '88.25', '100'), p('B2', '91.5', '60'), p('B3', '90', '95')];
    expect(pickStarBranches({ presenters, count: 1 })).toEqual(['B2']);
    expect(pickStarBranches({ presenters, count: 2 })).toEqual(['B2', 'B3']);
  });

  it('ignores presenters without an on-site score, however good their month', () => {
    const presenters = [p('B1', null, '100'), p('B2', '70', '40')];
    expect(pickStarBranches({ presenters, count: 1 })).toEqual(['B2']);
    expect(pickStarBranches({ presenters: [p('B1', null, '100')], count: 1 })).toEqual([]);
  });

  it('breaks an on-site tie by monthly activity score, then by branch id', () => {
    const presenters = [
      p('B4', '90', '80'),
      p('B3', '90', '85.5'), // same on-site score, better month → wins
      p('B2', '90', '80'), // ties B4 on both → lower id first
      p('B1', '89.99', '100'),
    ];
    expect(pickStarBranches({ presenters, count: 3 })).toEqual(['B3', 'B2', 'B4']);
  });

  it('returns nothing for count 0 and everyone when count exceeds presenters', () => {
    const presenters = [p('B1', '80', '0'), p('B2', '85', '0')];
    expect(pickStarBranches({ presenters, count: 0 })).toEqual([]);
    expect(pickStarBranches({ presenters, count: 5 })).toEqual(['B2', 'B1']);
  });

  it('refuses a count that is not a whole number ≥ 0', () => {
    expect(() => pickStarBranches({ presenters: [], count: -1 })).toThrow(RangeError);
    expect(() => pickStarBranches({ presenters: [], count: 0.5 })).toThrow(RangeError);
  });

  it('property: the winner has the best on-site score and the order ignores row order', () => {
    const arb = fc.uniqueArray(
      fc.record({
        id: fc.integer({ min: 1, max: 30 }),
        onsite: fc.option(fc.integer({ min: 60, max: 65 }), { nil: null }),
        monthly: fc.integer({ min: 0, max: 3 }),
      }),
      { selector: (r) => r.id, maxLength: 12 },
    );
    fc.assert(
      fc.property(arb, (rows) => {
        const presenters = rows.map((r) =>
          p(`B${r.id}`, r.onsite === null ? null : String(r.onsite), String(r.monthly)),
        );
        const picked = pickStarBranches({ presenters, count: 1 });
        const voted = presenters.filter((x) => x.onsiteScore !== null);
        expect(picked).toHaveLength(Math.min(1, voted.length));
        if (picked.length === 1) {
          const winner = presenters.find((x) => x.branch === picked[0])!;
          for (const x of voted) expect(winner.onsiteScore!.gte(x.onsiteScore!)).toBe(true);
        }
        const all = pickStarBranches({ presenters, count: 99 });
        expect(pickStarBranches({ presenters: [...presenters].reverse(), count: 99 })).toEqual(all);
      }),
    );
  });
});
