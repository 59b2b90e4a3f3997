/**
 * Every table of the workbook (DESIGN §3), declared once. Sheet creation, headers, dropdowns,
 * parsing, writing and the local `.xlsx` all come from these declarations.
 */
import {
  ACTIVITY_KINDS,
  ACTIVITY_STATUSES,
  AWARD_KINDS,
  AWARD_STATES,
  BRANCH_STATUSES,
  LOG_OUTCOMES,
  NOMINATION_STATUSES,
  RESULT_STATES,
  SCORE_STATUSES,
  SHOWCASE_REASONS,
  TIERS,
} from '../vocabulary';
import {
  bool,
  date,
  datetime,
  decimal,
  email,
  int,
  longText,
  month,
  oneOf,
  text,
  url,
} from './column';
import { defineTable, type RecordOf } from './table';

const responseId = () => text({ zh: '响应编号', en: 'Response ID', required: true });
const submittedAt = () => datetime({ zh: '提交时间', en: 'Submitted at', required: true });
const branchRef = () => text({ zh: '支部编号', en: 'Branch ID', required: true });
/** A branch's full name, as long as 计算机科学与技术学院二〇二三级本科生第一党支部: shown whole. */
const NAME_WIDTH = { width: 30, maxWidth: 50 } as const;
const branchName = () => text({ zh: '支部名称', en: 'Branch name', ...NAME_WIDTH });
/** Ids, links and records the system keeps for itself: narrow, cut at the edge, whole in the cell. */
const FOR_THE_SYSTEM = { width: 16, maxWidth: 16, clip: true } as const;

/** A plain number written by a person or by the system, and nothing else (no `007`, no `1e3`). */
const PLAIN_NUMBER = /^-?(0|[1-9]\d*)(\.\d*[1-9])?$/;

/**
 * A setting's value: text, as the settings parse it, but written as a number when it is a plain
 * number, so the sheet's number validation holds and a typed number reads back as the same text.
 */
function settingValue() {
  const column = text({ zh: '值', en: 'Value', staffEditable: true, width: 24 });
  return {
    ...column,
    toCell: (value: string | null) =>
      value !== null && PLAIN_NUMBER.test(value) && String(Number(value)) === value
        ? Number(value)
        : value,
  };
}

/**
 * The settings, one a row: its group and name in the workbook's language first, then the value
 * staff edit, what it does, and its key (DESIGN §7), for those who want it. Workbooks made
 * before the names had the key in the first column, under 设置项: they read the same.
 */
export const ConfigTable = defineTable({
  name: 'Config',
  zh: '设置',
  en: 'Config',
  key: ['key'],
  staffOnly: true,
  columns: {
    group: text({ zh: '分组', en: 'Group', width: 12 }),
    label: text({ zh: '设置', en: 'Setting', width: 30, maxWidth: 40 }),
    value: settingValue(),
    note: longText({ zh: '说明', en: 'Note', maxWidth: 50 }),
    key: text({ zh: '键', en: 'Key', aliases: ['设置项'], maxWidth: 20 }),
  },
});

export const BranchesTable = defineTable({
  name: 'Branches',
  zh: '支部',
  en: 'Branches',
  key: ['id'],
  staffOnly: false,
  columns: {
    id: text({ zh: '支部编号', en: 'Branch ID', required: true, maxLength: 20 }),
    name: text({
      zh: '支部名称',
      en: 'Branch name',
      required: true,
      maxLength: 100,
      ...NAME_WIDTH,
    }),
    tier: oneOf(TIERS, { zh: '支部层次', en: 'Tier', required: true }),
    unit: text({ zh: '所在单位', en: 'Unit', required: true, maxLength: 100 }),
    secretary: text({ zh: '支部书记', en: 'Secretary', required: true, maxLength: 50 }),
    email: email({ zh: '书记邮箱', en: 'Secretary email' }),
    members: int({ zh: '党员人数', en: 'Party members', min: 1, max: 500 }),
    status: oneOf(BRANCH_STATUSES, {
      zh: '审核状态',
      en: 'Status',
      required: true,
      staffEditable: true,
    }),
    plan: longText({ zh: '创建计划', en: 'Creation plan' }),
    planLink: url({ zh: '计划链接', en: 'Plan link' }),
    reviewNote: longText({ zh: '审核意见', en: 'Review note', staffEditable: true }),
    complianceOverride: bool({
      zh: '达标豁免',
      en: 'Compliance override',
      staffEditable: true,
    }),
    responseId: text({ zh: '响应编号', en: 'Response ID' }),
    appliedAt: datetime({ zh: '申报时间', en: 'Applied at' }),
  },
});

