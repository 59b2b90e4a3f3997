/**
 * Stages 3 and 4 (DESIGN §1–§2): the June defense aggregated, the advanced branches and excellent
 * members selected, one letter per award, and the year's report — each on hand-computed figures.
 */
import { selectAwards } from '../../src/app/awards';
import { aggregateDefense } from '../../src/app/defense';
import { ingestResponses } from '../../src/app/ingest';
import { readConfig } from '../../src/app/context';
import { issueLetters, lettersDue, readLetterSources } from '../../src/app/letters';
import { buildReport } from '../../src/app/report';
import { DEFAULT_CONFIG } from '../../src/domain/config';
import { defenseScoresTable } from '../../src/domain/schema/defenseScores';
import {
  AwardsTable,
  BranchesTable,
  DashboardTable,
  DefenseResultsTable,
  LogTable,
  MonthlyResultsTable,
  NominationsTable,
} from '../../src/domain/schema/tables';
import {
  activityAnswers,
  defenseAnswers,
  editRow,
  FakeDocuments,
  FixedClock,
  MemoryMarkers,
  MemoryStore,
  nominationAnswers,
  records,
  response,
  seedProgramme,
  setConfig,
  setJudges,
  upsertRows,
  type TestPorts,
} from '../support/fakes';
import { handMadeOctober, sealMonths } from '../support/sealMonths';

const DefenseScoresTable = defenseScoresTable(DEFAULT_CONFIG.defenseRubric);

