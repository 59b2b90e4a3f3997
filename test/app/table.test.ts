import { Table } from '../../src/app/table';
import { takeProblems } from '../../src/app/problems';
import { MonthlyResultsTable } from '../../src/domain/schema/tables';
import { MemoryStore } from '../support/memoryStore';

/** Three months of results for one branch, the middle one with a broken cell. */
function store(): MemoryStore {
  const s = new MemoryStore();
  const header = Table.read(s, MonthlyResultsTable, 'zh-CN').toValues('zh-CN')[0]!;
  const row = (month: string, score: number | string) => {
    const cells = header.map(() => null as string | number | null);
    const put = (label: string, value: string | number) => (cells[header.indexOf(label)] = value);
    put('月份', month);
    put('支部编号', 'B001');
    put('活动积分', 27);
    put('月度得分', score);
    put('星级', 5);
    put('排名', 1);
    put('计算时间', `${month}-28 02:00:00`);
    return cells;
  };
  s.put('MonthlyResults', [header, row('2026-09', 90), row('2026-10', '九十'), row('2026-11', 80)]);
  return s;
}

describe('Table.read with a row filter', () => {
  it('parses only the rows the job asks for and reports only their problems', () => {
    const s = store();
    takeProblems('zh-CN');
    const table = Table.read(s, MonthlyResultsTable, 'zh-CN', {
      column: 'month',
      keep: (m) => m === '2026-11',
    });
    expect(table.records().map((r) => [r.month, r.score])).toEqual([['2026-11', 80]]);
    // The broken October cell is another month's business: not parsed, not reported.
    expect(takeProblems('zh-CN')).toEqual([]);
  });

  it('writes every other row back exactly as it was', () => {
    const s = store();
    const before = s.peek('MonthlyResults');
    const table = Table.read(s, MonthlyResultsTable, 'zh-CN', {
      column: 'month',
      keep: (m) => m === '2026-11',
    });
    table.upsert({ ...table.records()[0]!, score: 85 });
    table.save(s, 'zh-CN');
    const after = s.peek('MonthlyResults');
    expect(after.slice(0, 3)).toEqual(before.slice(0, 3));
    expect(after[3]![before[0]!.indexOf('月度得分')]).toBe(85);
    expect(after).toHaveLength(4);
  });
});
