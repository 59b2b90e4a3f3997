/**
 * The 总览 sheet laid out for staff, from the dashboard model: sections one under the other, each
 * a heading band, a header row and its rows, in the workbook's language; the charts to the right
 * of the tables (on Google Sheets; the `.xlsx` shows the same figures with data bars and a colour
 * scale instead). Numbers are number cells with a number format: never "18 / 333" as text.
 *
 * Long texts (the title, notes, what to do) sit in a column's last used cell of their row and
 * spill over the empty cells to their right, so the columns stay as narrow as their figures.
 */
import { joinList, t } from '../domain/messages';
import type { LayoutChart, LayoutTone, SheetLayout } from '../domain/sheetLayout';
import { ACTIVITY_KINDS, AWARD_KINDS, labelOf, TIERS, type Locale } from '../domain/vocabulary';
import type {
  Attention,
  DashboardModel,
  LatestMonth,
  MonthFigures,
  StandingRow,
} from './dashboard';
import { below, cell, SheetBuilder, withHeader } from './sheetBuilder';

/** The charts start at column H, right of the tables. */
const CHART_COLUMN = 7;
const CHART_WIDTH_PX = 560;
const CHART_HEIGHT_PX = 320;
/** Rows a chart covers (21 px rows), and a gap. */
const CHART_ROWS = 18;
/** The standings chart shows this many branches. */
const TOP_BRANCHES = 10;
/** Names of pending applications listed before "and N more". */
const NAMES_LISTED = 3;

/** The tables' columns A–F, at least this wide (characters). */
const MIN_WIDTHS = [26, 10, 12, 12, 10, 12];

const STAR_GOLD = 'FFD966';
const BAR_RED = 'F4A7A7';
const BAR_BLUE = 'A4C8EC';

function starsShown(stars: number): string {
  return '★'.repeat(stars) + '☆'.repeat(Math.max(0, 5 - stars));
}

function attentionRows(sheet: SheetBuilder, attention: Attention, locale: Locale): void {
  /** One thing to do: its count, and what to do (after the detail: which months, which date…). */
  const item = (label: string, count: number | null, detail: string | null, todo: string) => {
    const waiting = count !== null && count > 0;
    const tone: LayoutTone | undefined = waiting ? 'alert' : undefined;
    const text = detail === null ? todo : t(locale, 'dashboard.detail.then', { detail, todo });
    return sheet.spill(
      [cell(label, 'text', tone ? { tone } : {}), cell(count, 'count', { tone: tone ?? 'good' })],
      cell(text, 'text', waiting ? {} : { tone: 'quiet' }),
    );
  };
  const nothing = t(locale, 'dashboard.do.nothing');
  const pending = attention.pendingApplications;
  const listed = pending.names.slice(0, NAMES_LISTED);
  item(
    t(locale, 'dashboard.item.pending'),
    pending.count,
    pending.count === 0
      ? null
      : pending.count > listed.length
        ? t(locale, 'dashboard.detail.andMore', {
            names: joinList(locale, listed),
            count: pending.count,
          })
        : joinList(locale, listed),
    pending.count > 0 ? t(locale, 'dashboard.do.pending') : nothing,
  );
  item(
    t(locale, 'dashboard.item.rejected'),
    attention.openRejected,
    null,
    attention.openRejected > 0 ? t(locale, 'dashboard.do.rejected') : nothing,
  );
  const stale = attention.staleMonths;
  item(
    t(locale, 'dashboard.item.stale'),
    stale.length,
    stale.length > 0 ? joinList(locale, stale) : null,
    stale.length > 0 ? t(locale, 'dashboard.do.stale') : nothing,
  );
  const letters = attention.letters;
  item(
    t(locale, 'dashboard.item.letters'),
    letters.due,
    letters.reissues > 0
      ? t(locale, 'dashboard.detail.reissues', { count: letters.reissues })
      : null,
    letters.due > 0 ? t(locale, 'dashboard.do.letters') : nothing,
  );
  const next = attention.nextShowcase;
  const label = t(locale, 'dashboard.item.showcase');
  if (next === null) {
    item(label, null, null, t(locale, 'dashboard.do.noShowcase'));
    return;
  }
  // The days are a number with a unit; the row asks for action only once the day has come.
  const tone: LayoutTone | undefined = next.due ? 'alert' : undefined;
  const todo = t(locale, next.due ? 'dashboard.do.showcaseDue' : 'dashboard.do.showcase', {
    month: next.month,
  });
  sheet.spill(
    [
      cell(label, 'text', tone ? { tone } : {}),
      cell(next.days, 'count', {
        format: t(locale, 'dashboard.daysFormat'),
        ...(tone ? { tone } : {}),
      }),
    ],
    cell(t(locale, 'dashboard.detail.then', { detail: next.date, todo })),
  );
}

