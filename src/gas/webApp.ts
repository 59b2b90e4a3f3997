/**
 * The web app (DESIGN §13): `doGet` serves the honour roll (`?page=honours[&branch=B012]`) and the
 * meeting board (`?page=board&month=2026-10`); the board's page calls `boardTally` every few
 * seconds and staff's `closeVote` through `google.script.run`.
 *
 * The web app executes as the staff member who deployed it, so it reads the spreadsheet with
 * their rights; what a visitor gets is only the allow-listed payload (`publicHonourRoll`,
 * `publicBoard`). Who may open it is Google's gate (the deployment's access: the domain by
 * default). `webAccess` in 设置 adds the app's own: at `domain` (the default) a visitor must be
 * signed in with an address of the deployer's Workspace domain (Google tells the visitor's address
 * to a web app executing as the deployer only then), so a deployment opened to anyone still shows
 * nothing to outsiders until staff set `anyone`. Closing the vote is checked here, on the server:
 * the caller must be an editor of the spreadsheet, and a caller Google does not name is refused.
 */
import { closeVote as closeOnsiteVote, readBoard, type BoardModel } from '../app/board';
import { readConfig, type Ports } from '../app/context';
import { earlierYearSources, readHonourYear } from '../app/honours';
import { honourRollModel, type HonourYearInputs } from '../app/honourRoll';
import { renderBoardPage } from '../app/pages/boardPage';
import { monthText } from '../app/pages/format';
import { renderHonoursPage } from '../app/pages/honoursPage';
import { publicBoard, type PublicBoard } from '../app/publicBoard';
import { publicHonourRoll } from '../app/publicHonourRoll';
import { Table } from '../app/table';
import { isValidMonth } from '../domain/calendar';
import type { Config } from '../domain/config';
import { escapeHtml } from '../domain/html';
import { t } from '../domain/messages';
import { voteClosedAt } from '../domain/onsiteVotes';
import {
  ActivitiesTable,
  BranchesTable,
  ConfigTable,
  LogTable,
  MonthlyResultsTable,
  OnsiteVotesTable,
  ShowcaseTable,
} from '../domain/schema/tables';
import type { Locale } from '../domain/vocabulary';
import { knownFormIds } from './forms';
import { cachedPage, HONOURS_TABLES } from './pageCache';
import { runLocked } from './job';
import { GasClock } from './services';
import { SheetsApiStore } from './sheetsStore';

/** What the board reads (its result needs the month's inputs too). */
const TALLY_TABLES = [ConfigTable, BranchesTable, ShowcaseTable, OnsiteVotesTable];

/**
 * The board of `month` read with as little as it needs: the tally's four tables in one call, and
 * once the vote is closed (the page stops polling then) the month's inputs in one more.
 */
function readBoardFrom(spreadsheetId: string, month: (config: Config, now: string) => string) {
  const ports = readPorts(spreadsheetId, TALLY_TABLES);
  const wanted = month(ports.config, ports.clock.now());
  const showcase = Table.read(ports.store, ShowcaseTable, ports.config.locale).records();
  if (voteClosedAt(showcase, wanted) !== null) {
    (ports.store as SheetsApiStore).prefetch([ActivitiesTable, MonthlyResultsTable]);
  }
  return { ports, month: wanted, board: readBoard(ports, wanted) };
}

/** The spreadsheet's tables, read in one Sheets API call (no lock: reading only). */
function readPorts(
  spreadsheetId: string,
  tables: Parameters<SheetsApiStore['prefetch']>[0],
): Ports & { store: SheetsApiStore; config: Config } {
  const store = new SheetsApiStore(spreadsheetId, 'zh-CN');
  store.prefetch(tables);
  const config = readConfig({ store, clock: new GasClock('Asia/Shanghai') });
  return { store, clock: new GasClock(config.timeZone), config };
}

function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

/** The visitor's address as Google tells it (blank outside the deployer's domain). */
function visitor(): string {
  return Session.getActiveUser().getEmail().trim().toLowerCase();
}

/**
 * Whether the visitor may see the pages' content: anyone when 设置 says `anyone`; otherwise only
 * an address of the deployer's own domain (a consumer account's: the deployer alone).
 */
function mayView(config: Config): boolean {
  if (config.webAccess === 'anyone') return true;
  const email = visitor();
  if (email === '') return false;
  const deployer = Session.getEffectiveUser().getEmail().trim().toLowerCase();
  if (email === deployer) return true;
  const domain = domainOf(deployer);
  return !['gmail.com', 'googlemail.com'].includes(domain) && domainOf(email) === domain;
}