describe('aggregateDefense', () => {
  type Marks = [number, number, number, number, number];

  /**
   * B001, B002, B003 approved. Judges 李 赵 孙 周 吴, and 王 who belongs to B001.
   *
   * B001 (rubric 40/25/15/10/10):
   *   李 36 22 13  9  9 = 89      赵 34 20 12 8 8 = 82      孙 38 24 14 10 9 = 95 (highest, dropped)
   *   周 30 18 11  7  7 = 73 (lowest, dropped)            吴 35 21 13 9 8 = 86
   *   王 40 25 15 10 10 = 100 — conflict of interest, not counted (counted, it would be a 6th judge)
   *   score = (89 + 82 + 86) / 3 = 257 / 3 = 85.666… → 85.67
   *   criterion means over the kept three: 创建成效 (36+34+35)/3 = 35.00, 特色创新 (22+20+21)/3 = 21.00,
   *   材料与PPT (13+12+13)/3 = 12.67, 现场陈述 (9+8+9)/3 = 8.67, 答辩表现 (9+8+8)/3 = 8.33
   * B002:
   *   李 20 10 5 5 5 = 45, resubmitted later as 38 23 14 9 9 = 93 (the first is superseded)
   *   赵 37 22 13 9 9 = 90   孙 39 24 15 10 10 = 98 (dropped)   周 36 22 13 9 8 = 88 (dropped)
   *   吴 38 22 14 9 9 = 92
   *   score = (93 + 90 + 92) / 3 = 275 / 3 = 91.666… → 91.67
   * B003: 李 76, 赵 78 — two judges, fewer than minJudges (3): incomplete, no rank.
   */
  function defenseDay(): TestPorts {
    const store = new MemoryStore();
    const { ports } = seedProgramme(store, new FixedClock('2027-06-20 08:00:00'), { branches: 3 });
    setJudges(store, [
      { name: '李老师' },
      { name: '赵老师' },
      { name: '孙老师' },
      { name: '周老师' },
      { name: '吴老师' },
      { name: '王老师', ownBranch: 'B001' },
    ]);
    let n = 0;
    const sheet = (judge: string, branch: string, marks: Marks, at = '2027-06-20 10:00:00') =>
      response('defense', `d${++n}`, at, defenseAnswers(judge, branch, marks));
    const report = ingestResponses(ports, [
      sheet('李老师', 'B001', [36, 22, 13, 9, 9]),
      sheet('赵老师', 'B001', [34, 20, 12, 8, 8]),
      sheet('孙老师', 'B001', [38, 24, 14, 10, 9]),
      sheet('周老师', 'B001', [30, 18, 11, 7, 7]),
      sheet('吴老师', 'B001', [35, 21, 13, 9, 8]),
      sheet('王老师', 'B001', [40, 25, 15, 10, 10]),
      sheet('李老师', 'B002', [20, 10, 5, 5, 5], '2027-06-20 11:00:00'),
      sheet('李老师', 'B002', [38, 23, 14, 9, 9], '2027-06-20 11:30:00'),
      sheet('赵老师', 'B002', [37, 22, 13, 9, 9]),
      sheet('孙老师', 'B002', [39, 24, 15, 10, 10]),
      sheet('周老师', 'B002', [36, 22, 13, 9, 8]),
      sheet('吴老师', 'B002', [38, 22, 14, 9, 9]),
      sheet('李老师', 'B003', [30, 20, 10, 8, 8]),
      sheet('赵老师', 'B003', [32, 20, 10, 8, 8]),
    ]);
    expect(report.added).toBe(14);
    return ports;
  }

  test('the trimmed mean of the counted judges, by hand', () => {
    const ports = defenseDay();
    ports.clock.set('2027-06-21 09:00:00');
    const report = aggregateDefense(ports);

    expect(report.summary).toEqual([
      '汇总 3 个支部的答辩成绩，有效评分表 12 份',
      '其中 1 个支部有效评委不足 3 位',
      '答辩满分 100（创建成效40、特色创新25、材料与PPT15、现场陈述10、答辩表现10），计入总成绩前折算为百分制',
    ]);
    expect(records(ports.store, DefenseResultsTable)).toEqual([
      {
        branch: 'B001',
        branchName: '计算机学院第1党支部',
        judgesCounted: 5,
        dropped: '周老师 73.00（最低）；孙老师 95.00（最高）',
        score: 85.67,
        outOf: 100,
        criterionMeans:
          '创建成效 35.00；特色创新 21.00；材料与PPT 12.67；现场陈述 8.67；答辩表现 8.33',
        rank: 2,
        incomplete: false,
        computedAt: '2027-06-21 09:00:00',
      },
      expect.objectContaining({
        branch: 'B002',
        judgesCounted: 5,
        dropped: '周老师 88.00（最低）；孙老师 98.00（最高）',
        score: 91.67,
        rank: 1,
        incomplete: false,
      }),
      expect.objectContaining({
        branch: 'B003',
        judgesCounted: 2,
        dropped: null,
        score: 77, // (76 + 78) / 2, shown for information
        rank: null,
        incomplete: true,
      }),
    ]);
    const statuses = records(ports.store, DefenseScoresTable).map((s) => s.status);
    expect(statuses.filter((s) => s === 'conflict')).toHaveLength(1);
    expect(statuses.filter((s) => s === 'superseded')).toHaveLength(1);
  });

  test('re-running changes nothing, not even computedAt', () => {
    const ports = defenseDay();
    ports.clock.set('2027-06-21 09:00:00');
    aggregateDefense(ports);
    const before = ports.store.snapshot();
    ports.store.resetCounts();
    ports.clock.set('2027-06-22 09:00:00');
    aggregateDefense(ports);
    expect(ports.store.snapshot()).toEqual(before);
    expect([...ports.store.writes.keys()]).toEqual(['Log']);
  });

  test('a judge added to Judges with an own branch later turns their sheet into a conflict', () => {
    const ports = defenseDay();
    aggregateDefense(ports);
    // Staff learn that 吴老师 belongs to B002: the sheet is re-screened at aggregation.
    setJudges(ports.store, [{ name: '吴老师', ownBranch: 'B002' }]);
    ports.clock.set('2027-06-23 09:00:00');
    aggregateDefense(ports);
    const b002 = records(ports.store, DefenseResultsTable).find((r) => r.branch === 'B002')!;
    // Four judges left (93, 90, 98, 88): fewer than trimFrom (5), so nothing is dropped:
    // (93 + 90 + 98 + 88) / 4 = 369 / 4 = 92.25
    expect(b002).toMatchObject({
      judgesCounted: 4,
      dropped: null,
      score: 92.25,
      computedAt: '2027-06-23 09:00:00',
    });
  });
  test('a branch none of whose sheets count any more keeps its row, but no score and no rank', () => {
    const store = new MemoryStore();
    const { ports } = seedProgramme(store, new FixedClock('2027-06-20 08:00:00'), { branches: 2 });
    setJudges(store, [{ name: '甲' }, { name: '乙' }, { name: '丙' }]);
    ingestResponses(ports, [
      // B001: 76 from each judge; B002: 35 + 20 + 10 + 8 + 8 = 81 from each judge.
      ...['甲', '乙', '丙'].map((j) =>
        response(
          'defense',
          `B001-${j}`,
          '2027-06-20 10:00:00',
          defenseAnswers(j, 'B001', [30, 20, 10, 8, 8]),
        ),
      ),
      ...['甲', '乙', '丙'].map((j) =>
        response(
          'defense',
          `B002-${j}`,
          '2027-06-20 10:00:00',
          defenseAnswers(j, 'B002', [35, 20, 10, 8, 8]),
        ),
      ),
    ]);
    aggregateDefense(ports);
    expect(records(store, DefenseResultsTable).map((r) => [r.branch, r.score, r.rank])).toEqual([
      ['B001', 76, 2],
      ['B002', 81, 1],
    ]);

    // Staff learn that all three judges belong to B002: none of its sheets counts.
    setJudges(
      store,
      ['甲', '乙', '丙'].map((name) => ({ name, ownBranch: 'B002' })),
    );
    ports.clock.set('2027-06-22 09:00:00');
    aggregateDefense(ports);

    expect(records(store, DefenseResultsTable)).toEqual([
      expect.objectContaining({ branch: 'B001', score: 76, rank: 1 }),
      expect.objectContaining({
        branch: 'B002',
        judgesCounted: 0,
        score: null,
        rank: null,
        incomplete: true,
        computedAt: '2027-06-22 09:00:00',
      }),
    ]);
    // And it stays so: a re-run changes nothing.
    const before = store.snapshot();
    ports.clock.set('2027-06-23 09:00:00');
    aggregateDefense(ports);
    expect(store.snapshot()).toEqual(before);
  });
});

