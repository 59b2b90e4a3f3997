/**
 * `report.html` (DESIGN §9): one self-contained page for the year — inline CSS, hand-drawn inline
 * SVG charts, no fonts, no images, nothing fetched — so it opens offline, can be mailed as a single
 * file and prints on A4. The only script is a one-line inline helper that opens the collapsed
 * judge-mark table before printing. Chinese by default, English on request.
 *
 * Every text that came from people (branch and judge names, reasons, the college name) goes
 * through `esc`, in element content and in attributes alike.
 */
import type { JudgeMark, ReportModel, StarCell, StarRow } from '../app/reportModel';
import { ACTIVITY_KINDS, AWARD_KINDS, TIERS, type ActivityKind } from '../domain/vocabulary';

export type ReportLocale = 'zh-CN' | 'en';

const RED = '#c8102e';
const DARK_RED = '#8a0b20';
const GOLD = '#d4a017';
const INK = '#1f2937';
const GREY = '#6b7280';
const LINE = '#e5e7eb';

/** One colour per activity kind, in vocabulary order: the seven themes warm, the rest cool. */
const KIND_COLOURS: Record<ActivityKind, string> = {
  symbol: '#c8102e',
  alumni: '#e15759',
  book: '#f28e2b',
  film: '#edc948',
  song: '#b07aa1',
  deed: '#ff9da7',
  gift: '#9c755f',
  featured: '#4e79a7',
  study: '#76b7b2',
  training: '#59a14f',
  practice: '#2f7d6d',
  other: '#bab0ac',
};

/** Fill of a monthly cell by stars, 0…5. */
const STAR_FILLS = ['#f3f4f6', '#fde8ea', '#f9c5cc', '#f08f9c', '#dc4a5e', '#c8102e'];

interface Words {
  title: (year: string) => string;
  generated: string;
  period: string;
  headline: string;
  branches: string;
  branchesSub: (applied: number) => string;
  activities: string;
  starTitles: string;
  starTitlesSub: (picks: number) => string;
  advanced: string;
  awards: string;
  nonCompliant: string;
  nonCompliantSub: string;
  notYet: string;
  byTier: string;
  tier: string;
  tierBranches: string;
  tierActivities: string;
  starBranchesByMonth: string;
  none: string;
  starsTitle: string;
  starsNote: string;
  legendStarBranch: string;
  legendPresented: string;
  legendNoResult: string;
  legendVeto: string;
  veto: string;
  total: string;
  titlesShort: (n: number) => string;
  activitiesTitle: string;
  activitiesNote: (outside: number) => string;
  count: string;
  defenseTitle: string;
  defenseNote: (from: number, count: number, mode: 'total' | 'criterion') => string;
  droppedHigh: string;
  droppedLow: string;
  counted: string;
  superseded: string;
  conflict: string;
  meanLine: string;
  mean: string;
  recomputed: string;
  recomputedNote: string;
  tierShort: Record<string, string>;
  incomplete: string;
  judges: (n: number) => string;
  droppedCriterion: string;
  colon: string;
  listSep: string;
  details: string;
  judge: string;
  judgeTotal: string;
  status: string;
  reason: string;
  rankingTitle: string;
  rank: string;
  branch: string;
  process: string;
  defense: string;
  finalTotal: string;
  result: string;
  advancedBadge: string;
  noData: string;
  footer: string;
  month: (month: string) => string;
  monthShort: (month: string) => string;
  year: (month: string) => string;
}

const ZH: Words = {
  title: (year) => `${year}年度先进党支部创建 · 年度报告`,
  generated: '生成时间',
  period: '创建周期',
  headline: '年度概况',
  branches: '参与创建支部',
  branchesSub: (applied) => `共申报 ${applied} 个`,
  activities: '认可活动',
  starTitles: '当月星级支部',
  starTitlesSub: (picks) => `示范汇报 ${picks} 次`,
  advanced: '先进党支部',
  awards: '表彰',
  nonCompliant: '未达标支部',
  nonCompliantSub: '不具备评先资格',
  notYet: '尚未产生',
  byTier: '分层次统计',
  tier: '支部层次',
  tierBranches: '支部数',
  tierActivities: '认可活动数',
  starBranchesByMonth: '各月当月星级支部',
  none: '—',
  starsTitle: '月度星级',
  starsNote:
    '每格为该支部当月星级（★ 个数），颜色越深星级越高；悬停可见月度得分与排名。“合计”为全年星数，金框数字为获评当月星级支部的次数。',
  legendStarBranch: '当月星级支部',
  legendPresented: '示范汇报',
  legendNoResult: '无月度结果',
  legendVeto: '一票否决',
  veto: '否决',
  total: '合计',
  titlesShort: (n) => `星级支部 ${n} 次`,
  activitiesTitle: '各月活动（按类型）',
  activitiesNote: (outside) =>
    `仅统计未被标记为“不予认可”或“重复”的活动。` +
    (outside > 0 ? `另有 ${outside} 项活动日期在创建周期之外，未列入图中。` : ''),
  count: '项',
  defenseTitle: '汇报答辩评分',
  defenseNote: (from, count, mode) =>
    mode === 'total'
      ? `每个点为一位评委的总分。有效评委达到 ${from} 人时，去掉 ${count} 个最高分和 ${count} 个最低分（空心、划线），其余取平均（竖线）。`
      : `每个点为一位评委的总分。按分项汇总：每个评分项在有效评委达到 ${from} 人时各去掉 ${count} 个最高分和最低分，去掉的分项分数列在图下；竖线为答辩得分。`,
  droppedHigh: '去掉的最高分',
  droppedLow: '去掉的最低分',
  counted: '有效',
  superseded: '已被替代',
  conflict: '回避',
  meanLine: '答辩得分（平均）',
  mean: '得分',
  recomputed: '（据评分重算）',
  recomputedNote: '* 尚无答辩结果，得分按评分表重算，以正式答辩结果为准。',
  tierShort: { junior: '低年级本科', senior: '高年级本科', graduate: '研究生' },
  incomplete: '评委不足',
  judges: (n) => `有效评委 ${n} 位`,
  droppedCriterion: '去掉的分项分数',
  colon: '：',
  listSep: '；',
  details: '评委打分明细',
  judge: '评委',
  judgeTotal: '总分',
  status: '状态',
  reason: '说明',
  rankingTitle: '综合排名',
  rank: '名次',
  branch: '支部',
  process: '过程考核',
  defense: '答辩',
  finalTotal: '综合得分',
  result: '结果',
  advancedBadge: '先进党支部',
  noData: '暂无数据',
  footer: '本报告由 StarBranch 根据工作簿数据生成，可离线阅读与打印。分数按四舍五入保留两位小数。',
  month: (m) => `${Number(m.slice(0, 4))}年${Number(m.slice(5, 7))}月`,
  monthShort: (m) => `${Number(m.slice(5, 7))}月`,
  year: (m) => `${m.slice(0, 4)}年`,
};

