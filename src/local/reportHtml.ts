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
import { t, type MessageKey, type MessageParams } from '../domain/messages';
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
  detailsInWorkbook: string;
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

/** The page's words in its language, from the message catalogue. */
function words(locale: ReportLocale): Words {
  const w = (key: MessageKey, params?: MessageParams) => t(locale, key, params);
  const monthName = (m: string) => {
    const n = Number(m.slice(5, 7));
    return n >= 1 && n <= 12 ? w(`report.monthName.${n}` as MessageKey) : m.slice(5, 7);
  };
  return {
    title: (year) => w('report.title', { year }),
    generated: w('report.generated'),
    period: w('report.period'),
    headline: w('report.headline'),
    branches: w('report.branches'),
    branchesSub: (applied) => w('report.branchesSub', { applied }),
    activities: w('report.activities'),
    starTitles: w('report.starTitles'),
    starTitlesSub: (picks) => w('report.starTitlesSub', { picks }),
    advanced: w('report.advanced'),
    awards: w('report.awards'),
    nonCompliant: w('report.nonCompliant'),
    nonCompliantSub: w('report.nonCompliantSub'),
    notYet: w('report.notYet'),
    byTier: w('report.byTier'),
    tier: w('report.tier'),
    tierBranches: w('report.tierBranches'),
    tierActivities: w('report.tierActivities'),
    starBranchesByMonth: w('report.starBranchesByMonth'),
    none: w('report.none'),
    starsTitle: w('report.starsTitle'),
    starsNote: w('report.starsNote'),
    legendStarBranch: w('report.legendStarBranch'),
    legendPresented: w('report.legendPresented'),
    legendNoResult: w('report.legendNoResult'),
    legendVeto: w('report.legendVeto'),
    veto: w('report.veto'),
    total: w('report.total'),
    titlesShort: (count) => w('report.titlesShort', { count }),
    activitiesTitle: w('report.activitiesTitle'),
    activitiesNote: (count) =>
      w('report.activitiesNote') + (count > 0 ? w('report.activitiesOutside', { count }) : ''),
    count: w('report.count'),
    defenseTitle: w('report.defenseTitle'),
    defenseNote: (from, count, mode) =>
      w(mode === 'total' ? 'report.defenseNote.total' : 'report.defenseNote.criterion', {
        from,
        count,
      }),
    droppedHigh: w('report.droppedHigh'),
    droppedLow: w('report.droppedLow'),
    counted: w('report.counted'),
    superseded: w('report.superseded'),
    conflict: w('report.conflict'),
    meanLine: w('report.meanLine'),
    mean: w('report.mean'),
    recomputed: w('report.recomputed'),
    recomputedNote: w('report.recomputedNote'),
    tierShort: {
      junior: w('report.tierShort.junior'),
      senior: w('report.tierShort.senior'),
      graduate: w('report.tierShort.graduate'),
    },
    incomplete: w('report.incomplete'),
    judges: (count) => w('report.judges', { count }),
    droppedCriterion: w('report.droppedCriterion'),
    colon: w('report.colon'),
    listSep: w('report.listSep'),
    details: w('report.details'),
    detailsInWorkbook: w('report.detailsInWorkbook'),
    judge: w('report.judge'),
    judgeTotal: w('report.judgeTotal'),
    status: w('report.status'),
    reason: w('report.reason'),
    rankingTitle: w('report.rankingTitle'),
    rank: w('report.rank'),
    branch: w('report.branch'),
    process: w('report.process'),
    defense: w('report.defense'),
    finalTotal: w('report.finalTotal'),
    result: w('report.result'),
    advancedBadge: w('report.advancedBadge'),
    noData: w('report.noData'),
    footer: w('report.footer'),
    month: (m) => w('report.month', { year: Number(m.slice(0, 4)), month: monthName(m) }),
    monthShort: monthName,
    year: (m) => w('report.year', { year: m.slice(0, 4) }),
  };
}

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
  const w = words(locale);
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
${rankingSection(model, w, locale)}
${starsSection(model, w, locale)}
${activitiesSection(model, w, locale)}
${defenseSection(model, w, locale)}
</main>
<footer class="wrap foot">${esc(w.footer)}</footer>
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
            : m.branches
                .map((b) => `<span class="star-name nm">★ ${nameText(b.name)}</span>`)
                .join(' ')
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

