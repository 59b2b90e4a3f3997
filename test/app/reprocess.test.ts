/**
 * "Reprocess rejected" (DESIGN §3): staff correct a response's answers in the named columns of
 * `Rejected`, and the rows that now pass move into their tables. The `Rejected` row stays, marked
 * resolved. Rows staff dismiss are closed and never reprocessed; rows filed before the named
 * columns existed are read from their JSON payload.
 */
import { ingestResponses } from '../../src/app/ingest';
import { reprocessRejected } from '../../src/app/reprocess';
import { DEFAULT_CONFIG } from '../../src/domain/config';
import { defenseScoresTable } from '../../src/domain/schema/defenseScores';
import {
  ActivitiesTable,
  BranchesTable,
  LogTable,
  OnsiteVotesTable,
  RejectedTable,
} from '../../src/domain/schema/tables';
import {
  activityAnswers,
  applicationAnswers,
  defenseAnswers,
  FixedClock,
  MemoryStore,
  records,
  response,
  seedProgramme,
  setJudges,
  voteAnswers,
  type TestPorts,
} from '../support/fakes';
import { editRejected, rejectedCells } from '../support/rejectedSheet';

/** B001, B002 approved, B003 pending. */
function programme(): TestPorts {
  const store = new MemoryStore();
  const { ports } = seedProgramme(store, new FixedClock('2026-11-01 08:00:00'), {
    branches: 3,
    approved: 2,
  });
  setJudges(store, [{ name: '李老师' }]);
  return ports;
}

const rejected = (ports: TestPorts, id: string) =>
  records(ports.store, RejectedTable).find((r) => r.responseId === id)!;

/** Staff correct answers in the row's named cells, by their headers. */
const correct = (ports: TestPorts, id: string, change: Record<string, string>) =>
  editRejected(ports.store, id, change);

