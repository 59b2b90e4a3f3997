/** Getting started: the empty form templates a college fills or checks its own exports against. */
import { defineMessages } from './define';

export const starterMessages = defineMessages({
  'zh-CN': {
    'starter.column.form': '表单',
    'starter.column.file': '文件',
    'starter.column.questions': '问题数',
    'starter.written': '已写入 {count} 个空白表单（{language}）到 {folder}',
    'starter.language': '中文标题',
    'starter.exists': '{file} 已存在；如需覆盖，请加 `--force`',
  },
  en: {
    'starter.column.form': 'form',
    'starter.column.file': 'file',
    'starter.column.questions': 'questions',
    'starter.written': '{count} empty form templates ({language}) written to {folder}',
    'starter.language': 'English titles',
    'starter.exists': '{file} already exists; add `--force` to overwrite it',
  },
});
