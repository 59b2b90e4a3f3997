import { changedRanges, gridGrowth } from '../../src/domain/sheetChanges';

describe('what a Sheets API store sends', () => {
  it('one range per run of changed rows, blanks over rows the table no longer has', () => {
    const before = [
      ['h1', 'h2'],
      ['a', 1],
      ['b', 2],
      ['c', 3],
      ['d', 4],
    ];
    const rows = [
      ['h1', 'h2'],
      ['a', 9],
      ['b', 2],
      ['c', 3],
    ];
    const { ranges, total, width } = changedRanges("'活动'", before, rows);
    expect({ total, width }).toEqual({ total: 5, width: 2 });
    expect(ranges).toEqual([
      { range: "'活动'!A2:B2", values: [['a', 9]] },
      { range: "'活动'!A5:B5", values: [['', '']] },
    ]);
  });

  it('nothing when nothing changed; a missing cell equals an empty one', () => {
    expect(changedRanges('S', [['a', null]], [['a']]).ranges).toEqual([]);
  });

  // 1,001 rows need room for a tenth more (101, at least 100): 1,102.
  it('grows rows with head room and columns exactly, only when needed', () => {
    const grid = { sheetId: 7, rows: 1000, columns: 5 };
    expect(gridGrowth(grid, 900, 5).requests).toEqual([]);
    const grown = gridGrowth(grid, 1001, 6);
    expect(grown.requests).toEqual([
      { appendDimension: { sheetId: 7, dimension: 'ROWS', length: 102 } },
      { appendDimension: { sheetId: 7, dimension: 'COLUMNS', length: 1 } },
    ]);
    expect(grown.grid).toEqual({ sheetId: 7, rows: 1102, columns: 6 });
  });
});