export const ActivitiesTable = defineTable({
  name: 'Activities',
  zh: '活动',
  en: 'Activities',
  key: ['responseId'],
  staffOnly: false,
  columns: {
    responseId: responseId(),
    submittedAt: submittedAt(),
    branch: branchRef(),
    date: date({ zh: '活动日期', en: 'Activity date', required: true }),
    kind: oneOf(ACTIVITY_KINDS, { zh: '活动类型', en: 'Activity kind', required: true }),
    title: text({ zh: '活动名称', en: 'Title', required: true, maxLength: 200, width: 30 }),
    description: longText({ zh: '活动内容', en: 'Description' }),
    participants: int({ zh: '参加人数', en: 'Participants', required: true, min: 1, max: 10000 }),
    nonParty: int({ zh: '党外群众人数', en: 'Non-party participants', min: 0, max: 10000 }),
    counselorPresent: bool({ zh: '辅导员是否出席', en: 'Counselor present' }),
    evidenceLink: url({ zh: '佐证材料链接', en: 'Evidence link' }),
    funds: decimal({ zh: '使用经费（元）', en: 'Funds spent (CNY)', min: 0, max: 1_000_000 }),
    status: oneOf(ACTIVITY_STATUSES, {
      zh: '审核状态',
      en: 'Status',
      required: true,
      staffEditable: true,
    }),
    points: decimal({ zh: '得分', en: 'Points', min: 0 }),
    note: longText({ zh: '备注', en: 'Note', staffEditable: true }),
    /**
     * The branch agreed to show the activity's title on the public honour roll (the activity
     * form's optional question; staff may change it). Blank is no: nothing is public unless asked.
     */
    publishable: bool({ zh: '可公开', en: 'Publishable', staffEditable: true }),
  },
});

export const OnsiteVotesTable = defineTable({
  name: 'OnsiteVotes',
  zh: '现场评选',
  en: 'OnsiteVotes',
  key: ['responseId'],
  staffOnly: false,
  columns: {
    responseId: responseId(),
    submittedAt: submittedAt(),
    month: month({ zh: '评选月份', en: 'Month', required: true }),
    judge: text({ zh: '评委姓名', en: 'Judge name', required: true, maxLength: 50 }),
    branch: branchRef(),
    score: decimal({ zh: '综合评分', en: 'Score', required: true, min: 0, max: 100 }),
    status: oneOf(SCORE_STATUSES, { zh: '状态', en: 'Status', required: true }),
    reason: text({ zh: '原因', en: 'Reason' }),
  },
});

export const ShowcaseTable = defineTable({
  name: 'Showcase',
  zh: '示范汇报',
  en: 'Showcase',
  key: ['month', 'branch'],
  staffOnly: true,
  columns: {
    month: month({ zh: '月份', en: 'Month', required: true }),
    branch: branchRef(),
    branchName: branchName(),
    reason: oneOf(SHOWCASE_REASONS, { zh: '入选方式', en: 'Picked as', required: true }),
    note: text({ zh: '说明', en: 'Why' }),
    score: decimal({ zh: '当月得分', en: 'Month-to-date score', min: 0, max: 100 }),
    drawnAt: datetime({ zh: '抽取时间', en: 'Drawn at', required: true }),
    /**
     * When staff closed the month's on-site vote (the meeting board's button, or `starbranch
     * board --close`): votes submitted after it do not count. Blank: the vote is open. Staff clear
     * it to reopen the vote.
     */
    voteClosedAt: datetime({ zh: '投票截止时间', en: 'Vote closed at', staffEditable: true }),
  },
});

