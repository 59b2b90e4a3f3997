/**
 * A programme year as staff really run it, on Google (issue: late, out of order, corrected), through
 * the built bundle. The same form submissions and the same staff edits go into two workbooks:
 *
 * - out of order: the daily trigger draws the showcase on the 25th and finalises on the 1st; a
 *   report for a finalised month arrives late; awards are asked for before the defense; the rubric
 *   changes while 答辩评分 is empty; a vote is corrected after its month was finalised; after the
 *   letters, a branch's reports are found not genuine, and awards and letters are made again;
 * - in order: every month finalised only once all its inputs are in, awards and letters once.
 *
 * At the end the derived tables are the same in both, and every letter says what its row says.
 */
import { parseConfig } from '../../src/domain/config';
import { formDef, questionTitle } from '../../src/domain/forms';
import { chineseOrdinalRank } from '../../src/domain/letterFields';
import type { RunResult } from '../sandbox';
import { nextClockRun } from '../sandbox/services';
import {
  activityAnswers,
  addJudges,
  applicationAnswers,
  approvedChoices,
  compactSheets,
  cst,
  editRows,
  freshGas,
  reviewBranches,
  sheetRecords,
  SHEETS,
  submit,
  voteAnswers,
  type Gas,
  type SheetRecord,
} from './support';

type Mode = 'outOfOrder' | 'inOrder';

const BRANCHES = ['B001', 'B002', 'B003', 'B004'];
const JUDGES = ['刘振华', '孙丽', '周明'];
const VOTERS = ['王建国', '陈志强', '赵敏'];
const RUBRIC = '创建成效/Results:60, 特色创新/Innovation:40, 现场答辩/Q&A:50';
/** Two months, one semester, two advanced branches, two presenters a month (top one + a spot check). */
const SETTINGS: Record<string, string> = {
  collegeName: '示范大学学生工作部党委',
  programStart: '2026-10-01',
  programEnd: '2026-11-30',
  semesters: '2026秋:2026-10-01..2026-11-30',
  requireCompliance: 'false',
  advancedBranchCount: '2',
  showcaseTopK: '1',
  spotCheckCount: '1',
  showcaseCooldownMonths: '0',
  commendationDate: '2026-12-20',
  letterSharing: 'anyone',
};
/** The defense marks under the new rubric (60, 40, 50), the same from every judge. */
const DEFENSE: Record<string, readonly [number, number, number]> = {
  B001: [55, 35, 45],
  B002: [50, 32, 42],
  B003: [45, 30, 40],
  B004: [40, 28, 38],
};
const DOC = 'application/vnd.google-apps.document';

/** Activity reports of the month: `[branch, day reported, day filed, kind, participants, non-party]`. */
const REPORTS: Record<string, readonly [string, number, number, string, number, number][]> = {
  '2026-10': [
    ['B001', 8, 9, '读一本好书', 40, 30],
    ['B001', 12, 13, '访一位学长', 35, 25],
    ['B001', 18, 19, '做一件实事', 50, 40],
    ['B002', 10, 11, '看一部老片', 30, 20],
    ['B002', 16, 17, '唱一首老歌', 30, 10],
    ['B003', 14, 15, '读一本好书', 25, 20],
    ['B004', 20, 21, '专题学习会', 20, 5],
  ],
  '2026-11': [
    ['B001', 6, 7, '读一本好书', 30, 20],
    ['B002', 9, 10, '访一位学长', 45, 35],
    ['B002', 17, 18, '做一件实事', 40, 30],
    ['B003', 11, 12, '树一个标志', 30, 25],
    ['B003', 19, 20, '看一部老片', 25, 20],
    ['B004', 13, 14, '唱一首老歌', 35, 30],
  ],
};

const pad = (n: number) => String(n).padStart(2, '0');
/** The reports in the order they were filed. */
const byFiling = <R extends readonly [string, number, number, ...unknown[]]>(
  reports: readonly R[],
) => [...reports].sort((a, b) => a[2] - b[2]);

