/**
 * The honour roll (荣誉榜): what a year shows, and that only the allow-listed fields ever leave the
 * workbook. The workbook here is full of what must never be published (student ids, emails, phone
 * numbers, judges' marks and names, rejected rows, staff notes, letter links, provisional awards):
 * each is a marked string, and neither the payload nor the rendered page may hold any of them.
 */
import { createHash } from 'node:crypto';
import { readConfig } from '../../src/app/context';
import { readHonourRoll } from '../../src/app/honours';
import { letterInput } from '../../src/app/letterCheck';
import { renderHonoursPage } from '../../src/app/pages/honoursPage';
import { publicHonourRoll, PUBLIC_HONOUR_FIELDS } from '../../src/app/publicHonourRoll';
import { Table } from '../../src/app/table';
import { defenseScoresTable, fromDefenseScore } from '../../src/domain/schema/defenseScores';
import { DEFAULT_CONFIG } from '../../src/domain/config';
import { letterFields } from '../../src/domain/letterFields';
import {
  ActivitiesTable,
  AwardsTable,
  BranchesTable,
  DefenseResultsTable,
  JudgesTable,
  LogTable,
  MonthlyResultsTable,
  NominationsTable,
  OnsiteVotesTable,
  RejectedTable,
  type Activity,
  type Award,
  type Branch,
  type MonthlyResult,
} from '../../src/domain/schema/tables';
import { FixedClock, MemoryStore, setConfig, upsertRows, type TestPorts } from '../support/fakes';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64');

/** Everything below marked 机密 (or a phone, id or email) must never be published. */
const SECRETS = [
  '机密',
  'secret',
  '13800138000',
  '2023123456',
  '37.77',
  '61.37',
  'docs.google.com',
  'letters/',
  '评委王某',
];

function branch(id: string, name: string, extra: Partial<Branch> = {}): Branch {
  return {
    id,
    name,
    tier: 'junior',
    unit: '计算机学院',
    secretary: `机密书记${id}`,
    email: `secret.${id.toLowerCase()}@example.edu.cn`,
    members: 20,
    status: 'approved',
    plan: '机密创建计划：联系电话 13800138000',
    planLink: 'https://docs.google.com/document/d/secret-plan',
    reviewNote: '机密审核意见',
    complianceOverride: null,
    responseId: `secret-app-${id}`,
    appliedAt: '2026-09-05 09:00:00',
    ...extra,
  };
}

let n = 0;
function activity(branchId: string, title: string, extra: Partial<Activity> = {}): Activity {
  n++;
  return {
    responseId: `secret-act-${n}`,
    submittedAt: '2026-10-12 20:00:00',
    branch: branchId,
    date: `2026-10-${String(10 + (n % 10)).padStart(2, '0')}`,
    kind: 'featured',
    title,
    description: '机密活动内容，联系人电话 13800138000',
    participants: 30,
    nonParty: 10,
    counselorPresent: true,
    evidenceLink: 'https://docs.google.com/secret-evidence',
    funds: 61.37,
    status: 'submitted',
    points: 16,
    note: '机密备注',
    publishable: true,
    ...extra,
  };
}

function result(month: string, branchId: string, stars: number, starBranch = false): MonthlyResult {
  return {
    month,
    branch: branchId,
    branchName: null,
    points: 30,
    score: 80,
    stars,
    starsText: '',
    rank: 1,
    presented: starBranch,
    onsiteScore: starBranch ? 61.37 : null,
    starBranch,
    veto: null,
    finalisedAt: `${month}-28 09:00:00`,
    state: 'final',
    inputsDigest: 'secretdigest',
  };
}

function award(
  extra: Partial<Award> & Pick<Award, 'awardId' | 'kind' | 'branch' | 'recipient'>,
): Award {
  return {
    title: extra.kind === 'branch' ? '先进党支部' : '优秀学生党员',
    score: null,
    rank: null,
    state: 'final',
    letterId: 'letters/secret-letter.docx',
    link: 'https://docs.google.com/document/d/secret-letter',
    generatedAt: '2027-07-01 09:00:00',
    letterNo: '2026-2027-secret',
    printed: '{"secret":"机密证书内容"}',
    voidedLetters: '机密作废记录 letters/old.docx',
    ...extra,
  };
}

