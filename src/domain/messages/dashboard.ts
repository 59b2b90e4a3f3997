/** The 总览 (Dashboard) sheet: what needs staff today, this month's stars, the year's standings. */
import { defineMessages } from './define';

export const dashboardMessages = defineMessages({
  'zh-CN': {
    'dashboard.title': '{year} 先进党支部创建 · 总览',
    'dashboard.updated':
      '更新于 {time}；点菜单「更新总览」或运行 `starbranch report 工作簿.xlsx --out 报告.html` 刷新',

    'dashboard.section.today': '今日待办',
    'dashboard.head.item': '事项',
    'dashboard.head.count': '数量',
    'dashboard.head.todo': '怎么做',
    'dashboard.item.pending': '待审核的支部申报',
    'dashboard.item.rejected': '待处理表中未处理的回复',
    'dashboard.item.stale': '需重算的月份',
    'dashboard.item.letters': '待生成的荣誉证书',
    'dashboard.item.showcase': '距下次示范支部抽选',
    'dashboard.daysFormat': '0" 天"',
    'dashboard.do.nothing': '无需处理',
    'dashboard.do.pending':
      '在「支部」表把审核状态改为“已通过”或“未通过”；在谷歌表格中再点菜单「刷新表单支部选项」',
    'dashboard.do.rejected':
      '在「待处理」表改正原始内容，再点菜单「重新处理待处理记录」或运行 `starbranch reprocess 工作簿.xlsx`',
    'dashboard.do.stale':
      '每日任务会自动重算；也可点菜单「结算月度结果…」或运行 `starbranch refresh 工作簿.xlsx`',
    'dashboard.do.letters':
      '点菜单「生成荣誉证书」或运行 `starbranch awards 工作簿.xlsx --letters 证书`',
    'dashboard.do.showcase':
      '每日任务在当天自动抽选；也可届时点菜单「抽选本月示范支部」或运行 `starbranch showcase 工作簿.xlsx --month {month}`',
    'dashboard.do.showcaseDue':
      '{month} 的抽选日已到、尚未抽选：点菜单「抽选本月示范支部」或运行 `starbranch showcase 工作簿.xlsx --month {month}`',
    'dashboard.do.noShowcase': '本年度已没有待抽选的示范汇报',
    'dashboard.detail.andMore': '{names} 等 {count} 个',
    'dashboard.detail.then': '{detail}：{todo}',
    'dashboard.detail.reissues': '其中 {count} 封为作废后重新生成',

    'dashboard.section.month': '月度星级 · {month}（最近结算的月份）',
    'dashboard.noMonth': '还没有结算过的月份：每月 1 日结算上月后在此显示',
    'dashboard.starBranch': '当月星级支部：{names}',
    'dashboard.noStarBranch': '当月星级支部：未评出（没有现场评分）',
    'dashboard.head.branch': '支部名称',
    'dashboard.head.stars': '星级',
    'dashboard.head.starsShown': '星级显示',
    'dashboard.head.score': '月度得分',
    'dashboard.head.rank': '排名',
    'dashboard.head.starBranch': '当月星级支部',
    'dashboard.mark.starBranch': '★ 星级支部',

    'dashboard.section.distribution': '星级分布 · {month}',
    'dashboard.head.level': '星级',
    'dashboard.head.branches': '支部数',
    'dashboard.level.none': '无星',

    'dashboard.section.months': '逐月概况',
    'dashboard.head.month': '月份',
    'dashboard.head.activities': '有效活动',
    'dashboard.head.points': '活动积分',
    'dashboard.head.meanScore': '平均月度得分',

    'dashboard.section.standings': '年度排名（截至目前）',
    'dashboard.standingsNote':
      '综合得分 = 过程得分 × {process} + 答辩得分（折算为百分制）× {defense}；未结算的月份与未答辩的部分按 0 计',
    'dashboard.head.total': '综合得分',
    'dashboard.head.process': '过程得分',
    'dashboard.head.defense': '答辩得分',
    'dashboard.head.advanced': '先进党支部',
    'dashboard.mark.advanced': '是',
    'dashboard.noStandings': '还没有通过审核的支部',

    'dashboard.section.overview': '年度概况',
    'dashboard.overview.programYear': '创建年度',
    'dashboard.overview.applied': '申报支部',
    'dashboard.overview.takingPart': '参与创建支部',
    'dashboard.overview.activities': '有效活动',
    'dashboard.overview.showcases': '示范汇报次数',
    'dashboard.overview.starTitles': '当月星级支部次数',
    'dashboard.overview.advanced': '先进党支部',
    'dashboard.overview.nonCompliant': '未达标支部',
    'dashboard.head.value': '数值',
    'dashboard.section.tiers': '分层次',
    'dashboard.head.tier': '支部层次',
    'dashboard.section.kinds': '活动类型',
    'dashboard.head.kind': '活动类型',
    'dashboard.section.awards': '表彰',
    'dashboard.head.awardKind': '表彰类别',

    'dashboard.chart.stars': '星级分布（{month}）',
    'dashboard.chart.months': '逐月活动积分',
    'dashboard.chart.standings': '年度排名前 {count} 名 · 综合得分',

    'dashboard.summary':
      '总览已更新：{todo} 项待办；{branches} 个支部参与创建，{activities} 项有效活动',
  },
  en: {
    'dashboard.title': '{year} Advanced Party Branch Programme · Dashboard',
    'dashboard.updated':
      'Updated {time}; choose "Update dashboard" in the menu or run `starbranch report workbook.xlsx --out report.html` to refresh',

    'dashboard.section.today': 'Needs you today',
    'dashboard.head.item': 'Item',
    'dashboard.head.count': 'Count',
    'dashboard.head.todo': 'What to do',
    'dashboard.item.pending': 'Applications awaiting review',
    'dashboard.item.rejected': 'Rows waiting in Rejected',
    'dashboard.item.stale': 'Months to recompute',
    'dashboard.item.letters': 'Letters to make',
    'dashboard.item.showcase': 'Days to the next showcase draw',
    'dashboard.daysFormat': '0" days"',
    'dashboard.do.nothing': 'Nothing to do',
    'dashboard.do.pending':
      'Set Status to Approved or Rejected in the Branches sheet; on Google Sheets then choose "Refresh form choices" in the menu',
    'dashboard.do.rejected':
      'Correct the raw answers in the Rejected sheet, then choose "Reprocess rejected" in the menu or run `starbranch reprocess workbook.xlsx`',
    'dashboard.do.stale':
      'The daily run recomputes them; or choose "Finalise a month…" in the menu or run `starbranch refresh workbook.xlsx`',
    'dashboard.do.letters':
      'Choose "Generate letters" in the menu or run `starbranch awards workbook.xlsx --letters letters`',
    'dashboard.do.showcase':
      'The daily run draws it on the day; or then choose "Prepare this month\'s showcase" in the menu or run `starbranch showcase workbook.xlsx --month {month}`',
    'dashboard.do.showcaseDue':
      'The draw for {month} is due and not done: choose "Prepare this month\'s showcase" in the menu or run `starbranch showcase workbook.xlsx --month {month}`',
    'dashboard.do.noShowcase': 'No showcase is left to draw this year',
    'dashboard.detail.andMore': '{names} and {count} in all',
    'dashboard.detail.then': '{detail}: {todo}',
    'dashboard.detail.reissues': '{count} of them replace voided letters',

    'dashboard.section.month': 'Stars · {month} (the last month finalised)',
    'dashboard.noMonth':
      'No month has been finalised yet: each month shows here once it is finalised on the 1st',
    'dashboard.starBranch': 'Star branch of the month: {names}',
    'dashboard.noStarBranch': 'Star branch of the month: none (no on-site scores)',
    'dashboard.head.branch': 'Branch name',
    'dashboard.head.stars': 'Stars',
    'dashboard.head.starsShown': 'Stars shown',
    'dashboard.head.score': 'Monthly score',
    'dashboard.head.rank': 'Rank',
    'dashboard.head.starBranch': 'Star branch of the month',
    'dashboard.mark.starBranch': '★ Star branch',

    'dashboard.section.distribution': 'Stars · {month}: how many branches',
    'dashboard.head.level': 'Stars',
    'dashboard.head.branches': 'Branches',
    'dashboard.level.none': 'No star',

    'dashboard.section.months': 'Month by month',
    'dashboard.head.month': 'Month',
    'dashboard.head.activities': 'Activities counted',
    'dashboard.head.points': 'Activity points',
    'dashboard.head.meanScore': 'Mean monthly score',

    'dashboard.section.standings': 'Standings so far',
    'dashboard.standingsNote':
      'Final score = process × {process} + defense (scaled to 100) × {defense}; months not finalised and a defense not held count as 0',
    'dashboard.head.total': 'Final score',
    'dashboard.head.process': 'Process',
    'dashboard.head.defense': 'Defense',
    'dashboard.head.advanced': 'Advanced branch',
    'dashboard.mark.advanced': 'Yes',
    'dashboard.noStandings': 'No branch has been approved yet',

    'dashboard.section.overview': 'The year so far',
    'dashboard.overview.programYear': 'Programme year',
    'dashboard.overview.applied': 'Branches applied',
    'dashboard.overview.takingPart': 'Branches taking part',
    'dashboard.overview.activities': 'Activities counted',
    'dashboard.overview.showcases': 'Showcase presentations',
    'dashboard.overview.starTitles': 'Star branch titles',
    'dashboard.overview.advanced': 'Advanced branches',
    'dashboard.overview.nonCompliant': 'Non-compliant branches',
    'dashboard.head.value': 'Value',
    'dashboard.section.tiers': 'By tier',
    'dashboard.head.tier': 'Tier',
    'dashboard.section.kinds': 'Activities by kind',
    'dashboard.head.kind': 'Activity kind',
    'dashboard.section.awards': 'Awards',
    'dashboard.head.awardKind': 'Award kind',

    'dashboard.chart.stars': 'Stars ({month})',
    'dashboard.chart.months': 'Activity points by month',
    'dashboard.chart.standings': 'Top {count} · final score so far',

    'dashboard.summary':
      'Dashboard updated: {todo} items need you; {branches} branches taking part, {activities} activities counted',
  },
});