describe('reprocessRejected', () => {
  test('a corrected activity moves into Activities; its Rejected row stays, resolved', () => {
    const ports = programme();
    ingestResponses(ports, [
      response('activity', 'a1', '2026-10-11 10:00:00', activityAnswers('B999')),
    ]);
    expect(rejected(ports, 'a1').reason).toMatch(/^「支部」填的是“B999”，不是已登记的支部/);
    expect(ports.store.marked('Rejected').map((m) => m.column)).toEqual(['支部']);

    correct(ports, 'a1', { 支部: 'B002 计算机学院第2党支部' });
    const report = reprocessRejected(ports);

    expect(report).toMatchObject({ job: 'reprocess', moved: 1, stillRejected: 0, rowsIn: 1 });
    expect(records(ports.store, ActivitiesTable)).toEqual([
      expect.objectContaining({
        responseId: 'a1',
        submittedAt: '2026-10-11 10:00:00',
        branch: 'B002',
        kind: 'book',
        status: 'submitted',
        points: 12, // theme 10 + ⌊25/10⌋ = 12, with evidence
      }),
    ]);
    const row = rejected(ports, 'a1');
    expect(row.resolved).toBe(true);
    expect(row.handledAt).toBe('2026-11-01 08:00:00');
    // The audit trail: the answer as staff corrected it, the original reason and submission.
    expect(rejectedCells(ports.store, 'a1')).toMatchObject({ 支部: 'B002 计算机学院第2党支部' });
    expect(row.reason).toMatch(/B999/);
    expect(JSON.parse(row.payload!)).toMatchObject({ 支部: 'B999' });
    // A moved row is no longer pointed out.
    expect(ports.store.marked('Rejected')).toEqual([]);
    expect(records(ports.store, LogTable).at(-1)).toMatchObject({
      job: '重新处理待处理记录',
      outcome: 'ok',
      rowsIn: 1,
      rowsOut: 1,
      durationMs: 10, // the fixed clock advances 10 ms per reading; the job reads it twice
    });
  });

  test('one still wrong gets its new reason, its new field marked, and stays unresolved', () => {
    const ports = programme();
    ingestResponses(ports, [
      response('activity', 'a1', '2026-10-11 10:00:00', activityAnswers('B999')),
      response('activity', 'a2', '2026-10-11 10:00:00', activityAnswers('B998', { title: '观影' })),
    ]);
    correct(ports, 'a1', { 支部: 'B001' });
    correct(ports, 'a2', { 支部: 'B001', 参加人数: '三十' });

    const report = reprocessRejected(ports);

    expect(report).toMatchObject({ moved: 1, stillRejected: 1, dismissed: 0 });
    expect(report.summary).toEqual(['1 条已移入所属表，1 条仍待处理']);
    expect(records(ports.store, ActivitiesTable).map((a) => a.responseId)).toEqual(['a1']);
    const row = rejected(ports, 'a2');
    expect(row.resolved).toBe(false);
    expect(row.reason).toBe('「参加人数」填的是“三十”，不是数字；应填介于 1 到 10000 之间的整数');
    expect(rejectedCells(ports.store, 'a2')).toMatchObject({
      待改字段: '参加人数',
      支部: 'B001',
      活动名称: '观影',
      参加人数: '三十',
    });
    // The mark moved from 支部 to 参加人数, with the new reason.
    expect(ports.store.marked('Rejected')).toEqual([
      { row: 2, column: '参加人数', note: row.reason },
    ]);
  });

  test('running it twice moves nothing the second time, and writes nothing', () => {
    const ports = programme();
    ingestResponses(ports, [
      response('activity', 'a1', '2026-10-11 10:00:00', activityAnswers('B999')),
      response('activity', 'a2', '2026-10-12 10:00:00', activityAnswers('B999')),
    ]);
    correct(ports, 'a1', { 支部: 'B001' });
    expect(reprocessRejected(ports)).toMatchObject({ moved: 1, stillRejected: 1 });
    const before = ports.store.snapshot();
    const marks = ports.store.marked('Rejected');

    const again = reprocessRejected(ports);

    expect(again).toMatchObject({ moved: 0, stillRejected: 1, rowsIn: 1 });
    expect(ports.store.snapshot()).toEqual(before);
    expect(ports.store.marked('Rejected')).toEqual(marks);
    expect(records(ports.store, ActivitiesTable)).toHaveLength(1);
  });

  test('a corrected application becomes a branch with the next id', () => {
    const ports = programme();
    ingestResponses(ports, [
      response(
        'application',
        'p1',
        '2026-09-20 10:00:00',
        applicationAnswers('计算机学院第1党支部'),
      ),
    ]);
    expect(rejected(ports, 'p1').reason).toMatch(/已有名为“计算机学院第1党支部”的支部/);
    correct(ports, 'p1', { 支部名称: '数学学院党支部' });

    expect(reprocessRejected(ports).moved).toBe(1);
    expect(records(ports.store, BranchesTable).at(-1)).toMatchObject({
      id: 'B004',
      name: '数学学院党支部',
      status: 'pending',
      responseId: 'p1',
      appliedAt: '2026-09-20 10:00:00',
    });
  });

  test('corrected score sheets are screened with the rest: a moved vote supersedes an earlier one', () => {
    const ports = programme();
    ingestResponses(ports, [
      response('vote', 'v1', '2026-10-28 15:00:00', voteAnswers('2026-10', '李老师', 'B001', '80')),
      response('vote', 'v2', '2026-10-28 15:05:00', voteAnswers('2026-10', '李老师', 'B00l', '85')),
      response(
        'defense',
        'd1',
        '2027-06-20 10:00:00',
        defenseAnswers('李老帅', 'B001', [30, 20, 10, 8, 8]),
      ),
    ]);
    // The vote's 汇报支部 sits in the one 支部 column, like every form's branch.
    correct(ports, 'v2', { 支部: 'B001' });
    correct(ports, 'd1', { 评委姓名: '李老师' });

    expect(reprocessRejected(ports)).toMatchObject({ moved: 2, stillRejected: 0 });
    expect(records(ports.store, OnsiteVotesTable).map((v) => [v.responseId, v.status])).toEqual([
      ['v1', 'superseded'],
      ['v2', 'counted'],
    ]);
    const sheets = records(ports.store, defenseScoresTable(DEFAULT_CONFIG.defenseRubric));
    expect(sheets).toEqual([
      expect.objectContaining({ responseId: 'd1', judge: '李老师', total: 76, status: 'counted' }),
    ]);
  });

  test('an unreadable row exported with English titles: its cells land under the questions', () => {
    const ports = programme();
    ingestResponses(
      ports,
      [],
      [
        {
          form: 'activity',
          responseId: 'csv-1',
          submittedAt: 'yesterday',
          reason: 'could not read the row',
          field: 'submittedAt',
          raw: {
            Timestamp: 'yesterday',
            'Email Address': 'x@example.edu.cn',
            Branch: 'B001',
            'Activity date': '2026-10-10',
            'Activity kind': 'Study session',
            Title: 'Study',
            Description: 'On the constitution',
            Participants: '12',
            'Non-party participants': '0',
            'Counselor present': 'No',
          },
        },
      ],
    );
    expect(rejectedCells(ports.store, 'csv-1')).toMatchObject({
      支部: 'B001',
      活动类型: 'Study session',
      电子邮件地址: 'x@example.edu.cn',
    });
    // The time is still unreadable: the reason says so and points at it.
    expect(reprocessRejected(ports).moved).toBe(0);
    expect(rejected(ports, 'csv-1').reason).toBe(
      '「提交时间」“yesterday”无法识别为时间；应为提交时间，如 2026-10-15 14:30:00',
    );
    expect(ports.store.marked('Rejected').map((m) => m.column)).toEqual(['提交时间']);

    correct(ports, 'csv-1', { 提交时间: '2026/10/11 10:00' });
    expect(reprocessRejected(ports).moved).toBe(1);
    expect(records(ports.store, ActivitiesTable)[0]).toMatchObject({
      responseId: 'csv-1',
      submittedAt: '2026-10-11 10:00:00',
      kind: 'study',
      counselorPresent: false,
      evidenceLink: null,
      points: 4, // study 8, no reach bonus, no evidence → 8 × 0.5 = 4
    });
  });

  test('a row no form matches: the reason asks for its form', () => {
    const ports = programme();
    ingestResponses(
      ports,
      [],
      [
        {
          form: '?',
          responseId: 'x1',
          submittedAt: '2026-10-11 10:00:00',
          reason: '?',
          raw: { 时间戳记: '2026/10/11 10:00', 问题一: '答案' },
        },
      ],
    );
    expect(reprocessRejected(ports)).toMatchObject({ moved: 0, stillRejected: 1 });
    expect(rejected(ports, 'x1').reason).toMatch(
      /^「表单」“无法识别的表单”不是已知的表单；应为以下之一：支部申报表、活动报告表、/,
    );
    expect(ports.store.marked('Rejected').map((m) => m.column)).toEqual(['表单']);
  });
});

