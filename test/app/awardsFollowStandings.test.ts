/**
 * Awards are provisional until the defense is complete, never contradict the standings, and a
 * letter always says what its Awards row says (issue 9, items 2 and 3).
 */
import { DefenseIncompleteError, selectAwards } from '../../src/app/awards';
import { ingestResponses } from '../../src/app/ingest';
import { issueLetters } from '../../src/app/letters';
import {
  AwardsTable,
  BranchesTable,
  DefenseResultsTable,
  LogTable,
  MonthlyResultsTable,
  NominationsTable,
  type Award,
} from '../../src/domain/schema/tables';
import {
  activityAnswers,
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
  upsertRows,
  type TestPorts,
} from '../support/fakes';
import { handMadeOctober, sealMonths } from '../support/sealMonths';

/**
 * Four approved branches, two advanced places, one semester with one theme activity required.
 *   process: B001 Oct 90 + star branch → 11;  B002 Oct 80 → 8;  B003 none → 0 (and no activity:
 *   not compliant);  B004 Oct 60 → 6.   final = 0.4 × process + 0.6 × defense.
 * One approved nomination (李四, B001).
 */
function programme(): TestPorts & { documents: FakeDocuments } {
  const store = new MemoryStore();
  const clock = new FixedClock('2027-06-30 08:00:00');
  const { ports } = seedProgramme(store, clock, { branches: 4, approved: 4 });
  setConfig(store, {
    semesters: '2026秋:2026-09-01..2027-01-20',
    minThemeActivitiesPerSemester: '1',
    advancedBranchCount: '2',
  });
  ingestResponses(ports, [
    response('activity', 'a1', '2026-10-11 10:00:00', activityAnswers('B001')),
    response('activity', 'a2', '2026-10-11 10:00:00', activityAnswers('B002')),
    response('activity', 'a4', '2026-10-11 10:00:00', activityAnswers('B004')),
    response(
      'nomination',
      'n1',
      '2027-05-01 10:00:00',
      nominationAnswers('B001', '李四', '2023001'),
    ),
  ]);
  editRow(store, NominationsTable, 'n1', { status: 'approved' });
  upsertRows(store, MonthlyResultsTable, [
    handMadeOctober('B001', 90, true),
    handMadeOctober('B002', 80),
    handMadeOctober('B004', 60),
  ]);
  sealMonths({ store, clock: ports.clock });
  return { ...ports, documents: new FakeDocuments(), markers: new MemoryMarkers() };
}

function defense(ports: TestPorts, scores: Record<string, number | null>): void {
  upsertRows(
    ports.store,
    DefenseResultsTable,
    Object.entries(scores).map(([branch, score]) => ({
      branch,
      branchName: null,
      judgesCounted: score === null ? 2 : 5,
      dropped: null,
      score,
      outOf: score === null ? null : 100,
      criterionMeans: null,
      rank: null,
      incomplete: score === null,
      computedAt: '2027-06-21 09:00:00',
    })),
  );
}

const awards = (ports: TestPorts) => records(ports.store, AwardsTable);
const branchAwards = (ports: TestPorts) => awards(ports).filter((a) => a.kind === 'branch');

/** Every live letter prints exactly what its award row says, under the number the row holds. */
function expectLettersMatchAwards(ports: TestPorts, documents: FakeDocuments): void {
  const rows = awards(ports).filter((a) => a.letterId !== null);
  const live = documents.live();
  expect(live.map((d) => d.id).sort()).toEqual(rows.map((a) => a.letterId!).sort());
  for (const award of rows) {
    const letter = live.find((d) => d.id === award.letterId)!;
    expect(letter.fields).toMatchObject({
      recipient: award.recipient,
      awardTitle: award.title,
      rank: award.rank === null ? '' : String(award.rank),
      score: award.score === null ? '' : award.score.toFixed(2),
      letterNo: award.letterNo,
    });
    expect(award.link).toBe(letter.link);
  }
}

