/** Derived results: stale months, recomputation, monthly warnings. */
import { defineMessages } from './define';

export const derivedMessages = defineMessages({
  'zh-CN': {
    'derived.monthStale':
      '{month} 需重算：其输入在定稿后有变化；运行 `starbranch finalize … --month {month}` 或等每日任务',
    'derived.noStaleMonths': '没有需重算的月份',
    'derived.recomputed': '{month} 重算：{changes}',
    'derived.noChange': '排名、星级与星级支部均无变化',
    'derived.rankChange': '排名 {from}→{to}',
    'derived.starsChange': '星级 {from}→{to}',
    'derived.branchAdded': '新列入，排名 {rank}',
    'derived.starBranchChange': '当月星级支部 {from}→{to}',
    'derived.moreBranches': '另有 {count} 个支部有变化',
    'derived.noStars': '无星',
    'derived.emptyMonth':
      '{month} 没有任何活动报告：所有支部得 0 分、并列第 1 名；确认报告已导入后再定稿',
    'derived.showcaseNoApproved':
      '{month} 没有已通过审核的支部，未抽取示范汇报支部；请先在支部表中审核申报',
    'derived.showcaseAllCooling':
      '{month} 的 {count} 个支部都在冷却期内（近 {months} 个月已汇报），未抽取示范汇报支部；可在设置中调小 `showcaseCooldownMonths`',
  },
  en: {
    'derived.monthStale':
      '{month} is stale: its inputs changed after it was finalised; run `starbranch finalize … --month {month}` or wait for the daily run',
    'derived.noStaleMonths': 'no stale months',
    'derived.recomputed': '{month} recomputed: {changes}',
    'derived.noChange': 'no rank, star or star-branch change',
    'derived.rankChange': 'rank {from}→{to}',
    'derived.starsChange': 'stars {from}→{to}',
    'derived.branchAdded': 'newly ranked, rank {rank}',
    'derived.starBranchChange': 'star branch of the month {from}→{to}',
    'derived.moreBranches': '{count} more branches changed',
    'derived.noStars': 'no stars',
    'derived.emptyMonth':
      '{month} has no activity reports at all: every branch scores 0 and ties at #1; make sure the reports were ingested before finalising',
    'derived.showcaseNoApproved':
      '{month}: no approved branch, so no showcase branch was drawn; review the applications in the Branches sheet first',
    'derived.showcaseAllCooling':
      '{month}: all {count} branches presented in the last {months} months, so no showcase branch was drawn; lower `showcaseCooldownMonths` in Config to allow it',
  },
});
