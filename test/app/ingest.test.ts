/**
 * Ingest through the use case (DESIGN §3, §6): every response becomes one canonical row or one
 * `Rejected` row, derived fields are filled in, re-ingesting adds nothing, and each table is read
 * and written at most once per job whatever the batch size.
 */
import fc from 'fast-check';
import { ingestResponses } from '../../src/app/ingest';
import { reprocessRejected } from '../../src/app/reprocess';
import { defenseScoresTable } from '../../src/domain/schema/defenseScores';
import {
  ActivitiesTable,
  BranchesTable,
  LogTable,
  NominationsTable,
  OnsiteVotesTable,
  RejectedTable,
} from '../../src/domain/schema/tables';
import { DEFAULT_CONFIG } from '../../src/domain/config';
import type { FormResponse } from '../../src/domain/forms';
import {
  activityAnswers,
  applicationAnswers,
  defenseAnswers,
  FixedClock,
  makePorts,
  MemoryStore,
  nominationAnswers,
  records,
  response,
  seedProgramme,
  setConfig,
  setJudges,
  voteAnswers,
  type TestPorts,
} from '../support/fakes';
import { editRejected, rejectedCells } from '../support/rejectedSheet';

const DefenseScoresTable = defenseScoresTable(DEFAULT_CONFIG.defenseRubric);

/**
 * B001, B002 approved; B003 pending; B004 rejected. Judges: 王老师 belongs to B001, 李老师 and
 * 赵老师 to no branch.
 */
function programme(): TestPorts {
  const store = new MemoryStore();
  const { ports } = seedProgramme(store, new FixedClock('2026-09-10 08:00:00'), {
    branches: 4,
    approved: ['B001', 'B002'],
    rejected: ['B004'],
  });
  setJudges(store, [{ name: '王老师', ownBranch: 'B001' }, { name: '李老师' }, { name: '赵老师' }]);
  store.resetCounts();
  return ports;
}

const rejectedRow = (ports: TestPorts, id: string) =>
  records(ports.store, RejectedTable).find((r) => r.responseId === id);

describe('each form lands in its table with its derived fields', () => {
  test('application → Branches with the next id, pending, applied at the submission time', () => {
    const ports = makePorts();
    const report = ingestResponses(ports, [
      response('application', 'r1', '2026-09-02 10:00:00', applicationAnswers('数学学院党支部')),
      response(
        'application',
        'r2',
        '2026-09-03 11:00:00',
        applicationAnswers('物理学院研究生党支部', { tier: '研究生党支部', members: '35' }),
      ),
    ]);
    expect(report).toMatchObject({ added: 2, rejected: 0, skipped: 0 });
    const branches = records(ports.store, BranchesTable);
    expect(branches).toEqual([
      {
        id: 'B001',
        name: '数学学院党支部',
        tier: 'junior',
        unit: '计算机学院',
        secretary: '张三',
        email: 'secretary@example.edu.cn',
        members: 20,
        status: 'pending',
        plan: '以党建促学风',
        planLink: null,
        reviewNote: null,
        complianceOverride: null,
        responseId: 'r1',
        appliedAt: '2026-09-02 10:00:00',
      },
      expect.objectContaining({
        id: 'B002',
        tier: 'graduate',
        members: 35,
        status: 'pending',
        appliedAt: '2026-09-03 11:00:00',
      }),
    ]);
  });

  test('the next id follows the highest in use, not the row count', () => {
    const ports = programme(); // B001..B004
    ingestResponses(ports, [
      response('application', 'late', '2026-09-20 10:00:00', applicationAnswers('新支部')),
    ]);
    expect(records(ports.store, BranchesTable).map((b) => b.id)).toEqual([
      'B001',
      'B002',
      'B003',
      'B004',
      'B005',
    ]);
  });

  test('activity → Activities, submitted, with points: theme 10 + ⌊25/10⌋ = 12', () => {
    const ports = programme();
    ingestResponses(ports, [
      response('activity', 'a1', '2026-10-11 10:00:00', activityAnswers('B001')),
      // featured 15 + ⌊47/10⌋=4 → 19, no evidence → × 0.5 = 9.5
      response(
        'activity',
        'a2',
        '2026-10-12 10:00:00',
        activityAnswers('B002', {
          kind: '特色活动',
          title: '特色活动',
          participants: '60',
          nonParty: '47',
          evidenceLink: '',
        }),
      ),
      // training 5 + ⌊80/10⌋=8 capped at 5 → 10, with evidence
      response(
        'activity',
        'a3',
        '2026-10-13 10:00:00',
        activityAnswers('B002', {
          kind: '专题培训',
          title: '业务培训',
          participants: '100',
          nonParty: '80',
        }),
      ),
    ]);
    const activities = records(ports.store, ActivitiesTable);
    expect(activities[0]).toEqual({
      responseId: 'a1',
      submittedAt: '2026-10-11 10:00:00',
      branch: 'B001',
      date: '2026-10-10',
      kind: 'book',
      title: '《红岩》读书会',
      description: '共读红色经典',
      participants: 30,
      nonParty: 25,
      counselorPresent: true,
      evidenceLink: 'https://example.edu.cn/evidence/1',
      funds: null,
      status: 'submitted',
      points: 12,
      note: null,
      publishable: null,
    });
    expect(activities.map((a) => [a.responseId, a.kind, a.points])).toEqual([
      ['a1', 'book', 12],
      ['a2', 'featured', 9.5],
      ['a3', 'training', 10],
    ]);
  });

  test('vote → OnsiteVotes, counted', () => {
    const ports = programme();
    ingestResponses(ports, [
      response(
        'vote',
        'v1',
        '2026-10-28 15:00:00',
        voteAnswers('2026-10', '李老师', 'B002', '88.5'),
      ),
    ]);
    expect(records(ports.store, OnsiteVotesTable)).toEqual([
      {
        responseId: 'v1',
        submittedAt: '2026-10-28 15:00:00',
        month: '2026-10',
        judge: '李老师',
        branch: 'B002',
        score: 88.5,
        status: 'counted',
        reason: null,
      },
    ]);
  });

  test('defense → DefenseScores with total = Σ marks, exactly', () => {
    const ports = programme();
    ingestResponses(ports, [
      // 35.7 + 20.1 + 12.2 + 8.3 + 9.4 = 85.7 (floats would give 85.70000000000002)
      response(
        'defense',
        'd1',
        '2027-06-20 10:00:00',
        defenseAnswers('李老师', 'B002', [35.7, 20.1, 12.2, 8.3, 9.4], '汇报清晰'),
      ),
    ]);
    expect(records(ports.store, DefenseScoresTable)).toEqual([
      {
        responseId: 'd1',
        submittedAt: '2027-06-20 10:00:00',
        judge: '李老师',
        branch: 'B002',
        c1: 35.7,
        c2: 20.1,
        c3: 12.2,
        c4: 8.3,
        c5: 9.4,
        total: 85.7,
        comment: '汇报清晰',
        status: 'counted',
        reason: null,
      },
    ]);
  });

  test('nomination → Nominations, pending', () => {
    const ports = programme();
    ingestResponses(ports, [
      response(
        'nomination',
        'n1',
        '2027-05-01 10:00:00',
        nominationAnswers('B001', '李四', '2023001'),
      ),
    ]);
    expect(records(ports.store, NominationsTable)).toEqual([
      {
        responseId: 'n1',
        submittedAt: '2027-05-01 10:00:00',
        branch: 'B001',
        name: '李四',
        studentId: '2023001',
        email: '2023001@example.edu.cn',
        achievements: '学习成绩优异，积极参与志愿服务',
        status: 'pending',
        note: null,
      },
    ]);
  });
});

