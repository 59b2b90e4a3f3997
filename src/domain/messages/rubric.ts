/** Config changes: the defense rubric and its archive. */
import { defineMessages } from './define';

export const rubricMessages = defineMessages({
  'zh-CN': {},
  en: {},
});
