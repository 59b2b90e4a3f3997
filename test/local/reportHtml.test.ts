import { buildReportModel, type ReportInput, type ReportModel } from '../../src/app/reportModel';
import { DEFAULT_CONFIG } from '../../src/domain/config';
import type { DefenseScore } from '../../src/domain/schema/defenseScores';
import type { Activity, Branch, MonthlyResult } from '../../src/domain/schema/tables';
import { branchLabels, esc, nameText, renderReportHtml } from '../../src/local/reportHtml';

const EVIL = '<script>alert(1)</script>';

const branch = (id: string, name: string, tier: Branch['tier']): Branch => ({
  id,
  name,
  tier,
  unit: '计算机学院',
  secretary: '张三',
  email: null,
  members: 20,
  status: 'approved',
  plan: null,
  planLink: null,
  reviewNote: null,
  complianceOverride: null,
  responseId: null,
  appliedAt: null,
});

const activity = (n: number, branchId: string, date: string, kind: Activity['kind']): Activity => ({
  responseId: `A${n}`,
  submittedAt: `${date} 10:00:00`,
  branch: branchId,
  date,
  kind,
  title: `活动${n}`,
  description: null,
  participants: 30,
  nonParty: 10,
  counselorPresent: null,
  evidenceLink: 'https://example.org/evidence',
  funds: null,
  status: 'accepted',
  points: 10,
  note: null,
  publishable: null,
});

const monthly = (
  month: string,
  branchId: string,
  stars: number,
  starBranch = false,
): MonthlyResult => ({
  month,
  branch: branchId,
  branchName: null,
  points: 20,
  score: stars * 18,
  stars,
  starsText: null,
  rank: 1,
  presented: starBranch,
  onsiteScore: null,
  starBranch,
  veto: null,
  finalisedAt: `${month}-28 00:00:00`,
  state: null,
  inputsDigest: null,
});

const sheet = (
  n: number,
  branchId: string,
  judge: string,
  total: number,
  status: DefenseScore['status'] = 'counted',
): DefenseScore => ({
  responseId: `D${n}`,
  submittedAt: '2027-06-20 10:00:00',
  judge,
  branch: branchId,
  marks: { c1: total - 53, c2: 22, c3: 13, c4: 9, c5: 9 },
  total,
  comment: null,
  status,
  reason:
    status === 'conflict' ? '评委所在支部（B1），须回避 / judge belongs to this branch (B1)' : null,
});

function fixture(): ReportInput {
  return {
    config: DEFAULT_CONFIG,
    branches: [
      branch('B1', '计算机学院本科生第一党支部', 'junior'),
      branch('B2', EVIL, 'senior'),
      branch('B3', '研究生第三党支部', 'graduate'),
    ],
    activities: [
      activity(1, 'B1', '2026-09-10', 'book'),
      activity(2, 'B1', '2026-09-11', 'featured'),
      activity(3, 'B2', '2026-10-01', 'film'),
      activity(4, 'B3', '2026-10-02', 'study'),
      activity(5, 'B3', '2027-03-02', 'practice'),
    ],
    monthlyResults: [
      monthly('2026-09', 'B1', 5, true),
      monthly('2026-09', 'B2', 2),
      monthly('2026-10', 'B2', 4, true),
      monthly('2026-10', 'B3', 1),
    ],
    showcase: [],
    defenseScores: [
      sheet(1, 'B1', '王评委', 80),
      sheet(2, 'B1', '李评委', 85),
      sheet(3, 'B1', '赵评委', 90),
      sheet(4, 'B1', '钱评委', 88),
      sheet(5, 'B1', '孙评委', 70),
      sheet(6, 'B1', '周评委', 75, 'superseded'),
      sheet(7, 'B1', '吴评委', 93, 'conflict'),
      sheet(8, 'B2', '王评委', 82),
      sheet(9, 'B2', '李评委', 84),
      sheet(10, 'B2', '赵评委', 86),
    ],
    defenseResults: [],
    awards: [],
    finalRanking: [
      {
        branch: 'B1',
        rank: 1,
        total: 86.1,
        process: 85,
        defense: 84.33,
        advanced: true,
        eligible: true,
        ineligibleReason: null,
      },
      {
        branch: 'B2',
        rank: 2,
        total: 75.2,
        process: 60,
        defense: 84,
        advanced: false,
        eligible: false,
        ineligibleReason:
          '未达到每学期“七个一”组织生活次数要求 / short of the semester theme-activity rule',
      },
      {
        branch: 'B3',
        rank: 3,
        total: 20,
        process: 30,
        defense: 0,
        advanced: false,
        eligible: true,
        ineligibleReason: null,
      },
    ],
    generatedAt: '2027-07-01 09:00:00',
  };
}