describe('awards before the defense is complete', () => {
  test('are refused, naming the eligible branches without a defense result', () => {
    const ports = programme();
    defense(ports, { B001: 80, B002: null }); // B002's judges are too few: incomplete
    const run = () => selectAwards(ports);
    expect(run).toThrow(DefenseIncompleteError);
    expect(run).toThrow(
      '答辩成绩尚未齐全：2 个符合条件的支部没有答辩结果（B002 计算机学院第2党支部、B004 计算机学院第4党支部）',
    );
    // B003 is not eligible (semester rule): not named, not waited for.
    try {
      selectAwards(ports);
    } catch (error) {
      expect((error as DefenseIncompleteError).branches).toEqual(['B002', 'B004']);
    }
    expect(awards(ports)).toEqual([]);
    expect(records(ports.store, LogTable).at(-1)).toMatchObject({
      job: '评定表彰',
      outcome: 'failed',
    });
  });

  test('with provisional, the rows say 暂定 and get no letter; member awards are final', () => {
    const ports = programme();
    const report = selectAwards(ports, { provisional: true });
    expect(report.awaitingDefense).toEqual(['B001', 'B002', 'B004']);
    expect(branchAwards(ports).map((a) => [a.awardId, a.rank, a.state])).toEqual([
      ['ADV-B001', 1, 'provisional'],
      ['ADV-B002', 2, 'provisional'],
    ]);
    expect(awards(ports).find((a) => a.kind === 'member')!.state).toBe('final');
    expect(report.summary[1]).toMatch(/^暂定名单：3 个支部尚无答辩结果/);

    const letters = issueLetters(ports);
    expect(letters).toMatchObject({ made: 1, provisional: 2, remaining: 0 });
    expect(ports.documents.made.map((d) => d.name)).toEqual([
      'MEM-B001-2023001-李四-优秀学生党员.docx',
    ]);
    expect(letters.summary).toContain('2 项暂定表彰未生成证书，待答辩结束、正式评定后生成');
  });

  test('after the defense, re-running gives exactly the quota, final, with letters that match', () => {
    const ports = programme();
    selectAwards(ports, { provisional: true });
    issueLetters(ports);
    // The defense: B002 57.2, B003 57.0 (not compliant), B001 52.4, B004 44.4.
    defense(ports, { B001: 80, B002: 90, B003: 95, B004: 70 });
    selectAwards(ports);
    expect(branchAwards(ports).map((a) => [a.awardId, a.rank, a.state])).toEqual([
      ['ADV-B001', 3, 'final'],
      ['ADV-B002', 1, 'final'],
    ]);
    const letters = issueLetters(ports);
    expect(letters).toMatchObject({ made: 2, voided: 0, kept: 1, provisional: 0 });
    expectLettersMatchAwards(ports, ports.documents);
  });
});

