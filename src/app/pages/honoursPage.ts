/**
 * The honour roll page (荣誉榜): built from the public payload only (`publicHonourRoll`), every
 * value escaped. The page is whole without its script; the script only focuses one branch when
 * the link names it (`?branch=B012`, optionally `&year=2026-2027`).
 */
import { escapeHtml } from '../../domain/html';
import { t } from '../../domain/messages';
import { ACTIVITY_KINDS, labelOf, TIERS, type Locale } from '../../domain/vocabulary';
import type { PublicHonourRoll } from '../publicHonourRoll';
import { HONOURS_SCRIPT } from './clientScripts';
import { renderDocument, type Sha256Base64 } from './document';
import { dateText, monthShort } from './format';
import { HONOURS_STYLE } from './styles';

type Year = PublicHonourRoll['years'][number];
type Card = Year['branches'][number];

export interface HonoursPageOptions {
  /** `static`: files a college puts on its website; `webapp`: served by the Apps Script web app. */
  readonly mode: 'static' | 'webapp';
  /** The web app's address, which its links lead to (the web app's pages only). */
  readonly baseUrl?: string;
  /** The branch the web app was asked for (`?branch=`); a static page reads its own address. */
  readonly selected?: { readonly branch: string; readonly year?: string } | null;
  /** Local time the page was made. */
  readonly generatedAt: string;
  /** With it, the page carries a Content-Security-Policy (the static pages). */
  readonly sha256?: Sha256Base64;
}

function branchLink(options: HonoursPageOptions, branch: string, year: string): string {
  const query = `branch=${encodeURIComponent(branch)}&year=${encodeURIComponent(year)}`;
  return options.mode === 'webapp' ? `${options.baseUrl ?? ''}?page=honours&${query}` : `?${query}`;
}

function allLink(options: HonoursPageOptions): string {
  return options.mode === 'webapp' ? `${options.baseUrl ?? ''}?page=honours` : '?';
}

function label<K extends string>(
  list: readonly { key: K; zh: string; en: string }[],
  key: string | null,
  locale: Locale,
): string {
  const term = list.find((x) => x.key === key);
  return term ? labelOf(term, locale) : '';
}

function starStrip(locale: Locale, card: Card): string {
  const starred = new Set(card.starBranchMonths);
  const cells = card.months.map((m) => {
    const name = monthShort(locale, m.month);
    const title =
      m.stars === null
        ? t(locale, 'honours.notFinalised', { month: name })
        : t(locale, 'honours.starsOf', { month: name, count: m.stars });
    const classes = [
      'month',
      m.stars === null || m.stars === 0 ? 'none' : '',
      starred.has(m.month) ? 'star-branch' : '',
    ]
      .filter(Boolean)
      .join(' ');
    const stars = m.stars === null ? '' : m.stars === 0 ? '·' : '★'.repeat(m.stars);
    return `<span class="${classes}" title="${escapeHtml(title)}"><b>${escapeHtml(name)}</b><span class="s" aria-hidden="true">${stars}</span></span>`;
  });
  return `<div class="stars" role="list" aria-label="${escapeHtml(t(locale, 'honours.monthlyStars'))}">${cells.join('')}</div>`;
}

function branchCard(locale: Locale, year: Year, card: Card, options: HonoursPageOptions): string {
  const id = `b-${year.programYear}-${card.branch}`;
  const meta = [label(TIERS, card.tier, locale), card.unit].filter((s) => s !== '').join(' · ');
  const starMonths = card.starBranchMonths.map((m) => monthShort(locale, m));
  const activities =
    card.activities.length === 0
      ? `<p class="quiet">${escapeHtml(t(locale, 'honours.noActivities'))}</p>`
      : `<ul class="activities">${card.activities
          .map(
            (a) =>
              `<li><time datetime="${escapeHtml(a.date)}">${escapeHtml(a.date)}</time><span class="kind">${escapeHtml(label(ACTIVITY_KINDS, a.kind, locale))}</span>${escapeHtml(a.title)}</li>`,
          )
          .join('')}</ul>`;
  return [
    `<article class="card" id="${escapeHtml(id)}" data-branch="${escapeHtml(card.branch)}" data-year="${escapeHtml(year.programYear)}">`,
    '<div class="card-head">',
    card.rank === null
      ? ''
      : `<span class="rank">${escapeHtml(t(locale, 'honours.rank', { rank: card.rank }))}</span>`,
    `<span class="chip">${escapeHtml(card.title)}</span>`,
    '</div>',
    `<h4>${escapeHtml(card.name)}</h4>`,
    meta === '' ? '' : `<p class="meta">${escapeHtml(meta)}</p>`,
    card.score === null
      ? ''
      : `<p class="score">${escapeHtml(t(locale, 'honours.score', { score: card.score }))}</p>`,
    starStrip(locale, card),
    starMonths.length === 0
      ? ''
      : `<p class="meta">${escapeHtml(t(locale, 'honours.starBranchMonths', { months: starMonths.join(locale === 'en' ? ', ' : '、') }))}</p>`,
    `<h5>${escapeHtml(t(locale, 'honours.activities'))}</h5>`,
    activities,
    `<blockquote class="citation">${escapeHtml(card.citation)}</blockquote>`,
    `<a class="share" href="${escapeHtml(branchLink(options, card.branch, year.programYear))}">${escapeHtml(t(locale, 'honours.shareLink'))}</a>`,
    '</article>',
  ].join('');
}

