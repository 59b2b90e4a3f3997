/** The local workbook file: locks, read-only files, backups. */
import { defineMessages } from './define';

export const workbookMessages = defineMessages({
  'zh-CN': {},
  en: {},
});