/** Places charts one under the other, right of the tables, from the first one's row. */
class ChartColumn {
  private top: number | null = null;
  constructor(private readonly sheet: SheetBuilder) {}
  place(chart: Omit<LayoutChart, 'anchor' | 'widthPx' | 'heightPx'>): void {
    this.top ??= this.sheet.next;
    this.sheet.charts.push({
      ...chart,
      anchor: { row: this.top + this.sheet.charts.length * CHART_ROWS, column: CHART_COLUMN },
      widthPx: CHART_WIDTH_PX,
      heightPx: CHART_HEIGHT_PX,
    });
  }
}

/** The last finalised month: every branch's stars, then how many got each (a chart). */
function monthSection(
  sheet: SheetBuilder,
  charts: ChartColumn,
  latest: LatestMonth,
  locale: Locale,
): void {
  sheet.section(t(locale, 'dashboard.section.month', { month: latest.month }));
  sheet.line(
    latest.starBranches.length > 0
      ? t(locale, 'dashboard.starBranch', { names: joinList(locale, latest.starBranches) })
      : t(locale, 'dashboard.noStarBranch'),
    'text',
  );
  const header = sheet.header(
    ['branch', 'stars', 'starsShown', 'score', 'rank', 'starBranch'].map((k) =>
      t(locale, `dashboard.head.${k}` as 'dashboard.head.branch'),
    ),
  );
  for (const r of latest.rows) {
    sheet.row([
      cell(r.name),
      cell(r.stars, 'count'),
      cell(starsShown(r.stars), 'stars'),
      cell(r.score, 'score'),
      cell(r.rank, 'count'),
      r.starBranch
        ? cell(t(locale, 'dashboard.mark.starBranch'), 'text', { tone: 'alert' })
        : cell(null),
    ]);
  }
  const rows = latest.rows.length;
  sheet.highlights.push(
    {
      kind: 'colorScale',
      box: below(header, rows, 1),
      min: 0,
      max: 5,
      low: 'FFFFFF',
      color: STAR_GOLD,
    },
    { kind: 'dataBar', box: below(header, rows, 3), min: 0, max: 100, color: BAR_RED },
  );
  sheet.blank();

  sheet.section(t(locale, 'dashboard.section.distribution', { month: latest.month }));
  const levels = sheet.header([
    t(locale, 'dashboard.head.level'),
    t(locale, 'dashboard.head.branches'),
  ]);
  latest.distribution.forEach((count, i) => {
    const stars = 5 - i;
    sheet.row([
      cell(stars > 0 ? '★'.repeat(stars) : t(locale, 'dashboard.level.none'), 'stars'),
      cell(count, 'count'),
    ]);
  });
  const n = latest.distribution.length;
  sheet.highlights.push({ kind: 'dataBar', box: below(levels, n, 1), min: 0, color: STAR_GOLD });
  charts.place({
    kind: 'COLUMN',
    title: t(locale, 'dashboard.chart.stars', { month: latest.month }),
    domain: withHeader(levels, n, 0),
    series: [withHeader(levels, n, 1)],
    headerRows: 1,
  });
  sheet.blank();
}

/** The programme's months so far: activities, points (a chart), mean score, star branches. */
function monthsSection(
  sheet: SheetBuilder,
  charts: ChartColumn,
  months: readonly MonthFigures[],
  locale: Locale,
): void {
  sheet.section(t(locale, 'dashboard.section.months'));
  const header = sheet.header(
    ['month', 'activities', 'points', 'meanScore', 'starBranch'].map((k) =>
      t(locale, `dashboard.head.${k}` as 'dashboard.head.month'),
    ),
  );
  for (const m of months) {
    sheet.spill(
      [
        cell(m.month),
        cell(m.activities, 'count'),
        cell(m.points, 'score'),
        cell(m.meanScore, 'score'),
      ],
      cell(m.starBranches.length > 0 ? joinList(locale, m.starBranches) : null),
    );
  }
  sheet.highlights.push({
    kind: 'dataBar',
    box: below(header, months.length, 2),
    min: 0,
    color: BAR_BLUE,
  });
  charts.place({
    kind: 'COLUMN',
    title: t(locale, 'dashboard.chart.months'),
    domain: withHeader(header, months.length, 0),
    series: [withHeader(header, months.length, 2)],
    headerRows: 1,
  });
  sheet.blank();
}