/**
 * Four approved branches (B005 pending). Config: one semester, one theme activity required,
 * two advanced branches. Monthly results and defense results are as staff would find them:
 *   process = mean of the 10 programme months' scores + 2 per star-branch title
 *   B001: Oct 90 (star branch) → 90/10 + 2 = 11;  defense 80 → 0.4 × 11 + 0.6 × 80 = 4.4 + 48 = 52.4
 *   B002: Oct 80 → 8;                               defense 90 → 3.2 + 54 = 57.2
 *   B003: nothing monthly → 0;                      defense 95 → 0 + 57 = 57.0, but no theme activity
 *   B004: Oct 60 → 6;                               defense 70 → 2.4 + 42 = 44.4
 * Ranking: B002 57.2 (#1), B003 57.0 (#2), B001 52.4 (#3), B004 44.4 (#4).
 */
function yearEnd(): TestPorts {
  const store = new MemoryStore();
  const clock = new FixedClock('2027-06-30 08:00:00');
  const { ports } = seedProgramme(store, clock, { branches: 5, approved: 4 });
  setConfig(store, {
    semesters: '2026秋:2026-09-01..2027-01-20',
    minThemeActivitiesPerSemester: '1',
    advancedBranchCount: '2',
    collegeName: '示范大学计算机学院党委',
  });
  const report = ingestResponses(ports, [
    response('activity', 'a1', '2026-10-11 10:00:00', activityAnswers('B001')),
    response('activity', 'a2', '2026-10-11 10:00:00', activityAnswers('B002')),
    response('activity', 'a4', '2026-10-11 10:00:00', activityAnswers('B004')),
    response(
      'nomination',
      'n1',
      '2027-05-01 10:00:00',
      nominationAnswers('B001', '李四', '2023001'),
    ),
    response(
      'nomination',
      'n2',
      '2027-05-01 10:00:00',
      nominationAnswers('B002', '王五', '2023002'),
    ),
    response(
      'nomination',
      'n3',
      '2027-05-01 10:00:00',
      nominationAnswers('B003', '赵六', '2023003'),
    ),
  ]);
  expect(report.added).toBe(6);
  editRow(store, NominationsTable, 'n1', { status: 'approved' });
  editRow(store, NominationsTable, 'n3', { status: 'approved' });
  upsertRows(store, MonthlyResultsTable, [
    handMadeOctober('B001', 90, true),
    handMadeOctober('B002', 80),
    handMadeOctober('B004', 60),
  ]);
  sealMonths({ store, clock: ports.clock });
  const defense = (branch: string, score: number) => ({
    branch,
    branchName: null,
    judgesCounted: 5,
    dropped: null,
    score,
    outOf: 100,
    criterionMeans: null,
    rank: null,
    incomplete: false,
    computedAt: '2027-06-21 09:00:00',
  });
  upsertRows(store, DefenseResultsTable, [
    defense('B001', 80),
    defense('B002', 90),
    defense('B003', 95),
    defense('B004', 70),
  ]);
  return ports;
}