export const MonthlyResultsTable = defineTable({
  name: 'MonthlyResults',
  zh: '月度结果',
  en: 'MonthlyResults',
  key: ['month', 'branch'],
  staffOnly: true,
  columns: {
    month: month({ zh: '月份', en: 'Month', required: true }),
    branch: branchRef(),
    branchName: branchName(),
    points: decimal({ zh: '活动积分', en: 'Points', required: true, min: 0 }),
    score: decimal({ zh: '月度得分', en: 'Score', required: true, min: 0, max: 100 }),
    stars: int({ zh: '星级', en: 'Stars', required: true, min: 0, max: 5 }),
    starsText: text({ zh: '星级显示', en: 'Stars shown' }),
    rank: int({ zh: '排名', en: 'Rank', required: true, min: 1 }),
    presented: bool({ zh: '示范汇报', en: 'Presented' }),
    onsiteScore: decimal({ zh: '现场评分', en: 'On-site score', min: 0, max: 100 }),
    starBranch: bool({ zh: '当月星级支部', en: 'Star branch of the month' }),
    veto: text({ zh: '一票否决', en: 'Veto', staffEditable: true }),
    finalisedAt: datetime({ zh: '计算时间', en: 'Finalised at', required: true }),
    // Optional, so that workbooks made before these columns existed still open; a month without
    // a digest counts as stale and is recomputed once.
    state: oneOf(RESULT_STATES, { zh: '状态', en: 'State' }),
    inputsDigest: text({ zh: '输入摘要', en: 'Inputs digest', maxLength: 40 }),
  },
});

export const JudgesTable = defineTable({
  name: 'Judges',
  zh: '评委',
  en: 'Judges',
  key: ['name'],
  staffOnly: true,
  columns: {
    name: text({ zh: '评委姓名', en: 'Judge name', required: true, maxLength: 50 }),
    email: email({ zh: '邮箱', en: 'Email' }),
    ownBranch: text({ zh: '所在支部编号', en: 'Own branch ID' }),
    note: text({ zh: '备注', en: 'Note' }),
  },
});

export const DefenseResultsTable = defineTable({
  name: 'DefenseResults',
  zh: '答辩结果',
  en: 'DefenseResults',
  key: ['branch'],
  staffOnly: true,
  columns: {
    branch: branchRef(),
    branchName: branchName(),
    judgesCounted: int({ zh: '有效评委数', en: 'Judges counted', required: true, min: 0 }),
    dropped: text({ zh: '去掉的分数', en: 'Marks dropped' }),
    score: decimal({ zh: '答辩得分', en: 'Defense score', min: 0 }),
    /** The rubric's highest score (Σ weight × max), so a score is never read on the wrong scale. */
    outOf: decimal({ zh: '满分', en: 'Out of', min: 0 }),
    criterionMeans: text({ zh: '各项平均', en: 'Per-criterion means' }),
    rank: int({ zh: '排名', en: 'Rank', min: 1 }),
    incomplete: bool({ zh: '评委不足', en: 'Incomplete' }),
    computedAt: datetime({ zh: '计算时间', en: 'Computed at', required: true }),
  },
});

export const NominationsTable = defineTable({
  name: 'Nominations',
  zh: '优秀党员推荐',
  en: 'Nominations',
  key: ['responseId'],
  staffOnly: false,
  columns: {
    responseId: responseId(),
    submittedAt: submittedAt(),
    branch: branchRef(),
    name: text({ zh: '姓名', en: 'Name', required: true, maxLength: 50 }),
    studentId: text({ zh: '学号', en: 'Student ID', required: true, maxLength: 30 }),
    email: email({ zh: '邮箱', en: 'Email' }),
    achievements: longText({ zh: '主要事迹', en: 'Achievements', required: true }),
    status: oneOf(NOMINATION_STATUSES, {
      zh: '审核状态',
      en: 'Status',
      required: true,
      staffEditable: true,
    }),
    note: text({ zh: '审核意见', en: 'Review note', staffEditable: true }),
  },
});