const MONTH_NAMES = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

const EN: Words = {
  title: (year) => `Advanced Party Branch Programme ${year} · Annual Report`,
  generated: 'Generated',
  period: 'Programme period',
  headline: 'The year at a glance',
  branches: 'Branches taking part',
  branchesSub: (applied) => `${applied} applied`,
  activities: 'Activities counted',
  starTitles: 'Star branch titles',
  starTitlesSub: (picks) => `${picks} showcase presentations`,
  advanced: 'Advanced branches',
  awards: 'Awards',
  nonCompliant: 'Non-compliant branches',
  nonCompliantSub: 'not eligible for an award',
  notYet: 'not yet',
  byTier: 'By tier',
  tier: 'Tier',
  tierBranches: 'Branches',
  tierActivities: 'Activities counted',
  starBranchesByMonth: 'Star branch of each month',
  none: '—',
  starsTitle: 'Monthly stars',
  starsNote:
    "Each cell shows the branch's stars that month; darker means more stars. Hover for the monthly score and rank. 'Total' sums the year's stars; the number in a gold box counts star-branch-of-the-month titles.",
  legendStarBranch: 'Star branch of the month',
  legendPresented: 'Presented at the showcase',
  legendNoResult: 'No monthly result',
  legendVeto: 'Vetoed',
  veto: 'veto',
  total: 'Total',
  titlesShort: (n) => `${n}× star branch`,
  activitiesTitle: 'Activities by kind and month',
  activitiesNote: (outside) =>
    'Only activities not marked rejected or duplicate are counted.' +
    (outside > 0 ? ` ${outside} more are dated outside the programme and not shown.` : ''),
  count: 'activities',
  defenseTitle: 'Defense scores',
  defenseNote: (from, count, mode) =>
    mode === 'total'
      ? `Each dot is one judge's total. With ${from} or more counted judges, the ${count} highest and ${count} lowest totals are dropped (hollow, struck through) and the rest averaged (vertical line).`
      : `Each dot is one judge's total. Aggregated by criterion: with ${from} or more counted judges, each criterion drops its ${count} highest and lowest marks (listed below the chart); the vertical line is the defense score.`,
  droppedHigh: 'highest mark dropped',
  droppedLow: 'lowest mark dropped',
  counted: 'Counted',
  superseded: 'Superseded',
  conflict: 'Conflict of interest',
  meanLine: 'Defense score (mean)',
  mean: 'Score',
  recomputed: ' (recomputed from the sheets)',
  recomputedNote:
    '* No defense result yet: the score is recomputed from the score sheets; the official result prevails.',
  tierShort: { junior: 'Junior', senior: 'Senior', graduate: 'Graduate' },
  incomplete: 'too few judges',
  judges: (n) => `${n} judges counted`,
  droppedCriterion: 'Criterion marks dropped',
  colon: ': ',
  listSep: '; ',
  details: "Judges' marks in detail",
  judge: 'Judge',
  judgeTotal: 'Total',
  status: 'Status',
  reason: 'Note',
  rankingTitle: 'Final ranking',
  rank: 'Rank',
  branch: 'Branch',
  process: 'Process',
  defense: 'Defense',
  finalTotal: 'Final score',
  result: 'Result',
  advancedBadge: 'Advanced branch',
  noData: 'No data yet',
  footer:
    'Generated by StarBranch from the workbook; readable offline and printable. Scores are rounded half-up to 2 decimals.',
  month: (m) => `${MONTH_NAMES[Number(m.slice(5, 7)) - 1] ?? m.slice(5, 7)} ${m.slice(0, 4)}`,
  monthShort: (m) => MONTH_NAMES[Number(m.slice(5, 7)) - 1] ?? m.slice(5, 7),
  year: (m) => m.slice(0, 4),
};

