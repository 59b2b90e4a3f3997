/** Derived results: stale months, recomputation, monthly warnings. */
import { defineMessages } from './define';

export const derivedMessages = defineMessages({
  'zh-CN': {},
  en: {},
});