/**
 * The heatmap is an HTML table, not a drawing, so every branch name is real text that wraps
 * instead of being cut, a printout repeats the month header on every page, and a phone turns each
 * row into a card (name above, months below).
 */
function starsSection(model: ReportModel, w: Words, locale: ReportLocale): string {
  const rows = model.stars;
  const body =
    rows.length === 0 || model.months.length === 0
      ? `<p class="muted">${esc(w.noData)}</p>`
      : starsTable(model, rows, w, locale);
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
${body}
</section>`;
}

/**
 * Full branch names; where two rows share one, the branch id is shown after it so that no two rows
 * read the same.
 */
export function branchLabels(
  rows: readonly { branch: string; name: string }[],
): Map<string, { name: string; id: string | null }> {
  const uses = new Map<string, number>();
  for (const r of rows) uses.set(r.name, (uses.get(r.name) ?? 0) + 1);
  return new Map(
    rows.map((r) => [
      r.branch,
      { name: r.name, id: (uses.get(r.name) ?? 0) > 1 ? r.branch : null },
    ]),
  );
}

/**
 * A branch name, escaped, with line-break chances only where a reader would break it: after the
 * school and the grade ("计算机学院|2025级|本科生第一党支部"). The page keeps CJK words whole
 * (`word-break: keep-all`) and breaks anywhere only when a part is wider than its line.
 */
export function nameText(name: string): string {
  return esc(name).replace(/(学院|学部|书院|研究院|级)(?=.)/g, '$1<wbr>');
}

function nameHtml(
  label: { name: string; id: string | null } | undefined,
  fallback: string,
): string {
  const name = label?.name ?? fallback;
  return `<span class="nm">${nameText(name)}</span>${label?.id ? ` <span class="id">${esc(label.id)}</span>` : ''}`;
}

function starsTable(
  model: ReportModel,
  rows: readonly StarRow[],
  w: Words,
  locale: ReportLocale,
): string {
  const months = model.months;
  const labels = branchLabels(rows);
  const head = months
    .map(
      (m, i) =>
        `<th class="m" scope="col">${i === 0 || m.endsWith('-01') ? `<span class="yr">${esc(w.year(m))}</span>` : ''}${esc(w.monthShort(m))}</th>`,
    )
    .join('');
  const body = rows
    .map((row) => {
      const cells = row.cells
        .map((cell, i) => starCell(cell, row.name, months[i]!, w, locale))
        .join('');
      const titles =
        row.starBranchTitles > 0
          ? `<b class="titles" title="${esc(w.titlesShort(row.starBranchTitles))}">${row.starBranchTitles}</b>`
          : '';
      return `<tr><th class="name" scope="row">${nameHtml(labels.get(row.branch), row.name)}</th>${cells}<td class="tot"><span class="star">★</span> ${row.totalStars}${titles}</td></tr>`;
    })
    .join('\n');
  return `<table class="heat" style="--months:${months.length}">
<colgroup><col class="name">${months.map(() => '<col>').join('')}<col class="tot"></colgroup>
<thead><tr><th class="corner" scope="col">${esc(w.branch)}</th>${head}<th class="tot" scope="col">${esc(w.total)}</th></tr></thead>
<tbody>
${body}
</tbody></table>`;
}

function starCell(
  cell: StarCell | null,
  branchName: string,
  month: string,
  w: Words,
  locale: ReportLocale,
): string {
  if (cell === null) {
    return `<td class="c none" title="${esc(`${branchName} · ${w.month(month)} · ${w.legendNoResult}`)}"></td>`;
  }
  const vetoed = cell.veto !== null;
  const stars = Math.max(0, Math.min(5, cell.stars));
  const tip = [
    `${branchName} · ${w.month(month)}`,
    `${w.mean} ${cell.score} · #${cell.rank}`,
    cell.starBranch ? w.legendStarBranch : '',
    cell.presented ? w.legendPresented : '',
    vetoed ? `${w.legendVeto}: ${localText(cell.veto!, locale)}` : '',
  ]
    .filter((t) => t !== '')
    .join('\n');
  const classes = [
    'c',
    vetoed ? 'veto' : `s${stars}`,
    cell.starBranch ? 'gold' : '',
    cell.presented ? 'pres' : '',
  ]
    .filter((c) => c !== '')
    .join(' ');
  // Stars where there is room; on a phone and on paper the count, the colour saying the same.
  const text = vetoed
    ? esc(w.veto)
    : `<span class="st">${stars === 0 ? '0' : '★'.repeat(stars)}</span><span class="sn">${stars}</span>`;
  return `<td class="${classes}" title="${esc(tip)}">${text}</td>`;
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
<div class="chart">${
    any
      ? activitiesSvg(model, w, locale, { width: 960, height: 360, barMax: 56, cls: 'wide' }) +
        activitiesSvg(model, w, locale, { width: 360, height: 280, barMax: 24, cls: 'narrow' })
      : `<p class="muted">${esc(w.noData)}</p>`
  }</div>
