/**
 * Derived results follow their inputs on Apps Script (DESIGN §12): a report submitted after its
 * month was finalised leaves the month stale until the next daily trigger, which recomputes it
 * and logs what changed. A form submission itself stays as cheap as ever: it does not recompute.
 */
import { t } from '../../src/domain/messages';
import {
  activityAnswers,
  applicationAnswers,
  approvedChoices,
  compactSheets,
  cst,
  freshGas,
  reviewBranches,
  sheetRecords,
  SHEETS,
  submit,
} from './support';

describe('the daily trigger recomputes a month whose inputs changed after it was finalised', () => {
  const gas = freshGas();
  const { world, bundle } = gas;
  compactSheets(world);
  const october = () => sheetRecords(world, SHEETS.monthly).filter((r) => r['月份'] === '2026-10');
  const rowOf = (branch: string) => october().find((r) => r['支部编号'] === branch)!;

  it('October is finalised on 1 November with its digest, 已定稿', () => {
    for (let i = 0; i < 3; i++) {
      submit(gas, 'application', applicationAnswers(`计算机学院第${i + 1}学生党支部`), {
        at: cst(`2026-09-02 09:0${i}`),
      });
    }
    reviewBranches(world, ['B001', 'B002', 'B003']);
    bundle.call('refreshFormChoices');
    const [b1, b2] = approvedChoices(world);
    submit(gas, 'activity', activityAnswers(b1!, { date: '2026-10-08', title: '读书会' }), {
      at: cst('2026-10-08 20:00'),
    });
    submit(gas, 'activity', activityAnswers(b2!, { date: '2026-10-09', title: '读书会' }), {
      at: cst('2026-10-09 20:00'),
    });
    const runs = bundle.runClock(cst('2026-11-01 12:00'));
    expect(runs.filter((r) => !r.ok)).toEqual([]);

    expect(october().map((r) => [r['支部编号'], r['排名'], r['状态']])).toEqual([
      ['B001', 1, '已定稿'],
      ['B002', 1, '已定稿'],
      ['B003', 3, '已定稿'],
    ]);
    expect(new Set(october().map((r) => r['输入摘要'])).size).toBe(1);
  });

  it('a late October report changes nothing until the daily trigger recomputes the month', () => {
    const b3 = approvedChoices(world)[2]!;
    for (const [title, minute] of [
      ['补报一', '00'],
      ['补报二', '05'],
    ] as const) {
      const { run } = submit(gas, 'activity', activityAnswers(b3, { date: '2026-10-30', title }), {
        at: cst(`2026-11-03 10:${minute}`),
      });
      expect(run.ok).toBe(true);
    }
    expect(rowOf('B003')).toMatchObject({ 排名: 3, 星级: 0 });

    const daily = bundle
      .runClock(cst('2026-11-04 12:00'))
      .filter((r) => r.execution.label === 'dailyTrigger');

    // The first run after the report recomputes; runs after it (a retry too) find nothing to do.
    expect(daily.map((r) => r.ok)).toEqual(daily.map(() => true));
    const line = '2026-10 重算：B003 排名 3→1，星级 无星→★★★★；B001 排名 1→2；B002 排名 1→2';
    expect(daily.map((r) => String(r.value))).toEqual([
      `${t('zh-CN', 'gas.ingest.reconciled', { count: 0 })}\n${line}`,
      ...daily.slice(1).map(() => t('zh-CN', 'gas.ingest.reconciled', { count: 0 })),
    ]);
    // 24 points of a 30-point target: 80.00, four stars, first.
    expect(rowOf('B003')).toMatchObject({ 活动积分: 24, 月度得分: 80, 星级: 4, 排名: 1 });
    expect(String(rowOf('B003')['计算时间']) >= '2026-11-03 10:05:00').toBe(true);
    expect(new Set(october().map((r) => r['状态']))).toEqual(new Set(['已定稿']));
    expect(sheetRecords(world, SHEETS.log)).toContainEqual(
      expect.objectContaining({ 任务: '重算 2026-10', 结果: '成功', 说明: line }),
    );
  });

  it('the next day there is nothing left to recompute', () => {
    const before = world.readSheet(SHEETS.monthly);
    const daily = bundle
      .runClock(cst('2026-11-05 12:00'))
      .filter((r) => r.execution.label === 'dailyTrigger');
    expect(daily.map((r) => [r.ok, r.value])).toEqual([
      [true, t('zh-CN', 'gas.ingest.reconciled', { count: 0 })],
    ]);
    expect(world.readSheet(SHEETS.monthly)).toEqual(before);
  });
});