/** The standings so far, every approved branch; the first ten in a chart. */
function standingsSection(
  sheet: SheetBuilder,
  charts: ChartColumn,
  model: DashboardModel,
  locale: Locale,
): void {
  const standings: readonly StandingRow[] = model.standings;
  sheet.section(t(locale, 'dashboard.section.standings'));
  if (standings.length === 0) {
    sheet.line(t(locale, 'dashboard.noStandings'), 'note');
    sheet.blank();
    return;
  }
  sheet.line(
    t(locale, 'dashboard.standingsNote', {
      process: model.weights.process,
      defense: model.weights.defense,
    }),
    'note',
  );
  const header = sheet.header(
    ['branch', 'rank', 'total', 'process', 'defense'].map((k) =>
      t(locale, `dashboard.head.${k}` as 'dashboard.head.branch'),
    ),
  );
  for (const s of standings) {
    sheet.row([
      cell(s.name),
      cell(s.rank, 'count'),
      cell(s.total, 'score'),
      cell(s.process, 'score'),
      cell(s.defense, 'score'),
    ]);
  }
  sheet.highlights.push({
    kind: 'dataBar',
    box: below(header, standings.length, 2),
    min: 0,
    color: BAR_RED,
  });
  const top = Math.min(TOP_BRANCHES, standings.length);
  charts.place({
    kind: 'BAR',
    title: t(locale, 'dashboard.chart.standings', { count: top }),
    domain: withHeader(header, top, 0),
    series: [withHeader(header, top, 2)],
    headerRows: 1,
  });
  sheet.blank();
}

/** The year in figures: the headline counts, by tier, by activity kind, awards. */
function overviewSection(sheet: SheetBuilder, model: DashboardModel, locale: Locale): void {
  const o = model.overview;
  sheet.section(t(locale, 'dashboard.section.overview'));
  sheet.header([t(locale, 'dashboard.head.item'), t(locale, 'dashboard.head.value')]);
  sheet.row([cell(t(locale, 'dashboard.overview.programYear')), cell(model.programYear)]);
  const figures: [string, number | null][] = [
    ['applied', o.applied],
    ['takingPart', o.takingPart],
    ['activities', o.activities],
    ['showcases', o.showcases],
    ['starTitles', o.starTitles],
    ['advanced', o.advanced],
    ['nonCompliant', o.nonCompliant],
  ];
  for (const [key, value] of figures) {
    if (value === null) continue;
    sheet.row([
      cell(t(locale, `dashboard.overview.${key}` as 'dashboard.overview.applied')),
      cell(value, 'count'),
    ]);
  }
  sheet.blank();
  sheet.header([
    t(locale, 'dashboard.head.tier'),
    t(locale, 'dashboard.head.branches'),
    t(locale, 'dashboard.head.activities'),
  ]);
  for (const tier of o.byTier) {
    sheet.row([
      cell(
        labelOf(
          TIERS.find((x) => x.key === tier.tier)!,
          locale,
        ),
      ),
      cell(tier.branches, 'count'),
      cell(tier.activities, 'count'),
    ]);
  }
  sheet.blank();
  const kinds = sheet.header([
    t(locale, 'dashboard.head.kind'),
    t(locale, 'dashboard.head.activities'),
  ]);
  for (const k of o.byKind) {
    sheet.row([
      cell(
        labelOf(
          ACTIVITY_KINDS.find((x) => x.key === k.kind)!,
          locale,
        ),
      ),
      cell(k.count, 'count'),
    ]);
  }
  sheet.highlights.push({
    kind: 'dataBar',
    box: below(kinds, o.byKind.length, 1),
    min: 0,
    color: BAR_BLUE,
  });
  sheet.blank();
  sheet.header([t(locale, 'dashboard.head.awardKind'), t(locale, 'dashboard.head.count')]);
  for (const a of o.awards) {
    sheet.row([
      cell(
        labelOf(
          AWARD_KINDS.find((x) => x.key === a.kind)!,
          locale,
        ),
      ),
      cell(a.count, 'count'),
    ]);
  }
}

export function dashboardLayout(model: DashboardModel): SheetLayout {
  const { locale } = model;
  const sheet = new SheetBuilder(MIN_WIDTHS);
  const charts = new ChartColumn(sheet);

  sheet.line(t(locale, 'dashboard.title', { year: model.programYear }), 'title');
  sheet.line(t(locale, 'dashboard.updated', { time: model.generatedAt.slice(0, 16) }), 'note');
  sheet.blank();

  sheet.section(t(locale, 'dashboard.section.today'));
  sheet.header(
    ['item', 'count', 'todo'].map((k) => t(locale, `dashboard.head.${k}` as 'dashboard.head.item')),
  );
  attentionRows(sheet, model.attention, locale);
  sheet.blank();

  if (model.latestMonth === null) {
    sheet.line(t(locale, 'dashboard.noMonth'), 'note');
    sheet.blank();
  } else {
    monthSection(sheet, charts, model.latestMonth, locale);
  }
  if (model.months.length > 0) monthsSection(sheet, charts, model.months, locale);
  standingsSection(sheet, charts, model, locale);
  overviewSection(sheet, model, locale);
  return sheet.layout();
}
