import { t } from '../domain/messages';

/** The one StarBranch menu, in the workbook's language (an English workbook has a `Config` tab). */
export const MENU_ITEMS: readonly { zh: string; en: string; fn: string }[] = [
  { zh: '初始化工作簿与表单', en: 'Set up workbook & forms', fn: 'setup' },
  { zh: '刷新表单支部选项', en: 'Refresh form choices', fn: 'refreshFormChoices' },
  { zh: '抽选本月示范支部', en: "Prepare this month's showcase", fn: 'prepareShowcaseNow' },
  {
    zh: t('zh-CN', 'board.closeMenuItem'),
    en: t('en', 'board.closeMenuItem'),
    fn: 'closeVoteNow',
  },
  { zh: '结算月度结果…', en: 'Finalise a month…', fn: 'finaliseMonthPrompt' },
  { zh: '汇总答辩成绩', en: 'Aggregate defense', fn: 'aggregateDefenseNow' },
  {
    zh: t('zh-CN', 'rubric.menuItem'),
    en: t('en', 'rubric.menuItem'),
    fn: 'archiveRubricScoresNow',
  },
  { zh: '评定表彰名单', en: 'Select awards', fn: 'selectAwardsNow' },
  { zh: '评定暂定表彰名单', en: 'Select provisional awards', fn: 'selectProvisionalAwardsNow' },
  { zh: '生成荣誉证书', en: 'Generate letters', fn: 'generateLetters' },
  { zh: '导入证书模板…', en: 'Import letter template…', fn: 'importLetterTemplate' },
  { zh: '创建证书文件夹', en: 'Create letters folder', fn: 'createLettersFolder' },
  { zh: '更新总览', en: 'Update dashboard', fn: 'buildDashboard' },
  { zh: t('zh-CN', 'board.menuItem'), en: t('en', 'board.menuItem'), fn: 'showWebAppLinks' },
  { zh: '重新处理待处理记录', en: 'Reprocess rejected', fn: 'reprocessRejectedNow' },
  { zh: '从表单回复重建', en: 'Rebuild from form responses', fn: 'rebuildFromResponses' },
  { zh: '安装触发器', en: 'Install triggers', fn: 'installTriggersNow' },
];

/** Items that start a group: the monthly jobs, then the repairs and setup. */
const SEPARATED = new Set(['prepareShowcaseNow', 'reprocessRejectedNow']);

export function buildMenu(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
  const english = spreadsheet.getSheetByName('Config') !== null;
  const menu = SpreadsheetApp.getUi().createMenu(english ? 'StarBranch' : '先进支部创建');
  MENU_ITEMS.forEach((item) => {
    if (SEPARATED.has(item.fn)) menu.addSeparator();
    menu.addItem(english ? item.en : item.zh, item.fn);
  });
  menu.addToUi();
}