const XSS_NAME = '<img src=x onerror=alert(1)>';
const XSS_TITLE = '团日活动</script><script>alert(2)</script>';

/** One programme year, with two advanced branches, a member, and everything that is not public. */
function sensitiveYear(programYear = '2026-2027', college = '测试学院党委'): TestPorts {
  const store = new MemoryStore();
  const ports: TestPorts = { store, clock: new FixedClock('2027-07-02 09:00:00') };
  const start = programYear.slice(0, 4);
  setConfig(store, {
    programYear,
    programStart: `${start}-09-01`,
    programEnd: `${Number(start) + 1}-06-30`,
    semesters: `秋:${start}-09-01..${Number(start) + 1}-01-20, 春:${Number(start) + 1}-02-20..${Number(start) + 1}-06-30`,
    commendationDate: `${Number(start) + 1}-07-01`,
    collegeName: college,
    letterFolder: 'secret-folder-id',
    letterTemplate: 'secret-template-id',
  });
  upsertRows(store, BranchesTable, [
    branch('B001', '计算机学院第一党支部'),
    branch('B002', XSS_NAME, { tier: 'graduate' }),
    branch('B003', '机密未获奖支部'),
  ]);
  upsertRows(store, ActivitiesTable, [
    activity('B001', '“红色家书”诵读会'),
    activity('B001', '机密未公开活动', { publishable: false }),
    activity('B001', '机密未答复活动', { publishable: null }),
    activity('B001', '机密被退回活动', { status: 'rejected' }),
    activity('B001', '机密重复活动', { status: 'duplicate' }),
    activity('B002', XSS_TITLE),
    activity('B003', '机密未获奖支部的活动'),
  ]);
  const october = `${start}-10`;
  const november = `${start}-11`;
  upsertRows(store, MonthlyResultsTable, [
    { ...result(october, 'B001', 4, true), veto: null },
    result(november, 'B001', 5),
    result(october, 'B002', 3),
    { ...result(november, 'B002', 0), veto: '机密否决理由' },
    result(october, 'B003', 2),
  ]);
  upsertRows(store, OnsiteVotesTable, [
    {
      responseId: 'secret-vote-1',
      submittedAt: `${october}-27 15:00:00`,
      month: october,
      judge: '评委王某',
      branch: 'B001',
      score: 61.37,
      status: 'counted',
      reason: null,
    },
  ]);
  upsertRows(store, JudgesTable, [
    {
      name: '评委王某',
      email: 'secret.judge@example.edu.cn',
      ownBranch: 'B003',
      note: '机密评委备注',
    },
  ]);
  const defense = defenseScoresTable(DEFAULT_CONFIG.defenseRubric);
  upsertRows(store, defense, [
    fromDefenseScore({
      responseId: 'secret-def-1',
      submittedAt: '2027-06-29 10:00:00',
      judge: '评委王某',
      branch: 'B001',
      marks: { c1: 37.77, c2: 20, c3: 12, c4: 8, c5: 8 },
      total: null,
      comment: '机密评语',
      status: 'counted',
      reason: null,
    }) as never,
  ]);
  upsertRows(store, DefenseResultsTable, [
    {
      branch: 'B001',
      branchName: null,
      judgesCounted: 5,
      dropped: '机密 61.37',
      score: 85.77,
      outOf: 100,
      criterionMeans: '37.77',
      rank: 1,
      incomplete: false,
      computedAt: '2027-06-30 09:00:00',
    },
  ]);
  upsertRows(store, NominationsTable, [
    {
      responseId: 'secret-nom-1',
      submittedAt: '2027-06-10 09:00:00',
      branch: 'B001',
      name: '张优秀',
      studentId: '2023123456',
      email: 'secret.student@example.edu.cn',
      achievements: '机密事迹，电话 13800138000',
      status: 'approved',
      note: '机密审核意见',
    },
    {
      responseId: 'secret-nom-2',
      submittedAt: '2027-06-10 09:00:00',
      branch: 'B003',
      name: '机密未通过者',
      studentId: '2023999999',
      email: 'secret.other@example.edu.cn',
      achievements: '机密',
      status: 'rejected',
      note: '机密',
    },
  ]);
  upsertRows(store, AwardsTable, [
    award({
      awardId: 'ADV-B001',
      kind: 'branch',
      branch: 'B001',
      recipient: '计算机学院第一党支部',
      rank: 1,
      score: 88.5,
    }),
    award({
      awardId: 'ADV-B002',
      kind: 'branch',
      branch: 'B002',
      recipient: XSS_NAME,
      rank: 2,
      score: 80.12,
    }),
    award({ awardId: 'MEM-001', kind: 'member', branch: 'B001', recipient: '张优秀' }),
    award({
      awardId: 'ADV-B003',
      kind: 'branch',
      branch: 'B003',
      recipient: '机密未获奖支部',
      state: 'provisional',
    }),
  ]);
  upsertRows(store, RejectedTable, [
    {
      responseId: 'secret-rej-1',
      form: 'activity',
      submittedAt: '2026-10-10 10:00:00',
      reason: '机密原因',
      field: null,
      handling: null,
      respondentEmail: 'secret@example.edu',
      payload: '{"活动名称":"机密退回内容","电话":"13800138000"}',
      resolved: false,
      handledAt: null,
    },
  ]);
  upsertRows(store, LogTable, [
    {
      startedAt: '2027-07-01 09:00:00',
      job: 'awards',
      durationMs: 5,
      rowsIn: 1,
      rowsOut: 1,
      outcome: 'ok',
      message: '机密日志',
    },
  ]);
  return ports;
}

