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
      '「{question}」填的是{judge}，不在「评委」表中；应为已登记的评委：请先在「评委」表中添加该评委，再重新处理',
    'ingest.reason.required': '「{question}」未填写；应填{expected}',
    'ingest.reason.invalid': '「{question}」填的是{answer}，{wrong}；应填{expected}',
    'ingest.wrong.notNumber': '不是数字',
    'ingest.wrong.notWhole': '不是整数',
    'ingest.wrong.outOfRange': '超出范围',
    'ingest.wrong.decimals': '小数位数过多',
    'ingest.wrong.notDate': '不是有效的日期',
    'ingest.wrong.notMonth': '不是有效的月份',
    'ingest.wrong.notChoice': '不是可选的答案',
    'ingest.wrong.notYesNo': '不是“是”或“否”',
    'ingest.wrong.notEmail': '不是有效的邮箱地址',
    'ingest.wrong.notLink': '不是网页链接',
    'ingest.wrong.tooLong': '太长（{length} 字）',
    'ingest.wrong.other': '不符合要求',
    'ingest.reason.branchExists':
      '「{question}」已有名为{answer}的支部；同一支部只需申报一次，新支部请换一个名称',
    'ingest.reason.branchUnknown':
      '「{question}」填的是{answer}，不是已登记的支部；应填支部列表中的支部或支部编号，如 B007',
    'ingest.reason.branchPending':
      '「{question}」填的 {branch} 尚未通过审核；请先在「支部」表中审核，通过后再重新处理',
    'ingest.reason.branchRejected':
      '「{question}」填的 {branch} 未通过审核，不参加创建；应为已通过审核的支部',
    'ingest.reason.dateOutside':
      '「{question}」{value} 不在创建年度内；应为 {from} 至 {to} 之间的日期',
    'ingest.reason.monthOutside':
      '「{question}」{value} 不在创建年度内；应为 {from} 至 {to} 之间的月份',
    'ingest.reason.dateAfterSubmission':
      '「{question}」{value} 晚于提交时间 {submitted}；应为活动实际举办的日期',
    'ingest.reason.monthAfterSubmission':
      '「{question}」{value} 晚于提交时间 {submitted}；应为评选会议所在的月份',
    'ingest.reason.nonPartyTooMany':
      '「{question}」{value} 多于参加人数 {participants}；应不超过参加人数',
    'ingest.reason.timestampBlank': '「{question}」未填写；应为提交时间，如 2026-10-15 14:30:00',
    'ingest.reason.timestampUnreadable':
      '「{question}」{answer}无法识别为时间；应为提交时间，如 2026-10-15 14:30:00',
    'ingest.reason.beyondColumns':
      '最后一个标题列之后还有 {count} 个单元格；该行可能多了逗号或引号，请核对各列的答案',
    'ingest.reason.inFile': '{file} 第 {row} 行：{reason}',
    'ingest.reason.noForm':
      '这条回复与五个表单都对应不上（表单的问题可能被改过）；请在「表单」列选出它所属的表单，把答案填入对应的列后重新处理',
    'ingest.reason.unknownForm': '「{question}」{answer}不是已知的表单；应为以下之一：{choices}',
    'ingest.reason.payloadUnreadable':
      '各答案列都是空的，「{question}」也已无法读取；请把答案填入各列后重新处理',
    'ingest.expect.wholeRange': '介于 {min} 到 {max} 之间的整数',
    'ingest.expect.wholeMin': '不小于 {min} 的整数',
    'ingest.expect.numberRange': '介于 {min} 到 {max} 之间的数（最多两位小数）',
    'ingest.expect.numberMin': '不小于 {min} 的数（最多两位小数）',
    'ingest.expect.number': '数字（最多两位小数）',
    'ingest.expect.date': '日期，如 2026-10-15',
    'ingest.expect.month': '月份，如 2026-10',
    'ingest.expect.yesNo': '“是”或“否”',
    'ingest.expect.choice': '以下之一：{choices}',
    'ingest.expect.email': '有效的邮箱地址',
    'ingest.expect.url': '网页链接（以 `https://` 开头）',
    'ingest.expect.textMax': '不超过 {max} 个字的文字',
    'ingest.expect.answer': '答案',
    'ingest.expect.branch': '支部列表中的支部或支部编号，如 B007',
    'ingest.answer.quoted': '“{text}”',
    'ingest.answer.clipped': '{text}…（已截断，原文 {length} 字）',
    'ingest.reprocess.dismissed': '{count} 条已忽略，记录在「待处理」中，不再处理',
    'ingest.screen.conflict': '评委所在支部（{branch}），须回避',
    'ingest.screen.superseded': '已被回复 {response} 替代',
    'ingest.duplicate.note': '与 {original} 重复',
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
      '{question}: {judge} is not in the Judges sheet; expected a registered judge: add the judge there first, then reprocess',
    'ingest.reason.required': '{question} is blank; expected {expected}',
    'ingest.reason.invalid': '{question}: {answer} {wrong}; expected {expected}',
    'ingest.wrong.notNumber': 'is not a number',
    'ingest.wrong.notWhole': 'is not a whole number',
    'ingest.wrong.outOfRange': 'is out of range',
    'ingest.wrong.decimals': 'has too many decimal places',
    'ingest.wrong.notDate': 'is not a real date',
    'ingest.wrong.notMonth': 'is not a real month',
    'ingest.wrong.notChoice': 'is not one of the choices',
    'ingest.wrong.notYesNo': 'is not yes or no',
    'ingest.wrong.notEmail': 'is not an email address',
    'ingest.wrong.notLink': 'is not a web link',
    'ingest.wrong.tooLong': 'is too long ({length} characters)',
    'ingest.wrong.other': 'is not accepted',
    'ingest.reason.branchExists':
      '{question}: a branch named {answer} already exists; a branch applies once, and a new branch needs another name',
    'ingest.reason.branchUnknown':
      '{question}: {answer} is not a registered branch; expected a branch from the list or its ID, such as B007',
    'ingest.reason.branchPending':
      '{question}: branch {branch} is not approved yet; review it in the Branches sheet first, then reprocess',
    'ingest.reason.branchRejected':
      '{question}: branch {branch} was not approved and does not take part; expected an approved branch',
    'ingest.reason.dateOutside':
      '{question}: {value} is outside the programme year; expected a date from {from} to {to}',
    'ingest.reason.monthOutside':
      '{question}: {value} is outside the programme year; expected a month from {from} to {to}',
    'ingest.reason.dateAfterSubmission':
      '{question}: {value} is after the report was submitted ({submitted}); expected the date the activity took place',
    'ingest.reason.monthAfterSubmission':
      '{question}: {value} is after the vote was submitted ({submitted}); expected the month of the meeting',
    'ingest.reason.nonPartyTooMany':
      '{question}: {value} is more than the {participants} participants; expected at most the number of participants',
    'ingest.reason.timestampBlank':
      '{question} is blank; expected the time the response was submitted, such as 2026-10-15 14:30:00',
    'ingest.reason.timestampUnreadable':
      '{question}: {answer} is not a time; expected the time the response was submitted, such as 2026-10-15 14:30:00',
    'ingest.reason.beyondColumns':
      "{count} cell(s) beyond the last titled column; the row may have a stray comma or quote: check each column's answer",
    'ingest.reason.inFile': '{file} row {row}: {reason}',
    'ingest.reason.noForm':
      'the response matches none of the five forms (their questions may have been edited); choose its form in the Form column, put the answers in their columns, then reprocess',
    'ingest.reason.unknownForm':
      '{question}: {answer} is not a known form; expected one of: {choices}',
    'ingest.reason.payloadUnreadable':
      'every answer column is blank and {question} can no longer be read; put the answers in their columns, then reprocess',
    'ingest.expect.wholeRange': 'a whole number from {min} to {max}',
    'ingest.expect.wholeMin': 'a whole number of at least {min}',
    'ingest.expect.numberRange': 'a number from {min} to {max} with at most 2 decimal places',
    'ingest.expect.numberMin': 'a number of at least {min} with at most 2 decimal places',
    'ingest.expect.number': 'a number with at most 2 decimal places',
    'ingest.expect.date': 'a date such as 2026-10-15',
    'ingest.expect.month': 'a month such as 2026-10',
    'ingest.expect.yesNo': '"Yes" or "No"',
    'ingest.expect.choice': 'one of: {choices}',
    'ingest.expect.email': 'an email address such as name@example.edu.cn',
    'ingest.expect.url': 'a link starting with https://',
    'ingest.expect.textMax': 'text of at most {max} characters',
    'ingest.expect.answer': 'an answer',
    'ingest.expect.branch': 'a branch from the list or its ID, such as B007',
    'ingest.answer.quoted': '"{text}"',
    'ingest.answer.clipped': '{text}… (truncated, {length} characters in all)',
    'ingest.reprocess.dismissed': '{count} dismissed: recorded in Rejected and not processed again',
    'ingest.screen.conflict': 'the judge belongs to this branch ({branch}) and must recuse',
    'ingest.screen.superseded': 'superseded by response {response}',
    'ingest.duplicate.note': 'duplicate of {original}',
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
