/**
 * The programme's fixed vocabulary: branch tiers, activity kinds, statuses. Each term has a stable
 * key (stored in the workbook) and a Chinese and English label (shown to people, accepted on input).
 */

export type Locale = 'zh-CN' | 'en';

export interface Term<K extends string = string> {
  readonly key: K;
  readonly zh: string;
  readonly en: string;
}

function terms<K extends string>(list: readonly Term<K>[]): readonly Term<K>[] {
  return list;
}

export const TIERS = terms([
  { key: 'junior', zh: '低年级本科生党支部', en: 'Junior undergraduate branch' },
  { key: 'senior', zh: '高年级本科生党支部', en: 'Senior undergraduate branch' },
  { key: 'graduate', zh: '研究生党支部', en: 'Graduate branch' },
] as const);
export type Tier = (typeof TIERS)[number]['key'];

/** The seven "七个一" themes of organisational life, aimed at non-party students. */
export const THEME_KINDS = terms([
  { key: 'symbol', zh: '树一个标志', en: 'Set up a symbol' },
  { key: 'alumni', zh: '访一位学长', en: 'Visit an alumnus' },
  { key: 'book', zh: '读一本好书', en: 'Read a good book' },
  { key: 'film', zh: '看一部老片', en: 'Watch a classic film' },
  { key: 'song', zh: '唱一首老歌', en: 'Sing a classic song' },
  { key: 'deed', zh: '做一件实事', en: 'Do a practical deed' },
  { key: 'gift', zh: '献一份厚礼', en: 'Give a generous gift' },
] as const);
export type ThemeKind = (typeof THEME_KINDS)[number]['key'];

export const ACTIVITY_KINDS = terms([
  ...THEME_KINDS,
  { key: 'featured', zh: '特色活动', en: 'Featured activity' },
  { key: 'study', zh: '专题学习会', en: 'Study session' },
  { key: 'training', zh: '专题培训', en: 'Training' },
  { key: 'practice', zh: '社会实践', en: 'Social practice' },
  { key: 'other', zh: '其他', en: 'Other' },
] as const);
export type ActivityKind = (typeof ACTIVITY_KINDS)[number]['key'];

export function isThemeKind(kind: string): kind is ThemeKind {
  return THEME_KINDS.some((t) => t.key === kind);
}

export const BRANCH_STATUSES = terms([
  { key: 'pending', zh: '待审核', en: 'Pending' },
  { key: 'approved', zh: '已通过', en: 'Approved' },
  { key: 'rejected', zh: '未通过', en: 'Rejected' },
] as const);
export type BranchStatus = (typeof BRANCH_STATUSES)[number]['key'];

/** Review status of an activity report. `duplicate` and `rejected` earn zero points. */
export const ACTIVITY_STATUSES = terms([
  { key: 'submitted', zh: '已提交', en: 'Submitted' },
  { key: 'accepted', zh: '已认可', en: 'Accepted' },
  { key: 'duplicate', zh: '重复', en: 'Duplicate' },
  { key: 'rejected', zh: '不予认可', en: 'Rejected' },
] as const);
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number]['key'];

/** Status of a judge's score sheet. */
export const SCORE_STATUSES = terms([
  { key: 'counted', zh: '有效', en: 'Counted' },
  { key: 'superseded', zh: '已被替代', en: 'Superseded' },
  { key: 'conflict', zh: '回避', en: 'Conflict of interest' },
] as const);
export type ScoreStatus = (typeof SCORE_STATUSES)[number]['key'];

export const NOMINATION_STATUSES = terms([
  { key: 'pending', zh: '待审核', en: 'Pending' },
  { key: 'approved', zh: '已通过', en: 'Approved' },
  { key: 'rejected', zh: '未通过', en: 'Rejected' },
] as const);
export type NominationStatus = (typeof NOMINATION_STATUSES)[number]['key'];

export const SHOWCASE_REASONS = terms([
  { key: 'top', zh: '月度前列', en: 'Top of the month' },
  { key: 'spot', zh: '随机抽查', en: 'Spot check' },
] as const);
export type ShowcaseReason = (typeof SHOWCASE_REASONS)[number]['key'];

/**
 * A month's results: `final` while they are what their inputs give; `stale` when an input changed
 * after they were computed (a late or reprocessed report, a corrected vote, an edited row, a
 * changed Config number) and they wait for the next finalisation or the daily run.
 */
export const RESULT_STATES = terms([
  { key: 'final', zh: '已定稿', en: 'Final' },
  { key: 'stale', zh: '需重算', en: 'Stale' },
] as const);
export type ResultState = (typeof RESULT_STATES)[number]['key'];

export const AWARD_KINDS = terms([
  { key: 'branch', zh: '先进党支部', en: 'Advanced party branch' },
  { key: 'member', zh: '优秀学生党员', en: 'Excellent student party member' },
] as const);
export type AwardKind = (typeof AWARD_KINDS)[number]['key'];

/**
 * Whether an award stands: `provisional` while some eligible branch still lacks its defense result
 * (no letter is made for it), `final` once the standings it comes from are complete.
 */
export const AWARD_STATES = terms([
  { key: 'final', zh: '正式', en: 'Final' },
  { key: 'provisional', zh: '暂定', en: 'Provisional' },
] as const);
export type AwardState = (typeof AWARD_STATES)[number]['key'];

/**
 * How staff handle a row of `Rejected` (处理方式): correct its answers and reprocess it (`fix`,
 * the default when blank), or dismiss it for good with a reason. A dismissed row stays in the
 * sheet as the record of what was done with the response; it is never reprocessed nor pending.
 */
export const REJECT_HANDLINGS = terms([
  { key: 'fix', zh: '待修改', en: 'To fix' },
  { key: 'duplicate', zh: '忽略（重复）', en: 'Dismiss (duplicate)' },
  { key: 'invalid', zh: '忽略（无效）', en: 'Dismiss (invalid)' },
  { key: 'other', zh: '忽略（其他）', en: 'Dismiss (other)' },
] as const);
export type RejectHandling = (typeof REJECT_HANDLINGS)[number]['key'];

/** How a job ended, in the Log. */
export const LOG_OUTCOMES = terms([
  { key: 'ok', zh: '成功', en: 'ok' },
  { key: 'failed', zh: '失败', en: 'failed' },
] as const);
export type LogOutcome = (typeof LOG_OUTCOMES)[number]['key'];

/** The file-name prefix of a voided letter: kept, never deleted, and never mistaken for a live one. */
export const VOID_PREFIX = '作废-';

export const YES_NO = terms([
  { key: 'yes', zh: '是', en: 'Yes' },
  { key: 'no', zh: '否', en: 'No' },
] as const);

export function labelOf(term: Term, locale: Locale): string {
  return locale === 'en' ? term.en : term.zh;
}

/** Finds a term by key or by either label, ignoring case and surrounding space. */
export function findTerm<K extends string>(
  list: readonly Term<K>[],
  text: string,
): Term<K> | undefined {
  const wanted = text.trim().toLowerCase();
  return list.find(
    (t) => t.key === wanted || t.zh === text.trim() || t.en.toLowerCase() === wanted,
  );
}
