/** Words every area uses. */
import { defineMessages } from './define';

export const common = defineMessages({
  'zh-CN': {
    'common.none': '无',
    'common.more': '……另有 {count} 条',
  },
  en: {
    'common.none': 'none',
    'common.more': '… {count} more',
  },
});
