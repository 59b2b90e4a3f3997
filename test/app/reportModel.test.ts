import {
  buildReportModel,
  type FinalRankingRow,
  type ReportInput,
} from '../../src/app/reportModel';
import { DEFAULT_CONFIG } from '../../src/domain/config';
import type { DefenseScore } from '../../src/domain/schema/defenseScores';
import type {
  Activity,
  Award,
  Branch,
  DefenseResult,
  MonthlyResult,
  ShowcasePick,
} from '../../src/domain/schema/tables';

const branch = (
  id: string,
  name: string,
  tier: Branch['tier'],
  status: Branch['status'],
): Branch => ({
  id,
  name,
  tier,
  unit: '计算机学院',
  secretary: '张三',
  email: null,
  members: 20,
  status,
  plan: null,
  planLink: null,
  reviewNote: null,
  complianceOverride: null,
  responseId: null,
  appliedAt: null,
});

let activitySeq = 0;
const activity = (
  branchId: string,
  date: string,
  kind: Activity['kind'],
  status: Activity['status'] = 'accepted',
): Activity => ({
  responseId: `A${++activitySeq}`,
  submittedAt: `${date} 10:00:00`,
  branch: branchId,
  date,
  kind,
  title: `活动${activitySeq}`,
  description: null,
  participants: 30,
  nonParty: 10,
  counselorPresent: null,
  evidenceLink: null,
  funds: null,
  status,
  points: 10,
  note: null,
  publishable: null,
});

const monthly = (
  month: string,
  branchId: string,
  score: number,
  stars: number,
  rank: number,
  extra: Partial<MonthlyResult> = {},
): MonthlyResult => ({
  month,
  branch: branchId,
  branchName: null,
  points: score * 0.3,
  score,
  stars,
  starsText: '★'.repeat(stars),
  rank,
  presented: false,
  onsiteScore: null,
  starBranch: false,
  veto: null,
  finalisedAt: `${month}-28 00:00:00`,
  state: null,
  inputsDigest: null,
  ...extra,
});

/** Marks adding up to `total` under the default rubric (40/25/15/10/10); 53 ≤ total ≤ 93. */
const marksFor = (total: number) => ({ c1: total - 53, c2: 22, c3: 13, c4: 9, c5: 9 });

let sheetSeq = 0;
const sheet = (
  branchId: string,
  judge: string,
  total: number,
  status: DefenseScore['status'] = 'counted',
  reason: string | null = null,
): DefenseScore => ({
  responseId: `D${++sheetSeq}`,
  submittedAt: `2027-06-20 10:00:${String(sheetSeq).padStart(2, '0')}`,
  judge,
  branch: branchId,
  marks: marksFor(total),
  total,
  comment: null,
  status,
  reason,
});

const defenseResult = (branchId: string, extra: Partial<DefenseResult>): DefenseResult => ({
  branch: branchId,
  branchName: null,
  judgesCounted: 5,
  dropped: null,
  score: null,
  outOf: 100,
  criterionMeans: null,
  rank: null,
  incomplete: false,
  computedAt: '2027-06-25 09:00:00',
  ...extra,
});

const award = (id: string, kind: Award['kind'], branchId: string, recipient: string): Award => ({
  awardId: id,
  kind,
  branch: branchId,
  recipient,
  title: kind === 'branch' ? '先进党支部' : '优秀学生党员',
  score: null,
  rank: null,
  state: 'final',
  letterId: null,
  link: null,
  generatedAt: null,
  letterNo: null,
  printed: null,
  voidedLetters: null,
});

const showcase = (month: string, branchId: string): ShowcasePick => ({
  month,
  branch: branchId,
  branchName: null,
  reason: 'top',
  note: null,
  score: null,
  drawnAt: `${month}-25 18:00:00`,
  voteClosedAt: null,
});

