/**
 * "Reprocess rejected" (DESIGN §3): staff correct a response's raw answers in `Rejected`, and the
 * rows that now pass move into their tables. The `Rejected` row stays, marked resolved.
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
  editRow,
  FixedClock,
  MemoryStore,
  records,
  response,
  seedProgramme,
  setJudges,
  voteAnswers,
  type TestPorts,
} from '../support/fakes';

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

/** Staff edit the raw payload's JSON in the sheet. */
function correct(ports: TestPorts, id: string, change: Record<string, string>): void {
  editRow(ports.store, RejectedTable, id, (row) => ({
    ...row,
    payload: JSON.stringify({ ...(JSON.parse(row.payload) as object), ...change }, null, 1),
  }));
}

describe('reprocessRejected', () => {
  test('a corrected activity moves into Activities; its Rejected row stays, resolved', () => {
    const ports = programme();
    ingestResponses(ports, [
      response('activity', 'a1', '2026-10-11 10:00:00', activityAnswers('B999')),
    ]);
    expect(rejected(ports, 'a1').reason).toMatch(/^支部: "B999" is not a registered branch/);

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
    // The audit trail keeps the payload as staff corrected it, and the original reason.
    expect(JSON.parse(row.payload)).toMatchObject({ 支部: 'B002 计算机学院第2党支部' });
    expect(row.reason).toMatch(/B999/);
    expect(records(ports.store, LogTable).at(-1)).toMatchObject({
      job: '重新处理待处理记录',
      outcome: 'ok',
      rowsIn: 1,
      rowsOut: 1,
      durationMs: 10, // the fixed clock advances 10 ms per reading; the job reads it twice
    });
  });

  test('one still wrong gets its new reason and stays unresolved, keeping the edited payload', () => {
    const ports = programme();
    ingestResponses(ports, [
      response('activity', 'a1', '2026-10-11 10:00:00', activityAnswers('B999')),
      response('activity', 'a2', '2026-10-11 10:00:00', activityAnswers('B998', { title: '观影' })),
    ]);
    correct(ports, 'a1', { 支部: 'B001' });
    correct(ports, 'a2', { 支部: 'B003', 备注: '已联系支部书记' }); // B003 is still pending

    const report = reprocessRejected(ports);

    expect(report).toMatchObject({ moved: 1, stillRejected: 1 });
    expect(report.summary).toEqual(['1 条已移入所属表，1 条仍待处理']);
    expect(records(ports.store, ActivitiesTable).map((a) => a.responseId)).toEqual(['a1']);
    const row = rejected(ports, 'a2');
    expect(row.resolved).toBe(false);
    expect(row.reason).toBe('支部: branch B003 计算机学院第3党支部 is not yet approved');
    expect(JSON.parse(row.payload)).toMatchObject({
      支部: 'B003',
      活动名称: '观影',
      备注: '已联系支部书记',
    });
  });

  test('a payload whose JSON staff broke: the reason says so', () => {
    const ports = programme();
    ingestResponses(ports, [
      response('activity', 'a1', '2026-10-11 10:00:00', activityAnswers('B999')),
    ]);
    editRow(ports.store, RejectedTable, 'a1', (row) => ({
      ...row,
      payload: row.payload.replace('"B999"', 'B001"'),
    }));
    expect(reprocessRejected(ports)).toMatchObject({ moved: 0, stillRejected: 1 });
    const row = rejected(ports, 'a1');
    expect(row.reason).toBe(
      'the raw payload is not valid JSON any more; fix its quotes and braces',
    );
    expect(row.resolved).toBe(false);
    expect(records(ports.store, ActivitiesTable)).toEqual([]);
  });

  test('running it twice moves nothing the second time', () => {
    const ports = programme();
    ingestResponses(ports, [
      response('activity', 'a1', '2026-10-11 10:00:00', activityAnswers('B999')),
      response('activity', 'a2', '2026-10-12 10:00:00', activityAnswers('B999')),
    ]);
    correct(ports, 'a1', { 支部: 'B001' });
    expect(reprocessRejected(ports)).toMatchObject({ moved: 1, stillRejected: 1 });
    const before = ports.store.snapshot();

    const again = reprocessRejected(ports);

    expect(again).toMatchObject({ moved: 0, stillRejected: 1, rowsIn: 1 });
    expect(ports.store.snapshot()).toEqual(before);
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
    expect(rejected(ports, 'p1').reason).toMatch(/already exists/);
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
    correct(ports, 'v2', { 汇报支部: 'B001' });
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

  test('English question titles in a payload are read too', () => {
    const ports = programme();
    ingestResponses(
      ports,
      [],
      [
        {
          form: 'activity',
          responseId: 'csv-1',
          submittedAt: '2026-10-11 10:00:00',
          reason: 'could not read the row',
          payload: JSON.stringify({
            Branch: 'B001',
            'Activity date': '2026-10-10',
            'Activity kind': 'Study session',
            Title: 'Study',
            Description: 'On the constitution',
            Participants: '12',
            'Non-party participants': '0',
            'Counselor present': 'No',
            'Email Address': 'x@example.edu.cn',
          }),
        },
      ],
    );
    expect(reprocessRejected(ports).moved).toBe(1);
    expect(records(ports.store, ActivitiesTable)[0]).toMatchObject({
      responseId: 'csv-1',
      kind: 'study',
      counselorPresent: false,
      evidenceLink: null,
      points: 4, // study 8, no reach bonus, no evidence → 8 × 0.5 = 4
    });
  });

  test('an unknown form or an unreadable submission time is named in the reason', () => {
    const ports = programme();
    ingestResponses(
      ports,
      [],
      [
        {
          form: 'survey' as never,
          responseId: 'x1',
          submittedAt: '2026-10-11 10:00:00',
          reason: '?',
          payload: '{}',
        },
        { form: 'activity', responseId: 'x2', submittedAt: '昨天', reason: '?', payload: '{}' },
      ],
    );
    expect(reprocessRejected(ports)).toMatchObject({ moved: 0, stillRejected: 2 });
    expect(rejected(ports, 'x1').reason).toBe('unknown form "survey"');
    expect(rejected(ports, 'x2').reason).toBe(
      'submitted at "昨天" is not a time written YYYY-MM-DD HH:mm:ss',
    );
  });
});