const awardIds = (ports: TestPorts) => records(ports.store, AwardsTable).map((a) => a.awardId);

describe('selectAwards', () => {
  test('advanced branches by final score, skipping a non-compliant one; approved nominations', () => {
    const ports = yearEnd();
    const report = selectAwards(ports);

    expect(report.standings.map((s) => [s.branch, s.rank, s.total.toFixed(2), s.advanced])).toEqual(
      [
        ['B002', 1, '57.20', true],
        ['B003', 2, '57.00', false],
        ['B001', 3, '52.40', true],
        ['B004', 4, '44.40', false],
      ],
    );
    expect(report.standings.find((s) => s.branch === 'B003')!.ineligibleReason).toBe(
      '未达到每学期“七个一”组织生活次数要求',
    );
    expect(records(ports.store, AwardsTable)).toEqual([
      {
        awardId: 'ADV-B002',
        kind: 'branch',
        branch: 'B002',
        recipient: '计算机学院第2党支部',
        title: '先进党支部',
        score: 57.2,
        rank: 1,
        state: 'final',
        letterId: null,
        link: null,
        generatedAt: null,
        letterNo: null,
        printed: null,
        voidedLetters: null,
      },
      expect.objectContaining({ awardId: 'ADV-B001', score: 52.4, rank: 3 }),
      // 王五's nomination is still pending; 赵六's branch was not advanced, but she still is excellent.
      {
        awardId: 'MEM-B001-2023001',
        kind: 'member',
        branch: 'B001',
        recipient: '李四',
        title: '优秀学生党员',
        score: null,
        rank: null,
        state: 'final',
        letterId: null,
        link: null,
        generatedAt: null,
        letterNo: null,
        printed: null,
        voidedLetters: null,
      },
      expect.objectContaining({ awardId: 'MEM-B003-2023003', recipient: '赵六' }),
    ]);
    expect(report.summary).toEqual([
      '2 个先进党支部，2 名优秀学生党员',
      '1 个支部不符合评选条件（学期活动不足）：B003 计算机学院第3党支部',
      '第 1 名 计算机学院第2党支部 57.20',
      '第 3 名 计算机学院第1党支部 52.40',
    ]);
  });

  test('a compliance override typed in Branches lets the branch take its place', () => {
    const ports = yearEnd();
    selectAwards(ports);
    editRow(ports.store, BranchesTable, 'B003', { complianceOverride: true });
    const report = selectAwards(ports);
    expect(report.awards.filter((a) => a.kind === 'branch').map((a) => a.awardId)).toEqual([
      'ADV-B002',
      'ADV-B003',
    ]);
    // The table never contradicts the standings: B001's award goes, and the Log says what it was.
    expect(awardIds(ports)).not.toContain('ADV-B001');
    const removal =
      'ADV-B001 计算机学院第1党支部 不再符合表彰条件（原排名 3，得分 52.40），已从表彰移除';
    expect(report.summary).toContain(removal);
    expect(records(ports.store, LogTable).at(-1)!.message).toContain(removal);
  });

  test('a nomination from a branch no longer approved is not awarded', () => {
    const ports = yearEnd();
    editRow(ports.store, BranchesTable, 'B003', { status: 'rejected' });
    selectAwards(ports);
    expect(awardIds(ports)).not.toContain('MEM-B003-2023003');
  });

  test('re-running adds no row and keeps the letters already made', () => {
    const ports = yearEnd();
    const documents = new FakeDocuments();
    selectAwards(ports);
    issueLetters({ ...ports, documents });
    const withLetters = records(ports.store, AwardsTable);
    const before = ports.store.snapshot();
    ports.store.resetCounts();

    selectAwards(ports);

    expect(records(ports.store, AwardsTable)).toEqual(withLetters);
    expect(withLetters.map((a) => a.letterId)).toEqual(['doc-1', 'doc-2', 'doc-3', 'doc-4']);
    expect(ports.store.snapshot()).toEqual(before);
  });
});