const count = (text: string, part: string) => text.split(part).length - 1;

describe('renderReportHtml', () => {
  const model: ReportModel = buildReportModel(fixture());
  const html = renderReportHtml(model, 'zh-CN');
  const en = renderReportHtml(model, 'en');

  it('is one HTML5 page in Chinese by default', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<title>2026-2027年度先进党支部创建 · 年度报告</title>');
    expect(renderReportHtml(model)).toBe(html);
  });

  it('loads nothing from the network', () => {
    for (const page of [html, en]) {
      expect(page).not.toMatch(/<script[^>]*\ssrc=/i);
      expect(page).not.toMatch(/<link[^>]*rel="?stylesheet/i);
      expect(page).not.toMatch(/<img/i);
      expect(page).not.toMatch(/url\(/i);
      expect(page).not.toMatch(/@import/i);
      expect(page).not.toMatch(/https?:\/\//i); // not even the evidence links
    }
  });

  it('shows the headline numbers and every branch name', () => {
    expect(html).toMatch(/<div class="num">3<\/div><div class="cap">参与创建支部<\/div>/);
    expect(html).toMatch(/<div class="num">5<\/div><div class="cap">认可活动<\/div>/);
    expect(html).toMatch(/<div class="num">2<\/div><div class="cap">当月星级支部<\/div>/);
    expect(html).toMatch(/<div class="num">1<\/div><div class="cap">先进党支部<\/div>/);
    expect(html).toMatch(/<div class="num">1<\/div><div class="cap">未达标支部<\/div>/);
    expect(html).toContain('<span class="nm">计算机学院<wbr>本科生第一党支部</span>');
    expect(html).toContain('<span class="nm">研究生第三党支部</span>');
    expect(html).toContain(esc(EVIL));
  });

  it('names every branch in full in the heatmap and the defense chart', () => {
    const rowNames = (page: string, table: string) =>
      [
        ...page
          .slice(page.indexOf(`<table class="${table}"`))
          .split('</table>')[0]!
          .matchAll(
            /<th class="name" scope="row">(?:<span class="rk">\d+\.<\/span> )?<span class="nm">(.*?)<\/span>/g,
          ),
      ].map((m) => m[1]!.replace(/<wbr>/g, ''));
    expect(rowNames(html, 'heat')).toEqual(model.stars.map((r) => esc(r.name)));
    expect(rowNames(html, 'defense')).toEqual(model.defense.branches.map((b) => esc(b.name)));
    expect(rowNames(html, 'heat')).toHaveLength(3);
    expect(html).not.toContain('…');
  });

  it('breaks a long name after the school and the grade only', () => {
    expect(nameText('电子科学与工程学院2025级本科生第四党支部')).toBe(
      '电子科学与工程学院<wbr>2025级<wbr>本科生第四党支部',
    );
    expect(nameText('机关第一党支部')).toBe('机关第一党支部');
    expect(nameText('<b>学院')).toBe('&lt;b&gt;学院');
  });

  it('adds the branch id to names two rows share, and only to those', () => {
    const labels = branchLabels([
      { branch: 'B1', name: '本科生第一党支部' },
      { branch: 'B2', name: '研究生党支部' },
      { branch: 'B3', name: '本科生第一党支部' },
    ]);
    expect([...labels.values()]).toEqual([
      { name: '本科生第一党支部', id: 'B1' },
      { name: '研究生党支部', id: null },
      { name: '本科生第一党支部', id: 'B3' },
    ]);
    const twins = buildReportModel({
      ...fixture(),
      branches: [
        branch('B1', '本科生第一党支部', 'junior'),
        branch('B2', '本科生第一党支部', 'senior'),
        branch('B3', '研究生第三党支部', 'graduate'),
      ],
    });
    const page = renderReportHtml(twins, 'zh-CN');
    expect(page).toContain('<span class="nm">本科生第一党支部</span> <span class="id">B1</span>');
    expect(page).toContain('<span class="nm">本科生第一党支部</span> <span class="id">B2</span>');
  });

  it('puts the ranking right after the headline, and the judges’ raw marks last', () => {
    const at = (part: string) => html.indexOf(part);
    expect(at('<section id="headline">')).toBeLessThan(at('<section id="ranking">'));
    for (const later of [
      '<section id="stars">',
      '<section id="activities">',
      '<section id="defense">',
    ]) {
      expect(at('<section id="ranking">')).toBeLessThan(at(later));
    }
    expect(at('<details id="judge-marks">')).toBeGreaterThan(at('<table class="defense">'));
    // On paper the raw marks give way to a line saying where they are.
    expect(html).toContain(
      '<p class="small print-only">评委打分明细见工作簿“答辩评分”表，打印时从略。</p>',
    );
    expect(html).toMatch(/@media print\{[^]*details\{display:none\}/);
    expect(html).toMatch(/@media print\{[^]*tr,\.chart,\.card\{break-inside:avoid\}/);
  });

  it('labels the ranking’s figures in each row, for the cards a phone shows', () => {
    expect(html).toContain('<td class="n" data-label="过程考核">85.00</td>');
    expect(html).toContain('<td class="n" data-label="答辩">84.33</td>');
    expect(html).toContain('<td class="n total" data-label="综合得分"><b>86.10</b></td>');
    expect(en).toContain('data-label="Final score"');
  });

  it('escapes a branch name that holds a script', () => {
    expect(html).not.toContain(EVIL);
    expect(en).not.toContain(EVIL);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(count(html, '<script')).toBe(0);
    expect(esc(`a&b"c'<d>`)).toBe('a&amp;b&quot;c&#39;&lt;d&gt;');
  });

  it('draws the heatmap and the defense chart as tables, the activities at two sizes', () => {
    expect(count(html, '<table class="heat"')).toBe(1);
    expect(count(html, '<table class="defense"')).toBe(1);
    expect(count(html, '<svg class="bars wide"')).toBe(1);
    expect(count(html, '<svg class="bars narrow"')).toBe(1);
    // One strip per branch with plotted marks, an axis above and below.
    expect(count(html, '<svg class="strip"')).toBe(model.defense.branches.length);
    expect(count(html, '<svg class="axis"')).toBe(2);
    expect(count(en, '<svg class="strip"')).toBe(model.defense.branches.length);
  });

  it('marks the dropped defense marks and the mean', () => {
    expect(count(html, '去掉的最高分 90.00')).toBe(1);
    expect(count(html, '去掉的最低分 70.00')).toBe(1);
    expect(html).toContain('84.33'); // (80 + 85 + 88) / 3
    expect(html).toContain('已被替代');
    expect(html).toContain('评委所在支部（B1），须回避');
    expect(html).not.toContain('judge belongs to this branch'); // the Chinese half only
  });

  it('highlights star branches of the month and marks advanced branches', () => {
    expect(html.match(/<td class="c s\d gold/g)).toHaveLength(2);
    expect(html).toContain('<span class="badge">先进党支部</span>');
    expect(html).toContain('未达到每学期“七个一”组织生活次数要求');
  });

  it('switches to English', () => {
    expect(en).toContain('<html lang="en">');
    expect(en).toContain(
      '<title>Advanced Party Branch Programme 2026-2027 · Annual Report</title>',
    );
    expect(en).toContain('Monthly stars');
    expect(en).toContain('Final ranking');
    expect(en).toContain('highest mark dropped 90.00');
    expect(en).toContain('short of the semester theme-activity rule');
    expect(en).toContain('Read a good book');
    expect(en).not.toContain('年度报告');
  });

  it('says so when there is nothing to chart yet', () => {
    const empty = buildReportModel({
      ...fixture(),
      activities: [],
      monthlyResults: [],
      defenseScores: [],
      finalRanking: [],
    });
    const page = renderReportHtml(empty, 'zh-CN');
    expect(count(page, '暂无数据')).toBeGreaterThanOrEqual(3);
    expect(count(page, '<svg class="bars"')).toBe(0);
  });
});
