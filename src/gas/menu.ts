import { t, type MessageKey } from '../domain/messages';
import type { Locale } from '../domain/vocabulary';

/** The menu's entries in order: the function each runs, named by its `menu.item.<fn>` message. */
const MENU_FUNCTIONS = [
  'setup',
  'refreshFormChoices',
  'prepareShowcaseNow',
  'closeVoteNow',
  'finaliseMonthPrompt',
  'aggregateDefenseNow',
  'archiveRubricScoresNow',
  'selectAwardsNow',
  'selectProvisionalAwardsNow',
  'generateLetters',
  'importLetterTemplate',
  'createLettersFolder',
  'buildDashboard',
  'showWebAppLinks',
  'reprocessRejectedNow',
  'rebuildFromResponses',
  'installTriggersNow',
] as const;

function itemTitle(locale: Locale, fn: (typeof MENU_FUNCTIONS)[number]): string {
  // The rubric's archive item is named where the rubric's other messages are.
  if (fn === 'archiveRubricScoresNow') return t(locale, 'rubric.menuItem');
  // The meeting board's items are named where the board's other messages are.
  if (fn === 'closeVoteNow') return t(locale, 'board.closeMenuItem');
  if (fn === 'showWebAppLinks') return t(locale, 'board.menuItem');
  return t(locale, `menu.item.${fn}` satisfies MessageKey);
}

/** The one StarBranch menu, in both languages; the workbook's language picks one. */
export const MENU_ITEMS: readonly { zh: string; en: string; fn: string }[] = MENU_FUNCTIONS.map(
  (fn) => ({ zh: itemTitle('zh-CN', fn), en: itemTitle('en', fn), fn }),
);

/** Items that start a group: the monthly jobs, then the repairs and setup. */
const SEPARATED = new Set(['prepareShowcaseNow', 'reprocessRejectedNow']);

/**
 * The spreadsheet's language before its Config is read: an English workbook has a `Config` tab.
 * (One call; used where no job has read the Config, such as building the menu.)
 */
export function spreadsheetLocale(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): Locale {
  return spreadsheet.getSheetByName('Config') !== null ? 'en' : 'zh-CN';
}

export function buildMenu(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
  const locale = spreadsheetLocale(spreadsheet);
  const menu = SpreadsheetApp.getUi().createMenu(t(locale, 'menu.title'));
  MENU_ITEMS.forEach((item) => {
    if (SEPARATED.has(item.fn)) menu.addSeparator();
    menu.addItem(locale === 'en' ? item.en : item.zh, item.fn);
  });
  menu.addToUi();
}