/** Whether the visitor is an editor of the spreadsheet (its owner included). */
function isEditor(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, email: string): boolean {
  if (email === '') return false;
  const owner = spreadsheet.getOwner();
  const editors = [...(owner ? [owner] : []), ...spreadsheet.getEditors()];
  return editors.some((user) => user.getEmail().trim().toLowerCase() === email);
}

/** A page that says only why there is nothing to see. */
function notice(locale: Locale, text: string): GoogleAppsScript.HTML.HtmlOutput {
  const html =
    `<!DOCTYPE html><html lang="${locale === 'en' ? 'en' : 'zh-CN'}"><head><meta charset="utf-8"></head>` +
    `<body style="font-family:sans-serif;padding:2rem;font-size:1.2rem"><p>${escapeHtml(text)}</p></body></html>`;
  return HtmlService.createHtmlOutput(html)
    .setTitle(text.slice(0, 40))
    .addMetaTag('viewport', 'width=device-width, initial-scale=1');
}

/** The vote form's link for the board's QR code: 设置's, else the form setup made. */
function voteFormUrl(config: Config): string | null {
  if (config.voteFormUrl) return config.voteFormUrl;
  try {
    const id = [...knownFormIds(PropertiesService.getScriptProperties())].find(
      ([, name]) => name === 'vote',
    )?.[0];
    return id ? FormApp.openById(id).getPublishedUrl() : null;
  } catch {
    // The form was deleted or is not the app's to open: the board shows no code rather than fail.
    return null;
  }
}

/** Earlier years named by spreadsheet id in 设置 (workbook paths are local mode's). */
function earlierYears(config: Config): HonourYearInputs[] {
  return earlierYearSources(config.earlierYears).spreadsheets.map((id) => {
    try {
      const store = new SheetsApiStore(id, 'zh-CN');
      store.prefetch(HONOURS_TABLES);
      return readHonourYear({ store, clock: new GasClock(config.timeZone) });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(t(config.locale, 'honours.earlierYearUnreadable', { source: id, reason }), {
        cause: error,
      });
    }
  });
}

function checkMonth(month: unknown, locale: Locale): string {
  const text = String(month ?? '').trim();
  if (!isValidMonth(text)) throw new Error(t(locale, 'board.badMonth', { month: text }));
  return text;
}

function honoursPage(
  spreadsheetId: string,
  parameter: Readonly<Record<string, string>>,
): GoogleAppsScript.HTML.HtmlOutput {
  // 设置 first: a visitor who may not see the roll costs one read, and one who may is usually
  // served from the cache without reading the rest.
  const ports = readPorts(spreadsheetId, [ConfigTable]);
  const { config } = ports;
  if (!mayView(config)) return notice(config.locale, t(config.locale, 'honours.domainOnly'));
  const branch = (parameter.branch ?? '').trim();
  const year = (parameter.year ?? '').trim();
  const html = cachedPage(`honours:${config.locale}:${year}:${branch}`, () => {
    ports.store.prefetch(HONOURS_TABLES.filter((table) => table !== ConfigTable));
    const roll = publicHonourRoll(honourRollModel(readHonourYear(ports), earlierYears(config)));
    return renderHonoursPage(roll, {
      mode: 'webapp',
      baseUrl: ScriptApp.getService().getUrl() ?? '',
      selected: branch ? { branch, ...(year ? { year } : {}) } : null,
      generatedAt: ports.clock.now(),
    });
  });
  return (
    HtmlService.createHtmlOutput(html)
      .setTitle(t(config.locale, 'honours.pageTitle', { college: config.collegeName }))
      .addMetaTag('viewport', 'width=device-width, initial-scale=1')
      // The honour roll has no action on it: a college may frame it in its own website.
      .setXFrameOptionsMode(HtmlService.XFrameOptionsMode.ALLOWALL)
  );
}