function walkKeys(value: unknown, keys: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => walkKeys(v, keys));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      keys.add(k);
      walkKeys(v, keys);
    }
  }
  return keys;
}

describe('a year on the honour roll', () => {
  const roll = readHonourRoll(sensitiveYear());
  const year = roll.years[0]!;

  test('lists the final awards only, branches by rank, then the members', () => {
    expect(year.announced).toBe(true);
    expect(year.branches.map((b) => [b.branch, b.rank, b.score])).toEqual([
      ['B001', 1, '88.50'],
      ['B002', 2, '80.12'],
    ]);
    expect(year.members.map((m) => [m.name, m.branch, m.branchName])).toEqual([
      ['张优秀', 'B001', '计算机学院第一党支部'],
    ]);
  });

  test('shows only the activities the branch agreed to publish and staff did not turn away', () => {
    expect(year.branches[0]!.activities.map((a) => a.title)).toEqual(['“红色家书”诵读会']);
  });

  test('gives every programme month its stars, and no stars for a month without a result', () => {
    const months = year.branches[0]!.months;
    expect(months).toHaveLength(10);
    expect(months.slice(0, 4)).toEqual([
      { month: '2026-09', stars: null },
      { month: '2026-10', stars: 4 },
      { month: '2026-11', stars: 5 },
      { month: '2026-12', stars: null },
    ]);
    expect(year.branches[0]!.starBranchMonths).toEqual(['2026-10']);
    expect(year.starMonths).toEqual([
      { month: '2026-10', branches: [{ branch: 'B001', name: '计算机学院第一党支部' }] },
    ]);
  });

  test('prints the citation its letter prints', () => {
    const store = sensitiveYear().store;
    const awards = upsertedAwards(store);
    const b001 = awards.find((a) => a.awardId === 'ADV-B001')!;
    const expected = letterFields(
      letterInput(b001, branch('B001', '计算机学院第一党支部'), readConfigOf(store)),
    ).citation;
    expect(year.branches[0]!.citation).toBe(expected);
    expect(expected).toContain('计算机学院第一党支部');
  });

  test('a year whose awards are not selected yet shows its star branches and says so', () => {
    const ports = sensitiveYear();
    ports.store.write(AwardsTable, []);
    const pending = readHonourRoll(ports).years[0]!;
    expect(pending).toMatchObject({ announced: false, branches: [], members: [] });
    expect(pending.starMonths).toHaveLength(1);
  });
});