describe('issueLetters', () => {
  function awarded(): TestPorts {
    const ports = yearEnd();
    selectAwards(ports);
    ports.clock.set('2027-07-01 09:00:00');
    return ports;
  }

  test('one document per award, its id and link written back; a second run makes none', () => {
    const documents = new FakeDocuments();
    const ports = { ...awarded(), documents, markers: new MemoryMarkers() };
    const report = issueLetters(ports);

    expect(report).toMatchObject({ made: 4, remaining: 0 });
    expect(documents.made.map((d) => d.name)).toEqual([
      'ADV-B002-计算机学院第2党支部-先进党支部.docx',
      'ADV-B001-计算机学院第1党支部-先进党支部.docx',
      'MEM-B001-2023001-李四-优秀学生党员.docx',
      'MEM-B003-2023003-赵六-优秀学生党员.docx',
    ]);
    expect(documents.made[0]!.fields).toMatchObject({
      recipient: '计算机学院第2党支部',
      awardTitle: '先进党支部',
      branchName: '计算机学院第2党支部',
      tier: '高年级本科生党支部',
      rank: '1',
      rankText: '第一名',
      score: '57.20',
      programYear: '2026-2027',
      college: '示范大学计算机学院党委',
      commendationDate: '2027-07-01',
      letterNo: '2026-2027-ADV-B002',
    });
    expect(documents.made[2]!.fields).toMatchObject({
      salutation: '李四同志：',
      rank: '',
      score: '',
      branchName: '计算机学院第1党支部',
    });
    expect(
      records(ports.store, AwardsTable).map((a) => [a.awardId, a.letterId, a.link, a.generatedAt]),
    ).toEqual([
      ['ADV-B002', 'doc-1', 'https://docs.example.test/doc-1', '2027-07-01 09:00:00'],
      ['ADV-B001', 'doc-2', 'https://docs.example.test/doc-2', '2027-07-01 09:00:00'],
      ['MEM-B001-2023001', 'doc-3', 'https://docs.example.test/doc-3', '2027-07-01 09:00:00'],
      ['MEM-B003-2023003', 'doc-4', 'https://docs.example.test/doc-4', '2027-07-01 09:00:00'],
    ]);

    const again = issueLetters(ports);
    expect(again).toMatchObject({ made: 0, remaining: 0, rowsIn: 0 });
    expect(documents.made).toHaveLength(4);
  });

  test('stopped after 2 letters, the next run finishes the rest without remaking any', () => {
    const documents = new FakeDocuments();
    const ports = { ...awarded(), documents, markers: new MemoryMarkers() };
    const first = issueLetters(ports, { shouldStop: (made) => made >= 2 });
    expect(first).toMatchObject({ made: 2, remaining: 2 });
    expect(first.summary).toEqual([
      '生成证书 2 封（其中重新生成 0 封），作废 0 封',
      '2 封证书留待下次运行',
    ]);
    expect(records(ports.store, AwardsTable).filter((a) => a.letterId !== null)).toHaveLength(2);

    const second = issueLetters(ports);
    expect(second).toMatchObject({ made: 2, remaining: 0 });
    expect(second.files.map((f) => f.awardId)).toEqual(['MEM-B001-2023001', 'MEM-B003-2023003']);
    expect(documents.made.map((d) => d.id)).toEqual(['doc-1', 'doc-2', 'doc-3', 'doc-4']);
    expect(records(ports.store, AwardsTable).map((a) => a.letterId)).toEqual([
      'doc-1',
      'doc-2',
      'doc-3',
      'doc-4',
    ]);
  });

  test('a crash on the 3rd letter: the job fails, the 2 made are remembered, the rerun does not remake them', () => {
    const documents = new FakeDocuments(3);
    const markers = new MemoryMarkers();
    const ports = { ...awarded(), documents, markers };

    expect(() => issueLetters(ports)).toThrow('document service failed on call 3');
    expect(documents.made).toHaveLength(2);
    expect([...markers.values.keys()]).toEqual(['letter:ADV-B002', 'letter:ADV-B001']);
    // Awards was not saved, but the failure is logged.
    expect(records(ports.store, AwardsTable).every((a) => a.letterId === null)).toBe(true);
    expect(records(ports.store, LogTable).at(-1)).toMatchObject({
      job: '生成证书',
      outcome: 'failed',
      message: 'document service failed on call 3',
    });

    const rerun = issueLetters(ports);

    expect(rerun).toMatchObject({ made: 4, remaining: 0 });
    // Exactly one document per award over both runs.
    expect(documents.made.map((d) => d.name)).toEqual([
      'ADV-B002-计算机学院第2党支部-先进党支部.docx',
      'ADV-B001-计算机学院第1党支部-先进党支部.docx',
      'MEM-B001-2023001-李四-优秀学生党员.docx',
      'MEM-B003-2023003-赵六-优秀学生党员.docx',
    ]);
    expect(records(ports.store, AwardsTable).map((a) => a.letterId)).toEqual([
      'doc-1',
      'doc-2',
      'doc-3',
      'doc-4',
    ]);
  });

  test('lettersDue plans exactly the letters the run makes: numbers, keys, names, fields', () => {
    const documents = new FakeDocuments();
    const markers = new MemoryMarkers();
    const ports = { ...awarded(), documents, markers };
    issueLetters(ports);
    // A changed recipient, and a letter made before letters recorded their number and fields.
    editRow(ports.store, AwardsTable, 'MEM-B001-2023001', { recipient: '李四四' });
    editRow(ports.store, AwardsTable, 'ADV-B001', { letterNo: null, printed: null });
    const plan = () =>
      lettersDue(
        records(ports.store, AwardsTable),
        readLetterSources(ports.store, 'zh-CN'),
        readConfig(ports),
      );
    const { due, kept } = plan();
    expect(kept).toBe(2);
    expect(due.map((d) => [d.award.awardId, d.letterNo, d.key, d.voidBecause !== null])).toEqual([
      ['ADV-B001', '2026-2027-ADV-B001-2', 'letter:ADV-B001:2', true],
      ['MEM-B001-2023001', '2026-2027-MEM-B001-2023001-2', 'letter:MEM-B001-2023001:2', true],
    ]);
    const report = issueLetters(ports);
    expect(report).toMatchObject({ made: 2, voided: 2, kept: 2 });
    const made = documents.made.slice(-2);
    expect(made.map((m) => m.name)).toEqual(due.map((d) => d.name));
    expect(made.map((m) => m.fields)).toEqual(due.map((d) => d.fields));
    expect(due.every((d) => markers.values.has(d.key))).toBe(true);
    const after = new Map(records(ports.store, AwardsTable).map((a) => [a.awardId, a]));
    expect(due.map((d) => after.get(d.award.awardId)!.letterNo)).toEqual(
      due.map((d) => d.letterNo),
    );
    // With reissue, every letter is planned again, under its next number.
    const reissue = lettersDue(
      records(ports.store, AwardsTable),
      readLetterSources(ports.store, 'zh-CN'),
      readConfig(ports),
      { reissue: true },
    );
    expect(reissue.due.map((d) => d.letterNo.split('-').at(-1))).toEqual(['2', '3', '3', '2']);
  });

  test('without a document maker the job refuses to start', () => {
    expect(() => issueLetters(awarded())).toThrow('无法生成证书：未配置证书生成方式');
  });
});

