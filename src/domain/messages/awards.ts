/** Awards and letters: provisional awards, void and reissued letters. */
import { defineMessages } from './define';

export const awardsMessages = defineMessages({
  'zh-CN': {},
  en: {},
});
