import { changedRanges, gridGrowth, tableChange } from '../../src/domain/sheetChanges';
import { ActivitiesTable } from '../../src/domain/schema/tables';

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

describe('a pending table as both Sheets stores compare it', () => {
  const header = ['响应编号', '提交时间', '活动名称', '活动日期'];

  it('sends the schema’s date columns as serial numbers and everything else as typed', () => {
    const before = [header, ['r1', '2026-10-05 09:30:00', '2026-10-05', '2026-10-04']];
    const rows = [header, ['r1', '2026-10-05 09:30:00', '2026-10-05', '2026-10-06']];
    const { was, now, dates } = tableChange(ActivitiesTable, before, rows);
    expect([...dates.entries()]).toEqual([
      [1, 'datetime'],
      [3, 'date'],
    ]);
    // A title that looks like a date stays text; the header is never converted.
    expect(now[0]).toEqual(header);
    expect(now[1]).toEqual(['r1', 46300 + 9.5 / 24, '2026-10-05', 46301]);
    expect(was[1]![3]).toBe(46299);
    // The row whose date changed is sent, its dates as serials.
    expect(changedRanges("'活动'", was, now).ranges).toEqual([
      { range: "'活动'!A2:D2", values: [now[1]] },
    ]);
    expect(changedRanges("'活动'", was, was).ranges).toEqual([]);
  });

  it('sends every cell as it is when no schema is known', () => {
    const rows = [header, ['r1', '2026-10-05 09:30:00', 't', '2026-10-06']];
    const { now, dates } = tableChange(null, [], rows);
    expect(dates.size).toBe(0);
    expect(now).toEqual(rows);
  });
});
