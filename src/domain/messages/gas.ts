/** Apps Script: setup, form submissions, reconciliation, letters, templates. */
import { defineMessages } from './define';

export const gasMessages = defineMessages({
  'zh-CN': {
    // —— gas.ingest: folding the response sheets into the tables
    'gas.ingest.busy': '另一项任务正在进行：这份回复由正在进行或下一次的汇入处理',
    'gas.ingest.folded': '汇入 {added} 份，转入待处理 {rejected} 份，共 {batches} 批',
    'gas.ingest.reconciled': '补收：{count} 份新回复',
    'gas.ingest.moreWaiting': '仍有回复等待汇入，下次运行从中断处继续',
    'gas.ingest.inboxEmpty': '没有等待汇入的回复',
  },
  en: {
    // —— gas.ingest: folding the response sheets into the tables
    'gas.ingest.busy': 'another job is running: the running or the next fold takes this response',
    'gas.ingest.folded': '{added} added, {rejected} rejected, in {batches} batches',
    'gas.ingest.reconciled': 'reconciled: {count} new responses',
    'gas.ingest.moreWaiting': 'more responses wait; the next run continues where this one stopped',
    'gas.ingest.inboxEmpty': 'no responses waiting',
  },
});