function input(overrides: Partial<ReportInput> = {}): ReportInput {
  const finalRanking: FinalRankingRow[] = [
    {
      branch: 'B2',
      rank: 2,
      total: 80.5,
      process: 70,
      defense: 87.5,
      advanced: false,
      eligible: false,
      ineligibleReason:
        '未达到每学期“七个一”组织生活次数要求 / short of the semester theme-activity rule',
    },
    {
      branch: 'B1',
      rank: 1,
      total: 88.123,
      process: 90,
      defense: 86.87,
      advanced: true,
      eligible: true,
      ineligibleReason: null,
    },
    {
      branch: 'B3',
      rank: 3,
      total: 60,
      process: 60,
      defense: 60,
      advanced: false,
      eligible: true,
      ineligibleReason: null,
    },
  ];
  return {
    config: DEFAULT_CONFIG,
    branches: [
      branch('B1', '第一党支部', 'junior', 'approved'),
      branch('B2', '第二党支部', 'senior', 'approved'),
      branch('B3', '研究生党支部', 'graduate', 'approved'),
      branch('B4', '被拒支部', 'junior', 'rejected'),
      branch('B5', '待审支部', 'graduate', 'pending'),
    ],
    activities: [
      activity('B1', '2026-09-10', 'book'),
      activity('B1', '2026-09-12', 'book'),
      activity('B1', '2026-09-20', 'featured'),
      activity('B1', '2026-09-21', 'book', 'duplicate'),
      activity('B2', '2026-10-03', 'film'),
      activity('B2', '2026-10-04', 'study', 'rejected'),
      activity('B3', '2026-10-05', 'practice', 'submitted'),
      activity('B3', '2027-06-30', 'deed'),
      activity('B3', '2027-08-01', 'deed'), // after the programme
    ],
    monthlyResults: [
      monthly('2026-09', 'B1', 100, 5, 1, { starBranch: true, presented: true }),
      monthly('2026-09', 'B2', 50, 2, 2),
      monthly('2026-10', 'B1', 66.666, 3, 2),
      monthly('2026-10', 'B2', 80, 4, 1, { starBranch: true, presented: true }),
      monthly('2026-10', 'B3', 0, 0, 3, { veto: '违规 / rule broken' }),
      monthly('2025-10', 'B3', 90, 5, 1), // outside the programme: ignored
    ],
    showcase: [showcase('2026-09', 'B1'), showcase('2026-10', 'B2')],
    defenseScores: [
      sheet('B1', 'J1', 75, 'superseded', '已被回复 D9 替代 / superseded by response D9'),
      sheet('B1', 'J1', 80),
      sheet('B1', 'J2', 85),
      sheet('B1', 'J3', 90),
      sheet('B1', 'J4', 88),
      sheet('B1', 'J5', 70),
      sheet(
        'B1',
        'J6',
        93,
        'conflict',
        '评委所在支部（B1），须回避 / judge belongs to this branch (B1)',
      ),
      sheet('B2', 'J1', 80),
      sheet('B2', 'J2', 90),
      sheet('B2', 'J3', 85),
      sheet('B2', 'J4', 60),
    ],
    defenseResults: [
      defenseResult('B2', { score: 78.75, rank: 2, judgesCounted: 4 }),
      defenseResult('B1', { score: 84.33, rank: 1, dropped: 'J5 70.00（最低） J3 90.00（最高）' }),
    ],
    awards: [
      award('ADV-B1', 'branch', 'B1', '第一党支部'),
      award('MEM-B1-1', 'member', 'B1', '李四'),
      award('MEM-B2-2', 'member', 'B2', '王五'),
    ],
    finalRanking,
    generatedAt: '2027-07-01 09:00:00',
    ...overrides,
  };
}