</section>`;
}

/** The chart at one size: a wide one for screens and paper, a narrow one a phone shows instead. */
interface BarsSize {
  width: number;
  height: number;
  barMax: number;
  cls: 'wide' | 'narrow';
}

function activitiesSvg(model: ReportModel, w: Words, locale: ReportLocale, size: BarsSize): string {
  const a = model.activities;
  const { width, height } = size;
  const left = size.cls === 'wide' ? 48 : 30;
  const right = size.cls === 'wide' ? 12 : 4;
  const top = 24;
  const bottom = 52;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const maxTotal = Math.max(1, ...a.byMonth.map((m) => m.total));
  const step = niceStep(maxTotal, 5);
  const yMax = Math.ceil(maxTotal / step) * step;
  const y = (v: number) => top + plotH - (v / yMax) * plotH;
  const band = plotW / Math.max(1, a.byMonth.length);
  const barW = Math.min(size.barMax, band * 0.62);
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
  return `<svg class="bars ${size.cls}" viewBox="0 0 ${width} ${height}" width="${width}" role="img" aria-label="${esc(w.activitiesTitle)}">${parts.join('')}</svg>`;
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
  // The judges' raw marks are for the screen (collapsed); a printout says where they are instead.
  return `<section id="defense">
<h2>${esc(w.defenseTitle)}</h2>
<p class="note">${esc(w.defenseNote(d.trimFrom, d.trimCount, d.aggregateBy))}</p>
<div class="legend">${legend}</div>
${any ? defenseTable(model, w, locale) : `<p class="muted">${esc(w.noData)}</p>`}
${d.branches.some((b) => b.score?.source === 'recomputed') ? `<p class="small">${esc(w.recomputedNote)}</p>` : ''}
${criterionNotes === '' ? '' : `<h3>${esc(w.droppedCriterion)}</h3><ul class="small">${criterionNotes}</ul>`}
${
  detailRows === ''
    ? ''
    : `<details id="judge-marks"><summary>${esc(w.details)}</summary><table class="grid marks"><thead><tr><th>${esc(w.branch)}</th><th>${esc(w.judge)}</th><th class="n">${esc(w.judgeTotal)}</th><th>${esc(w.status)}</th><th>${esc(w.reason)}</th></tr></thead><tbody>${detailRows}</tbody></table></details>
<p class="small print-only">${esc(w.detailsInWorkbook)}</p>`
}
</section>`;
}

/** Where the judges' totals are plotted: a score range and its place across the plot, in %. */
interface DefenseScale {
  lo: number;
  hi: number;
  step: number;
  x: (value: number) => number;
}

function defenseScale(model: ReportModel): DefenseScale {
  const d = model.defense;
  const values = d.branches.flatMap((b) => [
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
  // 3 % of air at either end, so a mark at the edge is drawn whole.
  return { lo, hi, step: niceStep(hi - lo, 8), x: (v) => 3 + ((v - lo) / (hi - lo)) * 94 };
}

function pct(value: number): string {
  return `${Math.round(value * 100) / 100}%`;
}

/** The ticks of the score axis, for the header and footer rows. */
function axisSvg(scale: DefenseScale): string {
  const ticks: string[] = [];
  for (
    let v = Math.ceil(scale.lo / scale.step) * scale.step;
    v <= scale.hi + 1e-9;
    v += scale.step
  ) {
    ticks.push(`<text x="${pct(scale.x(v))}" y="15" text-anchor="middle" class="ax">${v}</text>`);
  }
  return `<svg class="axis" width="100%" height="20" aria-hidden="true">${ticks.join('')}</svg>`;
}

/**
 * One table row per branch: its full name as text, a strip plot of the judges' totals and the
 * score. Positions across the strip are percentages, so the strip stretches to any width while
 * the marks and their labels keep their size.
 */
function defenseTable(model: ReportModel, w: Words, locale: ReportLocale): string {
  const scale = defenseScale(model);
  const labels = branchLabels(model.defense.branches);
  const grid: string[] = [];
  for (
    let v = Math.ceil(scale.lo / scale.step) * scale.step;
    v <= scale.hi + 1e-9;
    v += scale.step
  ) {
    grid.push(
      `<line x1="${pct(scale.x(v))}" x2="${pct(scale.x(v))}" y1="0" y2="100%" class="gl"/>`,
    );
  }
  const rows = model.defense.branches
    .map((b) => {
      const name = `${b.rank === null ? '' : `<span class="rk">${b.rank}.</span> `}${nameHtml(labels.get(b.branch), b.name)}<span class="sub">${esc(w.judges(b.judgesCounted))}</span>`;
      const score =
        b.score === null
          ? `<span class="muted">${esc(b.incomplete ? w.incomplete : w.none)}</span>`
          : `<b title="${esc(w.meanLine)}${b.score.source === 'recomputed' ? esc(w.recomputed) : ''}">${esc(b.score.display)}</b>${
              b.score.source === 'recomputed' ? `<span class="muted">*</span>` : ''
            }${b.incomplete ? `<span class="sub">${esc(w.incomplete)}</span>` : ''}`;
      return `<tr><th class="name" scope="row">${name}</th><td class="plot">${stripSvg(b, scale, grid, w, locale)}</td><td class="score">${score}</td></tr>`;
    })
    .join('\n');
  const axis = `<tr><th class="corner"></th><th class="plot">${axisSvg(scale)}</th><th class="score"></th></tr>`;
  return `<table class="defense">