describe('naming the branch', () => {
  test.each([
    ['by id', 'B002'],
    ['by id in lower case', 'b002'],
    ['by the dropdown text', 'B002 计算机学院第2党支部'],
    ['by the exact name', '计算机学院第2党支部'],
    ['by the name with stray and full-width spaces', ' 计算机学院第2党支部\u3000'],
  ])('%s', (_, answer) => {
    const ports = programme();
    const report = ingestResponses(ports, [
      response('activity', 'a1', '2026-10-11 10:00:00', activityAnswers(answer)),
    ]);
    expect(report.added).toBe(1);
    expect(records(ports.store, ActivitiesTable)[0]!.branch).toBe('B002');
  });

  test.each([
    ['an unknown branch', 'B999', /^「支部」填的是“B999”，不是已登记的支部；应填支部列表中的支部/],
    ['an unknown name', '不存在的支部', /^「支部」填的是“不存在的支部”，不是已登记的支部/],
    ['a pending branch', 'B003', /^「支部」填的 B003 计算机学院第3党支部 尚未通过审核/],
    [
      'a rejected branch',
      'B004 计算机学院第4党支部',
      /^「支部」填的 B004 计算机学院第4党支部 未通过审核/,
    ],
  ])('%s → Rejected, naming the question 支部, answers in named columns', (_, answer, why) => {
    const ports = programme();
    const answers = activityAnswers(answer);
    const report = ingestResponses(ports, [
      response('activity', 'a1', '2026-10-11 10:00:00', answers, 'student@example.edu.cn'),
    ]);
    expect(report).toMatchObject({ added: 0, rejected: 1 });
    expect(records(ports.store, ActivitiesTable)).toEqual([]);
    const row = rejectedRow(ports, 'a1')!;
    expect(row).toMatchObject({ form: 'activity', submittedAt: '2026-10-11 10:00:00' });
    expect(row.resolved).toBe(false);
    expect(row.reason).toMatch(why);
    // What staff see: the form by its name, the answers under their question titles.
    expect(rejectedCells(ports.store, 'a1')).toMatchObject({
      表单: '活动报告表',
      待改字段: '支部',
      处理方式: null,
      支部: answer,
      活动日期: '2026-10-10',
      活动类型: '读一本好书',
      活动名称: '《红岩》读书会',
      活动内容: '共读红色经典',
      参加人数: '30',
      党外群众人数: '25',
      辅导员是否出席: '是',
      佐证材料链接: 'https://example.edu.cn/evidence/1',
      '使用经费（元）': null,
      电子邮件地址: 'student@example.edu.cn',
      // Questions of the other forms are blank on this row.
      评委姓名: null,
      支部名称: null,
    });
    // The failing answer's cell carries the reason as its note.
    expect(ports.store.marked('Rejected')).toEqual([{ row: 1, column: '支部', note: row.reason }]);
    // 原始内容 keeps the response as it arrived.
    expect(JSON.parse(row.payload!)).toEqual({
      支部: answer,
      活动日期: '2026-10-10',
      活动类型: '读一本好书',
      活动名称: '《红岩》读书会',
      活动内容: '共读红色经典',
      参加人数: '30',
      党外群众人数: '25',
      辅导员是否出席: '是',
      佐证材料链接: 'https://example.edu.cn/evidence/1',
      '使用经费（元）': '',
      同意在荣誉榜公开活动名称: '',
      电子邮件地址: 'student@example.edu.cn',
    });
  });

  test('the other forms name their own branch question: 汇报支部, 答辩支部, 支部', () => {
    const ports = programme();
    ingestResponses(ports, [
      response('vote', 'v1', '2026-10-28 15:00:00', voteAnswers('2026-10', '李老师', 'B999', '80')),
      response(
        'defense',
        'd1',
        '2027-06-20 10:00:00',
        defenseAnswers('李老师', 'B003', [30, 20, 10, 8, 8]),
      ),
      response('nomination', 'n1', '2027-05-01 10:00:00', nominationAnswers('B004', '李四', '1')),
    ]);
    expect(rejectedRow(ports, 'v1')!.reason).toMatch(/^「汇报支部」填的是“B999”，不是已登记的/);
    expect(rejectedRow(ports, 'd1')!.reason).toMatch(/^「答辩支部」填的 B003 .* 尚未通过审核/);
    expect(rejectedRow(ports, 'n1')!.reason).toMatch(/^「支部」填的 B004 .* 未通过审核/);
    // Every form's branch answer sits in the one 支部 column, marked there.
    expect(rejectedCells(ports.store, 'd1')).toMatchObject({
      表单: '答辩评分表',
      待改字段: '支部',
      评委姓名: '李老师',
      支部: 'B003',
      '创建成效（40分）': '30',
      '答辩表现（10分）': '8',
      活动日期: null,
    });
    expect(rejectedCells(ports.store, 'v1')).toMatchObject({ 表单: '现场评选表', 支部: 'B999' });
    expect(ports.store.marked('Rejected').map((m) => [m.row, m.column])).toEqual([
      [1, '支部'],
      [2, '支部'],
      [3, '支部'],
    ]);
  });
});