describe('buildReportModel', () => {
  const model = buildReportModel(input());

  it('lists every programme month', () => {
    expect(model.months).toHaveLength(10);
    expect(model.months[0]).toBe('2026-09');
    expect(model.months[9]).toBe('2027-06');
    expect(model.programYear).toBe('2026-2027');
    expect(model.generatedAt).toBe('2027-07-01 09:00:00');
  });

  it('counts the headline figures', () => {
    const h = model.headline;
    expect(h.branchesApplied).toBe(5);
    expect(h.branchesTakingPart).toBe(3);
    expect(h.activitiesCounted).toBe(7); // 9 minus one duplicate and one rejected
    expect(h.byTier).toEqual([
      { tier: 'junior', branches: 1, activities: 3 },
      { tier: 'senior', branches: 1, activities: 1 },
      { tier: 'graduate', branches: 1, activities: 3 },
    ]);
    expect(h.starBranchesByMonth[0]).toEqual({
      month: '2026-09',
      branches: [{ id: 'B1', name: '第一党支部' }],
    });
    expect(h.starBranchesByMonth[1]!.branches).toEqual([{ id: 'B2', name: '第二党支部' }]);
    expect(h.starBranchesByMonth[2]!.branches).toEqual([]);
    expect(h.starBranchTitles).toBe(2);
    expect(h.showcasePicks).toBe(2);
    expect(h.awardsByKind).toEqual([
      { kind: 'branch', count: 1 },
      { kind: 'member', count: 2 },
    ]);
    expect(h.advancedBranches).toBe(1);
    expect(h.nonCompliant).toBe(1);
  });

  it('has no non-compliant figure before the final ranking exists', () => {
    expect(buildReportModel(input({ finalRanking: [] })).headline.nonCompliant).toBeNull();
  });

  it('builds the month × branch star matrix with star-branch flags', () => {
    expect(model.stars.map((r) => r.branch)).toEqual(['B1', 'B2', 'B3']);
    const [b1, b2, b3] = model.stars;
    expect(b1!.cells).toHaveLength(10);
    expect(b1!.cells[0]).toEqual({
      stars: 5,
      score: '100.00',
      rank: 1,
      presented: true,
      starBranch: true,
      veto: null,
    });
    expect(b1!.cells[1]).toMatchObject({ stars: 3, score: '66.67', starBranch: false });
    expect(b1!.cells[2]).toBeNull();
    expect(b1!.totalStars).toBe(8);
    expect(b1!.starBranchTitles).toBe(1);
    expect(b2!.cells[1]).toMatchObject({ stars: 4, starBranch: true });
    expect(b3!.cells[0]).toBeNull(); // the 2025 row is outside the programme
    expect(b3!.cells[1]).toMatchObject({ stars: 0, veto: '违规 / rule broken' });
    expect(b3!.tier).toBe('graduate');
  });

  it('counts activities by kind and month, counted ones only', () => {
    const { byMonth, kindTotals, outsideProgramme, kinds } = model.activities;
    expect(kinds).toHaveLength(12);
    expect(byMonth).toHaveLength(10);
    expect(byMonth[0]!.counts.book).toBe(2);
    expect(byMonth[0]!.counts.featured).toBe(1);
    expect(byMonth[0]!.total).toBe(3);
    expect(byMonth[1]!.counts).toMatchObject({ film: 1, practice: 1, study: 0 });
    expect(byMonth[1]!.total).toBe(2);
    expect(byMonth[9]!.counts.deed).toBe(1);
    expect(kindTotals.book).toBe(2);
    expect(kindTotals.study).toBe(0);
    expect(outsideProgramme).toBe(1);
  });

  it('recomputes the dropped marks: with 5 judges the highest and lowest go', () => {
    const b1 = model.defense.branches.find((b) => b.branch === 'B1')!;
    const status = Object.fromEntries(b1.marks.map((m) => [`${m.judge}:${m.display}`, m.status]));
    expect(status).toEqual({
      'J1:75.00': 'superseded',
      'J1:80.00': 'counted',
      'J2:85.00': 'counted',
      'J3:90.00': 'dropped-high',
      'J4:88.00': 'counted',
      'J5:70.00': 'dropped-low',
      'J6:93.00': 'conflict',
    });
    expect(b1.marks.map((m) => m.value)).toEqual([70, 75, 80, 85, 88, 90, 93]);
    expect(b1.marks.find((m) => m.status === 'conflict')!.reason).toContain('须回避');
    expect(b1.judgesCounted).toBe(5);
    expect(b1.score).toEqual({ value: 84.33, display: '84.33', source: 'official' });
    expect(b1.officialDropped).toContain('J5');
    expect(b1.rank).toBe(1);
  });

  it('drops nothing below trimFrom judges, and orders branches by defense rank', () => {
    expect(model.defense.branches.map((b) => b.branch)).toEqual(['B1', 'B2']);
    const b2 = model.defense.branches[1]!;
    expect(b2.marks.every((m) => m.status === 'counted')).toBe(true);
    expect(model.defense.maxTotal).toBe(100);
    expect(model.defense.trimFrom).toBe(5);
  });

  it('recomputes the score when there is no official result yet', () => {
    const m = buildReportModel(input({ defenseResults: [] }));
    const b1 = m.defense.branches.find((b) => b.branch === 'B1')!;
    expect(b1.score).toEqual({ value: 84.33333333333333, display: '84.33', source: 'recomputed' });
    const b2 = m.defense.branches.find((b) => b.branch === 'B2')!;
    expect(b2.score!.display).toBe('78.75');
    expect(b2.incomplete).toBe(false);
  });

  it('drops only one copy of a shared highest mark, the judge whose name sorts first', () => {
    const m = buildReportModel(
      input({
        defenseResults: [],
        defenseScores: ['JA', 'JB', 'JC', 'JD', 'JE'].map((j, i) =>
          sheet('B3', j, [90, 90, 80, 70, 70][i]!),
        ),
      }),
    );
    const marks = m.defense.branches[0]!.marks;
    expect(marks.filter((x) => x.status === 'dropped-high').map((x) => x.judge)).toEqual(['JA']);
    expect(marks.filter((x) => x.status === 'dropped-low').map((x) => x.judge)).toEqual(['JD']);
    expect(m.defense.branches[0]!.score!.display).toBe('80.00');
  });

  it('falls back to the stored totals when the sheets cannot be aggregated', () => {
    const broken = ['J1', 'J2', 'J3', 'J4', 'J5'].map((j, i) => ({
      ...sheet('B3', j, [81, 82, 83, 84, 85][i]!),
      marks: {}, // marks missing: the aggregator refuses them
    }));
    const m = buildReportModel(input({ defenseResults: [], defenseScores: broken }));
    const marks = m.defense.branches[0]!.marks;
    expect(marks.map((x) => x.status)).toEqual([
      'dropped-low',
      'counted',
      'counted',
      'counted',
      'dropped-high',
    ]);
    expect(m.defense.branches[0]!.score!.display).toBe('83.00');
  });

  it('flags a branch with too few judges as incomplete', () => {
    const m = buildReportModel(
      input({ defenseResults: [], defenseScores: [sheet('B3', 'J1', 80), sheet('B3', 'J2', 82)] }),
    );
    expect(m.defense.branches[0]!.incomplete).toBe(true);
  });

  it('lists the final ranking by rank with advanced branches marked', () => {
    expect(model.ranking.map((r) => [r.rank, r.branch, r.advanced])).toEqual([
      [1, 'B1', true],
      [2, 'B2', false],
      [3, 'B3', false],
    ]);
    expect(model.ranking[0]).toMatchObject({
      name: '第一党支部',
      tier: 'junior',
      total: '88.12',
      process: '90.00',
      defense: '86.87',
    });
    expect(model.ranking[1]!.ineligibleReason).toContain('七个一');
    expect(model.ranking[1]!.eligible).toBe(false);
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
  });

  it('falls back to names on result rows, then to the id', () => {
    const m = buildReportModel(
      input({
        branches: [],
        monthlyResults: [monthly('2026-09', 'B7', 50, 2, 1, { branchName: '第七党支部' })],
      }),
    );
    expect(m.stars.map((r) => r.name)).toEqual(['第七党支部']);
    expect(m.ranking.find((r) => r.branch === 'B3')!.name).toBe('B3');
  });
});
