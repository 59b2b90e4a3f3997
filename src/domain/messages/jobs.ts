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
    'jobs.reprocess.summary': '{moved} 条已移入所属表，{left} 条仍待处理',
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
    'jobs.reprocess.summary': '{moved} moved to their tables, {left} still need attention',
    'jobs.noDocumentMaker': 'cannot make letters: no way of making documents is configured',
  },
});
