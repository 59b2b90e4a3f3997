/**
 * The jobs: their names in the Log, the summary lines they end with, the notes they write into
 * derived cells (a duplicate, a screened score sheet, a showcase pick) and the errors they throw.
 * The English job names are those the Log has always had, so an English workbook reads the same.
 */
import { defineMessages } from './define';

export const jobsMessages = defineMessages({
  'zh-CN': {
    // —— jobs.name: the Log's 任务 column
    'jobs.name.ingest': '汇入表单回复',
    'jobs.name.showcase': '抽选示范汇报 {month}',
    'jobs.name.finalise': '月度定稿 {month}',
    'jobs.name.recompute': '重算 {month}',
    'jobs.name.refresh': '重算有变化的月份',
    'jobs.name.defense': '汇总答辩成绩',
    'jobs.name.awards': '评定表彰',
    'jobs.name.letters': '生成证书',
    'jobs.name.report': '年度报告',
    'jobs.name.reprocess': '重新处理待处理记录',
    'jobs.name.rubricArchive': '归档旧细则评分',
    // —— jobs.log: what every job adds to its summary and Log row
    'jobs.log.unreadCells': '{count} 个单元格无法读取',
    'jobs.log.unreadCell': '未能读取：{cell}',
    'jobs.cell': '{sheet} 第 {row} 行，{column}：{message}',
    // —— the summaries
    'jobs.ingest.counts': '新增 {added} 条，转入待处理 {rejected} 条，已有 {skipped} 条',
    'jobs.showcase.picked': '{month}：抽选 {count} 个支部示范汇报',
    'jobs.showcase.alreadyDrawn': '{month} 已于 {at} 抽选；如需重抽，请先删除该月的行',
    'jobs.showcase.topNote': '月度得分第 {rank} 名（{score}）',
    'jobs.showcase.spotNote': '随机抽查（从 {pool} 个支部中抽取），种子 {seed}',
    'jobs.finalise.ranked': '{month}：{count} 个支部排名；当月星级支部：{stars}',
    'jobs.monthOutside': '{month} 不在创建周期（{start} 至 {end}）内',
    'jobs.defense.aggregated': '汇总 {count} 个支部的答辩成绩，有效评分表 {sheets} 份',
    'jobs.defense.incomplete': '其中 {count} 个支部有效评委不足 {min} 位',
    'jobs.defense.dropped': '{criterion}{judge} {value}（{side}）',
    'jobs.defense.high': '最高',
    'jobs.defense.low': '最低',
    'jobs.defense.mean': '{criterion} {value}',
    'jobs.awards.top': '第 {rank} 名 {name} {score}',
    'jobs.awards.shortOfThemes': '未达到每学期“七个一”组织生活次数要求',
    'jobs.report.summary': '{branches} 个支部，{activities} 项活动',
    'jobs.reprocess.summary': '{moved} 条已移入所属表，{left} 条仍待处理',
    // —— notes written into derived cells
    'jobs.note.duplicateOf': '与 {original} 重复',
    'jobs.note.conflict': '评委所在支部（{branch}），须回避',
    'jobs.note.superseded': '已被回复 {response} 替代',
    // —— jobs.letter: an English workbook's letters (the Chinese ones are worded in
    // domain/letterFields.ts, with Chinese numerals and formal dates); the same sentences here
    'jobs.letter.salutation.branch': '{recipient}：',
    'jobs.letter.salutation.member': '{name}同志：',
    'jobs.letter.rank': '第{ordinal}名',
    'jobs.letter.programme': '在{year}年度先进党支部创建活动中',
    'jobs.letter.programmeNoYear': '在先进党支部创建活动中',
    'jobs.letter.focus.junior': '坚持把党支部建在班上，以党建促学风、以党建带班建、以党建带团建',
    'jobs.letter.focus.senior': '坚持在培养中使用、在使用中锻炼，着力培养高素质创新型人才',
    'jobs.letter.focus.other': '充分发挥党支部战斗堡垒作用',
    'jobs.letter.standing.ranked': '综合评定位列{rankText}',
    'jobs.letter.standing.unranked': '综合评定成绩优秀',
    'jobs.letter.citation.branch':
      '{programme}，{recipient}{focus}，组织生活扎实、特色活动鲜明，经申报审核、定期抽查、汇报答辩，{standing}，被评为“{title}”。特发此证，以资鼓励。',
    'jobs.letter.memberBranch': '（{branch}）',
    'jobs.letter.citation.member':
      '{programme}，{name}同志{branch}充分发挥共产党员先锋模范作用，争做“勤奋学习、团结合作、诚信守纪、艰苦奋斗”的模范，经支部推荐、学院审核，被评为“{title}”。特发此证，以资鼓励。',
    // —— errors that are the program's, not staff's (a port missing)
    'jobs.noDocumentMaker': '无法生成证书：未配置证书生成方式',
  },
  en: {
    'jobs.name.ingest': 'ingest',
    'jobs.name.showcase': 'showcase {month}',
    'jobs.name.finalise': 'finalise {month}',
    'jobs.name.recompute': 'recompute {month}',
    'jobs.name.refresh': 'refresh months',
    'jobs.name.defense': 'defense',
    'jobs.name.awards': 'awards',
    'jobs.name.letters': 'letters',
    'jobs.name.report': 'report',
    'jobs.name.reprocess': 'reprocess',
    'jobs.name.rubricArchive': 'rubric archive',
    'jobs.log.unreadCells': '{count} cells could not be read',
    'jobs.log.unreadCell': 'could not read: {cell}',
    'jobs.cell': '{sheet} row {row}, {column}: {message}',
    'jobs.ingest.counts': '{added} added, {rejected} rejected, {skipped} already known',
    'jobs.showcase.picked': '{month}: {count} branches picked to present',
    'jobs.showcase.alreadyDrawn': '{month} was already drawn on {at}; delete its rows to redraw',
    'jobs.showcase.topNote': 'ranked #{rank} by month-to-date score ({score})',
    'jobs.showcase.spotNote': 'spot check drawn from {pool} eligible branches, seed {seed}',
    'jobs.finalise.ranked': '{month}: {count} branches ranked; star branch: {stars}',
    'jobs.monthOutside': 'month {month} is outside the programme {start}..{end}',
    'jobs.defense.aggregated': '{count} branches aggregated from {sheets} counted sheets',
    'jobs.defense.incomplete': '{count} with fewer than {min} judges',
    'jobs.defense.dropped': '{criterion}{judge} {value} ({side})',
    'jobs.defense.high': 'highest',
    'jobs.defense.low': 'lowest',
    'jobs.defense.mean': '{criterion} {value}',
    'jobs.awards.top': '#{rank} {name} {score}',
    'jobs.awards.shortOfThemes': 'short of the semester theme-activity rule',
    'jobs.report.summary': '{branches} branches, {activities} activities',
    'jobs.reprocess.summary': '{moved} moved to their tables, {left} still need attention',
    'jobs.note.duplicateOf': 'duplicate of {original}',
    'jobs.note.conflict': 'judge belongs to this branch ({branch})',
    'jobs.note.superseded': 'superseded by response {response}',
    'jobs.letter.salutation.branch': '{recipient}:',
    'jobs.letter.salutation.member': '{name}:',
    'jobs.letter.rank': '{ordinal} place',
    'jobs.letter.programme': 'In the {year} Advanced Party Branch Programme',
    'jobs.letter.programmeNoYear': 'In the Advanced Party Branch Programme',
    'jobs.letter.focus.junior':
      'built the Party branch into the class, using Party building to lift study, the class and the Youth League',
    'jobs.letter.focus.senior':
      'used its members as they trained and trained them as they worked, cultivating high-quality, innovative talent',
    'jobs.letter.focus.other': 'stood as a true fortress of the Party',
    'jobs.letter.standing.ranked': 'took {rankText} overall',
    'jobs.letter.standing.unranked': 'achieved excellent results overall',
    'jobs.letter.citation.branch':
      '{programme}, {recipient} {focus}, kept up a sound organisational life with distinctive activities and, through the application review, the monthly checks and the defense, {standing}. It is hereby awarded the title “{title}”.',
    'jobs.letter.memberBranch': ' ({branch})',
    'jobs.letter.citation.member':
      '{programme}, {name}{branch} set an example as a Communist Party member, diligent in study, cooperative, honest and disciplined, and hard-working, and, nominated by the branch and reviewed by the college, is hereby awarded the title “{title}”.',
    'jobs.noDocumentMaker': 'cannot make letters: no way of making documents is configured',
  },
});
