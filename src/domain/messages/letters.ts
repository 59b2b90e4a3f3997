/**
 * Letters (荣誉证书): the words of the default template and of the generated citations, and what
 * the CLI says while it converts letters to PDF. A letter is written in the workbook's language.
 */
import { defineMessages } from './define';

export const lettersMessages = defineMessages({
  'zh-CN': {
    'letters.title': '荣誉证书',
    'letters.letterNoLabel': '证书编号：',
    'letters.salutation.branch': '{recipient}：',
    'letters.salutation.member': '{name}同志：',
    'letters.inYear': '在{year}年度先进党支部创建活动中',
    'letters.inProgramme': '在先进党支部创建活动中',
    'letters.focus.junior': '坚持把党支部建在班上，以党建促学风、以党建带班建、以党建带团建',
    'letters.focus.senior': '坚持在培养中使用、在使用中锻炼，着力培养高素质创新型人才',
    'letters.focus.other': '充分发挥党支部战斗堡垒作用',
    'letters.standing.ranked': '综合评定位列{rank}',
    'letters.standing.unranked': '综合评定成绩优秀',
    'letters.closing': '特发此证，以资鼓励。',
    'letters.citation.branch':
      '{inYear}，{recipient}{focus}，组织生活扎实、特色活动鲜明，经申报审核、定期抽查、汇报答辩，{standing}，被评为“{title}”。{closing}',
    'letters.citation.member':
      '{inYear}，{name}同志{branch}充分发挥共产党员先锋模范作用，争做“勤奋学习、团结合作、诚信守纪、艰苦奋斗”的模范，经支部推荐、学院审核，被评为“{title}”。{closing}',
    'letters.citation.memberAchievements':
      '{inYear}，{name}同志{branch}{achievements}，充分发挥了共产党员先锋模范作用，经支部推荐、学院审核，被评为“{title}”。{closing}',
    'letters.citation.branchOf': '（{branch}）',
    'letters.pdf.progress': '转换为 {format}',
    'letters.pdf.converted': '{format} {done}/{total}：{file}',
    'letters.pdf.written': '已生成 {count} 个 {format} 文件，保存在 {folder}',
    'letters.pdf.failed': '未能生成 {format} 文件：{reason}',
    'letters.pdf.missing': '{count} 封证书未生成 {format} 文件：{files}',
  },
  en: {
    'letters.title': 'Certificate of Honour',
    'letters.letterNoLabel': 'Certificate No. ',
    'letters.salutation.branch': '{recipient}:',
    'letters.salutation.member': 'Comrade {name}:',
    'letters.inYear': 'In the {year} advanced party-branch programme',
    'letters.inProgramme': 'In the advanced party-branch programme',
    'letters.focus.junior':
      'built the party branch into its classes, letting party work lift study, class and league alike',
    'letters.focus.senior':
      'trained its members by giving them real work, and helped them grow into creative, capable graduates',
    'letters.focus.other': 'stood firm as a party branch in every task',
    'letters.standing.ranked': 'ranked {rank} overall',
    'letters.standing.unranked': 'achieved an excellent overall result',
    'letters.closing': 'This certificate is awarded in recognition.',
    'letters.citation.branch':
      '{inYear}, {recipient} {focus}, with a sound organisational life and distinctive activities. Through application review, spot checks and a final defense, it {standing} and is named “{title}”. {closing}',
    'letters.citation.member':
      '{inYear}, Comrade {name}{branch} set an example as a party member, studying hard, working with others, keeping faith and the rules, and persevering. Nominated by the branch and approved by the college, {name} is named “{title}”. {closing}',
    'letters.citation.memberAchievements':
      '{inYear}, Comrade {name}{branch} set an example as a party member. {achievements}. Nominated by the branch and approved by the college, {name} is named “{title}”. {closing}',
    'letters.citation.branchOf': ' ({branch})',
    'letters.pdf.progress': 'Converting to {format}',
    'letters.pdf.converted': '{format} {done}/{total}: {file}',
    'letters.pdf.written': '{count} {format} files written to {folder}',
    'letters.pdf.failed': 'no {format} made: {reason}',
    'letters.pdf.missing': '{count} letters got no {format}: {files}',
  },
});