function defenseAnswersFor(judge: string, branch: string): Record<string, string> {
  const rubric = parseConfig([{ key: 'defenseRubric', value: RUBRIC }]).defenseRubric;
  const byKey: Record<string, string> = { judge, branch };
  rubric.forEach((c, i) => (byKey[c.key] = String(DEFENSE[branch.slice(0, 4)]![i])));
  const out: Record<string, string> = {};
  for (const q of formDef('defense', rubric).questions) {
    if (byKey[q.key] !== undefined) out[questionTitle(q, 'zh-CN')] = byKey[q.key]!;
  }
  return out;
}

/** One workbook's year. Out of order, it checks what staff see along the way. */
function playYear(mode: Mode): Gas {
  const gas = freshGas();
  const { world, bundle } = gas;
  compactSheets(world);
  const failed: RunResult[] = [];
  const ok = <T>(fn: string, args: unknown[] = []): T => {
    const run = bundle.run<T>(fn, args);
    if (!run.ok) throw run.error;
    return run.value as T;
  };

  /** Moves the clock to `when`, the triggers firing on the way. */
  const clockTo = (when: Date) => {
    // Every submission runs alone, so the ten-minute sweep never finds a row waiting: set aside
    // while the clock jumps and put back. In order, no daily trigger decides anything early.
    if (mode === 'inOrder')
      world._triggers = world._triggers.filter((tr) => tr.handler !== 'dailyTrigger');
    const sweeps = world._triggers.filter((tr) => tr.handler === 'sweepInbox');
    world._triggers = world._triggers.filter((tr) => tr.handler !== 'sweepInbox');
    try {
      for (const run of bundle.runClock(when)) if (!run.ok) failed.push(run);
    } finally {
      for (const sweep of sweeps) sweep.nextRunMs = nextClockRun(sweep.clock!, world.nowMs);
      world._triggers.push(...sweeps);
    }
  };
  const send = (form: Parameters<typeof submit>[1], answers: Record<string, string>, at: Date) => {
    clockTo(at);
    const { run } = submit(gas, form, answers, { at, email: 'someone@stu.example.edu' });
    if (!run.ok) failed.push(run);
  };
  const setting = (key: string, value: string) =>
    expect([key, editRows(world, SHEETS.config, (r) => r['键'] === key, { 值: value })]).toEqual([
      key,
      1,
    ]);
  const month = (m: string) => sheetRecords(world, SHEETS.monthly).filter((r) => r['月份'] === m);
  const recomputed = (m: string) =>
    sheetRecords(world, SHEETS.log).filter((r) => r['任务'] === `重算 ${m}`).length;

  // Applications, review, judges and settings.
  BRANCHES.forEach((_, i) =>
    send(
      'application',
      applicationAnswers(`计算机学院第${i + 1}学生党支部`),
      cst(`2026-09-02 09:0${i}`),
    ),
  );
  reviewBranches(world, BRANCHES);
  addJudges(
    world,
    JUDGES.map((name) => ({ name })),
  );
  for (const [key, value] of Object.entries(SETTINGS)) setting(key, value);
  ok('refreshFormChoices');
  const choices = approvedChoices(world);
  const choice = (id: string) => choices.find((c) => c.startsWith(id))!;

  const report = (
    m: string,
    [branch, day, filed, kind, participants, nonParty]: (typeof REPORTS)[string][number],
    at?: Date,
  ) =>
    send(
      'activity',
      activityAnswers(choice(branch), {
        date: `${m}-${pad(day)}`,
        kind,
        title: `${kind}：${branch} ${m}-${pad(day)}`,
        participants: String(participants),
        nonParty: String(nonParty),
      }),
      at ?? cst(`${m}-${pad(filed)} 20:00`),
    );
  const showcase = (m: string) => {
    clockTo(cst(`${m}-25 12:00`));
    if (mode === 'inOrder') ok('prepareShowcaseNow');
    const presenters = sheetRecords(world, SHEETS.showcase).filter((r) => r['月份'] === m);
    expect(presenters).toHaveLength(2);
    presenters.forEach((p, i) =>
      VOTERS.forEach((voter, v) =>
        send(
          'vote',
          voteAnswers(m, voter, choice(String(p['支部编号'])), 90 - 8 * i + v),
          cst(`${m}-27 15:${pad(i * 5 + v)}`),
        ),
      ),
    );
  };

  // October.
  for (const r of byFiling(REPORTS['2026-10']!)) report('2026-10', r);
  showcase('2026-10');
  clockTo(cst('2026-11-01 12:00'));
  if (mode === 'outOfOrder') {
    expect(new Set(month('2026-10').map((r) => r['状态']))).toEqual(new Set(['已定稿']));
  }

  // A late October report; out of order, the next daily trigger recomputes October.
  report('2026-10', ['B004', 30, 0, '读一本好书', 40, 35], cst('2026-11-03 10:00'));
  clockTo(cst('2026-11-04 12:00'));
  if (mode === 'outOfOrder') expect(recomputed('2026-10')).toBe(1);

  // Out of order, staff ask for the awards before the defense: refused; provisional on request.
  clockTo(cst('2026-11-05 10:00'));
  if (mode === 'outOfOrder') {
    const refused = bundle.run('selectAwardsNow', []);
    expect(refused.ok).toBe(false);
    expect(String(refused.error)).toContain('答辩成绩尚未齐全');
    ok('selectProvisionalAwardsNow');
    const provisional = sheetRecords(world, SHEETS.awards);
    expect(provisional).toHaveLength(2);
    expect(new Set(provisional.map((r) => r['状态']))).toEqual(new Set(['暂定']));
  }
  // The rubric changes while 答辩评分 is empty; the defense form follows it.
  setting('defenseRubric', RUBRIC);
  ok('refreshFormChoices');
  expect(world.describeForm(gas.forms.defense).items.map((item) => item.title)).toContain(
    '现场答辩（50分）',
  );

  // November; a vote of October corrected after October was finalised.
  for (const r of byFiling(REPORTS['2026-11']!)) report('2026-11', r);
  showcase('2026-11');
  clockTo(cst('2026-11-28 10:00'));
  const corrected = editRows(
    world,
    SHEETS.votes,
    (r, changed) => r['评选月份'] === '2026-10' && changed === 0,
    { 综合评分: 70 },
  );
  expect(corrected).toBe(1);
  clockTo(cst('2026-11-29 12:00'));
  if (mode === 'outOfOrder') expect(recomputed('2026-10')).toBe(2);
  clockTo(cst('2026-12-01 12:00'));
  if (mode === 'outOfOrder') {
    expect(new Set(month('2026-11').map((r) => r['状态']))).toEqual(new Set(['已定稿']));
  }

  // The defense, under the new rubric.
  JUDGES.forEach((judge, j) =>
    BRANCHES.forEach((branch, b) =>
      send(
        'defense',
        defenseAnswersFor(judge, choice(branch)),
        cst(`2026-12-10 09:${pad(j * 10 + b)}`),
      ),
    ),
  );
  expect(sheetRecords(world, SHEETS.defense).filter((r) => r['状态'] === '有效')).toHaveLength(
    JUDGES.length * BRANCHES.length,
  );

  let firstLetters: SheetRecord[] = [];
  if (mode === 'outOfOrder') {
    ok('aggregateDefenseNow');
    ok('selectAwardsNow');
    ok('generateLetters');
    firstLetters = sheetRecords(world, SHEETS.awards);
    const byRank = [...firstLetters].sort((a, b) => Number(a['排名']) - Number(b['排名']));
    expect(byRank.map((r) => [r['支部编号'], r['排名'], r['状态'], r['证书文件'] !== ''])).toEqual([
      ['B002', 1, '正式', true],
      ['B001', 2, '正式', true],
    ]);
  }

  // After the letters: the top branch's October reports are found not genuine.
  clockTo(cst('2026-12-12 10:00'));
  const top = 'B002';
  const rejected = editRows(
    world,
    SHEETS.activities,
    (r) => r['支部编号'] === top && String(r['活动日期']).startsWith('2026-10'),
    { 审核状态: '不予认可' },
  );
  expect(rejected).toBe(2);

  if (mode === 'outOfOrder') {
    expect(ok<string>('selectAwardsNow')).toContain('重算');
    ok('generateLetters');
    // Every first letter whose award moved on was voided: kept, renamed, shared with nobody.
    const now = sheetRecords(world, SHEETS.awards);
    const moved = firstLetters.filter(
      (old) => now.find((r) => r['表彰编号'] === old['表彰编号'])?.['证书文件'] !== old['证书文件'],
    );
    // B002 no longer qualifies; B001 moves from second to first.
    expect(moved.map((r) => r['支部编号']).sort()).toEqual(['B001', 'B002']);
    for (const old of moved) {
      const file = world.describeFile(String(old['证书文件']))!;
      expect(file.name).toMatch(/^作废-/);
      expect(file.trashed).toBe(false);
      expect(file.permissions.filter((p) => p.role !== 'owner')).toEqual([]);
    }
  } else {
    expect(sheetRecords(world, SHEETS.monthly)).toEqual([]);
    for (const m of ['2026-10', '2026-11']) ok('finaliseMonthNow', [m]);
    ok('aggregateDefenseNow');
    ok('selectAwardsNow');
    ok('generateLetters');
    expect(world.files().filter((f) => f.name.startsWith('作废-'))).toEqual([]);
  }
  expect(world.triggers().filter((tr) => tr.handler === 'continueLetters')).toEqual([]);
  expect(failed).toEqual([]);
  expect(sheetRecords(world, SHEETS.rejected)).toEqual([]);
  return gas;
}