describe('buildReport', () => {
  /** The figure right of a label in the laid-out 总览 (the first row whose column A says it). */
  const figureOf = (ports: TestPorts, label: string, column = 1) =>
    ports.store.layouts.get(DashboardTable.name)!.rows.find((row) => row[0]?.value === label)?.[
      column
    ]?.value;

  test('lays the Dashboard out and returns a model whose headline counts match', () => {
    const ports = yearEnd();
    selectAwards(ports);
    const report = buildReport(ports);
    const h = report.model.headline;

    expect(h).toMatchObject({
      branchesApplied: 5,
      branchesTakingPart: 4,
      activitiesCounted: 3,
      starBranchTitles: 1,
      showcasePicks: 0,
      advancedBranches: 2,
      nonCompliant: 1,
    });
    expect(h.awardsByKind).toEqual([
      { kind: 'branch', count: 2 },
      { kind: 'member', count: 2 },
    ]);
    expect(h.starBranchesByMonth.find((m) => m.month === '2026-10')!.branches).toEqual([
      { id: 'B001', name: '计算机学院第1党支部' },
    ]);

    // Figures are numbers, in cells of their own.
    expect(figureOf(ports, '创建年度')).toBe('2026-2027');
    expect(figureOf(ports, '申报支部')).toBe(5);
    expect(figureOf(ports, '参与创建支部')).toBe(4);
    expect(figureOf(ports, '有效活动')).toBe(3);
    expect(figureOf(ports, '当月星级支部次数')).toBe(1);
    expect(figureOf(ports, '先进党支部')).toBe(2);
    expect(figureOf(ports, '未达标支部')).toBe(1);
    expect(figureOf(ports, '读一本好书')).toBe(3);
    expect(figureOf(ports, '优秀学生党员')).toBe(2);
    // A tier's branches and activities: two numbers, never "4 / 3" as text.
    const junior = h.byTier.find((t) => t.tier === 'junior')!;
    expect(junior.branches).toBeGreaterThan(0);
    expect(figureOf(ports, '低年级本科生党支部')).toBe(junior.branches);
    expect(figureOf(ports, '低年级本科生党支部', 2)).toBe(junior.activities);
    expect(figureOf(ports, '2026-10', 4)).toBe('计算机学院第1党支部');
    expect(report.rowsOut).toBe(ports.store.layouts.get(DashboardTable.name)!.rows.length);
  });

  test('re-running with nothing new lays the Dashboard out the same', () => {
    const ports = yearEnd();
    buildReport(ports);
    const before = ports.store.snapshot();
    const layout = ports.store.layouts.get(DashboardTable.name);
    ports.store.resetCounts();
    buildReport(ports);
    expect(ports.store.snapshot()).toEqual(before);
    expect(ports.store.layouts.get(DashboardTable.name)).toEqual(layout);
    expect([...ports.store.writes.keys()].sort()).toEqual(['Dashboard', 'Log']);
  });

  test('in an English workbook the Dashboard speaks English', () => {
    const ports = yearEnd();
    setConfig(ports.store, { locale: 'en' });
    const report = buildReport(ports);
    expect(figureOf(ports, 'Branches applied')).toBe(5);
    expect(figureOf(ports, 'Excellent student party member')).toBe(0);
    expect(report.model.headline.nonCompliant).toBe(1);
  });
});