function memberCard(locale: Locale, member: Year['members'][number]): string {
  return [
    '<article class="member">',
    `<h4>${escapeHtml(member.name)}</h4>`,
    `<p class="meta">${escapeHtml([member.branchName, member.title].filter(Boolean).join(' · '))}</p>`,
    `<blockquote class="citation">${escapeHtml(member.citation)}</blockquote>`,
    '</article>',
  ].join('');
}

function yearSection(locale: Locale, year: Year, options: HonoursPageOptions): string {
  const parts: string[] = [
    `<section class="year" id="${escapeHtml(`year-${year.programYear}`)}" data-year="${escapeHtml(year.programYear)}">`,
    `<h2>${escapeHtml(t(locale, 'honours.yearHeading', { year: year.programYear }))}`,
    year.announced
      ? ` <small>${escapeHtml(t(locale, 'honours.commendedOn', { date: dateText(locale, year.commendationDate) }))}</small>`
      : '',
    '</h2>',
  ];
  if (!year.announced) {
    parts.push(`<p class="pending">${escapeHtml(t(locale, 'honours.notAnnounced'))}</p>`);
  }
  if (year.branches.length > 0) {
    parts.push(
      `<h3>${escapeHtml(t(locale, 'honours.advancedBranches'))}</h3>`,
      `<div class="cards">${year.branches.map((b) => branchCard(locale, year, b, options)).join('')}</div>`,
    );
  }
  if (year.members.length > 0) {
    parts.push(
      `<h3 class="hide-in-focus">${escapeHtml(t(locale, 'honours.excellentMembers'))}</h3>`,
      `<div class="members">${year.members.map((m) => memberCard(locale, m)).join('')}</div>`,
    );
  }
  if (year.starMonths.length > 0) {
    parts.push(
      `<h3 class="hide-in-focus">${escapeHtml(t(locale, 'honours.starMonths'))}</h3>`,
      `<ol class="star-months">${year.starMonths
        .map(
          (m) =>
            `<li><span class="when">${escapeHtml(monthShort(locale, m.month))}</span>${escapeHtml(m.branches.map((b) => b.name).join(locale === 'en' ? ', ' : '、'))}</li>`,
        )
        .join('')}</ol>`,
    );
  }
  parts.push('</section>');
  return parts.join('');
}

/** The texts the page script shows, in the page's language. */
function scriptTexts(locale: Locale) {
  return { notFound: t(locale, 'honours.branchNotFound', { branch: '{branch}' }) };
}

export function renderHonoursPage(roll: PublicHonourRoll, options: HonoursPageOptions): string {
  const locale: Locale = roll.locale === 'en' ? 'en' : 'zh-CN';
  const title = t(locale, 'honours.pageTitle', { college: roll.college });
  const nav =
    roll.years.length > 1
      ? `<nav class="years" aria-label="${escapeHtml(t(locale, 'honours.yearsNav'))}">${roll.years
          .map(
            (y) =>
              `<a href="#${escapeHtml(`year-${y.programYear}`)}" target="_self">${escapeHtml(t(locale, 'honours.yearHeading', { year: y.programYear }))}</a>`,
          )
          .join('')}</nav>`
      : '';
  const body = [
    '<header class="masthead"><div class="wrap">',
    `<p class="college">${escapeHtml(roll.college)}</p>`,
    `<h1>${escapeHtml(t(locale, 'honours.heading'))}</h1>`,
    nav,
    '</div></header>',
    `<div class="focus-bar" id="focus-bar" hidden><span id="focus-note"></span><a href="${escapeHtml(allLink(options))}">${escapeHtml(t(locale, 'honours.showAll'))}</a></div>`,
    '<main class="wrap">',
    roll.years.length === 0
      ? `<p class="pending">${escapeHtml(t(locale, 'honours.noYears'))}</p>`
      : roll.years.map((y) => yearSection(locale, y, options)).join(''),
    '</main>',
    `<footer>${escapeHtml(t(locale, 'honours.updated', { date: dateText(locale, options.generatedAt.slice(0, 10)) }))}</footer>`,
  ].join('\n');
  return renderDocument(
    {
      locale,
      title,
      style: HONOURS_STYLE,
      body,
      data: {
        mode: options.mode,
        selected: options.selected ?? null,
        text: scriptTexts(locale),
      },
      dataId: 'honours-data',
      script: HONOURS_SCRIPT,
    },
    options.sha256,
  );
}