/** Escapes text for HTML element content and quoted attribute values. */
export function esc(text: string | number): string {
  return String(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Coordinates with one decimal: smaller files, same picture. */
function px(value: number): string {
  return String(Math.round(value * 10) / 10);
}

const CJK = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/;

/** Text cut to about `maxEm` em wide (CJK 1 em, others ~0.55 em), with an ellipsis. */
function fit(text: string, maxEm: number): string {
  let width = 0;
  let out = '';
  for (const ch of text) {
    width += CJK.test(ch) ? 1 : 0.58;
    if (width > maxEm) return `${out}…`;
    out += ch;
  }
  return out;
}

/**
 * Reasons the system writes are bilingual, `中文 / English`: show the half that matches the page.
 * Anything else (staff's own words) is shown as written.
 */
function localText(text: string, locale: ReportLocale): string {
  const parts = text.split(' / ');
  if (parts.length === 2 && CJK.test(parts[0]!) && !CJK.test(parts[1]!)) {
    return (locale === 'en' ? parts[1]! : parts[0]!).trim();
  }
  return text;
}

function label(term: { zh: string; en: string }, locale: ReportLocale): string {
  return locale === 'en' ? term.en : term.zh;
}

function tierLabel(tier: string | null, locale: ReportLocale): string {
  const term = TIERS.find((t) => t.key === tier);
  return term ? label(term, locale) : '';
}

function kindLabel(kind: ActivityKind, locale: ReportLocale): string {
  const term = ACTIVITY_KINDS.find((k) => k.key === kind);
  return term ? label(term, locale) : kind;
}

export function renderReportHtml(model: ReportModel, locale: ReportLocale = 'zh-CN'): string {
  const w = locale === 'en' ? EN : ZH;
  const title = w.title(model.programYear);
  return `<!DOCTYPE html>
<html lang="${locale === 'en' ? 'en' : 'zh-CN'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="StarBranch">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header class="top">
<div class="wrap">
<h1>${esc(title)}</h1>
<p class="sub">${esc(model.collegeName)} · ${esc(w.period)} ${esc(model.programStart)} – ${esc(model.programEnd)} · ${esc(w.generated)} ${esc(model.generatedAt)}</p>
</div>
</header>
<main class="wrap">
${headlineSection(model, w, locale)}
${starsSection(model, w, locale)}
${activitiesSection(model, w, locale)}
${defenseSection(model, w, locale)}
${rankingSection(model, w, locale)}
</main>
<footer class="wrap foot">${esc(w.footer)}</footer>
<script>addEventListener('beforeprint',function(){document.querySelectorAll('details').forEach(function(d){d.open=true})})</script>
</body>
</html>
`;
}

// ——— headline ———

function card(value: string, caption: string, sub: string, accent = false): string {
  return `<div class="card${accent ? ' accent' : ''}"><div class="num">${value}</div><div class="cap">${esc(caption)}</div>${
    sub === '' ? '' : `<div class="small">${sub}</div>`
  }</div>`;
}

function headlineSection(model: ReportModel, w: Words, locale: ReportLocale): string {
  const h = model.headline;
  const awardParts = h.awardsByKind
    .map((a) => {
      const term = AWARD_KINDS.find((k) => k.key === a.kind);
      return `${esc(term ? label(term, locale) : a.kind)} ${a.count}`;
    })
    .join(' · ');
  const totalAwards = h.awardsByKind.reduce((n, a) => n + a.count, 0);
  const cards = [
    card(String(h.branchesTakingPart), w.branches, esc(w.branchesSub(h.branchesApplied))),
    card(
      String(h.activitiesCounted),
      w.activities,
      h.byTier.map((t) => `${esc(w.tierShort[t.tier] ?? t.tier)} ${t.activities}`).join(' · '),
    ),
    card(String(h.starBranchTitles), w.starTitles, esc(w.starTitlesSub(h.showcasePicks))),
    card(String(h.advancedBranches), w.advanced, '', true),
    card(String(totalAwards), w.awards, awardParts),
    card(
      h.nonCompliant === null ? esc(w.none) : String(h.nonCompliant),
      w.nonCompliant,
      esc(h.nonCompliant === null ? w.notYet : w.nonCompliantSub),
    ),
  ].join('\n');

  const tierRows = h.byTier
    .map(
      (t) =>
        `<tr><td>${esc(tierLabel(t.tier, locale))}</td><td class="n">${t.branches}</td><td class="n">${t.activities}</td></tr>`,
    )
    .join('');
  const monthRows = h.starBranchesByMonth
    .map(
      (m) =>
        `<tr><td class="nw">${esc(w.month(m.month))}</td><td>${
          m.branches.length === 0
            ? `<span class="muted">${esc(w.none)}</span>`
            : m.branches.map((b) => `<span class="star-name">★ ${esc(b.name)}</span>`).join(' ')
        }</td></tr>`,
    )
    .join('');
  return `<section id="headline">
<h2>${esc(w.headline)}</h2>
<div class="cards">
${cards}
</div>
<div class="two">
<div><h3>${esc(w.byTier)}</h3>
<table class="grid"><thead><tr><th>${esc(w.tier)}</th><th class="n">${esc(w.tierBranches)}</th><th class="n">${esc(w.tierActivities)}</th></tr></thead><tbody>${tierRows}</tbody></table></div>
<div><h3>${esc(w.starBranchesByMonth)}</h3>
<table class="grid"><tbody>${monthRows}</tbody></table></div>
</div>
</section>`;
}

// ——— monthly stars heatmap ———

function starsSection(model: ReportModel, w: Words, locale: ReportLocale): string {
  const rows = model.stars;
  const body =
    rows.length === 0 || model.months.length === 0
      ? `<p class="muted">${esc(w.noData)}</p>`
      : starsSvg(model, rows, w, locale);
  const legendFills = STAR_FILLS.map(
    (fill, n) =>
      `<span class="key"><i class="sw" style="background:${fill}"></i>${n === 0 ? '0' : '★'.repeat(n)}</span>`,
  ).join('');
  return `<section id="stars">
<h2>${esc(w.starsTitle)}</h2>
<p class="note">${esc(w.starsNote)}</p>
<div class="legend">${legendFills}
<span class="key"><i class="sw" style="background:#fff;border:3px solid ${GOLD}"></i>${esc(w.legendStarBranch)}</span>
<span class="key"><i class="dot" style="background:${INK}"></i>${esc(w.legendPresented)}</span>
<span class="key"><i class="sw" style="background:#fff;border:1px dashed #c0c4cc"></i>${esc(w.legendNoResult)}</span>
</div>
<div class="chart">${body}</div>
</section>`;
}

function starsSvg(
  model: ReportModel,
  rows: readonly StarRow[],
  w: Words,
  locale: ReportLocale,
): string {
  const labelW = 230;
  const cellW = 66;
  const cellH = 30;
  const headH = 44;
  const totalW = 110;
  const months = model.months;
  const width = labelW + months.length * cellW + totalW;
  const height = headH + rows.length * cellH + 6;
  const parts: string[] = [];

  months.forEach((m, i) => {
    const x = labelW + i * cellW + cellW / 2;
    parts.push(
      `<text x="${px(x)}" y="${headH - 10}" text-anchor="middle" class="ax">${esc(w.monthShort(m))}</text>`,
    );
    if (i === 0 || m.endsWith('-01')) {
      parts.push(
        `<text x="${px(x)}" y="${headH - 26}" text-anchor="middle" class="ax2">${esc(w.year(m))}</text>`,
      );
    }
  });
  parts.push(
    `<text x="${px(labelW + months.length * cellW + 12)}" y="${headH - 10}" class="ax">${esc(w.total)}</text>`,
  );

  rows.forEach((row, r) => {
    const y = headH + r * cellH;
    parts.push(
      `<text x="${labelW - 10}" y="${px(y + cellH / 2 + 4)}" text-anchor="end" class="lbl"><title>${esc(row.name)} (${esc(row.branch)})</title>${esc(fit(row.name, 15))}</text>`,
    );
    row.cells.forEach((cell, i) => {
      parts.push(
        starCellSvg(cell, labelW + i * cellW, y, cellW, cellH, row.name, months[i]!, w, locale),
      );
    });
    const tx = labelW + months.length * cellW + 12;
    parts.push(
      `<text x="${tx}" y="${px(y + cellH / 2 + 4)}" class="lbl"><tspan fill="${RED}">★</tspan> ${row.totalStars}</text>`,
    );
    if (row.starBranchTitles > 0) {
      parts.push(
        `<g><title>${esc(w.titlesShort(row.starBranchTitles))}</title><rect x="${tx + 52}" y="${y + 6}" width="22" height="${cellH - 12}" rx="3" fill="#fff" stroke="${GOLD}" stroke-width="2"/><text x="${tx + 63}" y="${px(y + cellH / 2 + 4)}" text-anchor="middle" class="lbl" font-weight="700" fill="#8a6d0b">${row.starBranchTitles}</text></g>`,
      );
    }
  });

  return `<svg class="heat" viewBox="0 0 ${width} ${height}" width="${width}" role="img" aria-label="${esc(w.starsTitle)}">${parts.join('')}</svg>`;
}

function starCellSvg(
  cell: StarCell | null,
  x: number,
  y: number,
  cw: number,
  ch: number,
  branchName: string,
  month: string,
  w: Words,
  locale: ReportLocale,
): string {
  const inset = 2;
  const rx = x + inset;
  const ry = y + inset;
  const rw = cw - inset * 2;
  const rh = ch - inset * 2;
  if (cell === null) {
    return `<rect x="${rx}" y="${ry}" width="${rw}" height="${rh}" rx="3" fill="#fff" stroke="#c0c4cc" stroke-dasharray="3 3"><title>${esc(branchName)} · ${esc(w.month(month))} · ${esc(w.legendNoResult)}</title></rect>`;
  }
  const vetoed = cell.veto !== null;
  const fill = vetoed
    ? '#e5e7eb'
    : (STAR_FILLS[Math.max(0, Math.min(5, cell.stars))] ?? STAR_FILLS[0]!);
  const textFill =
    !vetoed && cell.stars >= 4 ? '#fff' : cell.stars === 0 || vetoed ? GREY : DARK_RED;
  const tip = [
    `${branchName} · ${w.month(month)}`,
    `${w.mean} ${cell.score} · #${cell.rank}`,
    cell.starBranch ? w.legendStarBranch : '',
    cell.presented ? w.legendPresented : '',
    vetoed ? `${w.legendVeto}: ${localText(cell.veto!, locale)}` : '',
  ]
    .filter((t) => t !== '')
    .join('\n');
  const text = vetoed ? w.veto : cell.stars === 0 ? '0' : '★'.repeat(cell.stars);
  const out = [
    `<g><title>${esc(tip)}</title>`,
    `<rect x="${rx}" y="${ry}" width="${rw}" height="${rh}" rx="3" fill="${fill}"${
      cell.starBranch ? ` stroke="${GOLD}" stroke-width="3"` : ''
    }/>`,
    `<text x="${px(x + cw / 2)}" y="${px(y + ch / 2 + 4)}" text-anchor="middle" class="stars" fill="${textFill}">${esc(text)}</text>`,
  ];
  if (cell.presented) {
    out.push(
      `<circle cx="${px(rx + rw - 5)}" cy="${px(ry + rh - 5)}" r="2.5" fill="${cell.stars >= 4 && !vetoed ? '#fff' : INK}"/>`,
    );
  }
  out.push('</g>');
  return out.join('');
}

// ——— activities stacked bars ———

function niceStep(max: number, ticks: number): number {
  const raw = Math.max(1, max) / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * power >= raw) return Math.max(1, m * power);
  return 10 * power;
}

function activitiesSection(model: ReportModel, w: Words, locale: ReportLocale): string {
  const a = model.activities;
  const any = a.byMonth.some((m) => m.total > 0);
  const legend = a.kinds
    .map(
      (k) =>
        `<span class="key"><i class="sw" style="background:${KIND_COLOURS[k]}"></i>${esc(kindLabel(k, locale))} <b>${a.kindTotals[k]}</b></span>`,
    )
    .join('');
  return `<section id="activities">
<h2>${esc(w.activitiesTitle)}</h2>
<p class="note">${esc(w.activitiesNote(a.outsideProgramme))}</p>
<div class="legend">${legend}</div>
<div class="chart">${any ? activitiesSvg(model, w, locale) : `<p class="muted">${esc(w.noData)}</p>`}</div>
</section>`;
}

function activitiesSvg(model: ReportModel, w: Words, locale: ReportLocale): string {
  const a = model.activities;
  const width = 960;
  const height = 360;
  const left = 48;
  const right = 12;
  const top = 24;
  const bottom = 52;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const maxTotal = Math.max(1, ...a.byMonth.map((m) => m.total));
  const step = niceStep(maxTotal, 5);
  const yMax = Math.ceil(maxTotal / step) * step;
  const y = (v: number) => top + plotH - (v / yMax) * plotH;
  const band = plotW / Math.max(1, a.byMonth.length);
  const barW = Math.min(56, band * 0.62);
  const parts: string[] = [];

  for (let v = 0; v <= yMax; v += step) {
    parts.push(
      `<line x1="${left}" x2="${width - right}" y1="${px(y(v))}" y2="${px(y(v))}" stroke="${v === 0 ? '#9ca3af' : LINE}"/>`,
      `<text x="${left - 8}" y="${px(y(v) + 4)}" text-anchor="end" class="ax">${v}</text>`,
    );
  }
  a.byMonth.forEach((m, i) => {
    const cx = left + band * i + band / 2;
    const x = cx - barW / 2;
    let base = 0;
    for (const kind of a.kinds) {
      const n = m.counts[kind];
      if (n === 0) continue;
      const y0 = y(base);
      const y1 = y(base + n);
      parts.push(
        `<rect x="${px(x)}" y="${px(y1)}" width="${px(barW)}" height="${px(y0 - y1)}" fill="${KIND_COLOURS[kind]}" stroke="#fff" stroke-width="0.8"><title>${esc(w.month(m.month))} · ${esc(kindLabel(kind, locale))}: ${n}</title></rect>`,
      );
      base += n;
    }
    if (m.total > 0) {
      parts.push(
        `<text x="${px(cx)}" y="${px(y(m.total) - 6)}" text-anchor="middle" class="val">${m.total}</text>`,
      );
    }
    parts.push(
      `<text x="${px(cx)}" y="${height - bottom + 18}" text-anchor="middle" class="ax">${esc(w.monthShort(m.month))}</text>`,
    );
    if (i === 0 || m.month.endsWith('-01')) {
      parts.push(
        `<text x="${px(cx)}" y="${height - bottom + 34}" text-anchor="middle" class="ax2">${esc(w.year(m.month))}</text>`,
      );
    }
  });
  return `<svg class="bars" viewBox="0 0 ${width} ${height}" width="${width}" role="img" aria-label="${esc(w.activitiesTitle)}">${parts.join('')}</svg>`;
}

// ——— defense strip chart ———

function statusText(mark: JudgeMark, w: Words): string {
  switch (mark.status) {
    case 'dropped-high':
      return w.droppedHigh;
    case 'dropped-low':
      return w.droppedLow;
    case 'superseded':
      return w.superseded;
    case 'conflict':
      return w.conflict;
    default:
      return w.counted;
  }
}

function defenseSection(model: ReportModel, w: Words, locale: ReportLocale): string {
  const d = model.defense;
  const any = d.branches.some((b) => b.marks.some((m) => m.value !== null));
  const legend = [
    `<span class="key"><i class="mk counted"></i>${esc(w.counted)}</span>`,
    `<span class="key"><i class="mk dropped"></i>${esc(w.droppedHigh)} / ${esc(w.droppedLow)}</span>`,
    `<span class="key"><i class="mk superseded"></i>${esc(w.superseded)}</span>`,
    `<span class="key"><i class="mk conflict">×</i>${esc(w.conflict)}</span>`,
    `<span class="key"><i class="mk mean"></i>${esc(w.meanLine)}</span>`,
  ].join('');
  const criterionNotes = d.branches
    .filter((b) => b.droppedCriterionMarks.length > 0)
    .map(
      (b) =>
        `<li><b>${esc(b.name)}</b>${w.colon}${b.droppedCriterionMarks
          .map(
            (m) =>
              `${esc(m.criterion)} · ${esc(m.judge)} ${esc(m.value)} (${esc(m.side === 'high' ? w.droppedHigh : w.droppedLow)})`,
          )
          .join(w.listSep)}</li>`,
    )
    .join('');
  const detailRows = d.branches
    .flatMap((b) =>
      b.marks.map(
        (m) =>
          `<tr class="st-${m.status}"><td>${esc(b.name)}</td><td>${esc(m.judge)}</td><td class="n">${esc(m.display ?? w.none)}</td><td>${esc(statusText(m, w))}</td><td>${esc(m.reason === null ? '' : localText(m.reason, locale))}</td></tr>`,
      ),
    )
    .join('');
  return `<section id="defense">
<h2>${esc(w.defenseTitle)}</h2>
<p class="note">${esc(w.defenseNote(d.trimFrom, d.trimCount, d.aggregateBy))}</p>
<div class="legend">${legend}</div>
<div class="chart">${any ? defenseSvg(model, w, locale) : `<p class="muted">${esc(w.noData)}</p>`}</div>
${d.branches.some((b) => b.score?.source === 'recomputed') ? `<p class="small">${esc(w.recomputedNote)}</p>` : ''}
${criterionNotes === '' ? '' : `<h3>${esc(w.droppedCriterion)}</h3><ul class="small">${criterionNotes}</ul>`}
${
  detailRows === ''
    ? ''
    : `<details><summary>${esc(w.details)}</summary><table class="grid"><thead><tr><th>${esc(w.branch)}</th><th>${esc(w.judge)}</th><th class="n">${esc(w.judgeTotal)}</th><th>${esc(w.status)}</th><th>${esc(w.reason)}</th></tr></thead><tbody>${detailRows}</tbody></table></details>`
}
</section>`;
}

function defenseSvg(model: ReportModel, w: Words, locale: ReportLocale): string {
  const d = model.defense;
  const rows = d.branches;
  const width = 960;
  const labelW = 230;
  const scoreW = 130;
  const axisH = 28;
  const rowH = 50;
  const plotL = labelW + 10;
  const plotR = width - scoreW - 10;
  const values = rows.flatMap((b) => [
    ...b.marks.flatMap((m) => (m.value === null ? [] : [m.value])),
    ...(b.score === null ? [] : [b.score.value]),
  ]);
  const lowest = Math.min(...values);
  const highest = Math.max(...values);
  let lo = Math.max(0, Math.floor((lowest - 3) / 10) * 10);
  let hi = Math.max(d.maxTotal, Math.ceil(highest));
  if (highest <= d.maxTotal && hi - lo > 0) hi = d.maxTotal;
  if (hi <= lo) hi = lo + 10;
  if (lowest >= hi) lo = Math.max(0, hi - 10);
  const x = (v: number) => plotL + ((v - lo) / (hi - lo)) * (plotR - plotL);
  const step = niceStep(hi - lo, 8);
  const height = axisH * 2 + rows.length * rowH;
  const parts: string[] = [];

  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9; v += step) {
    const gx = px(x(v));
    parts.push(
      `<line x1="${gx}" x2="${gx}" y1="${axisH}" y2="${height - axisH}" stroke="${LINE}"/>`,
      `<text x="${gx}" y="${axisH - 10}" text-anchor="middle" class="ax">${v}</text>`,
      `<text x="${gx}" y="${height - axisH + 18}" text-anchor="middle" class="ax">${v}</text>`,
    );
  }

  rows.forEach((b, r) => {
    const top = axisH + r * rowH;
    const cy = top + rowH / 2;
    if (r % 2 === 1) {
      parts.push(
        `<rect x="0" y="${top}" width="${width}" height="${rowH}" fill="#fafafa" opacity="0.9"/>`,
      );
    }
    parts.push(
      `<text x="${labelW - 6}" y="${px(cy - 2)}" text-anchor="end" class="lbl"><title>${esc(b.name)} (${esc(b.branch)})</title>${b.rank === null ? '' : `${b.rank}. `}${esc(fit(b.name, 13))}</text>`,
      `<text x="${labelW - 6}" y="${px(cy + 13)}" text-anchor="end" class="ax2">${esc(w.judges(b.judgesCounted))}</text>`,
      `<line x1="${plotL}" x2="${plotR}" y1="${cy}" y2="${cy}" stroke="#d1d5db"/>`,
    );
    // Markers first, then the mean line over them, then the dropped-mark labels on top of all.
    const placed: number[] = [];
    const labels: string[] = [];
    for (const m of b.marks) {
      if (m.value === null) continue;
      const mx = x(m.value);
      const near = placed.filter((p) => Math.abs(p - mx) < 6).length;
      placed.push(mx);
      const dy = [0, -7, 7, -13, 13][near % 5]!;
      parts.push(markSvg(m, mx, cy + dy, w, locale));
      if (m.status === 'dropped-high' || m.status === 'dropped-low') {
        const text = `${m.status === 'dropped-high' ? w.droppedHigh : w.droppedLow} ${m.display ?? ''}`;
        const ly = m.status === 'dropped-high' ? cy - 13 : cy + 21;
        const lx = Math.min(Math.max(mx, plotL + 36), plotR - 36);
        labels.push(
          `<text x="${px(lx)}" y="${px(ly)}" text-anchor="middle" class="drop">${esc(text)}</text>`,
        );
      }
    }
    if (b.score !== null) {
      const mx = px(x(b.score.value));
      parts.push(
        `<line x1="${mx}" x2="${mx}" y1="${top + 7}" y2="${top + rowH - 7}" stroke="${INK}" stroke-width="2"><title>${esc(w.meanLine)} ${esc(b.score.display)}</title></line>`,
      );
    }
    parts.push(...labels);
    const scoreText =
      b.score === null
        ? `<tspan fill="${GREY}">${esc(b.incomplete ? w.incomplete : w.none)}</tspan>`
        : `<tspan font-weight="700">${esc(b.score.display)}</tspan>${
            b.score.source === 'recomputed' ? `<tspan fill="${GREY}">*</tspan>` : ''
          }`;
    parts.push(
      `<text x="${plotR + 14}" y="${px(cy + 5)}" class="lbl">${scoreText}${
        b.score === null
          ? ''
          : `<title>${esc(w.meanLine)}${b.score.source === 'recomputed' ? esc(w.recomputed) : ''}</title>`
      }</text>`,
    );
    if (b.incomplete && b.score !== null) {
      parts.push(
        `<text x="${plotR + 14}" y="${px(cy + 19)}" class="ax2">${esc(w.incomplete)}</text>`,
      );
    }
  });

  return `<svg class="strip" viewBox="0 0 ${width} ${height}" width="${width}" role="img" aria-label="${esc(w.defenseTitle)}">${parts.join('')}</svg>`;
}