describe('invalid answers → Rejected with a reason', () => {
  test.each([
    [
      'more non-party participants than participants',
      activityAnswers('B001', { participants: '20', nonParty: '21' }),
      '2026-10-11 10:00:00',
      /^「党外群众人数」21 多于参加人数 20；应不超过参加人数$/,
    ],
    [
      'an activity dated after the report was submitted',
      activityAnswers('B001', { date: '2026-10-12' }),
      '2026-10-11 23:59:59',
      /^「活动日期」2026-10-12 晚于提交时间 2026-10-11；应为活动实际举办的日期$/,
    ],
    [
      'an activity dated before the programme',
      activityAnswers('B001', { date: '2026-08-31' }),
      '2026-09-02 10:00:00',
      /^「活动日期」2026-08-31 不在创建年度内；应为 2026-09-01 至 2027-06-30 之间的日期$/,
    ],
    [
      'an activity dated after the programme',
      activityAnswers('B001', { date: '2027-07-01' }),
      '2027-07-02 10:00:00',
      /^「活动日期」2027-07-01 不在创建年度内/,
    ],
    [
      'a missing required answer',
      activityAnswers('B001', { title: '  ' }),
      '2026-10-11 10:00:00',
      /^「活动名称」未填写；应填不超过 200 个字的文字$/,
    ],
    [
      'a number that is not one',
      activityAnswers('B001', { participants: '三十' }),
      '2026-10-11 10:00:00',
      /^「参加人数」填的是“三十”，不是数字；应填介于 1 到 10000 之间的整数$/,
    ],
  ])('%s', (_, answers, submittedAt, reason) => {
    const ports = programme();
    const report = ingestResponses(ports, [response('activity', 'x', submittedAt, answers)]);
    expect(report).toMatchObject({ added: 0, rejected: 1 });
    expect(rejectedRow(ports, 'x')!.reason).toMatch(reason);
    // The answer the reason is about is marked, under the title the reason names.
    const question = /^「(.+?)」/.exec(rejectedRow(ports, 'x')!.reason)![1]!;
    expect(ports.store.marked('Rejected')).toEqual([
      { row: 1, column: question, note: rejectedRow(ports, 'x')!.reason },
    ]);
  });

  test.each([
    [
      'as many non-party participants as participants',
      { participants: '20', nonParty: '20' },
      '2026-10-11 10:00:00',
    ],
    ["an activity on the programme's first day", { date: '2026-09-01' }, '2026-09-01 20:00:00'],
    [
      "an activity on the programme's last day, reported the same day",
      { date: '2027-06-30' },
      '2027-06-30 23:00:00',
    ],
  ])('accepted at the boundary: %s', (_, overrides, submittedAt) => {
    const ports = programme();
    const report = ingestResponses(ports, [
      response('activity', 'x', submittedAt, activityAnswers('B001', overrides)),
    ]);
    expect(report).toMatchObject({ added: 1, rejected: 0 });
  });

  test('every bad answer of a response is reported, not only the first', () => {
    const ports = programme();
    ingestResponses(ports, [
      response(
        'activity',
        'x',
        '2026-10-11 10:00:00',
        activityAnswers('B001', { kind: '看电影', evidenceLink: 'not a link' }),
      ),
    ]);
    const reason = rejectedRow(ports, 'x')!.reason;
    expect(reason).toMatch(
      /「活动类型」填的是“看电影”，不是可选的答案；应填以下之一：树一个标志、访一位学长、/,
    );
    expect(reason).toMatch(/「佐证材料链接」填的是“not a link”，不是网页链接；应填网页链接/);
    expect(rejectedCells(ports.store, 'x')!['待改字段']).toBe('活动类型、佐证材料链接');
    expect(ports.store.marked('Rejected').map((m) => m.column)).toEqual([
      '活动类型',
      '佐证材料链接',
    ]);
  });

  test('an activity date typed the way Google exports it is read', () => {
    const ports = programme();
    ingestResponses(ports, [
      response(
        'activity',
        'a1',
        '2026-10-11 10:00:00',
        activityAnswers('B001', { date: '2026/10/9' }),
      ),
    ]);
    expect(records(ports.store, ActivitiesTable)[0]!.date).toBe('2026-10-09');
  });

  test('an application with the name of an existing branch', () => {
    const ports = programme();
    ingestResponses(ports, [
      response(
        'application',
        'dup',
        '2026-09-20 10:00:00',
        applicationAnswers('计算机学院第2党支部'),
      ),
    ]);
    expect(records(ports.store, BranchesTable)).toHaveLength(4);
    expect(rejectedRow(ports, 'dup')!.reason).toBe(
      '「支部名称」已有名为“计算机学院第2党支部”的支部；同一支部只需申报一次，新支部请换一个名称',
    );
  });

  test('two applications with the same name in one batch: the second is rejected', () => {
    const ports = makePorts();
    const report = ingestResponses(ports, [
      response('application', 'p1', '2026-09-02 10:00:00', applicationAnswers('同名支部')),
      response('application', 'p2', '2026-09-02 11:00:00', applicationAnswers('同名支部')),
    ]);
    expect(report).toMatchObject({ added: 1, rejected: 1 });
    expect(rejectedRow(ports, 'p2')!.reason).toMatch(/已有名为“同名支部”的支部/);
  });

  test('a defense sheet from a judge not in the Judges sheet', () => {
    const ports = programme();
    ingestResponses(ports, [
      response(
        'defense',
        'd1',
        '2027-06-20 10:00:00',
        defenseAnswers('钱老师', 'B002', [30, 20, 10, 8, 8]),
      ),
    ]);
    expect(records(ports.store, DefenseScoresTable)).toEqual([]);
    expect(rejectedRow(ports, 'd1')!.reason).toBe(
      '「评委姓名」填的是“钱老师”，不在「评委」表中；应为已登记的评委：请先在「评委」表中添加该评委，再重新处理',
    );
  });

  test('a defense mark above the criterion maximum', () => {
    const ports = programme();
    ingestResponses(ports, [
      response(
        'defense',
        'd1',
        '2027-06-20 10:00:00',
        defenseAnswers('李老师', 'B002', [41, 20, 10, 8, 8]),
      ),
    ]);
    expect(rejectedRow(ports, 'd1')!.reason).toBe(
      '「创建成效（40分）」填的是“41”，超出范围；应填介于 0 到 40 之间的数（最多两位小数）',
    );
  });

  test('a vote for a month outside the programme', () => {
    const ports = programme();
    ingestResponses(ports, [
      response('vote', 'v1', '2027-07-02 10:00:00', voteAnswers('2027-07', '李老师', 'B002', '80')),
    ]);
    expect(rejectedRow(ports, 'v1')!.reason).toBe(
      '「评选月份」2027-07 不在创建年度内；应为 2026-09 至 2027-06 之间的月份',
    );
  });

  test('problems found before ingest (a CSV row that could not be read) land in Rejected once', () => {
    const ports = programme();
    const problem = {
      form: 'activity' as const,
      responseId: 'csv-7',
      submittedAt: 'yesterday',
      reason: '「时间戳记」“yesterday”无法识别为时间',
      field: 'submittedAt' as const,
      raw: { 时间戳记: 'yesterday', 支部: 'B001', 'Activity date': '2026-10-10', 'column 12': 'x' },
    };
    expect(ingestResponses(ports, [], [problem])).toMatchObject({ rejected: 1, skipped: 0 });
    expect(rejectedRow(ports, 'csv-7')).toMatchObject({ reason: problem.reason, resolved: false });
    // Its cells sit under the questions they answer, whichever language the export used.
    expect(rejectedCells(ports.store, 'csv-7')).toMatchObject({
      提交时间: 'yesterday',
      待改字段: '提交时间',
      支部: 'B001',
      活动日期: '2026-10-10',
    });
    expect(JSON.parse(rejectedRow(ports, 'csv-7')!.payload!)).toEqual(problem.raw);
    expect(ports.store.marked('Rejected')).toEqual([
      { row: 1, column: '提交时间', note: problem.reason },
    ]);
    expect(ingestResponses(ports, [], [problem])).toMatchObject({ rejected: 0, skipped: 1 });
    expect(records(ports.store, RejectedTable)).toHaveLength(1);
  });

  test('in an English workbook, Rejected is in English: headers, form, reason, answers', () => {
    const ports = programme();
    setConfig(ports.store, { locale: 'en' });
    ingestResponses(ports, [
      response('activity', 'a1', '2026-10-11 10:00:00', activityAnswers('B999')),
    ]);
    const header = ports.store.peek('Rejected')[0]!;
    expect(header.slice(0, 8)).toEqual([
      'Response ID',
      'Form',
      'Submitted at',
      'Reason',
      'Field to fix',
      'Handling',
      'Branch',
      'Activity date',
    ]);
    expect(header.slice(-4)).toEqual(['Email address', 'Resolved', 'Handled at', 'Raw payload']);
    const row = rejectedRow(ports, 'a1')!;
    expect(row.reason).toBe(
      'Branch: "B999" is not a registered branch; expected a branch from the list or its ID, such as B007',
    );
    expect(rejectedCells(ports.store, 'a1')).toMatchObject({
      Form: 'Activity report',
      'Field to fix': 'Branch',
      Branch: 'B999',
    });
    expect(JSON.parse(row.payload!)).toMatchObject({ Branch: 'B999', Title: '《红岩》读书会' });
    // No Chinese but what the student typed.
    const typed = new Set(Object.values(activityAnswers('B999')));
    const cells = ports.store.peek('Rejected').flat();
    const chinese = cells.filter((c) => /[\u4e00-\u9fff]/.test(String(c ?? '')));
    expect(chinese.filter((c) => !typed.has(String(c)) && !String(c).startsWith('{'))).toEqual([]);
  });
});