/** The derived tables by key, without the times they were computed at nor the letters' ids. */
function derived(gas: Gas) {
  const without = (rows: SheetRecord[], drop: readonly string[], key: (r: SheetRecord) => string) =>
    rows
      .map((r) => Object.fromEntries(Object.entries(r).filter(([h]) => !drop.includes(h))))
      .sort((a, b) => key(a).localeCompare(key(b)));
  const { world } = gas;
  return {
    monthly: without(
      sheetRecords(world, SHEETS.monthly),
      ['计算时间'],
      (r) => `${r['月份']} ${r['支部编号']}`,
    ),
    defense: without(sheetRecords(world, SHEETS.defenseResults), ['计算时间'], (r) =>
      String(r['支部编号']),
    ),
    awards: without(
      sheetRecords(world, SHEETS.awards),
      ['证书文件', '证书链接', '生成时间', '证书编号', '证书内容', '作废证书'],
      (r) => String(r['表彰编号']),
    ),
  };
}

/** Every award's letter is a live, shared Google Doc that prints the row's recipient, rank and number. */
function expectLettersMatchAwards(gas: Gas): void {
  const { world } = gas;
  const awards = sheetRecords(world, SHEETS.awards);
  expect(awards.length).toBeGreaterThan(0);
  for (const award of awards) {
    const id = String(award['证书文件']);
    const file = world.describeFile(id)!;
    expect([award['表彰编号'], file.mimeType, file.name.startsWith('作废-')]).toEqual([
      award['表彰编号'],
      DOC,
      false,
    ]);
    expect(file.permissions.filter((p) => p.role !== 'owner').map((p) => p.type)).toEqual([
      'anyone',
    ]);
    const text = world.documentText(id);
    expect(text).toContain(String(award['获奖者']));
    expect(text).toContain(`证书编号：${award['证书编号']}`);
    expect(text).toContain(`位列${chineseOrdinalRank(Number(award['排名']))}`);
  }
}

describe('a year run late, out of order and corrected on Google ends as the same year run in order', () => {
  let outOfOrder: Gas;
  let inOrder: Gas;

  it('out of order: late report, early awards, new rubric, corrected vote, voided letters', () => {
    outOfOrder = playYear('outOfOrder');
  });

  it('in order: every month finalised once all its inputs are in, awards and letters once', () => {
    inOrder = playYear('inOrder');
  });

  it('every derived table is the same in both workbooks', () => {
    const [b, a] = [derived(outOfOrder), derived(inOrder)];
    expect(b.monthly).toHaveLength(2 * BRANCHES.length);
    expect(b.monthly).toEqual(a.monthly);
    expect(b.defense).toHaveLength(BRANCHES.length);
    expect(b.defense).toEqual(a.defense);
    expect(b.awards).toHaveLength(2);
    expect(b.awards).toEqual(a.awards);
  });

  it("every letter prints its Awards row's recipient, rank and number", () => {
    expectLettersMatchAwards(outOfOrder);
    expectLettersMatchAwards(inOrder);
  });
});