function markSvg(m: JudgeMark, x: number, y: number, w: Words, locale: ReportLocale): string {
  const tip = `${m.judge}: ${m.display ?? ''} · ${statusText(m, w)}${
    m.reason === null ? '' : ` · ${localText(m.reason, locale)}`
  }`;
  const title = `<title>${esc(tip)}</title>`;
  const cx = px(x);
  const cy = px(y);
  switch (m.status) {
    case 'counted':
      return `<circle cx="${cx}" cy="${cy}" r="6" fill="${RED}" fill-opacity="0.85" stroke="#fff" stroke-width="1">${title}</circle>`;
    case 'dropped-high':
    case 'dropped-low':
      return `<g class="dropped">${title}<circle cx="${cx}" cy="${cy}" r="6" fill="#fff" stroke="${RED}" stroke-width="2"/><line x1="${px(x - 6)}" y1="${px(y + 6)}" x2="${px(x + 6)}" y2="${px(y - 6)}" stroke="${RED}" stroke-width="1.5"/></g>`;
    case 'superseded':
      return `<rect x="${px(x - 4.5)}" y="${px(y - 4.5)}" width="9" height="9" fill="#fff" stroke="#9ca3af" stroke-width="1.5" stroke-dasharray="2 1.5">${title}</rect>`;
    case 'conflict':
      return `<path d="M${px(x - 4.5)} ${px(y - 4.5)}L${px(x + 4.5)} ${px(y + 4.5)}M${px(x + 4.5)} ${px(y - 4.5)}L${px(x - 4.5)} ${px(y + 4.5)}" stroke="#9ca3af" stroke-width="2">${title}</path>`;
  }
}

