/**
 * The monthly meeting's board, for the projector: who presents and why (月度前列 / 随机抽查), the QR
 * code of the vote form, the tally as votes arrive, and the star branch once the vote is closed.
 * Built from the public payload only (`publicBoard`), every value escaped; the page script keeps
 * it current in the web app and renders the same structure this module writes.
 */
import { escapeHtml } from '../../domain/html';
import { t } from '../../domain/messages';
import { labelOf, SHOWCASE_REASONS, type Locale } from '../../domain/vocabulary';
import type { PublicBoard } from '../publicBoard';
import { BOARD_SCRIPT } from './clientScripts';
import { renderDocument, type Sha256Base64 } from './document';
import { monthText, timeText } from './format';
import { qrSvg } from './qr';
import { BOARD_STYLE } from './styles';

export interface BoardPageOptions {
  /** `static`: a snapshot file (local mode); `webapp`: live, polling the Apps Script web app. */
  readonly mode: 'static' | 'webapp';
  /** The on-site vote form the QR code leads to; null when none is known. */
  readonly voteUrl: string | null;
  /** Shows the close button (the server checks the caller again when it is pressed). */
  readonly canClose: boolean;
  /** How often the web app page asks for the tally. */
  readonly pollMs?: number;
  /** Local time the page was made. */
  readonly generatedAt: string;
  readonly sha256?: Sha256Base64;
}

const POLL_MS = 5_000;

/** The texts the page script needs, in the page's language (placeholders kept). */
function scriptTexts(locale: Locale) {
  const top = SHOWCASE_REASONS.find((r) => r.key === 'top')!;
  const spot = SHOWCASE_REASONS.find((r) => r.key === 'spot')!;
  return {
    votes: t(locale, 'board.votesCount'),
    voters: t(locale, 'board.votersCount'),
    open: t(locale, 'board.open'),
    closed: t(locale, 'board.closed'),
    closedAt: t(locale, 'board.closedAt'),
    starBranch: t(locale, 'board.starBranch'),
    onsiteScore: t(locale, 'board.onsiteScore'),
    noStar: t(locale, 'board.noStar'),
    noStarShort: t(locale, 'board.noStarShort'),
    tooFewVotes: t(locale, 'board.tooFewVotes'),
    trimRule: t(locale, 'board.trimRule'),
    lateVotes: t(locale, 'board.lateVotes'),
    closeButton: t(locale, 'board.closeButton'),
    confirmClose: t(locale, 'board.confirmClose'),
    closing: t(locale, 'board.closing'),
    closeFailed: t(locale, 'board.closeFailed'),
    updatedAt: t(locale, 'board.updatedAt'),
    refreshFailed: t(locale, 'board.refreshFailed'),
    reasonTop: labelOf(top, locale),
    reasonSpot: labelOf(spot, locale),
  };
}

/** Whether the branch's name already says its unit (or it has none). */
function unitSaid(p: { name: string; unit: string }): boolean {
  return p.unit.trim() === '' || p.name.includes(p.unit.trim());
}

/** A presenter's on-site score once the vote is closed; too few votes make none. */
function scoreCell(score: string | null, tooFew: string): string {
  return score === null
    ? `<span class="score none">${escapeHtml(tooFew)}</span>`
    : `<span class="score">${escapeHtml(score)}</span>`;
}

function presenterRows(locale: Locale, board: PublicBoard): string {
  const texts = scriptTexts(locale);
  const scoreOf = new Map((board.result?.scores ?? []).map((s) => [s.branch, s.score]));
  const stars = new Set((board.result?.starBranches ?? []).map((s) => s.branch));
  return board.presenters
    .map((p) => {
      const classes = [
        'presenter',
        p.reason === 'spot' ? 'spot' : '',
        stars.has(p.branch) ? 'star' : '',
      ]
        .filter(Boolean)
        .join(' ');
      const why = p.reason === 'spot' ? texts.reasonSpot : texts.reasonTop;
      const right = board.result
        ? scoreCell(scoreOf.get(p.branch) ?? null, texts.tooFewVotes)
        : `<span class="count">${escapeHtml(t(locale, 'board.votesCount', { count: p.votes }))}</span>`;
      // The bar's width is set by the script (a style attribute would need 'unsafe-inline').
      return [
        `<li class="${classes}" data-branch="${escapeHtml(p.branch)}">`,
        `<p class="name"><span class="why">${escapeHtml(why)}</span><span class="label">${escapeHtml(p.name)}</span></p>`,
        // Most branch names begin with their unit: the unit is then said once.
        `<p class="unit"${unitSaid(p) ? ' hidden' : ''}>${escapeHtml(p.unit)}</p>`,
        right,
        '<div class="track"><div class="fill"></div></div>',
        '</li>',
      ].join('');
    })
    .join('');
}