function boardPage(
  spreadsheetId: string,
  parameter: Readonly<Record<string, string>>,
): GoogleAppsScript.HTML.HtmlOutput {
  const { ports, month, board } = readBoardFrom(spreadsheetId, (config, now) =>
    parameter.month ? checkMonth(parameter.month, config.locale) : now.slice(0, 7),
  );
  const { config } = ports;
  if (!mayView(config)) return notice(config.locale, t(config.locale, 'honours.domainOnly'));
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const html = renderBoardPage(publicBoard(board), {
    mode: 'webapp',
    voteUrl: voteFormUrl(config),
    canClose: board.closedAt === null && isEditor(spreadsheet, visitor()),
    generatedAt: ports.clock.now(),
  });
  // The board keeps the default X-Frame-Options: its close button must not be framed by others.
  return HtmlService.createHtmlOutput(html)
    .setTitle(t(config.locale, 'board.pageTitle', { month: monthText(config.locale, month) }))
    .addMetaTag('viewport', 'width=device-width, initial-scale=1');
}

/** The web app: `?page=board&month=2026-10` or `?page=honours[&branch=B012&year=2026-2027]`. */
export function doGet(e?: GoogleAppsScript.Events.DoGet): GoogleAppsScript.HTML.HtmlOutput {
  const parameter = (e?.parameter ?? {}) as Record<string, string>;
  const spreadsheetId = SpreadsheetApp.getActiveSpreadsheet().getId();
  return parameter.page === 'board'
    ? boardPage(spreadsheetId, parameter)
    : honoursPage(spreadsheetId, parameter);
}

/** The board's tally (and result once closed), for the page's `google.script.run`. */
export function boardTally(month: string): PublicBoard {
  const { ports, board } = readBoardFrom(SpreadsheetApp.getActiveSpreadsheet().getId(), (config) =>
    checkMonth(month, config.locale),
  );
  if (!mayView(ports.config)) throw new Error(t(ports.config.locale, 'honours.domainOnly'));
  return publicBoard(board);
}

/**
 * Closes the month's on-site vote, for the board's button: only an editor of the spreadsheet may,
 * checked here whatever the page showed. Returns the board with its result.
 */
export function closeVote(month: string): PublicBoard {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const email = visitor();
  const board = runLocked(
    [
      BranchesTable,
      ShowcaseTable,
      OnsiteVotesTable,
      ActivitiesTable,
      MonthlyResultsTable,
      LogTable,
    ],
    (job): BoardModel => {
      const { locale } = job.config;
      if (email === '') throw new Error(t(locale, 'board.unknownUser'));
      if (!isEditor(spreadsheet, email)) throw new Error(t(locale, 'board.notEditor'));
      return closeOnsiteVote(job.ports, checkMonth(month, locale)).board;
    },
  );
  return publicBoard(board);
}

/**
 * Menu: closes this month's on-site vote, as the board's button does. Only editors see the menu,
 * and the script runs as the one who chose the item.
 */
export function closeVoteNow(): string {
  return runLocked(
    [
      BranchesTable,
      ShowcaseTable,
      OnsiteVotesTable,
      ActivitiesTable,
      MonthlyResultsTable,
      LogTable,
    ],
    (job) => {
      const report = closeOnsiteVote(job.ports, job.ports.clock.now().slice(0, 7));
      job.spreadsheet.toast(report.summary.join('\n'), 'StarBranch · board', 10);
      return report.summary.join('\n');
    },
  );
}

/** Menu: the web app's links (board of this month, honour roll) in a dialog, for staff to share. */
export function showWebAppLinks(): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const ports = readPorts(spreadsheet.getId(), [ConfigTable]);
  const { locale } = ports.config;
  const url = ScriptApp.getService().getUrl();
  const month = ports.clock.now().slice(0, 7);
  const links = url
    ? [
        `<p>${escapeHtml(t(locale, 'board.linksIntro', { month }))}</p>`,
        `<p><b>${escapeHtml(t(locale, 'board.boardLink'))}</b><br><a href="${escapeHtml(`${url}?page=board&month=${month}`)}" target="_blank" rel="noopener">${escapeHtml(`${url}?page=board&month=${month}`)}</a></p>`,
        `<p><b>${escapeHtml(t(locale, 'board.honoursLink'))}</b><br><a href="${escapeHtml(`${url}?page=honours`)}" target="_blank" rel="noopener">${escapeHtml(`${url}?page=honours`)}</a></p>`,
      ].join('')
    : `<p>${escapeHtml(t(locale, 'board.notDeployed'))}</p>`;
  const output = HtmlService.createHtmlOutput(
    `<div style="font-family:sans-serif;font-size:14px;word-break:break-all">${links}</div>`,
  )
    .setWidth(560)
    .setHeight(260);
  SpreadsheetApp.getUi().showModalDialog(output, t(locale, 'board.menuItem'));
}