// ——— final ranking ———

function rankingSection(model: ReportModel, w: Words, locale: ReportLocale): string {
  if (model.ranking.length === 0) {
    return `<section id="ranking"><h2>${esc(w.rankingTitle)}</h2><p class="muted">${esc(w.noData)}</p></section>`;
  }
  const rows = model.ranking
    .map((r) => {
      const result = r.advanced
        ? `<span class="badge">${esc(w.advancedBadge)}</span>`
        : r.ineligibleReason !== null
          ? `<span class="why">${esc(localText(r.ineligibleReason, locale))}</span>`
          : '';
      return `<tr class="${r.advanced ? 'adv' : r.eligible ? '' : 'inel'}"><td class="n">${r.rank}</td><td>${esc(r.name)}<span class="id"> ${esc(r.branch)}</span></td><td>${esc(tierLabel(r.tier, locale))}</td><td class="n">${esc(r.process)}</td><td class="n">${esc(r.defense)}</td><td class="n"><b>${esc(r.total)}</b></td><td>${result}</td></tr>`;
    })
    .join('\n');
  return `<section id="ranking">
<h2>${esc(w.rankingTitle)}</h2>
<div class="scroll"><table class="grid rank">
<thead><tr><th class="n">${esc(w.rank)}</th><th>${esc(w.branch)}</th><th>${esc(w.tier)}</th><th class="n">${esc(w.process)}</th><th class="n">${esc(w.defense)}</th><th class="n">${esc(w.finalTotal)}</th><th>${esc(w.result)}</th></tr></thead>
<tbody>
${rows}
</tbody></table></div>
</section>`;
}

