/** Ingest: CSV encodings, extra questions, rejection reasons. */
import { defineMessages } from './define';

export const ingestMessages = defineMessages({
  'zh-CN': {
    'ingest.encoding.refused':
      '{file}：文件不是 `UTF-8` 编码（看起来是 {encoding}）：请在 `Google` 表单中用“下载回复 (`.csv`)”导出，或在 `Excel` 中另存为“`CSV UTF-8`”',
    'ingest.encoding.broken':
      '{file}：文件以 {encoding} 标记开头，但内容不是有效的 {encoding} 文本；请重新导出为“`CSV UTF-8`”',
    'ingest.encoding.unknown': '无法识别的编码',
    'ingest.encoding.read': '{file} 是 {encoding} 编码，已按此读取',
    'ingest.extra.saved':
      '另有 {count} 个问题不在表结构中：{titles}，答案已保存到{table}表的同名列',
    'ingest.summary.group': '{count} × {label}',
    'ingest.extra.column': '{title}（表单）',
    'ingest.blocked':
      '没有收录任何回复：全部 {count} 条都因同一原因转入「待处理」，请按上面的提示处理',
    'ingest.reason.judgeNotListed':
      '{question}: “{judge}”不在「评委」表中；请先在「评委」表中添加该评委',
    'ingest.group.judgeNotListed':
      '评委不在评委表中 — 请先在「评委」表中添加评委，再运行 `starbranch reprocess`（表格中：菜单“重新处理待处理记录”）',
    'ingest.group.branchUnknown': '支部不在「支部」表中 — 请在「待处理」中改正支部后重新处理',
    'ingest.group.branchNotApproved':
      '支部尚未通过审核 — 请先在「支部」表中审核，再运行 `starbranch reprocess`（表格中：菜单“重新处理待处理记录”）',
    'ingest.group.required': '「{question}」未填写 — 请在「待处理」中补上后重新处理',
    'ingest.group.invalidAnswer': '「{question}」的答案无法读取 — 请在「待处理」中改正后重新处理',
    'ingest.group.branchExists': '已有同名支部 — 同一支部只需申报一次',
    'ingest.group.outsideProgramme': '「{question}」不在创建年度内',
    'ingest.group.afterSubmission': '「{question}」晚于提交时间',
    'ingest.group.nonPartyTooMany': '「{question}」多于参加人数',
    'ingest.group.unreadableRow':
      '行无法读取（时间戳无法识别或有多余的单元格） — 请在「待处理」中改正后重新处理',
  },
  en: {
    'ingest.encoding.refused':
      '{file}: the file is not UTF-8 (it looks like {encoding}); download it from Google Forms with "Download responses (.csv)", or in Excel save it as "CSV UTF-8"',
    'ingest.encoding.broken':
      '{file}: the file starts with a {encoding} mark but its content is not valid {encoding}; export it again as "CSV UTF-8"',
    'ingest.encoding.unknown': 'an unknown encoding',
    'ingest.encoding.read': '{file} is {encoding}; read as such',
    'ingest.extra.saved':
      '{count} question(s) not in the schema: {titles}; their answers were saved to the same-named column(s) of {table}',
    'ingest.summary.group': '{count} × {label}',
    'ingest.extra.column': '{title} (form)',
    'ingest.blocked':
      'nothing was added: all {count} responses went to Rejected for the same reason; see the line above',
    'ingest.reason.judgeNotListed':
      '{question}: "{judge}" is not in the Judges sheet; expected a registered judge',
    'ingest.group.judgeNotListed':
      'judge not in the Judges sheet — add the judges there first, then run `starbranch reprocess` (in the spreadsheet: menu "Reprocess rejected")',
    'ingest.group.branchUnknown':
      'branch not in the Branches sheet — correct the branch in Rejected, then reprocess',
    'ingest.group.branchNotApproved':
      'branch not approved yet — review it in the Branches sheet first, then run `starbranch reprocess` (in the spreadsheet: menu "Reprocess rejected")',
    'ingest.group.required': '{question} left blank — fill it in Rejected, then reprocess',
    'ingest.group.invalidAnswer':
      '{question} could not be read — correct it in Rejected, then reprocess',
    'ingest.group.branchExists': 'a branch of that name already exists — a branch applies once',
    'ingest.group.outsideProgramme': '{question} outside the programme year',
    'ingest.group.afterSubmission': '{question} after the submission time',
    'ingest.group.nonPartyTooMany': '{question} more than the participants',
    'ingest.group.unreadableRow':
      'row could not be read (timestamp not recognised, or cells beyond the last column) — correct it in Rejected, then reprocess',
  },
});