describe('statuses that depend on several sheets', () => {
  test('a resubmitted vote supersedes the earlier one (same judge, month and branch)', () => {
    const ports = programme();
    ingestResponses(ports, [
      response('vote', 'v1', '2026-10-28 15:00:00', voteAnswers('2026-10', '李老师', 'B002', '80')),
      response('vote', 'v3', '2026-11-28 15:00:00', voteAnswers('2026-11', '李老师', 'B002', '70')),
    ]);
    // The correction arrives in a later batch.
    ingestResponses(ports, [
      response('vote', 'v2', '2026-10-28 15:05:00', voteAnswers('2026-10', '李老师', 'B002', '85')),
    ]);
    const votes = records(ports.store, OnsiteVotesTable);
    const statusOf = (id: string) => votes.find((v) => v.responseId === id)!;
    expect(statusOf('v1')).toMatchObject({
      status: 'superseded',
      reason: expect.stringMatching(/v2/),
    });
    expect(statusOf('v2')).toMatchObject({ status: 'counted', reason: null });
    // Another month's vote by the same judge is another sheet.
    expect(statusOf('v3')).toMatchObject({ status: 'counted' });
  });

  test('a resubmitted defense sheet supersedes the earlier one', () => {
    const ports = programme();
    ingestResponses(ports, [
      response(
        'defense',
        'd2',
        '2027-06-20 10:30:00',
        defenseAnswers('李老师', 'B002', [36, 22, 13, 9, 9]),
      ),
      response(
        'defense',
        'd1',
        '2027-06-20 10:00:00',
        defenseAnswers('李老师', 'B002', [30, 20, 10, 8, 8]),
      ),
    ]);
    const sheets = records(ports.store, DefenseScoresTable);
    expect(sheets.map((s) => [s.responseId, s.status, s.total])).toEqual([
      ['d2', 'counted', 89], // 36 + 22 + 13 + 9 + 9
      ['d1', 'superseded', 76], // 30 + 20 + 10 + 8 + 8
    ]);
    expect(sheets[1]!.reason).toBe('已被回复 d2 替代');
  });

  test('a judge scoring their own branch → conflict, in the defense and in the on-site vote', () => {
    const ports = programme();
    ingestResponses(ports, [
      response(
        'defense',
        'd1',
        '2027-06-20 10:00:00',
        defenseAnswers('王老师', 'B001', [30, 20, 10, 8, 8]),
      ),
      response(
        'defense',
        'd2',
        '2027-06-20 10:05:00',
        defenseAnswers('王老师', 'B002', [30, 20, 10, 8, 8]),
      ),
      response('vote', 'v1', '2026-10-28 15:00:00', voteAnswers('2026-10', '王老师', 'B001', '99')),
    ]);
    const sheets = records(ports.store, DefenseScoresTable);
    expect(sheets.map((s) => [s.responseId, s.status])).toEqual([
      ['d1', 'conflict'],
      ['d2', 'counted'],
    ]);
    expect(sheets[0]!.reason).toMatch(/B001/);
    expect(records(ports.store, OnsiteVotesTable)[0]).toMatchObject({ status: 'conflict' });
  });

  test('a duplicate activity → duplicate, 0 points, a note naming the original', () => {
    const ports = programme();
    ingestResponses(ports, [
      response(
        'activity',
        'a1',
        '2026-10-11 10:00:00',
        activityAnswers('B001', { title: '《红岩》读书会' }),
      ),
    ]);
    ingestResponses(ports, [
      // Same branch and date, the title differs only by spaces and punctuation.
      response(
        'activity',
        'a2',
        '2026-10-11 12:00:00',
        activityAnswers('B001', { title: ' 红岩 读书会！' }),
      ),
      // Another date is another activity.
      response(
        'activity',
        'a3',
        '2026-10-12 12:00:00',
        activityAnswers('B001', { date: '2026-10-11' }),
      ),
      // Another branch is another activity.
      response('activity', 'a4', '2026-10-12 12:00:00', activityAnswers('B002')),
    ]);
    const activities = records(ports.store, ActivitiesTable);
    expect(activities.map((a) => [a.responseId, a.status, a.points])).toEqual([
      ['a1', 'submitted', 12],
      ['a2', 'duplicate', 0],
      ['a3', 'submitted', 12],
      ['a4', 'submitted', 12],
    ]);
    expect(activities[1]!.note).toBe('与 a1 重复');
  });

  test('the earlier submission is the original even when the later one is ingested first', () => {
    const ports = programme();
    ingestResponses(ports, [
      response('activity', 'late', '2026-10-11 12:00:00', activityAnswers('B001')),
      response('activity', 'early', '2026-10-11 09:00:00', activityAnswers('B001')),
    ]);
    const activities = records(ports.store, ActivitiesTable);
    expect(activities.map((a) => [a.responseId, a.status, a.note])).toEqual([
      ['late', 'duplicate', '与 early 重复'],
      ['early', 'submitted', null],
    ]);
  });
});

