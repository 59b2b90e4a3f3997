/**
 * 总览 answers "what needs me today" (issue 11): the dashboard's figures on a small workbook built
 * by hand, each counted the way staff would count it, and the layout that shows them as numbers.
 */
import { nextShowcase } from '../../src/app/dashboard';
import { buildReport } from '../../src/app/report';
import { DEFAULT_CONFIG } from '../../src/domain/config';
import type { LayoutCell } from '../../src/domain/sheetLayout';
import { DashboardTable, ShowcaseTable } from '../../src/domain/schema/tables';
import { dashboardWorkbook as workbook } from '../support/dashboardWorkbook';
import { setConfig, upsertRows, type TestPorts } from '../support/fakes';

/** The dashboard's cells, row by row. */
const layoutOf = (ports: TestPorts) => ports.store.layouts.get(DashboardTable.name)!;
const rowNamed = (ports: TestPorts, label: string): readonly LayoutCell[] =>
  layoutOf(ports).rows.find((row) => row[0]?.value === label)!;

describe('the dashboard model on a hand-built workbook', () => {
  const ports = workbook();
  const { dashboard } = buildReport(ports);
  const { attention } = dashboard;

  it('counts the applications still to review', () => {
    expect(attention.pendingApplications).toEqual({ count: 1, names: ['计算机学院第4党支部'] });
  });

  it('counts the rows of 待处理 staff have not resolved', () => {
    expect(attention.openRejected).toBe(1);
  });

  it('names the months whose inputs changed after they were finalised', () => {
    expect(attention.staleMonths).toEqual(['2026-10']);
  });

  it('counts the letters the next letters run makes: new, and voided ones to make again', () => {
    expect(attention.letters).toEqual({ due: 2, reissues: 1 });
  });

  it('gives the next showcase draw from the clock: 3 November → the 25th, 22 days', () => {
    expect(attention.nextShowcase).toEqual({
      month: '2026-11',
      date: '2026-11-25',
      days: 22,
      due: false,
    });
  });

  it('shows the last finalised month: every approved branch by rank, and how many got each star', () => {
    const latest = dashboard.latestMonth!;
    expect(latest.month).toBe('2026-10');
    expect(latest.rows.map((r) => [r.branch, r.rank])).toEqual([
      ['B001', 1],
      ['B002', 2],
      ['B003', 2],
    ]);
    // B001: 12 points of 30 = 40.00 → ★★; the others 0 → no star.
    expect(latest.rows[0]).toMatchObject({ stars: 2, score: 40 });
    expect(latest.distribution).toEqual([0, 0, 0, 1, 0, 2]);
  });

  it('lays the counts out as number cells, with what to do', () => {
    const row = (label: string) => rowNamed(ports, label).map((c) => c.value);
    expect(row('待审核的支部申报').slice(0, 2)).toEqual(['待审核的支部申报', 1]);
    expect(row('待处理表中未处理的回复').slice(0, 2)).toEqual(['待处理表中未处理的回复', 1]);
    expect(row('需重算的月份').slice(0, 2)).toEqual(['需重算的月份', 1]);
    expect(String(row('需重算的月份')[2])).toMatch(/^2026-10：.*`starbranch refresh/);
    expect(row('待生成的荣誉证书').slice(0, 2)).toEqual(['待生成的荣誉证书', 2]);
    expect(row('距下次示范支部抽选').slice(0, 2)).toEqual(['距下次示范支部抽选', 22]);
    expect(rowNamed(ports, '距下次示范支部抽选')[1]!.format).toBe('0" 天"');
    // Waiting items stand out; the rest say there is nothing to do.
    expect(rowNamed(ports, '需重算的月份')[0]!.tone).toBe('alert');
  });

  it('never stores a figure as text: numbers in number cells, no "18 / 333"', () => {
    const cells = layoutOf(ports).rows.flat();
    for (const cell of cells) {
      if (cell.style === 'count' || cell.style === 'score') {
        expect([cell, cell.value === null || typeof cell.value === 'number']).toEqual([cell, true]);
      }
      if (typeof cell.value === 'string') expect(cell.value).not.toMatch(/^\s*\d+\s*\/\s*\d+\s*$/);
    }
  });

  it('charts stars, points by month and the standings over the cells that hold them', () => {
    const { rows, charts } = layoutOf(ports);
    expect(charts.map((c) => c.kind)).toEqual(['COLUMN', 'COLUMN', 'BAR']);
    for (const chart of charts) {
      const values = (box: { row: number; column: number; rows: number }) =>
        rows.slice(box.row + 1, box.row + box.rows).map((r) => r[box.column]?.value);
      // The labels are text, the series numbers (a month not finalised yet is blank).
      expect(values(chart.domain).every((v) => typeof v === 'string')).toBe(true);
      for (const series of chart.series) {
        expect(values(series).every((v) => v === null || typeof v === 'number')).toBe(true);
      }
    }
    const stars = charts[0]!;
    expect(rows[stars.domain.row]!.map((c) => c.value)).toEqual(['星级', '支部数']);
    expect(
      rows.slice(stars.series[0]!.row + 1, stars.series[0]!.row + 7).map((r) => r[1]!.value),
    ).toEqual([0, 0, 0, 1, 0, 2]);
  });

  it('gives the stars a colour scale from 0 to 5 and the scores data bars', () => {
    const { rows, highlights } = layoutOf(ports);
    const scale = highlights.find((h) => h.kind === 'colorScale')!;
    expect(scale).toMatchObject({ min: 0, max: 5 });
    expect(rows[scale.box.row - 1]![scale.box.column]!.value).toBe('星级');
    const bars = highlights.filter((h) => h.kind === 'dataBar');
    expect(bars.map((h) => rows[h.box.row - 1]![h.box.column]!.value)).toEqual(
      expect.arrayContaining(['月度得分', '活动积分', '综合得分']),
    );
  });

  it('once the day comes and the month is not drawn, the draw is due now', () => {
    ports.clock.set('2026-11-26 08:00:00');
    const { attention: later } = buildReport(ports).dashboard;
    expect(later.nextShowcase).toEqual({
      month: '2026-11',
      date: '2026-11-25',
      days: 0,
      due: true,
    });
    expect(rowNamed(ports, '距下次示范支部抽选')[0]!.tone).toBe('alert');
  });

  it("a month drawn in 示范汇报 is not drawn again: the next draw is December's", () => {
    upsertRows(ports.store, ShowcaseTable, [
      {
        month: '2026-11',
        branch: 'B001',
        branchName: '计算机学院第1党支部',
        reason: 'top',
        note: null,
        score: 40,
        drawnAt: '2026-11-26 09:00:00',
        voteClosedAt: null,
      },
    ]);
    expect(buildReport(ports).dashboard.attention.nextShowcase).toEqual({
      month: '2026-12',
      date: '2026-12-25',
      days: 29,
      due: false,
    });
  });

  it('in an English workbook, the same figures in English', () => {
    setConfig(ports.store, { locale: 'en' });
    buildReport(ports);
    expect(rowNamed(ports, 'Applications awaiting review')[1]!.value).toBe(1);
    expect(rowNamed(ports, 'Months to recompute')[1]!.value).toBe(1);
    const text = layoutOf(ports)
      .rows.flat()
      .map((c) => c.value)
      .filter((v): v is string => typeof v === 'string')
      .join('\n');
    // Our own words are English; Chinese is left only in what staff typed (branch names).
    expect(text.replace(/计算机学院第\d党支部/g, '')).not.toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('nextShowcase', () => {
  const config = { ...DEFAULT_CONFIG, showcaseDay: 25 };
  const none = new Set<string>();

  it.each([
    ['before the programme: its first month', '2026-08-20', none, '2026-09-25', 36, false],
    ['the day itself, not drawn: due', '2026-10-25', none, '2026-10-25', 0, true],
    ['two days after, still not drawn: due', '2026-10-27', none, '2026-10-25', 0, true],
    ['drawn already: next month', '2026-10-27', new Set(['2026-10']), '2026-11-25', 29, false],
    ['early in the month', '2027-02-03', none, '2027-02-25', 22, false],
  ])('%s', (_, today, drawn, date, days, due) => {
    expect(nextShowcase(today, config, drawn)).toEqual({
      month: date.slice(0, 7),
      date,
      days,
      due,
    });
  });

  it('none once the last programme month is drawn', () => {
    expect(nextShowcase('2027-06-26', config, new Set(['2027-06']))).toBeNull();
    expect(nextShowcase('2027-08-01', config, none)).toBeNull();
  });

  it('follows the configured day', () => {
    expect(nextShowcase('2026-10-03', { ...config, showcaseDay: 5 }, none)).toMatchObject({
      date: '2026-10-05',
      days: 2,
    });
  });
});