describe('dismissing a row (处理方式)', () => {
  test('a dismissed row is closed and recorded, never reprocessed nor pending', () => {
    const ports = programme();
    ingestResponses(ports, [
      response('activity', 'a1', '2026-10-11 10:00:00', activityAnswers('B999')),
      response('activity', 'a2', '2026-10-11 11:00:00', activityAnswers('B998')),
    ]);
    // A fixed answer in a dismissed row does not bring it back: dismissing wins.
    editRejected(ports.store, 'a1', { 处理方式: '忽略（重复）', 支部: 'B001' });

    const report = reprocessRejected(ports);

    expect(report).toMatchObject({ moved: 0, stillRejected: 1, dismissed: 1, rowsIn: 1 });
    expect(report.summary).toContain('1 条已忽略，记录在「待处理」中，不再处理');
    expect(records(ports.store, ActivitiesTable)).toEqual([]);
    expect(rejected(ports, 'a1')).toMatchObject({
      handling: 'duplicate',
      resolved: true,
      handledAt: '2026-11-01 08:00:00',
    });
    expect(rejectedCells(ports.store, 'a1')).toMatchObject({
      处理方式: '忽略（重复）',
      已处理: '是',
    });
    // Only the pending row is still pointed out.
    expect(ports.store.marked('Rejected').map((m) => m.row)).toEqual([2]);

    const again = reprocessRejected(ports);
    expect(again).toMatchObject({ moved: 0, stillRejected: 1, dismissed: 0 });
    expect(rejected(ports, 'a1').handledAt).toBe('2026-11-01 08:00:00');
    // The same response arriving again stays where it is.
    const repeat = ingestResponses(ports, [
      response('activity', 'a1', '2026-10-11 10:00:00', activityAnswers('B999')),
    ]);
    expect(repeat).toMatchObject({ added: 0, rejected: 0, skipped: 1 });
  });

  test('every dismissal reason is offered, and the dropdown drives the schema', () => {
    const column = RejectedTable.columns.handling;
    expect(column.choices?.map((c) => c.zh)).toEqual([
      '待修改',
      '忽略（重复）',
      '忽略（无效）',
      '忽略（其他）',
    ]);
    expect(column.staffEditable).toBe(true);
  });
});