describe('idempotency', () => {
  const batch = (): FormResponse[] => [
    response('application', 'p1', '2026-09-20 10:00:00', applicationAnswers('新支部')),
    response('activity', 'a1', '2026-10-11 10:00:00', activityAnswers('B001')),
    response('activity', 'a2', '2026-10-11 11:00:00', activityAnswers('B001')), // duplicate
    response('activity', 'a3', '2026-10-11 10:00:00', activityAnswers('B999')), // rejected
    response('vote', 'v1', '2026-10-28 15:00:00', voteAnswers('2026-10', '李老师', 'B002', '80')),
    response('vote', 'v2', '2026-10-28 15:01:00', voteAnswers('2026-10', '李老师', 'B002', '82')),
    response(
      'defense',
      'd1',
      '2027-06-20 10:00:00',
      defenseAnswers('王老师', 'B001', [30, 20, 10, 8, 8]),
    ),
    response('nomination', 'n1', '2027-05-01 10:00:00', nominationAnswers('B001', '李四', '1')),
  ];

  test('ingesting the same batch twice changes nothing and reports every response skipped', () => {
    const ports = programme();
    const first = ingestResponses(ports, batch());
    expect(first).toMatchObject({ added: 7, rejected: 1, skipped: 0, rowsIn: 8, rowsOut: 8 });
    const before = ports.store.snapshot();
    ports.store.resetCounts();
    ports.clock.set('2026-11-01 08:00:00');

    const second = ingestResponses(ports, batch());
    expect(second).toMatchObject({ added: 0, rejected: 0, skipped: 8, rowsOut: 0 });
    expect(second.summary).toEqual(['新增 0 条，转入待处理 0 条，已有 8 条']);
    expect(ports.store.snapshot()).toEqual(before);
    // Nothing changed, so only the Log is written.
    expect([...ports.store.writes.keys()]).toEqual(['Log']);
    const log = records(ports.store, LogTable);
    expect(log.map((l) => [l.job, l.outcome, l.rowsIn, l.rowsOut])).toContainEqual([
      '汇入表单回复',
      'ok',
      8,
      0,
    ]);
  });

  test('a response already in Rejected is skipped, not judged again', () => {
    const ports = programme();
    ingestResponses(ports, [
      response('activity', 'a1', '2026-10-11 10:00:00', activityAnswers('B003')),
    ]);
    // B003 is approved meanwhile; re-ingesting the same response still skips it (reprocess moves it).
    ports.store.put(
      'Branches',
      ports.store
        .peek('Branches')
        .map((row) => (row[0] === 'B003' ? row.map((c) => (c === '待审核' ? '已通过' : c)) : row)),
    );
    expect(
      ingestResponses(ports, [
        response('activity', 'a1', '2026-10-11 10:00:00', activityAnswers('B003')),
      ]),
    ).toMatchObject({ added: 0, skipped: 1 });
    expect(records(ports.store, ActivitiesTable)).toEqual([]);
  });
});