export const AwardsTable = defineTable({
  name: 'Awards',
  zh: '表彰',
  en: 'Awards',
  key: ['awardId'],
  staffOnly: true,
  columns: {
    awardId: text({ zh: '表彰编号', en: 'Award ID', required: true }),
    kind: oneOf(AWARD_KINDS, { zh: '表彰类别', en: 'Award kind', required: true }),
    branch: branchRef(),
    recipient: text({ zh: '获奖者', en: 'Recipient', required: true, ...NAME_WIDTH }),
    title: text({ zh: '荣誉称号', en: 'Title', required: true }),
    score: decimal({ zh: '综合得分', en: 'Final score', min: 0 }),
    rank: int({ zh: '排名', en: 'Rank', min: 1 }),
    state: oneOf(AWARD_STATES, { zh: '状态', en: 'State' }),
    letterId: text({ zh: '证书文件', en: 'Letter doc ID', ...FOR_THE_SYSTEM }),
    link: text({ zh: '证书链接', en: 'Letter link', ...FOR_THE_SYSTEM }),
    generatedAt: datetime({ zh: '生成时间', en: 'Generated at' }),
    /** The letter's number (证书编号): a reissued letter never reuses a voided one's. */
    letterNo: text({ zh: '证书编号', en: 'Letter No.' }),
    /** What the letter printed (JSON of its fields), to tell when the award has moved on. */
    printed: longText({ zh: '证书内容', en: 'Printed fields', ...FOR_THE_SYSTEM }),
    /** Every letter of this award that was voided: number, date, reason, where the file went. */
    voidedLetters: longText({ zh: '作废证书', en: 'Voided letters', ...FOR_THE_SYSTEM }),
  },
});

// The `Rejected` sheet depends on the rubric (one column per question): see `rejected.ts`.
export { RejectedTable, type RejectedRow } from './rejected';

export const LogTable = defineTable({
  name: 'Log',
  zh: '日志',
  en: 'Log',
  key: ['startedAt', 'job'],
  staffOnly: true,
  columns: {
    startedAt: datetime({ zh: '开始时间', en: 'Started at', required: true }),
    job: text({ zh: '任务', en: 'Job', required: true }),
    durationMs: int({ zh: '耗时（毫秒）', en: 'Duration (ms)', min: 0 }),
    rowsIn: int({ zh: '读入行数', en: 'Rows in', min: 0 }),
    rowsOut: int({ zh: '写出行数', en: 'Rows out', min: 0 }),
    outcome: oneOf(LOG_OUTCOMES, { zh: '结果', en: 'Outcome', required: true }),
    message: longText({ zh: '说明', en: 'Message' }),
  },
});

/**
 * 总览: laid out whole by the report job (`dashboardLayout`), sections of figures and charts rather
 * than a table, so it declares no columns.
 */
export const DashboardTable = defineTable({
  name: 'Dashboard',
  zh: '总览',
  en: 'Dashboard',
  key: [],
  staffOnly: true,
  freeForm: true,
  columns: {},
});

export type ConfigRow = RecordOf<typeof ConfigTable>;
export type Branch = RecordOf<typeof BranchesTable>;
export type Activity = RecordOf<typeof ActivitiesTable>;
export type OnsiteVote = RecordOf<typeof OnsiteVotesTable>;
export type ShowcasePick = RecordOf<typeof ShowcaseTable>;
export type MonthlyResult = RecordOf<typeof MonthlyResultsTable>;
export type Judge = RecordOf<typeof JudgesTable>;
export type DefenseResult = RecordOf<typeof DefenseResultsTable>;
export type Nomination = RecordOf<typeof NominationsTable>;
export type Award = RecordOf<typeof AwardsTable>;
export type LogRow = RecordOf<typeof LogTable>;