describe('a letter always says what the Awards table says', () => {
  /** Final awards with their letters: B002 #1 57.20, B001 #3 52.40, and 李四. */
  function withLetters() {
    const ports = programme();
    defense(ports, { B001: 80, B002: 90, B003: 95, B004: 70 });
    selectAwards(ports);
    ports.clock.set('2027-07-01 09:00:00');
    expect(issueLetters(ports).made).toBe(3);
    return ports;
  }

  test('each letter records what it printed, with its number', () => {
    const ports = withLetters();
    const b002 = awards(ports).find((a) => a.awardId === 'ADV-B002')!;
    expect(b002.letterNo).toBe('2026-2027-ADV-B002');
    expect(JSON.parse(b002.printed!)).toEqual({
      letterNo: '2026-2027-ADV-B002',
      recipient: '计算机学院第2党支部',
      awardTitle: '先进党支部',
      branchName: '计算机学院第2党支部',
      rank: '1',
      score: '57.20',
    });
    expectLettersMatchAwards(ports, ports.documents);
  });

  test('a branch that no longer qualifies loses its row and its letter is voided, kept, unlinked', () => {
    const ports = withLetters();
    const b001Letter = awards(ports).find((a) => a.awardId === 'ADV-B001')!.letterId;
    ports.clock.set('2027-07-02 10:00:00');
    // Staff grant B003 the compliance override: B003 (57.0, #2) takes the second place.
    editRow(ports.store, BranchesTable, 'B003', { complianceOverride: true });
    const report = selectAwards(ports);

    expect(branchAwards(ports).map((a) => a.awardId)).toEqual(['ADV-B002', 'ADV-B003']);
    expect(report).toMatchObject({ removed: 1, voided: 1 });
    const voided = ports.documents.made.find((d) => d.id === b001Letter)!;
    expect(voided.name).toBe('作废-ADV-B001-计算机学院第1党支部-先进党支部.docx');
    expect(voided.voidReason).toBe('不再符合表彰条件');
    const log = records(ports.store, LogTable).at(-1)!.message!;
    expect(log).toContain('ADV-B001 计算机学院第1党支部 不再符合表彰条件（原排名 3，得分 52.40）');
    expect(log).toContain('证书 2026-2027-ADV-B001（计算机学院第1党支部）已作废：不再符合表彰条件');

    // B002 still says #1 57.20: its letter stands. B003's letter is made.
    const letters = issueLetters(ports);
    expect(letters).toMatchObject({ made: 1, reissued: 0, voided: 0, kept: 2 });
    expectLettersMatchAwards(ports, ports.documents);
  });

  test('a branch that qualifies again never gets a number one of its voided letters had', () => {
    const ports = withLetters();
    editRow(ports.store, BranchesTable, 'B003', { complianceOverride: true });
    selectAwards(ports); // B001 drops out: its row goes, its letter 2026-2027-ADV-B001 is voided
    editRow(ports.store, BranchesTable, 'B003', { complianceOverride: false });
    selectAwards(ports); // B001 is back
    const back = awards(ports).find((a) => a.awardId === 'ADV-B001')!;
    expect(back.voidedLetters).toBe('2026-2027-ADV-B001 及更早的证书已随原表彰记录作废（见日志）');
    issueLetters(ports);
    expect(awards(ports).find((a) => a.awardId === 'ADV-B001')!.letterNo).toBe(
      '2026-2027-ADV-B001-2',
    );
    expectLettersMatchAwards(ports, ports.documents);
  });

  test('a changed rank or score voids the letter, and the new one has a new number', () => {
    const ports = withLetters();
    const old = awards(ports).find((a) => a.awardId === 'ADV-B002')!;
    ports.clock.set('2027-07-02 10:00:00');
    editRow(ports.store, BranchesTable, 'B003', { complianceOverride: true });
    // A corrected defense score: B002 90 → 85, so 3.2 + 51 = 54.2, behind B003's 57.0.
    defense(ports, { B002: 85 });
    selectAwards(ports);

    const b002 = awards(ports).find((a) => a.awardId === 'ADV-B002')!;
    expect(b002).toMatchObject({ rank: 2, score: 54.2, letterId: null, link: null });
    expect(b002.voidedLetters).toBe(
      `2026-2027-ADV-B002 作废于 2027-07-02 10:00:00：排名 1 → 2；综合得分 57.20 → 54.20；文件 ${old.link}`,
    );
    expect(ports.documents.made.find((d) => d.id === old.letterId)!.name).toMatch(/^作废-/);

    ports.clock.set('2027-07-02 11:00:00');
    const letters = issueLetters(ports);
    expect(letters).toMatchObject({ made: 2, voided: 0 });
    const reissued = awards(ports).find((a) => a.awardId === 'ADV-B002')!;
    expect(reissued.letterNo).toBe('2026-2027-ADV-B002-2');
    expect(ports.documents.made.find((d) => d.id === reissued.letterId)!.fields).toMatchObject({
      letterNo: '2026-2027-ADV-B002-2',
      rank: '2',
      rankText: '第二名',
      score: '54.20',
    });
    expectLettersMatchAwards(ports, ports.documents);
    // Running again changes nothing: every letter matches its award.
    expect(issueLetters(ports)).toMatchObject({ made: 0, voided: 0, kept: 3 });
  });

  test('without a document maker, awards unlink a letter at once and the letters job voids it', () => {
    const ports = withLetters();
    const { documents, ...withoutDocuments } = ports;
    // B002 54.2: still the first advanced branch, but now ranked behind B003 (57.0, not eligible).
    defense(ports, { B002: 85 });
    const report = selectAwards(withoutDocuments);
    const b002 = awards(ports).find((a) => a.awardId === 'ADV-B002')!;
    expect(b002.link).toBeNull();
    expect(b002.letterId).not.toBeNull();
    expect(report.summary).toContain(
      'ADV-B002 的证书 2026-2027-ADV-B002 与表彰不符（排名 1 → 2；综合得分 57.20 → 54.20），链接已移除；生成证书时将作废并重新生成',
    );
    const letters = issueLetters({ ...withoutDocuments, documents });
    expect(letters).toMatchObject({ made: 1, reissued: 1, voided: 1, kept: 2 });
    expectLettersMatchAwards(ports, documents);
  });

  test('a branch renamed after its letter: the letters job voids and remakes it', () => {
    const ports = withLetters();
    editRow(ports.store, BranchesTable, 'B001', { name: '计算机学院本科生第一党支部' });
    // A rename changes no month's figures; the hand-made months are taken as recomputed.
    sealMonths(ports);
    const letters = issueLetters(ports);
    // 李四's letter names her branch; B001's award row still has the old recipient until awards
    // run again, but its letter printed the old branch name too, so both are remade.
    expect(letters).toMatchObject({ made: 2, reissued: 2, voided: 2 });
    expect(letters.summary.join('\n')).toContain(
      '支部名称 计算机学院第1党支部 → 计算机学院本科生第一党支部',
    );
    // Awards take the new name as the recipient: that letter is voided at once, then remade.
    expect(selectAwards(ports)).toMatchObject({ voided: 1 });
    expect(issueLetters(ports)).toMatchObject({ made: 1, voided: 0 });
    expectLettersMatchAwards(ports, ports.documents);
    expect(awards(ports).find((a) => a.awardId === 'ADV-B001')!.letterNo).toBe(
      '2026-2027-ADV-B001-3',
    );
  });

  test('reissue voids every letter and makes it again with new numbers', () => {
    const ports = withLetters();
    const letters = issueLetters(ports, { reissue: true });
    expect(letters).toMatchObject({ made: 3, reissued: 3, voided: 3, kept: 0 });
    expect(letters.summary[0]).toBe('生成证书 3 封（其中重新生成 3 封），作废 3 封');
    expect(awards(ports).map((a: Award) => a.letterNo)).toEqual([
      '2026-2027-ADV-B002-2',
      '2026-2027-ADV-B001-2',
      '2026-2027-MEM-B001-2023001-2',
    ]);
    expect(ports.documents.made.filter((d) => d.voidReason === '按要求重新生成')).toHaveLength(3);
    expectLettersMatchAwards(ports, ports.documents);
  });

  test('a letter made before letters recorded what they printed is not trusted', () => {
    const ports = withLetters();
    editRow(ports.store, AwardsTable, 'ADV-B002', { printed: null, letterNo: null });
    const letters = issueLetters(ports);
    expect(letters).toMatchObject({ made: 1, voided: 1 });
    expect(letters.summary).toContain(
      '证书 ADV-B002（计算机学院第2党支部）已作废：未记录证书所印内容，无法核对',
    );
    expect(awards(ports).find((a) => a.awardId === 'ADV-B002')!.letterNo).toBe(
      '2026-2027-ADV-B002-2',
    );
  });
});
