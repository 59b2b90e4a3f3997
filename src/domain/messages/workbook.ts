/** The local workbook file: locks, read-only files, backups; how its sheets print. */
import { defineMessages } from './define';

export const workbookMessages = defineMessages({
  'zh-CN': {
    'workbook.readOnly':
      '{file} 是只读文件，本命令无法保存：请先取消只读（文件属性中去掉“只读”，或运行 `chmod u+w {path}`），再运行本命令',
    'workbook.openElsewhere':
      '{file} 正被 {program} 打开（发现 {lock}）：请先在 {program} 中关闭它，再运行本命令（若它并未打开，删除 {lock} 即可）',
    // Printed at the foot of every page (`&P` the page, `&N` the pages: the spreadsheet's codes).
    'workbook.pageNumber': '第 &P 页，共 &N 页',
  },
  en: {
    'workbook.readOnly':
      '{file} is read-only, so this command cannot save it: make it writable (clear "Read-only" in its properties, or run `chmod u+w {path}`) and run the command again',
    'workbook.openElsewhere':
      '{file} is open in {program} (found {lock}): close it in {program} first, then run the command again (if it is not open, delete {lock})',
    // Printed at the foot of every page (`&P` the page, `&N` the pages: the spreadsheet's codes).
    'workbook.pageNumber': 'Page &P of &N',
  },
});