describe('rows filed before the named columns existed', () => {
  /** The Rejected sheet as earlier versions wrote it: the answers only in 原始内容's JSON. */
  function oldSheet(ports: TestPorts, rows: [string, string, Record<string, string>][]): void {
    ports.store.put('Rejected', [
      ['响应编号', '表单', '提交时间', '原因', '原始内容', '已处理'],
      ...rows.map(([id, submittedAt, answers]) => [
        id,
        'activity',
        submittedAt,
        '支部: "B999" is not a registered branch',
        JSON.stringify(answers, null, 1),
        '否',
      ]),
    ]);
  }

  const old = (branch: string) => ({
    支部: branch,
    活动日期: '2026-10-10',
    活动类型: '读一本好书',
    活动名称: '《红岩》读书会',
    活动内容: '共读红色经典',
    参加人数: '30',
    党外群众人数: '25',
    辅导员是否出席: '是',
    佐证材料链接: '',
    '使用经费（元）': '',
    电子邮件地址: 'old@example.edu.cn',
  });

  test('are read from their JSON; one still wrong gets the named columns and a mark', () => {
    const ports = programme();
    oldSheet(ports, [
      ['o1', '2026-10-11 10:00:00', old('B001')], // staff had fixed it in the JSON
      ['o2', '2026-10-11 11:00:00', old('B999')],
    ]);

    expect(reprocessRejected(ports)).toMatchObject({ moved: 1, stillRejected: 1 });

    expect(records(ports.store, ActivitiesTable).map((a) => [a.responseId, a.branch])).toEqual([
      ['o1', 'B001'],
    ]);
    // The sheet now has the named columns; the row still wrong is filled in and marked.
    expect(rejectedCells(ports.store, 'o2')).toMatchObject({
      表单: '活动报告表',
      支部: 'B999',
      活动名称: '《红岩》读书会',
      电子邮件地址: 'old@example.edu.cn',
      待改字段: '支部',
    });
    expect(ports.store.marked('Rejected')).toEqual([
      { row: 2, column: '支部', note: rejected(ports, 'o2').reason },
    ]);
    // From now on, the named cells are what counts.
    correct(ports, 'o2', { 支部: 'B002' });
    expect(reprocessRejected(ports)).toMatchObject({ moved: 1, stillRejected: 0 });
  });

  test('a JSON payload staff broke, with no named answers: the reason says where to put them', () => {
    const ports = programme();
    oldSheet(ports, [['o1', '2026-10-11 10:00:00', old('B999')]]);
    const [header, row] = ports.store.peek('Rejected');
    row![4] = String(row![4]).replace('"B999"', 'B001"');
    ports.store.put('Rejected', [header!, row!]);

    expect(reprocessRejected(ports)).toMatchObject({ moved: 0, stillRejected: 1 });
    expect(rejected(ports, 'o1').reason).toBe(
      '各答案列都是空的，「原始内容」也已无法读取；请把答案填入各列后重新处理',
    );
    expect(ports.store.marked('Rejected').map((m) => m.column)).toEqual(['原始内容']);
  });
});
