/** Apps Script: setup, form submissions, reconciliation, letters, templates. */
import { defineMessages } from './define';

export const gasMessages = defineMessages({
  'zh-CN': {},
  en: {},
});