describe('only the allow-list leaves the workbook', () => {
  const current = sensitiveYear();
  const earlier = sensitiveYear('2025-2026', '往年学院');
  const payload = publicHonourRoll(readHonourRoll(current, [earlier]));
  const json = JSON.stringify(payload);
  const pages = [
    renderHonoursPage(payload, { mode: 'static', generatedAt: '2027-07-02 09:00:00', sha256 }),
    renderHonoursPage(payload, {
      mode: 'webapp',
      baseUrl: 'https://script.google.com/macros/s/ID/exec',
      selected: { branch: 'B002' },
      generatedAt: '2027-07-02 09:00:00',
    }),
  ];

  test('the payload holds no key outside the allow-list', () => {
    expect([...walkKeys(payload)].filter((k) => !PUBLIC_HONOUR_FIELDS.has(k))).toEqual([]);
  });

  test.each(SECRETS)('neither the payload nor a page holds %s', (secret) => {
    expect(json.toLowerCase()).not.toContain(secret.toLowerCase());
    for (const page of pages) expect(page.toLowerCase()).not.toContain(secret.toLowerCase());
  });

  test('earlier years come after the current one, each with its own awards', () => {
    expect(payload.years.map((y) => [y.programYear, y.college, y.branches.length])).toEqual([
      ['2026-2027', '测试学院党委', 2],
      ['2025-2026', '往年学院', 2],
    ]);
  });

  test('names and titles are text: the markup a branch typed is escaped, and no data ends a script block', () => {
    for (const page of pages) {
      expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(page).not.toContain('<img');
      expect(page).toContain('团日活动&lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
      expect(page.match(/<\/script>/g)).toHaveLength(2);
      // No tag carries an event handler: the only `onerror=` is in escaped text.
      const tags = page.match(/<[^>]+>/g) ?? [];
      expect(tags.filter((tag) => /\son\w+\s*=/i.test(tag))).toEqual([]);
    }
  });

  test('the static page’s policy allows its own script and style and nothing else', () => {
    const page = pages[0]!;
    const script = /<script>([\s\S]*)<\/script>/.exec(page)![1]!;
    const style = /<style>([\s\S]*)<\/style>/.exec(page)![1]!;
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(page)![1]!;
    expect(csp).toBe(
      `default-src &#39;none&#39;; script-src &#39;sha256-${sha256(script)}&#39;; style-src &#39;sha256-${sha256(style)}&#39;; img-src data:; base-uri &#39;none&#39;; form-action &#39;none&#39;`,
    );
    expect(pages[1]).not.toContain('Content-Security-Policy');
  });

  test('links name the branch: relative on the static site, the web app’s address in the web app', () => {
    expect(pages[0]).toContain('href="?branch=B001&amp;year=2026-2027"');
    expect(pages[1]).toContain(
      'href="https://script.google.com/macros/s/ID/exec?page=honours&amp;branch=B001&amp;year=2026-2027"',
    );
    const data = /<script type="application\/json" id="honours-data">([^<]*)<\/script>/.exec(
      pages[1]!,
    )![1]!;
    expect(JSON.parse(data)).toMatchObject({ mode: 'webapp', selected: { branch: 'B002' } });
  });
});

function upsertedAwards(store: MemoryStore): Award[] {
  return Table.read(store, AwardsTable, 'zh-CN').records();
}

function readConfigOf(store: MemoryStore) {
  return readConfig({ store, clock: new FixedClock() });
}