describe('what ingest cannot understand, it keeps', () => {
  test("a row staff broke and staff's own column are written back untouched", () => {
    const ports = programme();
    ingestResponses(ports, [
      response('activity', 'a1', '2026-10-11 10:00:00', activityAnswers('B001')),
      response('activity', 'a2', '2026-10-12 10:00:00', activityAnswers('B002')),
    ]);
    // Staff add a column of their own and type a word into a number cell of a1.
    const [header, a1, a2] = ports.store.peek('Activities');
    const broken = [...a1!];
    broken[7] = '很多';
    ports.store.put('Activities', [
      [...header!, '审核人'],
      [...broken, '刘老师'],
      [...a2!, null],
    ]);

    ingestResponses(ports, [
      response('activity', 'a3', '2026-10-13 10:00:00', activityAnswers('B001', { title: '观影' })),
    ]);

    const rows = ports.store.peek('Activities');
    expect(rows[0]).toEqual([...header!, '审核人']);
    expect(rows[1]).toEqual([...broken, '刘老师']);
    expect(rows[2]).toEqual([...a2!, null]);
    expect(rows[3]![0]).toBe('a3');
    expect(rows).toHaveLength(4);
  });

  test('a Config sheet that cannot be read stops the job, naming the row and column', () => {
    const ports = programme();
    ports.store.put('Config', [
      ['设置项', '值', '说明'],
      ['monthlyTarget', '30', null],
      [null, '5', '缺少设置项'],
    ]);
    expect(() =>
      ingestResponses(ports, [
        response('activity', 'a1', '2026-10-11 10:00:00', activityAnswers('B001')),
      ]),
    ).toThrow('设置 第 3 行，键：is required');
    expect(ports.store.peek('Activities')).toEqual([]);
  });

  test('an unknown Config key is an error, not ignored', () => {
    const ports = programme();
    setConfig(ports.store, { monthlyTargt: '30' });
    expect(() => ingestResponses(ports, [])).toThrow(/Config monthlyTargt: unknown setting/);
  });
});