function resultBox(locale: Locale, board: PublicBoard): string {
  if (!board.result)
    return '<section class="result" id="result" aria-live="polite" hidden></section>';
  const names = new Map(board.presenters.map((p) => [p.branch, p.name]));
  const stars = board.result.starBranches;
  const inner =
    stars.length === 0
      ? `<span class="winner">${escapeHtml(t(locale, 'board.noStarShort'))}</span><p class="note">${escapeHtml(t(locale, 'board.noStar', { min: board.minJudges }))}</p>`
      : stars
          .map(
            (s) =>
              `<span class="winner">${escapeHtml(names.get(s.branch) ?? s.branch)}</span><span class="points">${escapeHtml(`${t(locale, 'board.onsiteScore')} ${s.score}`)}</span>`,
          )
          .join('') +
        `<p class="note">${escapeHtml(t(locale, 'board.trimRule', { trimFrom: board.trimFrom }))}</p>`;
  return `<section class="result" id="result" aria-live="polite"><span class="label">${escapeHtml(t(locale, 'board.starBranch'))}</span>${inner}</section>`;
}

export function renderBoardPage(board: PublicBoard, options: BoardPageOptions): string {
  const locale: Locale = board.locale === 'en' ? 'en' : 'zh-CN';
  const month = monthText(locale, board.month);
  const title = t(locale, 'board.pageTitle', { month });
  const closed = board.closedAt !== null;
  const qr = options.voteUrl
    ? [
        `<div class="qr-box">${qrSvg(options.voteUrl, t(locale, 'board.scanToVote'))}</div>`,
        `<p class="scan">${escapeHtml(t(locale, 'board.scanToVote'))}</p>`,
        `<p class="link">${escapeHtml(options.voteUrl)}</p>`,
      ].join('')
    : `<p class="late">${escapeHtml(t(locale, 'board.noVoteLink'))}</p>`;
  const stage =
    board.presenters.length === 0
      ? `<p class="empty">${escapeHtml(t(locale, 'board.notDrawn', { month }))}</p>`
      : [
          resultBox(locale, board),
          '<section class="list">',
          `<h2>${escapeHtml(t(locale, 'board.presenters'))}</h2>`,
          `<ol class="presenters" id="presenters">${presenterRows(locale, board)}</ol>`,
          '</section>',
          '<aside class="side">',
          qr,
          `<p class="voters" id="voters" aria-live="polite">${escapeHtml(t(locale, 'board.votersCount', { count: board.voters }))}</p>`,
          `<p class="late" id="closed-at"${closed ? '' : ' hidden'}>${closed ? escapeHtml(t(locale, 'board.closedAt', { time: board.closedAt!.slice(11, 16) })) : ''}</p>`,
          `<p class="late" id="late"${board.lateVotes > 0 ? '' : ' hidden'}>${escapeHtml(t(locale, 'board.lateVotes', { count: board.lateVotes }))}</p>`,
          '</aside>',
        ].join('');
  const footNote =
    options.mode === 'static'
      ? t(locale, 'board.snapshot', { time: timeText(locale, options.generatedAt) })
      : t(locale, 'board.updatedAt', { time: options.generatedAt.slice(11, 19) });
  const closeButton =
    options.canClose && !closed && options.mode === 'webapp' && board.presenters.length > 0
      ? `<span><span class="message" id="close-message" aria-live="assertive"></span> <button type="button" class="close" id="close">${escapeHtml(t(locale, 'board.closeButton'))}</button></span>`
      : '';
  const body = [
    '<header class="bar">',
    `<div><p class="college">${escapeHtml(board.college)}</p><h1>${escapeHtml(title)}</h1></div>`,
    `<span class="${closed ? 'status closed' : 'status'}" id="status">${escapeHtml(t(locale, closed ? 'board.closed' : 'board.open'))}</span>`,
    '</header>',
    `<main class="stage">${stage}</main>`,
    `<footer class="foot"><span id="updated">${escapeHtml(footNote)}</span>${closeButton}</footer>`,
  ].join('\n');
  return renderDocument(
    {
      locale,
      title,
      style: BOARD_STYLE,
      body,
      data: {
        mode: options.mode,
        pollMs: options.pollMs ?? POLL_MS,
        board,
        text: scriptTexts(locale),
      },
      dataId: 'board-data',
      script: BOARD_SCRIPT,
    },
    options.sha256,
  );
}
