/** Awards and letters: provisional awards, void and reissued letters. */
import { defineMessages } from './define';

export const awardsMessages = defineMessages({
  'zh-CN': {
    'awards.defenseMissing':
      '答辩成绩尚未齐全：{count} 个符合条件的支部没有答辩结果（{branches}）。请先录入并汇总答辩成绩；如需先看暂定名单，使用 `starbranch awards --provisional` 或菜单“评定暂定表彰名单”。',
    'awards.selected': '{branches} 个先进党支部，{members} 名优秀学生党员',
    'awards.provisional':
      '暂定名单：{count} 个支部尚无答辩结果（{branches}）；答辩结束后请重新评定，暂定表彰不生成证书',
    'awards.ineligible': '{count} 个支部不符合评选条件（学期活动不足）：{branches}',
    'awards.removed':
      '{award} {recipient} 不再符合表彰条件（原排名 {rank}，得分 {score}），已从表彰移除',
    'awards.letterVoided': '证书 {letterNo}（{recipient}）已作废：{reason}',
    'awards.letterOutdated':
      '{award} 的证书 {letterNo} 与表彰不符（{reason}），链接已移除；生成证书时将作废并重新生成',
    'awards.voidedEntry': '{letterNo} 作废于 {at}：{reason}；文件 {file}',
    'awards.voidedEarlier': '{letterNo} 及更早的证书已随原表彰记录作废（见日志）',
    'awards.change': '{field} {was} → {now}',
    'awards.field.recipient': '获奖者',
    'awards.field.awardTitle': '荣誉称号',
    'awards.field.branchName': '支部名称',
    'awards.field.rank': '排名',
    'awards.field.score': '综合得分',
    'awards.reason.removed': '不再符合表彰条件',
    'awards.reason.reissue': '按要求重新生成',
    'awards.reason.unrecorded': '未记录证书所印内容，无法核对',
    'awards.lettersMade': '生成证书 {made} 封（其中重新生成 {reissued} 封），作废 {voided} 封',
    'awards.lettersLeft': '{remaining} 封证书留待下次运行',
    'awards.lettersProvisional': '{count} 项暂定表彰未生成证书，待答辩结束、正式评定后生成',
    'awards.lettersElsewhere':
      '{count} 封证书已生成于 {folder}；如需在新文件夹重新生成，使用 `--reissue`',
  },
  en: {
    'awards.defenseMissing':
      'the defense is not complete: {count} eligible branches have no defense result ({branches}). Enter and aggregate the defense scores first; for a provisional list, use `starbranch awards --provisional` or the menu item "Select provisional awards".',
    'awards.selected': '{branches} advanced branches, {members} excellent members',
    'awards.provisional':
      'provisional: {count} branches have no defense result yet ({branches}); select again after the defense. Provisional awards get no letter',
    'awards.ineligible': '{count} branches not eligible (semester rule): {branches}',
    'awards.removed':
      '{award} {recipient} no longer qualifies (was rank {rank}, score {score}); removed from Awards',
    'awards.letterVoided': 'letter {letterNo} ({recipient}) voided: {reason}',
    'awards.letterOutdated':
      "{award}'s letter {letterNo} no longer matches its award ({reason}); its link is removed, and the letters job voids and remakes it",
    'awards.voidedEntry': '{letterNo} voided {at}: {reason}; file {file}',
    'awards.voidedEarlier':
      '{letterNo} and earlier letters were voided with the former award row (see the Log)',
    'awards.change': '{field} {was} → {now}',
    'awards.field.recipient': 'recipient',
    'awards.field.awardTitle': 'title',
    'awards.field.branchName': 'branch name',
    'awards.field.rank': 'rank',
    'awards.field.score': 'score',
    'awards.reason.removed': 'no longer qualifies',
    'awards.reason.reissue': 'reissued on request',
    'awards.reason.unrecorded': 'what it printed was not recorded, so it cannot be checked',
    'awards.lettersMade': '{made} letters made ({reissued} reissued), {voided} voided',
    'awards.lettersLeft': '{remaining} letters left for the next run',
    'awards.lettersProvisional':
      '{count} provisional awards have no letter until the defense is complete and awards are final',
    'awards.lettersElsewhere':
      '{count} letters already made in {folder}; to make them again in the new folder, use `--reissue`',
  },
});