describe('a generated batch of activity reports', () => {
  const base = programme().store;

  // About a quarter of the reports are valid; the rest fail in every way ingest checks.
  const reportArb = fc.record({
    branch: fc.constantFrom(
      'B001',
      'B001',
      'B002 计算机学院第2党支部',
      '计算机学院第1党支部',
      'B003', // pending
      'B999', // unknown
    ),
    month: fc.constantFrom('2026-08', '2026-10', '2026-10', '2027-03'), // 2026-08: before
    day: fc.integer({ min: 2, max: 3 }),
    daysLater: fc.integer({ min: -1, max: 5 }), // -1: dated after it was submitted
    title: fc.constantFrom('红岩读书会', '《红岩》 读书会', '观影', '观影！', '志愿服务'),
    kind: fc.constantFrom('读一本好书', '特色活动', '其他', '社会实践', '不存在的类型'),
    participants: fc.integer({ min: 10, max: 60 }),
    nonParty: fc.integer({ min: 0, max: 50 }),
    evidence: fc.boolean(),
  });

  const day = (month: string, d: number) => `${month}-${String(d).padStart(2, '0')}`;

  const toResponses = (reports: ArbValue<typeof reportArb>[]): FormResponse[] =>
    reports.map((r, i) =>
      response(
        'activity',
        `gen-${i}`,
        `${day(r.month, r.day + r.daysLater)} 10:00:00`,
        activityAnswers(r.branch, {
          date: day(r.month, r.day),
          title: r.title,
          kind: r.kind,
          participants: String(r.participants),
          nonParty: String(r.nonParty),
          evidenceLink: r.evidence ? 'https://example.edu.cn/e' : '',
        }),
      ),
    );

  const sortedRows = (store: MemoryStore, name: string) =>
    store
      .peek(name)
      .slice(1)
      .map((row) => JSON.stringify(row))
      .sort();

  test('no row is lost, ingesting twice equals once, and arrival order does not matter', () => {
    const seen = { added: 0, rejected: 0, duplicates: 0 };
    fc.assert(
      fc.property(
        fc.array(reportArb, { minLength: 5, maxLength: 40, size: 'medium' }),
        fc.integer(),
        (reports, seed) => {
          const responses = toResponses(reports);
          const once = base.clone();
          const ports = makePorts(once, new FixedClock('2026-12-01 08:00:00'));
          const report = ingestResponses(ports, responses);
          const activities = once.peek('Activities').slice(1);
          const rejected = once.peek('Rejected').slice(1);
          expect(activities.length + rejected.length).toBe(responses.length);
          expect(report.added + report.rejected).toBe(responses.length);
          seen.added += report.added;
          seen.rejected += report.rejected;
          seen.duplicates += activities.filter((row) => row[12] === '重复').length;

          const snapshot = once.snapshot();
          expect(ingestResponses(ports, responses).skipped).toBe(responses.length);
          expect(once.snapshot()).toEqual(snapshot);

          // The same responses in another order give the same rows (sheet order aside).
          const shuffled = [...responses].sort(
            (a, b) => hash(a.responseId, seed) - hash(b.responseId, seed),
          );
          const other = base.clone();
          ingestResponses(makePorts(other, new FixedClock()), shuffled);
          expect(sortedRows(other, 'Activities')).toEqual(sortedRows(once, 'Activities'));
          expect(sortedRows(other, 'Rejected')).toEqual(sortedRows(once, 'Rejected'));
        },
      ),
      { numRuns: 60 },
    );
    // The generator really mixes valid, invalid and duplicate reports.
    expect(seen.added).toBeGreaterThan(50);
    expect(seen.rejected).toBeGreaterThan(50);
    expect(seen.duplicates).toBeGreaterThan(5);
  });
});

type ArbValue<A> = A extends fc.Arbitrary<infer T> ? T : never;

function hash(text: string, seed: number): number {
  let h = seed | 0;
  for (const c of text) h = Math.imul(h ^ c.charCodeAt(0), 2654435761);
  return h >>> 0;
}

describe('store calls per ingest job are O(1)', () => {
  /** n activity reports; with `mixed`, every third names an unknown branch. */
  const activities = (n: number, mixed: boolean): FormResponse[] =>
    Array.from({ length: n }, (_, i) =>
      response(
        'activity',
        `a${i}`,
        '2026-10-20 10:00:00',
        activityAnswers(mixed && i % 3 === 0 ? 'B999' : 'B001', { title: `活动${i}` }),
      ),
    );

  const countsFor = (responses: FormResponse[]) => {
    const ports = programme();
    ingestResponses(ports, responses);
    return {
      reads: Object.fromEntries(ports.store.reads),
      writes: Object.fromEntries(ports.store.writes),
    };
  };

  test('1 response and 100 responses read and write the same tables the same number of times', () => {
    const one = countsFor(activities(1, false));
    const hundred = countsFor(activities(100, false));
    expect(hundred).toEqual(one);
    // MonthlyResults is read once, to learn whether a finalised month could have gone stale.
    expect(one.reads).toEqual({
      Config: 1,
      Branches: 1,
      Rejected: 1,
      Activities: 1,
      Log: 1,
      MonthlyResults: 1,
    });
    expect(one.writes).toEqual({ Activities: 1, Log: 1 });
  });

  test('100 responses, valid and rejected mixed: each table read once, written once', () => {
    const { reads, writes } = countsFor(activities(100, true));
    expect(reads).toEqual({
      Config: 1,
      Branches: 1,
      Rejected: 1,
      Activities: 1,
      Log: 1,
      MonthlyResults: 1,
    });
    expect(writes).toEqual({ Rejected: 1, Activities: 1, Log: 1 });
  });

  test('a batch of every form reads each table at most once and writes it at most once', () => {
    const mixed: FormResponse[] = [];
    for (let i = 0; i < 20; i++) {
      mixed.push(
        response('application', `p${i}`, '2026-09-20 10:00:00', applicationAnswers(`新支部${i}`)),
        response(
          'activity',
          `a${i}`,
          '2026-10-20 10:00:00',
          activityAnswers('B001', { title: `活动${i}` }),
        ),
        response(
          'vote',
          `v${i}`,
          '2026-10-28 15:00:00',
          voteAnswers('2026-10', `评委${i}`, 'B002', '80'),
        ),
        response(
          'defense',
          `d${i}`,
          '2027-06-20 10:00:00',
          defenseAnswers(i % 2 ? '李老师' : '赵老师', 'B002', [30, 20, 10, 8, 8]),
        ),
        response(
          'nomination',
          `n${i}`,
          '2027-05-01 10:00:00',
          nominationAnswers('B001', `学生${i}`, `${i}`),
        ),
      );
    }
    const { reads, writes } = countsFor(mixed);
    for (const count of Object.values(reads)) expect(count).toBe(1);
    for (const count of Object.values(writes)) expect(count).toBe(1);
    expect(Object.keys(reads).sort()).toEqual([
      'Activities',
      'Branches',
      'Config',
      'DefenseScores',
      'Judges',
      'Log',
      'MonthlyResults',
      'Nominations',
      'OnsiteVotes',
      'Rejected',
    ]);
  });
});

