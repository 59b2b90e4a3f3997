/**
 * 总览 on Google Sheets, through the built bundle: the menu's 更新总览 reads its tables in one call
 * and writes the laid-out sheet, its charts and its Log row in ONE `spreadsheets.batchUpdate`;
 * run again it replaces its charts instead of adding more.
 */
import { t } from '../../src/domain/messages';
import {
  activityAnswers,
  applicationAnswers,
  approvedChoices,
  compactSheets,
  cst,
  freshGas,
  measure,
  reviewBranches,
  SHEETS,
  submit,
  total,
} from './support';

type Json = Record<string, unknown>;

describe('更新总览 on Google Sheets', () => {
  const gas = freshGas();
  const { world, bundle } = gas;
  compactSheets(world);

  const dashboard = () =>
    world.peek(() => {
      const sheet = world.spreadsheet.getSheetByName(SHEETS.dashboard)!;
      return sheet as unknown as { _id: number; _charts: Json[] };
    });
  /** The 0-based row of the dashboard whose first cells read `cells`. */
  const rowOf = (...cells: string[]) =>
    world
      .readSheet(SHEETS.dashboard)!
      .findIndex((row) => cells.every((value, i) => row[i] === value));
  const figureOf = (label: string) =>
    world.readSheet(SHEETS.dashboard)!.find((row) => row[0] === label)?.[1];
  /** The requests of the batches the last `buildDashboard` execution sent. */
  const lastBatches = () => {
    const run = world.executions.filter((e) => e.label === 'buildDashboard').at(-1)!;
    return world.sheetsBatches.filter((b) => b.execution === run.id);
  };
  const requestsOf = (kind: string) =>
    lastBatches()
      .flatMap((b) => b.requests as Json[])
      .filter((r) => r[kind] !== undefined)
      .map((r) => r[kind] as Json);

  it('a year under way: October finalised, a late report, an application and a bad row waiting', () => {
    for (let i = 0; i < 3; i++) {
      submit(gas, 'application', applicationAnswers(`计算机学院第${i + 1}学生党支部`), {
        at: cst(`2026-09-02 09:0${i}`),
      });
    }
    reviewBranches(world, ['B001', 'B002']);
    bundle.call('refreshFormChoices');
    const [b1, b2] = approvedChoices(world);
    submit(gas, 'activity', activityAnswers(b1!, { date: '2026-10-08', title: '读书会' }), {
      at: cst('2026-10-08 20:00'),
    });
    submit(gas, 'activity', activityAnswers('B999 不存在的支部', { date: '2026-10-09' }), {
      at: cst('2026-10-09 20:00'),
    });
    expect(bundle.runClock(cst('2026-11-01 12:00')).filter((r) => !r.ok)).toEqual([]);
    // After October was finalised: a report for it, so October is stale until the next daily run.
    submit(gas, 'activity', activityAnswers(b2!, { date: '2026-10-30', title: '补报' }), {
      at: cst('2026-11-03 10:00'),
    });
  });

  it('reads once, writes once: cells, charts and the Log row in one batchUpdate', () => {
    world.setNow(cst('2026-11-03 11:00'));
    const { value, calls } = measure(world, () => bundle.call('buildDashboard'));
    expect(value).toBe(t('zh-CN', 'dashboard.summary', { todo: 3, branches: 2, activities: 2 }));
    expect(calls).toEqual({
      'LockService.getScriptLock': 1,
      'Lock.tryLock': 1,
      'Lock.releaseLock': 1,
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      'Spreadsheet.getId': 1,
      'Spreadsheet.toast': 1,
      'Sheets.Spreadsheets.get': 1,
      'Sheets.Spreadsheets.Values.batchGet': 1,
      'Sheets.Spreadsheets.batchUpdate': 1,
    });
    expect(total(calls)).toBe(9);
    // The Log row went in the same batch, as cells.
    expect(world.readSheet(SHEETS.log)!.at(-1)?.[1]).toBe(t('zh-CN', 'jobs.name.report'));
  });

  it('says what needs staff today, in numbers', () => {
    expect(figureOf('待审核的支部申报')).toBe(1);
    expect(figureOf('待处理表中未处理的回复')).toBe(1);
    expect(figureOf('需重算的月份')).toBe(1);
    expect(figureOf('待生成的荣誉证书')).toBe(0);
    // 3 November → the November draw on the 25th: 22 days.
    expect(figureOf('距下次示范支部抽选')).toBe(22);
    const row = world.readSheet(SHEETS.dashboard)!.find((r) => r[0] === '需重算的月份')!;
    expect(String(row[2])).toContain('2026-10：');
    // Formats came in the same batch: the days with their unit, a section band, bold headers.
    const days = rowOf('距下次示范支部抽选') + 1;
    world.peek(() => {
      const sheet = world.spreadsheet.getSheetByName(SHEETS.dashboard)!;
      expect(sheet.getRange(days, 2).getNumberFormat()).toBe('0" 天"');
      expect(sheet.getRange(rowOf('今日待办') + 1, 1).getBackground()).toBe('#b22222');
      expect(sheet.getRange(rowOf('事项', '数量') + 1, 1).getFontWeight()).toBe('bold');
      expect(sheet.getColumnWidth(1)).toBeGreaterThan(sheet.getColumnWidth(2));
      expect(sheet.getFrozenRows()).toBe(0);
    });
  });

  it('adds one chart per figure, over the rows that hold it', () => {
    const { _id: sheetId } = dashboard();
    const charts = requestsOf('addChart').map((r) => r.chart as Json);
    const source = (data: Json) => ((data.sourceRange as Json).sources as Json[])[0];
    const ranges = charts.map((c) => {
      const basic = (c.spec as Json).basicChart as Json;
      return {
        type: basic.chartType,
        domain: source((basic.domains as Json[])[0]!.domain as Json),
        series: (basic.series as Json[]).map((s) => source(s.series as Json)),
      };
    });
    const column = (header: number, rows: number, at: number) => ({
      sheetId,
      startRowIndex: header,
      endRowIndex: header + 1 + rows,
      startColumnIndex: at,
      endColumnIndex: at + 1,
    });
    const levels = rowOf('星级', '支部数');
    const months = rowOf('月份', '有效活动', '活动积分');
    const standings = rowOf('支部名称', '排名', '综合得分');
    expect([levels, months, standings].every((r) => r > 0)).toBe(true);
    expect(ranges).toEqual([
      // October's stars: 5★ … no star, six rows.
      { type: 'COLUMN', domain: column(levels, 6, 0), series: [column(levels, 6, 1)] },
      // September to November: the activity points per month.
      { type: 'COLUMN', domain: column(months, 3, 0), series: [column(months, 3, 2)] },
      // The two approved branches by final score.
      { type: 'BAR', domain: column(standings, 2, 0), series: [column(standings, 2, 2)] },
    ]);
    // The figures are number cells: October's points, the standings' totals.
    const sheet = world.readSheet(SHEETS.dashboard)!;
    expect(typeof sheet[months + 2]![2]).toBe('number');
    expect(typeof sheet[standings + 1]![2]).toBe('number');
    expect(dashboard()._charts).toHaveLength(3);
  });

  it('run again, it replaces its charts: still three, the old ones deleted', () => {
    const before = dashboard()._charts.map((c) => c.chartId);
    world.setNow(cst('2026-11-03 11:30'));
    bundle.call('buildDashboard');
    expect(lastBatches()).toHaveLength(1);
    expect(requestsOf('deleteEmbeddedObject').map((r) => r.objectId)).toEqual(before);
    expect(requestsOf('addChart')).toHaveLength(3);
    const after = dashboard()._charts.map((c) => c.chartId);
    expect(after).toHaveLength(3);
    expect(after.filter((id) => before.includes(id))).toEqual([]);
  });

  it('the old cells are cleared: nothing the layout does not hold is left', () => {
    const rows = world.readSheet(SHEETS.dashboard)!.length;
    world.peek(() => {
      const sheet = world.spreadsheet.getSheetByName(SHEETS.dashboard)!;
      sheet.getRange(rows, 8).setValue('旧内容');
      sheet.getRange(2, 5).setValue('旧内容');
    });
    bundle.call('buildDashboard');
    expect(world.readSheet(SHEETS.dashboard)!.flat()).not.toContain('旧内容');
  });
});