<colgroup><col class="name"><col><col class="score"></colgroup>
<thead>${axis.replace('<th class="score"></th>', `<th class="score">${esc(w.mean)}</th>`)}</thead>
<tfoot>${axis}</tfoot>
<tbody>
${rows}
</tbody></table>`;
}

function stripSvg(
  b: ReportModel['defense']['branches'][number],
  scale: DefenseScale,
  grid: readonly string[],
  w: Words,
  locale: ReportLocale,
): string {
  const parts: string[] = [...grid, `<line x1="0" x2="100%" y1="50%" y2="50%" class="base"/>`];
  // Markers first, then the mean line over them, then the dropped-mark labels on top of all.
  const placed: number[] = [];
  const labels: string[] = [];
  for (const m of b.marks) {
    if (m.value === null) continue;
    const mx = scale.x(m.value);
    const near = placed.filter((p) => Math.abs(p - mx) < 1.2).length;
    placed.push(mx);
    const dy = [0, -7, 7, -13, 13][near % 5]!;
    parts.push(markSvg(m, mx, dy, w, locale));
    if (m.status === 'dropped-high' || m.status === 'dropped-low') {
      const text = `${m.status === 'dropped-high' ? w.droppedHigh : w.droppedLow} ${m.display ?? ''}`;
      const anchor = mx < 12 ? 'start' : mx > 88 ? 'end' : 'middle';
      labels.push(
        `<text x="${pct(mx)}" y="50%" dy="${m.status === 'dropped-high' ? -12 : 20}" text-anchor="${anchor}" class="drop">${esc(text)}</text>`,
      );
    }
  }
  if (b.score !== null) {
    const mx = pct(scale.x(b.score.value));
    parts.push(
      `<line x1="${mx}" x2="${mx}" y1="14%" y2="86%" class="mean"><title>${esc(w.meanLine)} ${esc(b.score.display)}</title></line>`,
    );
  }
  parts.push(...labels);
  return `<svg class="strip" width="100%" height="50" role="img" aria-label="${esc(`${b.name} · ${w.defenseTitle}`)}">${parts.join('')}</svg>`;
}

/** A judge's mark at `x` % across, `dy` px off the middle line (marks that would overlap fan out). */
function markSvg(m: JudgeMark, x: number, dy: number, w: Words, locale: ReportLocale): string {
  const tip = `${m.judge}: ${m.display ?? ''} · ${statusText(m, w)}${
    m.reason === null ? '' : ` · ${localText(m.reason, locale)}`
  }`;
  const shape = (() => {
    switch (m.status) {
      case 'counted':
        return `<circle r="6" fill="${RED}" fill-opacity="0.85" stroke="#fff" stroke-width="1"/>`;
      case 'dropped-high':
      case 'dropped-low':
        return `<g class="dropped"><circle r="6" fill="#fff" stroke="${RED}" stroke-width="2"/><line x1="-6" y1="6" x2="6" y2="-6" stroke="${RED}" stroke-width="1.5"/></g>`;
      case 'superseded':
        return `<rect x="-4.5" y="-4.5" width="9" height="9" fill="#fff" stroke="#9ca3af" stroke-width="1.5" stroke-dasharray="2 1.5"/>`;
      case 'conflict':
        return `<path d="M-4.5 -4.5L4.5 4.5M4.5 -4.5L-4.5 4.5" stroke="#9ca3af" stroke-width="2"/>`;
    }
  })();
  // A nested <svg> places the mark by percentage; its own drawing is in pixels around (0, 0).
  return `<svg x="${pct(x)}" y="50%" overflow="visible"><title>${esc(tip)}</title><g transform="translate(0 ${dy})">${shape}</g></svg>`;
}

// ——— final ranking ———

function rankingSection(model: ReportModel, w: Words, locale: ReportLocale): string {
  if (model.ranking.length === 0) {
    return `<section id="ranking"><h2>${esc(w.rankingTitle)}</h2><p class="muted">${esc(w.noData)}</p></section>`;
  }
  // Each cell carries its column's name, shown inside the cell when a phone turns rows into cards.
  const rows = model.ranking
    .map((r) => {
      const result = r.advanced
        ? `<span class="badge">${esc(w.advancedBadge)}</span>`
        : r.ineligibleReason !== null
          ? `<span class="why">${esc(localText(r.ineligibleReason, locale))}</span>`
          : '';
      return `<tr class="${r.advanced ? 'adv' : r.eligible ? '' : 'inel'}"><td class="n rk">${r.rank}</td><td class="bn"><span class="nm">${nameText(r.name)}</span> <span class="id">${esc(r.branch)}</span></td><td class="tier">${esc(tierLabel(r.tier, locale))}</td><td class="n" data-label="${esc(w.process)}">${esc(r.process)}</td><td class="n" data-label="${esc(w.defense)}">${esc(r.defense)}</td><td class="n total" data-label="${esc(w.finalTotal)}"><b>${esc(r.total)}</b></td><td class="res">${result}</td></tr>`;
    })
    .join('\n');
  return `<section id="ranking">
