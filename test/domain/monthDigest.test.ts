/**
 * The digest of a month's inputs (DESIGN §12): deterministic, blind to row order and to what does
 * not feed the result, and changed by anything that does.
 */
import fc from 'fast-check';
import { DEFAULT_CONFIG } from '../../src/domain/config';
import { monthDigests, type MonthDigestInputs } from '../../src/domain/monthDigest';
import type { Cell } from '../../src/domain/schema/column';
import { headerRow } from '../../src/domain/schema/table';
import { ActivitiesTable } from '../../src/domain/schema/tables';
import { serialOf } from '../../src/domain/serialDate';

const HEADER = headerRow(ActivitiesTable, 'zh-CN');
const col = (label: string) => HEADER.indexOf(label);

function row(id: string, date: string, overrides: Record<string, Cell> = {}): Cell[] {
  const cells: Cell[] = [
    id,
    `${date} 20:00:00`,
    'B001',
    date,
    '读一本好书',
    `标题${id}`,
    '活动内容',
    30,
    25,
    '是',
    'https://example.edu.cn/e',
    null,
    '已提交',
    12,
    null,
  ];
  for (const [label, value] of Object.entries(overrides)) cells[col(label)] = value;
  return cells;
}

const inputs = (rows: Cell[][], more: Partial<MonthDigestInputs> = {}): MonthDigestInputs => ({
  config: DEFAULT_CONFIG,
  activities: [HEADER, ...rows],
  locale: 'zh-CN',
  approvedBranches: [{ id: 'B001', name: '第1支部' }],
  votes: [],
  showcase: [],
  vetoes: new Map(),
  ...more,
});

const OCT = new Set(['2026-10']);
const digest = (i: MonthDigestInputs) => monthDigests(i, OCT).get('2026-10')!;
const base = [row('a1', '2026-10-08'), row('a2', '2026-10-09'), row('s1', '2026-09-30')];

describe('monthDigests', () => {
  test('a date reads the same whatever its cell shows: canonical text, another format, a serial', () => {
    const d = digest(inputs(base));
    const shown = base.map((r) => [...r]);
    shown[0]![col('提交时间')] = '2026/10/8 20:00:00';
    shown[1]![col('提交时间')] = serialOf('2026-10-09 20:00:00', 'datetime');
    shown[1]![col('活动日期')] = serialOf('2026-10-09', 'date');
    expect(digest(inputs(shown))).toBe(d);
    shown[0]![col('提交时间')] = '2026-10-08 20:00:01';
    expect(digest(inputs(shown))).not.toBe(d);
  });

  test('16 hex digits, the same for the same inputs', () => {
    expect(digest(inputs(base))).toMatch(/^[0-9a-f]{16}$/);
    expect(digest(inputs(base))).toBe(digest(inputs(base.map((r) => [...r]))));
  });

  test('row order, other months, rejected rows and unscored columns do not count', () => {
    const d = digest(inputs(base));
    expect(digest(inputs([...base].reverse()))).toBe(d);
    expect(digest(inputs([...base, row('s2', '2026-09-12')]))).toBe(d);
    expect(digest(inputs([...base, row('r1', '2026-10-10', { 审核状态: '不予认可' })]))).toBe(d);
    expect(digest(inputs([...base, row('d1', '2026-10-10', { 审核状态: '重复' })]))).toBe(d);
    expect(
      digest(inputs(base.map((r) => r.map((c, i) => (i === col('活动内容') ? '改' : c))))),
    ).toBe(d);
  });

  test('any scored cell of any counted row changes it', () => {
    const d = digest(inputs(base));
    const scored = [
      '响应编号',
      '提交时间',
      '支部编号',
      '活动类型',
      '活动名称',
      '党外群众人数',
      '审核状态',
      '得分',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...scored),
        fc.nat(1),
        fc.string({ minLength: 1, maxLength: 8 }),
        (label, which, value) => {
          const changed = base.map((r) => [...r]);
          const before = String(changed[which]![col(label)]);
          fc.pre(
            value.trim() !== before &&
              value.trim() !== '' &&
              !['重复', '不予认可'].includes(value.trim()),
          );
          changed[which]![col(label)] = value;
          expect(digest(inputs(changed))).not.toBe(d);
        },
      ),
      { numRuns: 100 },
    );
  });

  test('votes, picks, vetoes, branches and Config numbers change it', () => {
    const d = digest(inputs(base));
    const vote = {
      responseId: 'v1',
      submittedAt: '2026-10-28 15:00:00',
      month: '2026-10',
      judge: '甲',
      branch: 'B001',
      score: 90,
      status: 'counted' as const,
      reason: null,
    };
    expect(digest(inputs(base, { votes: [vote] }))).not.toBe(d);
    expect(digest(inputs(base, { votes: [{ ...vote, status: 'superseded' }] }))).toBe(d);
    expect(digest(inputs(base, { votes: [{ ...vote, month: '2026-09' }] }))).toBe(d);
    const pick = {
      month: '2026-10',
      branch: 'B001',
      branchName: null,
      reason: 'top' as const,
      voteClosedAt: null,
    };
    expect(
      digest(
        inputs(base, {
          showcase: [{ ...pick, note: null, score: 80, drawnAt: '2026-10-25 09:00:00' }],
        }),
      ),
    ).not.toBe(d);
    expect(
      digest(inputs(base, { vetoes: new Map([['2026-10', new Map([['B001', '不实']])]]) })),
    ).not.toBe(d);
    expect(digest(inputs(base, { approvedBranches: [] }))).not.toBe(d);
    expect(digest(inputs(base, { config: { ...DEFAULT_CONFIG, monthlyTarget: 31 } }))).not.toBe(d);
    expect(digest(inputs(base, { config: { ...DEFAULT_CONFIG, collegeName: '另一学院' } }))).toBe(
      d,
    );
  });
});