// ——— style ———

const STYLE = `
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:#f5f5f6;color:${INK};font:15px/1.6 -apple-system,BlinkMacSystemFont,"Segoe UI","PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",sans-serif}
.wrap{max-width:1080px;margin:0 auto;padding:0 20px}
.top{background:${RED};color:#fff;padding:28px 0 22px;border-bottom:4px solid ${GOLD}}
.top h1{margin:0;font-size:26px;letter-spacing:.02em}
.top .sub{margin:6px 0 0;opacity:.9;font-size:14px}
section{background:#fff;border:1px solid ${LINE};border-radius:10px;padding:18px 22px;margin:20px 0}
h2{margin:0 0 8px;font-size:19px;padding-left:10px;border-left:4px solid ${RED}}
h3{margin:14px 0 6px;font-size:15px;color:#374151}
.note{margin:0 0 10px;color:${GREY};font-size:13px}
.muted{color:#9ca3af}
.small{font-size:12.5px;color:${GREY}}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(155px,1fr));gap:12px;margin:10px 0 6px}
.card{border:1px solid ${LINE};border-radius:8px;padding:12px 14px;background:#fcfcfd}
.card .num{font-size:30px;font-weight:700;line-height:1.2;color:${INK};font-variant-numeric:tabular-nums}
.card .cap{font-size:14px;color:#374151;margin-top:2px}
.card .small{margin-top:4px}
.card.accent{background:${RED};border-color:${RED}}
.card.accent .num,.card.accent .cap{color:#fff}
.two{display:grid;grid-template-columns:1fr 1fr;gap:20px}
@media (max-width:720px){.two{grid-template-columns:1fr}.top h1{font-size:21px}}
table.grid{border-collapse:collapse;width:100%;font-size:14px}
table.grid th,table.grid td{border-bottom:1px solid ${LINE};padding:5px 8px;text-align:left;vertical-align:top}
table.grid th{font-weight:600;color:#374151;background:#f9fafb}
table.grid .n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.star-name{display:inline-block;margin-right:8px;color:${DARK_RED}}
.legend{display:flex;flex-wrap:wrap;gap:6px 16px;font-size:13px;color:#374151;margin:4px 0 10px}
.key{display:inline-flex;align-items:center;gap:5px}
.sw{display:inline-block;width:14px;height:14px;border-radius:3px}
.dot{display:inline-block;width:7px;height:7px;border-radius:50%}
.mk{display:inline-block;width:12px;height:12px;border-radius:50%;font-style:normal}
.mk.counted{background:${RED}}
.mk.dropped{border:2px solid ${RED};background:linear-gradient(135deg,transparent 44%,${RED} 44%,${RED} 56%,transparent 56%)}
.mk.superseded{border-radius:1px;border:1.5px dashed #9ca3af;width:10px;height:10px}
.mk.conflict{width:auto;height:auto;color:#9ca3af;font-weight:700;line-height:1}
.mk.mean{width:2px;height:14px;border-radius:0;background:${INK}}
.chart{overflow-x:auto}
.chart svg{display:block;max-width:100%;min-width:680px;height:auto}
.nw{white-space:nowrap}
svg text{font-family:inherit}
svg .ax{font-size:12px;fill:${GREY}}
svg .ax2{font-size:11px;fill:#9ca3af}
svg .lbl{font-size:13px;fill:${INK}}
svg .val{font-size:12px;fill:#374151;font-weight:600}
svg .stars{font-size:11px;letter-spacing:-.5px}
svg .drop{font-size:10.5px;fill:${DARK_RED};paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}
details{margin-top:12px;font-size:14px}
summary{cursor:pointer;color:${DARK_RED}}
tr.st-superseded td,tr.st-conflict td{color:#9ca3af}
tr.st-dropped-high td:nth-child(3),tr.st-dropped-low td:nth-child(3){text-decoration:line-through;text-decoration-color:${RED}}
tr.st-dropped-high td:nth-child(4),tr.st-dropped-low td:nth-child(4){color:${DARK_RED}}
.scroll{overflow-x:auto}
table.rank tr.adv td{background:#fff5f6}
table.rank tr.inel td{color:${GREY}}
.badge{display:inline-block;background:${RED};color:#fff;border-radius:999px;padding:1px 10px;font-size:12.5px;white-space:nowrap}
.why{font-size:12.5px;color:${GREY}}
.id{color:#9ca3af;font-size:12px}
.foot{color:#9ca3af;font-size:12px;padding-bottom:28px}
@media print{
  @page{size:A4;margin:12mm}
  body{background:#fff;font-size:12px}
  .wrap{max-width:none;padding:0}
  .top{background:#fff;color:${INK};border-bottom:2px solid ${RED};padding:0 0 8px}
  .top h1{color:${RED}}
  section{border:none;padding:0;margin:14px 0;break-inside:avoid-page}
  #ranking{break-inside:auto}
  .card.accent{background:#fff}
  .card.accent .num,.card.accent .cap{color:${RED}}
  .chart{overflow:visible}
  .chart svg{min-width:0}
  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
`;