<h2>${esc(w.rankingTitle)}</h2>
<table class="grid rank">
<thead><tr><th class="n">${esc(w.rank)}</th><th>${esc(w.branch)}</th><th>${esc(w.tier)}</th><th class="n">${esc(w.process)}</th><th class="n">${esc(w.defense)}</th><th class="n">${esc(w.finalTotal)}</th><th>${esc(w.result)}</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</section>`;
}

// ——— style ———

/**
 * Three layouts from one page: the screen; a phone (≤ 640 px: tables become cards, nothing wider
 * than the screen); and A4 paper (the ranking right after the headline, no chart row split across
 * pages, table headers repeated on every page, the judges' raw marks left to the workbook).
 */
const STYLE = `
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:#f5f5f6;color:${INK};font:15px/1.6 -apple-system,BlinkMacSystemFont,"Segoe UI","PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",sans-serif;overflow-wrap:anywhere}
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
.print-only{display:none}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(155px,1fr));gap:12px;margin:10px 0 6px}
.card{border:1px solid ${LINE};border-radius:8px;padding:12px 14px;background:#fcfcfd}
.card .num{font-size:30px;font-weight:700;line-height:1.2;color:${INK};font-variant-numeric:tabular-nums}
.card .cap{font-size:14px;color:#374151;margin-top:2px}
.card .small{margin-top:4px}
.card.accent{background:${RED};border-color:${RED}}
.card.accent .num,.card.accent .cap{color:#fff}
.two{display:grid;grid-template-columns:1fr 1fr;gap:20px}
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
.nw{white-space:nowrap}
.nm{word-break:keep-all}
.id{color:#9ca3af;font-size:12px;white-space:nowrap}
.sub{display:block;color:#9ca3af;font-size:11.5px;font-weight:400}
svg text{font-family:inherit}
svg .ax{font-size:12px;fill:${GREY}}
svg .ax2{font-size:11px;fill:#9ca3af}
svg .val{font-size:12px;fill:#374151;font-weight:600}
svg .drop{font-size:10.5px;fill:${DARK_RED};paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}
.chart svg{display:block;max-width:100%;height:auto}
.bars.narrow{display:none}

table.heat{width:100%;table-layout:fixed;border-collapse:separate;border-spacing:3px;font-size:13px}
table.heat col.name{width:300px}
table.heat col.tot{width:92px}
table.heat thead th{font-weight:400;color:${GREY};font-size:12px;text-align:center;vertical-align:bottom;line-height:1.25}
table.heat thead th.corner{text-align:right;padding-right:8px}
table.heat .yr{display:block;font-size:11px;color:#9ca3af}
table.heat th.name{text-align:right;font-weight:400;padding:0 8px 0 0;line-height:1.3}
table.heat td.c{height:30px;text-align:center;border-radius:3px;position:relative;font-size:11px;letter-spacing:-.5px;line-height:1}
table.heat td.c .sn{display:none}
table.heat .s0{background:${STAR_FILLS[0]};color:${GREY}}
table.heat .s1{background:${STAR_FILLS[1]};color:${DARK_RED}}
table.heat .s2{background:${STAR_FILLS[2]};color:${DARK_RED}}
table.heat .s3{background:${STAR_FILLS[3]};color:${DARK_RED}}
table.heat .s4{background:${STAR_FILLS[4]};color:#fff}
table.heat .s5{background:${STAR_FILLS[5]};color:#fff}
table.heat td.veto{background:#e5e7eb;color:${GREY};letter-spacing:0}
table.heat td.none{background:#fff;border:1px dashed #c0c4cc}
table.heat td.gold{box-shadow:inset 0 0 0 3px ${GOLD}}
table.heat td.pres::after{content:"";position:absolute;right:4px;bottom:4px;width:5px;height:5px;border-radius:50%;background:${INK}}
table.heat td.s4.pres::after,table.heat td.s5.pres::after{background:#fff}
table.heat td.tot{white-space:nowrap;padding-left:8px}
table.heat .star{color:${RED}}
.titles{display:inline-block;min-width:20px;margin-left:8px;text-align:center;border:2px solid ${GOLD};border-radius:3px;color:#8a6d0b;line-height:16px;font-size:12px}

table.defense{width:100%;table-layout:fixed;border-collapse:collapse;font-size:13px}
table.defense col.name{width:300px}
table.defense col.score{width:100px}
table.defense th.name{text-align:right;font-weight:400;padding:4px 12px 4px 0;line-height:1.3;vertical-align:middle}
table.defense tbody tr:nth-child(even){background:#fafafa}
table.defense td.score{padding-left:12px;vertical-align:middle;font-variant-numeric:tabular-nums}
table.defense th.score{text-align:left;padding-left:12px;font-weight:400;color:${GREY};font-size:12px}
table.defense td.plot,table.defense th.plot{padding:0}
table.defense .rk{color:${GREY}}
.strip{display:block;overflow:visible}
.axis{display:block;overflow:visible}
.strip .gl{stroke:${LINE}}
.strip .base{stroke:#d1d5db}
.strip .mean{stroke:${INK};stroke-width:2}

details{margin-top:12px;font-size:14px}
summary{cursor:pointer;color:${DARK_RED}}
tr.st-superseded td,tr.st-conflict td{color:#9ca3af}
tr.st-dropped-high td:nth-child(3),tr.st-dropped-low td:nth-child(3){text-decoration:line-through;text-decoration-color:${RED}}
tr.st-dropped-high td:nth-child(4),tr.st-dropped-low td:nth-child(4){color:${DARK_RED}}
table.rank tr.adv td{background:#fff5f6}
table.rank tr.inel td{color:${GREY}}
table.rank td.tier{white-space:nowrap}
.badge{display:inline-block;background:${RED};color:#fff;border-radius:999px;padding:1px 10px;font-size:12.5px;white-space:nowrap}
.why{font-size:12.5px;color:${GREY}}
.foot{color:#9ca3af;font-size:12px;padding-bottom:28px}

@media (max-width:900px){
  table.heat col.name,table.defense col.name{width:34%}
  table.heat td.c .st{display:none}
  table.heat td.c .sn{display:inline;font-size:12px}
}
@media (max-width:720px){.two{grid-template-columns:1fr}.top h1{font-size:21px}}
@media (max-width:640px){
  body{font-size:14px}
  .wrap{padding:0 8px}
  section{padding:14px 12px;margin:12px 0}
  .bars.wide{display:none}
  .bars.narrow{display:block}
  table.grid{font-size:13px}
  table.grid th,table.grid td{padding:4px 5px}

  table.rank thead{display:none}
  table.rank,table.rank tbody{display:block}
  table.rank tr{display:grid;grid-template-columns:2.2em repeat(3,minmax(0,1fr));column-gap:8px;border:1px solid ${LINE};border-radius:8px;padding:8px 10px;margin:0 0 8px}
  table.rank tr.adv{background:#fff5f6;border-color:#f3c3ca}
  table.rank td{border:none;padding:1px 0;background:none !important}
  table.rank td.rk{grid-row:1/span 4;font-size:20px;font-weight:700;text-align:left;color:${DARK_RED}}
  table.rank td.bn{grid-column:2/-1;font-weight:600}
  table.rank td.tier{grid-column:2/-1;color:${GREY};font-size:12.5px;white-space:normal}
  table.rank td.n{text-align:left}
  table.rank td.n[data-label]::before{content:attr(data-label);display:block;font-size:11.5px;color:${GREY}}
  table.rank td.res{grid-column:2/-1}
  table.rank td.res:empty{display:none}

  table.heat,table.heat thead,table.heat tbody{display:block}
  table.heat colgroup{display:none}
  table.heat tr{display:grid;grid-template-columns:repeat(var(--months),minmax(0,1fr)) 4.2em;gap:2px;margin-bottom:8px}
  table.heat thead th.corner,table.heat .yr{display:none}
  table.heat th.name{grid-column:1/-1;text-align:left;padding:0}
  table.heat td.c{height:24px}
  table.heat td.tot{padding-left:4px;text-align:right;font-size:12px}
  table.heat .titles{margin-left:3px;min-width:16px}

  table.defense,table.defense thead,table.defense tbody,table.defense tfoot{display:block}
  table.defense colgroup,table.defense tfoot,table.defense th.corner{display:none}
  table.defense tr{display:grid;grid-template-columns:minmax(0,1fr) 4.6em}
  table.defense th.name{grid-column:1/-1;text-align:left;padding:6px 0 0}
  table.defense .sub{display:inline-block;margin-left:6px;white-space:nowrap}
  table.defense td.score{padding-left:6px}
  table.defense th.score{padding-left:6px}
  .strip .drop{display:none}
}
@media print{
  @page{size:A4;margin:10mm 12mm}
  body{background:#fff;font-size:11px;line-height:1.45}
  .wrap{max-width:none;padding:0}
  .top{background:#fff;color:${INK};border-bottom:2px solid ${RED};padding:0 0 6px}
  .top h1{color:${RED};font-size:20px}
  .top .sub{font-size:11px}
  section{border:none;border-radius:0;padding:0;margin:12px 0}
  h2{font-size:15px;break-after:avoid}
  h3,.note,.legend{break-after:avoid}
  .note,.legend{font-size:10px;margin-bottom:6px}
  .cards{grid-template-columns:repeat(6,1fr);gap:6px}
  .card{padding:6px 8px;break-inside:avoid}
  .card .num{font-size:20px}
  .card .cap{font-size:11px}
  .card .small{font-size:9.5px}
  .card.accent{background:#fff}
  .card.accent .num,.card.accent .cap{color:${RED}}
  .two{grid-template-columns:1fr 1fr}
  table.grid{font-size:10.5px}
  table.grid th,table.grid td{padding:2px 6px}
  tr,.chart,.card{break-inside:avoid}
  .chart svg{max-height:260px;width:auto;margin:0 auto}
  table.rank{font-size:10px}
  table.rank .id{font-size:9px}
  table.rank .why{font-size:9.5px}
  .badge{font-size:9.5px;padding:0 8px}
  .axis .ax{font-size:9.5px}
  .strip .drop{font-size:8.5px}
  details{display:none}
  .print-only{display:block}
  #stars{break-before:page}
  table.heat{border-spacing:2px;font-size:9.5px}
  table.heat col.name{width:215px}
  table.heat col.tot{width:52px}
  table.heat thead th{font-size:9px}
  table.heat .yr{font-size:8px}
  table.heat th.name{padding-right:4px;line-height:1.2}
  table.heat td.c{height:15px;font-size:9px}
  table.heat td.c .sn{font-size:9px}
  table.heat td.gold{box-shadow:inset 0 0 0 2px ${GOLD}}
  table.heat td.pres::after{width:3px;height:3px;right:2px;bottom:2px}
  table.heat td.tot{padding-left:4px;font-size:9.5px}
  .titles{margin-left:4px;min-width:14px;line-height:11px;font-size:9px;border-width:1.5px}
  table.defense{font-size:10px}
  table.defense col.name{width:215px}
  table.defense col.score{width:64px}
  .strip{height:44px}
  .sub{font-size:9px}
  .foot{padding-bottom:0}
  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
`;