describe('the summary says what was rejected and how to fix it', () => {
  const sheets = (count: number, judge: (i: number) => string) =>
    Array.from({ length: count }, (_, i) =>
      response(
        'defense',
        `d${i + 1}`,
        `2027-06-20 10:${String(i).padStart(2, '0')}:00`,
        defenseAnswers(judge(i), i % 2 === 0 ? 'B001' : 'B002', [30, 20, 10, 8, 8]),
      ),
    );

  test('judges not listed yet: one line with the count and the fix, and the job is blocked', () => {
    const ports = programme();
    const report = ingestResponses(
      ports,
      sheets(45, (i) => `新评委${i % 5}`),
    );
    expect(report).toMatchObject({ added: 0, rejected: 45 });
    expect(report.summary).toEqual([
      '新增 0 条，转入待处理 45 条，已有 0 条',
      '45 × 评委不在评委表中 — 请先在「评委」表中添加评委，再运行 `starbranch reprocess`（表格中：菜单“重新处理待处理记录”）',
      '没有收录任何回复：全部 45 条都因同一原因转入「待处理」，请按上面的提示处理',
    ]);
    expect(report.blocked).toBe(report.summary[2]);
  });

  test('rejections of several kinds: grouped by reason, the largest group first, not blocked', () => {
    const ports = programme();
    const report = ingestResponses(ports, [
      ...sheets(4, (i) => (i < 3 ? '钱老师' : '李老师')),
      response('activity', 'a1', '2026-10-11 10:00:00', activityAnswers('B999')),
      response('activity', 'a2', '2026-10-11 10:00:00', activityAnswers('B003')),
      response(
        'activity',
        'a3',
        '2026-10-11 10:00:00',
        activityAnswers('B001', { participants: '三十' }),
      ),
      response(
        'activity',
        'a4',
        '2026-10-11 10:00:00',
        activityAnswers('B001', { title: '另一个', participants: 'x' }),
      ),
    ]);
    expect(report).toMatchObject({ added: 1, rejected: 7, blocked: null });
    expect(report.summary.slice(1)).toEqual([
      expect.stringMatching(/^3 × 评委不在评委表中 — /),
      '2 × 「参加人数」的答案无法读取 — 请在「待处理」中改正后重新处理',
      '1 × 支部不在「支部」表中 — 请在「待处理」中改正支部后重新处理',
      expect.stringMatching(/^1 × 支部尚未通过审核 — /),
    ]);
  });

  test('in English for an English workbook', () => {
    const ports = programme();
    setConfig(ports.store, { locale: 'en' });
    const report = ingestResponses(
      ports,
      sheets(2, () => 'Ms Qian'),
    );
    expect(report.summary[1]).toMatch(/^2 × judge not in the Judges sheet — add the judges there/);
    expect(records(ports.store, RejectedTable)[0]!.reason).toBe(
      'Judge name: "Ms Qian" is not in the Judges sheet; expected a registered judge: add the judge there first, then reprocess',
    );
  });
});

describe('answers to a question the schema does not have', () => {
  const withPlace = (id: string, place: string, overrides: Record<string, string> = {}) => ({
    ...response('activity', id, '2026-10-11 10:00:00', activityAnswers('B001', overrides)),
    extra: { 活动地点: place },
  });

  test('land in a same-named staff column of the table, created if missing; the summary says so', () => {
    const ports = programme();
    const report = ingestResponses(ports, [
      withPlace('a1', '大礼堂', { title: '一' }),
      withPlace('a2', '', { title: '二' }),
    ]);
    expect(report.added).toBe(2);
    expect(report.summary).toContain(
      '另有 1 个问题不在表结构中：活动地点，答案已保存到活动表的同名列',
    );
    const sheet = ports.store.peek('Activities');
    const column = sheet[0]!.indexOf('活动地点');
    expect(column).toBeGreaterThan(0);
    expect(sheet.slice(1).map((row) => row[column])).toEqual(['大礼堂', null]);

    // A later batch fills the same column, whatever its place in the sheet.
    ingestResponses(ports, [withPlace('a3', '操场', { title: '三' })]);
    const again = ports.store.peek('Activities');
    expect(again[0]!.filter((h) => h === '活动地点')).toHaveLength(1);
    expect(again.slice(1).map((row) => row[column])).toEqual(['大礼堂', null, '操场']);
  });

  test('a title that is already a column of the table gets a column of its own', () => {
    const ports = programme();
    ingestResponses(ports, [
      {
        ...response('activity', 'a1', '2026-10-11 10:00:00', activityAnswers('B001')),
        extra: { 备注: '带横幅' },
      },
    ]);
    const sheet = ports.store.peek('Activities');
    expect(sheet[0]).toContain('备注（表单）');
    expect(sheet[1]![sheet[0]!.indexOf('备注（表单）')]).toBe('带横幅');
  });

  test('a rejected response keeps them in its payload, and reprocessing saves them', () => {
    const ports = programme();
    ingestResponses(ports, [withPlace('a1', '大礼堂', { participants: '三十' })]);
    const row = rejectedRow(ports, 'a1')!;
    expect(JSON.parse(row.payload!)).toMatchObject({ 活动地点: '大礼堂' });
    editRejected(ports.store, 'a1', { 参加人数: '30' });
    expect(reprocessRejected(ports)).toMatchObject({ moved: 1 });
    const sheet = ports.store.peek('Activities');
    expect(sheet[1]![sheet[0]!.indexOf('活动地点')]).toBe('大礼堂');
  });
});
