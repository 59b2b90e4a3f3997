/**
 * The catalogue of bad (and tricky-but-valid) form responses, and what StarBranch does with each.
 *
 * Every case is one response built from the answer builders of `test/support/fakes.ts` with one
 * thing changed (`sent`). `catalogue.test.ts` sends every case through the ingest use case and
 * through a Google Forms CSV export, and checks the outcome; `document.test.ts` renders the
 * catalogue into `docs/reliability.md`, so the document cannot say something the tests do not.
 *
 * All cases go in ONE batch, so they must not interact by accident: each activity report gets a
 * title of its own (the duplicate rule looks at branch, date and title), and each score sheet a
 * judge of its own (a judge's later sheet supersedes the earlier one). Cases that are about such an
 * interaction say so with `alongside` (the other submissions in the same batch).
 *
 * The programme the cases are judged against: 2026-09-01 → 2027-06-30 (the default Config),
 * branches B001 and B002 approved, B003 pending, B004 rejected (`计算机学院第N党支部`), and the
 * judges in `JUDGES` (王老师 belongs to B001).
 */
import { DEFAULT_CONFIG } from '../../src/domain/config';
import {
  ACTIVITY_FORM,
  APPLICATION_FORM,
  defenseForm,
  NOMINATION_FORM,
  VOTE_FORM,
  type FormName,
} from '../../src/domain/forms';
import {
  activityAnswers,
  applicationAnswers,
  defenseAnswers,
  FixedClock,
  MemoryStore,
  nominationAnswers,
  seedProgramme,
  setJudges,
  voteAnswers,
  type TestPorts,
} from '../support/fakes';

export type Outcome = 'canonical' | 'rejected' | 'superseded' | 'conflict' | 'duplicate';

export const OUTCOMES: readonly Outcome[] = [
  'canonical',
  'rejected',
  'superseded',
  'conflict',
  'duplicate',
];

/** A row as the tests find it: the canonical record, or the `Rejected` row. */
export type FoundRow = Readonly<Record<string, unknown>>;

export interface Expectation {
  /**
   * canonical: in its table and counted (activity `submitted`, score sheet `counted`, branch and
   * nomination `pending`); rejected: in `Rejected`, not in the table; superseded / conflict: a
   * score sheet kept with that status; duplicate: an activity report kept, marked `duplicate`.
   */
  readonly outcome: Outcome;
  /**
   * For `rejected`, part of the reason: the question's zh title and what was expected. For the
   * other outcomes, part of the row's own reason (score sheets) or note (activities).
   */
  readonly reasonIncludes?: string;
  /** Further checks of the row (the canonical record, or the `Rejected` row). */
  readonly check?: Check;
}

/** A check of the found row; `stored` says what it expects, for the document. */
export type Check = ((row: FoundRow) => void) & {
  readonly stored?: { readonly key: string; readonly value: unknown };
};

/** Another submission in the same batch, which the case is about. */
export interface Submission {
  readonly submittedAt: string;
  readonly answers: Readonly<Record<string, string>>;
  readonly email?: string;
}

export interface CatalogueCase {
  readonly id: string;
  /** What is wrong (or tricky) about the response: short, English. */
  readonly title: string;
  readonly form: FormName;
  readonly answers: Readonly<Record<string, string>>;
  /** Local time in the programme's zone; each form has a default (`DEFAULT_SUBMITTED_AT`). */
  readonly submittedAt?: string;
  /** The respondent's email, as Google collects it. */
  readonly email?: string;
  /** The answers changed from the builder's defaults: what the document shows as sent. */
  readonly sent: Readonly<Record<string, string>>;
  /** Submissions sent in the same batch that this case is about (an original, a later sheet). */
  readonly alongside?: readonly Submission[];
  /** The very same response arrives twice (same response id): the second must be skipped. */
  readonly deliveredTwice?: boolean;
  readonly expect: Expectation;
  /** For the document: what happens, when the reason alone does not say it. */
  readonly note?: string;
  /** Something the code does that staff would not want; the case asserts what happens today. */
  readonly knownGap?: string;
}

export const DEFAULT_SUBMITTED_AT: Readonly<Record<FormName, string>> = {
  application: '2026-09-20 10:00:00',
  activity: '2026-10-20 10:00:00',
  vote: '2026-10-28 15:00:00',
  defense: '2027-06-20 10:00:00',
  nomination: '2027-05-01 10:00:00',
};

export function submittedAtOf(c: CatalogueCase): string {
  return c.submittedAt ?? DEFAULT_SUBMITTED_AT[c.form];
}

// ——— the programme the cases are judged against ———

/** Judges of the defense and the on-site vote; 王老师 belongs to B001. */
export const JUDGES: { name: string; ownBranch?: string }[] = [
  { name: '王老师', ownBranch: 'B001' },
];

/** B001, B002 approved; B003 pending; B004 rejected; the judges in `JUDGES`. */
export function catalogueProgramme(): TestPorts {
  const store = new MemoryStore();
  const { ports } = seedProgramme(store, new FixedClock('2027-07-10 08:00:00'), {
    branches: 4,
    approved: ['B001', 'B002'],
    rejected: ['B004'],
  });
  setJudges(store, JUDGES);
  store.resetCounts();
  return ports;
}

// ——— builders: one changed thing per case ———

type Extra = Partial<
  Pick<
    CatalogueCase,
    'submittedAt' | 'email' | 'alongside' | 'deliveredTwice' | 'note' | 'knownGap'
  >
>;

const sameTitle = (id: string) => `《红岩》读书会 ${id}`;

/** An activity report by B001 (dated 2026-10-10, submitted 2026-10-20) with `sent` changed. */
function activity(
  id: string,
  title: string,
  sent: Record<string, string>,
  expect: Expectation,
  extra: Extra = {},
): CatalogueCase {
  const answers = activityAnswers('B001', { title: sameTitle(id), ...sent });
  return { id, title, form: 'activity', answers, sent, expect, ...extra };
}

/** A judge of one's own, so that no two cases' sheets supersede each other. */
function judgeOf(id: string, registered = true): string {
  const name = `评委·${id.replace(/^(vote|defense)-/, '')}`;
  if (registered && !JUDGES.some((j) => j.name === name)) JUDGES.push({ name });
  return name;
}

/** An on-site vote for B002 in 2026-10, score 88, by a judge of its own, with `sent` changed. */
function vote(
  id: string,
  title: string,
  sent: Record<string, string>,
  expect: Expectation,
  extra: Extra = {},
): CatalogueCase {
  const answers = { ...voteAnswers('2026-10', judgeOf(id, false), 'B002', '88'), ...sent };
  return { id, title, form: 'vote', answers, sent, expect, ...extra };
}

/** A defense sheet for B002 (marks 30, 20, 10, 8, 8) by a registered judge, with `sent` changed. */
function defense(
  id: string,
  title: string,
  sent: Record<string, string>,
  expect: Expectation,
  extra: Extra = {},
): CatalogueCase {
  const answers = { ...defenseAnswers(judgeOf(id), 'B002', [30, 20, 10, 8, 8]), ...sent };
  return { id, title, form: 'defense', answers, sent, expect, ...extra };
}

/** An application for a branch of its own name, with `sent` changed. */
function application(
  id: string,
  title: string,
  sent: Record<string, string>,
  expect: Expectation,
  extra: Extra = {},
): CatalogueCase {
  const answers = applicationAnswers(`申报测试党支部 ${id}`, sent);
  return { id, title, form: 'application', answers, sent, expect, ...extra };
}

/** A nomination of a student of B001, with `sent` changed. */
function nomination(
  id: string,
  title: string,
  sent: Record<string, string>,
  expect: Expectation,
  extra: Extra = {},
): CatalogueCase {
  const answers = { ...nominationAnswers('B001', '李四', '2023001'), ...sent };
  return { id, title, form: 'nomination', answers, sent, expect, ...extra };
}

/** Every question of a form left blank. */
function blank(questions: readonly { key: string }[]): Record<string, string> {
  return Object.fromEntries(questions.map((q) => [q.key, '']));
}

const canonical = (check?: Expectation['check']): Expectation =>
  check ? { outcome: 'canonical', check } : { outcome: 'canonical' };
const rejected = (reasonIncludes: string, check?: Expectation['check']): Expectation =>
  check ? { outcome: 'rejected', reasonIncludes, check } : { outcome: 'rejected', reasonIncludes };

/** The record's field is exactly `value`. */
function field(key: string, value: unknown): Check {
  const check = (row: FoundRow) => expect(row[key]).toEqual(value);
  return Object.assign(check, { stored: { key, value } });
}

const XLSX_CELL_LIMIT = 32_767;
const DEFENSE_FORM = defenseForm(DEFAULT_CONFIG.defenseRubric);

const RTL_TITLE = 'قراءة كتاب \u202Eעברית\u202C 读书会';
const ZERO_WIDTH_TITLE = '红\u200B岩\u200C读\u200D书\u2060会\uFEFF分享';
const LONG_DESCRIPTION = '共读红色经典。'.repeat(7_143).slice(0, 50_000);
const LONG_NUMBER_TEXT = '三'.repeat(50_000);

// ——— the catalogue ———

export const CATALOGUE: readonly CatalogueCase[] = [
  // Wrong types
  activity(
    'activity-participants-text',
    'text in participants',
    { participants: 'about 30' },
    rejected('参加人数: "about 30" is not a whole number; expected a whole number from 1 to 10000'),
  ),
  activity(
    'activity-participants-decimal',
    'a fraction of a participant',
    { participants: '30.5' },
    rejected('参加人数: "30.5" is not a whole number; expected a whole number from 1 to 10000'),
  ),
  activity(
    'activity-participants-huge-text',
    '50,000 characters typed into participants',
    { participants: LONG_NUMBER_TEXT },
    rejected(`参加人数: "${'三'.repeat(57)}..." is not a whole number`, (row) => {
      // The reason quotes a clipped answer, so the Rejected row still fits a cell.
      expect(String(row.reason).length).toBeLessThan(1_000);
      expect(String(row.payload).length).toBeLessThan(XLSX_CELL_LIMIT);
    }),
    {
      note: 'the reason quotes only the first 57 characters and the payload the first 2,000, so the row fits a cell and reads back',
    },
  ),
  activity(
    'activity-participants-full-width',
    'participants in full-width digits',
    { participants: '３０' },
    canonical(field('participants', 30)),
    { note: 'read as 30 (NFKC)' },
  ),
  activity(
    'activity-funds-text',
    'text in funds',
    { funds: '五百元' },
    rejected('使用经费（元）: "五百元" is not a number; expected a number from 0 to 1000000'),
  ),
  activity(
    'activity-funds-thousands',
    'funds with a thousands separator',
    { funds: '1,250.50' },
    canonical(field('funds', 1250.5)),
    { note: 'read as 1250.5' },
  ),
  vote(
    'vote-score-text',
    'text in score',
    { score: '优秀' },
    rejected('综合评分: "优秀" is not a number; expected a number from 0 to 100'),
  ),
  application(
    'application-members-text',
    'text in party members',
    { members: 'twenty' },
    rejected('党员人数: "twenty" is not a whole number; expected a whole number from 1 to 500'),
  ),
  defense(
    'defense-criterion-text',
    'text in a criterion mark',
    { c2: '很好' },
    rejected('特色创新（25分）: "很好" is not a number; expected a number from 0 to 25'),
  ),

  // Out of range
  activity(
    'activity-participants-negative',
    'negative participants',
    { participants: '-12' },
    rejected('参加人数: -12 is out of range; expected a whole number from 1 to 10000'),
  ),
  activity(
    'activity-participants-zero',
    'zero participants',
    { participants: '0' },
    rejected('参加人数: 0 is out of range; expected a whole number from 1 to 10000'),
  ),
  activity(
    'activity-participants-too-many',
    'more participants than the form allows',
    { participants: '10001' },
    rejected('参加人数: 10001 is out of range; expected a whole number from 1 to 10000'),
  ),
  activity(
    'activity-funds-negative',
    'negative funds',
    { funds: '-5' },
    rejected('使用经费（元）: -5 is out of range; expected a number from 0 to 1000000'),
  ),
  activity(
    'activity-nonparty-exceeds',
    'non-party participants more than participants',
    { participants: '20', nonParty: '21' },
    rejected('党外群众人数: 21 is more than the 20 participants'),
  ),
  vote(
    'vote-score-above-100',
    'score above 100',
    { score: '101' },
    rejected('综合评分: 101 is out of range; expected a number from 0 to 100'),
  ),
  vote(
    'vote-score-negative',
    'negative score',
    { score: '-1' },
    rejected('综合评分: -1 is out of range; expected a number from 0 to 100'),
  ),
  vote(
    'vote-score-three-places',
    'score with 3 decimal places',
    { score: '86.555' },
    rejected(
      '综合评分: 86.555 has too many decimal places; expected a number from 0 to 100 with at most 2 decimal places',
    ),
  ),
  vote(
    'vote-score-two-places',
    'score with 2 decimal places',
    { score: '86.55' },
    canonical(field('score', 86.55)),
  ),
  application(
    'application-members-zero',
    'zero party members',
    { members: '0' },
    rejected('党员人数: 0 is out of range; expected a whole number from 1 to 500'),
  ),
  defense(
    'defense-criterion-above-max',
    'criterion mark above its maximum',
    { c1: '41' },
    rejected('创建成效（40分）: 41 is out of range; expected a number from 0 to 40'),
  ),
  defense(
    'defense-criterion-three-places',
    'criterion mark with 3 decimal places',
    { c1: '36.125' },
    rejected(
      '创建成效（40分）: 36.125 has too many decimal places; expected a number from 0 to 40 with at most 2 decimal places',
    ),
  ),

  // Branches
  activity(
    'activity-branch-unknown',
    'unknown branch',
    { branch: 'B999' },
    rejected('支部: "B999" is not a registered branch; expected a branch from the list', (row) =>
      expect(JSON.parse(String(row.payload))).toMatchObject({
        支部: 'B999',
        电子邮件地址: 'student@example.edu.cn',
      }),
    ),
    { email: 'student@example.edu.cn', note: 'the payload keeps every answer and the email' },
  ),
  activity(
    'activity-branch-pending',
    'branch not yet approved',
    { branch: 'B003' },
    rejected('支部: branch B003 计算机学院第3党支部 is not yet approved'),
  ),
  activity(
    'activity-branch-rejected',
    'branch staff rejected',
    { branch: 'B004 计算机学院第4党支部' },
    rejected('支部: branch B004 计算机学院第4党支部 is not approved'),
  ),
  activity(
    'activity-branch-by-id',
    'branch by id',
    { branch: 'B002' },
    canonical(field('branch', 'B002')),
  ),
  activity(
    'activity-branch-by-dropdown',
    'branch by the dropdown text',
    { branch: 'B002 计算机学院第2党支部' },
    canonical(field('branch', 'B002')),
  ),
  activity(
    'activity-branch-by-name',
    'branch by its exact name',
    { branch: '计算机学院第2党支部' },
    canonical(field('branch', 'B002')),
  ),
  activity(
    'activity-branch-full-width-spaces',
    'branch name wrapped in full-width spaces',
    { branch: '\u3000计算机学院第2党支部\u3000' },
    canonical(field('branch', 'B002')),
  ),
  activity(
    'activity-branch-renamed',
    'dropdown text whose name is out of date',
    { branch: 'B002 计算机学院第1党支部' },
    canonical(field('branch', 'B002')),
    { note: 'the id wins: a branch renamed after the dropdown was refreshed still matches' },
  ),
  nomination(
    'nomination-branch-rejected',
    'nomination for a rejected branch',
    { branch: 'B004' },
    rejected('支部: branch B004 计算机学院第4党支部 is not approved'),
  ),
  vote(
    'vote-branch-by-dropdown',
    'voted branch by the dropdown text',
    { branch: 'B002 计算机学院第2党支部' },
    canonical(field('branch', 'B002')),
  ),

  // Judges
  defense(
    'defense-judge-unregistered',
    'judge not in the Judges sheet',
    { judge: '钱老师' },
    rejected('评委姓名: “钱老师”不在「评委」表中；请先在「评委」表中添加该评委'),
  ),
  defense(
    'defense-judge-own-branch',
    'judge scoring their own branch',
    { judge: '王老师', branch: 'B001' },
    { outcome: 'conflict', reasonIncludes: '评委所在支部（B001），须回避' },
    { note: 'kept with status 回避, never counted' },
  ),
  vote(
    'vote-judge-own-branch',
    'voter scoring their own branch',
    { judge: '王老师', branch: 'B001' },
    { outcome: 'conflict', reasonIncludes: '评委所在支部（B001），须回避' },
    { note: 'kept with status 回避, never counted' },
  ),
  vote(
    'vote-resubmitted',
    'a later vote by the same judge for the same branch and month',
    {},
    { outcome: 'superseded', reasonIncludes: '已被回复' },
    {
      alongside: [
        {
          submittedAt: '2026-10-28 15:05:00',
          answers: voteAnswers('2026-10', judgeOf('vote-resubmitted', false), 'B002', '92'),
        },
      ],
      note: 'the earlier sheet is kept, marked superseded; the later one counts',
    },
  ),
  defense(
    'defense-resubmitted',
    'a later defense sheet by the same judge for the same branch',
    {},
    { outcome: 'superseded', reasonIncludes: '已被回复' },
    {
      alongside: [
        {
          submittedAt: '2027-06-20 10:30:00',
          answers: defenseAnswers(judgeOf('defense-resubmitted'), 'B002', [36, 22, 13, 9, 9]),
        },
      ],
      note: 'the earlier sheet is kept, marked superseded; the later one counts',
    },
  ),

  // Dates
  activity(
    'activity-date-future',
    'activity dated after the report was submitted',
    { date: '2026-10-25' },
    rejected('活动日期: 2026-10-25 is after the report was submitted; expected a past date'),
  ),
  activity(
    'activity-date-before-programme',
    'activity before the programme',
    { date: '2026-08-20' },
    rejected(
      '活动日期: 2026-08-20 is outside the programme; expected a date from 2026-09-01 to 2027-06-30',
    ),
  ),
  activity(
    'activity-date-after-programme',
    'activity after the programme',
    { date: '2027-07-05' },
    rejected(
      '活动日期: 2027-07-05 is outside the programme; expected a date from 2026-09-01 to 2027-06-30',
    ),
    { submittedAt: '2027-07-06 09:00:00' },
  ),
  activity(
    'activity-date-february-30',
    'impossible date: 30 February',
    { date: '2027-02-30' },
    rejected(
      '活动日期: "2027-02-30" is not a real date (February 2027 has 28 days); expected a date such as 2026-10-15',
    ),
    { submittedAt: '2027-03-05 09:00:00' },
  ),
  activity(
    'activity-date-month-13',
    'impossible date: month 13',
    { date: '2026-13-01' },
    rejected(
      '活动日期: "2026-13-01" is not a real date (there is no month 13); expected a date such as 2026-10-15',
    ),
  ),
  activity(
    'activity-date-words',
    'date in words',
    { date: '上周五' },
    rejected(
      '活动日期: "上周五" is not in a recognised format; expected a date such as 2026-10-15',
    ),
  ),
  activity(
    'activity-date-year-first-slashes',
    'date as Google zh-CN writes it: 2026/10/15',
    { date: '2026/10/15' },
    canonical(field('date', '2026-10-15')),
  ),
  activity(
    'activity-date-month-first',
    'date as Google en-US writes it: 10/15/2026',
    { date: '10/15/2026' },
    canonical(field('date', '2026-10-15')),
  ),
  activity(
    'activity-date-chinese',
    'date in Chinese: 2026年10月15日',
    { date: '2026年10月15日' },
    canonical(field('date', '2026-10-15')),
  ),
  activity(
    'activity-date-iso-utc',
    'date as an ISO time in UTC',
    { date: '2026-10-14T20:00:00Z' },
    canonical(field('date', '2026-10-15')),
    { note: "read in the programme's zone (Asia/Shanghai): 2026-10-15" },
  ),
  activity(
    'activity-date-ambiguous',
    'ambiguous a/b/yyyy meant day-first',
    { date: '05/10/2026' },
    rejected(
      '活动日期: 2026-05-10 is outside the programme; expected a date from 2026-09-01 to 2027-06-30',
    ),
    {
      note: 'read month-first (Config dateOrder mdy, as Google en-US writes it); the reason shows the reading, so staff see what was understood',
    },
  ),
  vote(
    'vote-month-outside',
    'vote for a month outside the programme',
    { month: '2027-08' },
    rejected(
      '评选月份: 2027-08 is outside the programme; expected a month from 2026-09 to 2027-06',
    ),
    { submittedAt: '2027-08-28 15:00:00' },
  ),
  vote(
    'vote-month-slash',
    'month typed as 2026/10',
    { month: '2026/10' },
    canonical(field('month', '2026-10')),
  ),
  vote(
    'vote-month-chinese',
    'month typed as 2026年10月',
    { month: '2026年10月' },
    canonical(field('month', '2026-10')),
  ),
  vote(
    'vote-month-future',
    'vote for a month after the submission',
    { month: '2026-11' },
    rejected(
      '评选月份: 2026-11 is after the vote was submitted (2026-10-28); expected the month of the meeting',
    ),
  ),
  vote(
    'vote-month-impossible',
    'impossible month 2026-13',
    { month: '2026-13' },
    rejected(
      '评选月份: "2026-13" is not a real month (there is no month 13); expected a month such as 2026-10',
    ),
  ),

  // Long and empty answers
  activity(
    'activity-description-50k',
    '50,000-character description',
    { description: LONG_DESCRIPTION },
    rejected('活动内容: is 50000 characters long; at most 30000 allowed', (row) => {
      const payload = String(row.payload);
      expect(payload.length).toBeLessThan(XLSX_CELL_LIMIT);
      expect(payload).toContain('已截断，原文 50000 字');
    }),
    { note: 'the payload keeps the first 2,000 characters and says how long the answer was' },
  ),
  activity(
    'activity-title-too-long',
    'title longer than 200 characters',
    { title: '读书会'.repeat(70) },
    rejected('活动名称: is 210 characters long; at most 200 allowed'),
  ),
  {
    id: 'activity-empty',
    title: 'every answer blank',
    form: 'activity',
    answers: blank(ACTIVITY_FORM.questions),
    sent: blank(ACTIVITY_FORM.questions),
    expect: rejected('支部: is required | 活动日期: is required', (row) => {
      for (const title of ['活动类型', '活动名称', '活动内容', '参加人数', '党外群众人数']) {
        expect(row.reason).toContain(`${title}: is required`);
      }
      // Optional questions are not asked for.
      expect(row.reason).not.toContain('佐证材料链接');
      expect(row.reason).not.toContain('使用经费');
    }),
  },
  {
    id: 'vote-empty',
    title: 'every answer blank',
    form: 'vote',
    answers: blank(VOTE_FORM.questions),
    sent: blank(VOTE_FORM.questions),
    expect: rejected(
      '评选月份: is required | 评委姓名: is required | 汇报支部: is required | 综合评分: is required',
    ),
  },
  {
    id: 'defense-empty',
    title: 'every answer blank',
    form: 'defense',
    answers: blank(DEFENSE_FORM.questions),
    sent: blank(DEFENSE_FORM.questions),
    expect: rejected(
      '评委姓名: is required | 答辩支部: is required | 创建成效（40分）: is required | 特色创新（25分）: is required | 材料与PPT（15分）: is required | 现场陈述（10分）: is required | 答辩表现（10分）: is required',
      (row) => expect(row.reason).not.toContain('评语'),
    ),
  },
  {
    id: 'nomination-empty',
    title: 'every answer blank',
    form: 'nomination',
    answers: blank(NOMINATION_FORM.questions),
    sent: blank(NOMINATION_FORM.questions),
    expect: rejected(
      '支部: is required | 姓名: is required | 学号: is required | 邮箱: is required | 主要事迹: is required',
    ),
  },
  {
    id: 'application-empty',
    title: 'every answer blank',
    form: 'application',
    answers: blank(APPLICATION_FORM.questions),
    sent: blank(APPLICATION_FORM.questions),
    expect: rejected(
      '支部名称: is required | 支部层次: is required | 所在单位: is required | 支部书记: is required | 书记邮箱: is required | 党员人数: is required | 创建计划: is required',
      (row) => expect(row.reason).not.toContain('计划链接'),
    ),
  },

  // Text stored exactly as typed
  activity(
    'activity-title-emoji',
    'emoji in the title',
    { title: '🇨🇳 读书会 👍🏽🎉' },
    canonical(field('title', '🇨🇳 读书会 👍🏽🎉')),
  ),
  activity(
    'activity-title-cjk-punctuation',
    'CJK punctuation in the title',
    { title: '「经典」——《共产党宣言》再读！？、…' },
    canonical(field('title', '「经典」——《共产党宣言》再读！？、…')),
  ),
  activity(
    'activity-title-rtl',
    'Arabic, Hebrew and a right-to-left override in the title',
    { title: RTL_TITLE },
    canonical(field('title', RTL_TITLE)),
  ),
  activity(
    'activity-title-zero-width',
    'zero-width characters in the title',
    { title: ZERO_WIDTH_TITLE },
    canonical(field('title', ZERO_WIDTH_TITLE)),
  ),
  activity(
    'activity-title-formula-importxml',
    'formula-like title: =IMPORTXML',
    { title: '=IMPORTXML("http://x","//a")' },
    canonical(field('title', '=IMPORTXML("http://x","//a")')),
    { note: 'stored as the text typed; the sheet adapters write it as text, never a formula' },
  ),
  activity(
    'activity-title-formula-plus',
    'formula-like title: +1',
    { title: '+1' },
    canonical(field('title', '+1')),
  ),
  activity(
    'activity-title-formula-minus',
    'formula-like title: -2',
    { title: '-2' },
    canonical(field('title', '-2')),
  ),
  activity(
    'activity-title-formula-at',
    'formula-like title: @SUM(A1)',
    { title: '@SUM(A1)' },
    canonical(field('title', '@SUM(A1)')),
  ),
  activity(
    'activity-title-leading-tab',
    'title starting with a tab',
    { title: '\t=1+2 观影' },
    canonical(field('title', '=1+2 观影')),
    {
      note: 'a leading tab is surrounding white space, trimmed like spaces; the rest is stored as typed',
    },
  ),
  activity(
    'activity-title-leading-cr',
    'title starting with a carriage return',
    { title: '\r=3+4 观影' },
    canonical(field('title', '=3+4 观影')),
    {
      note: 'a leading CR is surrounding white space, trimmed like spaces; the rest is stored as typed',
    },
  ),
  activity(
    'activity-title-spaces',
    'leading and trailing spaces',
    { title: '  观看《觉醒年代》  ' },
    canonical(field('title', '观看《觉醒年代》')),
    { note: 'trimmed' },
  ),
  nomination(
    'nomination-achievements-multiline',
    'achievements over several lines, with quotes and commas',
    { achievements: '第一行，"引号"\n第二行, 逗号\r\n第三行' },
    canonical(field('achievements', '第一行，"引号"\n第二行, 逗号\r\n第三行')),
  ),

  // Emails and links
  application(
    'application-email-upper-case',
    'email in upper case',
    { email: 'Secretary@Example.EDU.CN' },
    canonical(field('email', 'secretary@example.edu.cn')),
    { note: 'lower-cased' },
  ),
  application(
    'application-email-invalid',
    'invalid email',
    { email: 'secretary at example.edu.cn' },
    rejected(
      '书记邮箱: "secretary at example.edu.cn" is not an email address; expected name@example.edu.cn',
    ),
  ),
  application(
    'application-plan-link-no-scheme',
    'plan link without https://',
    { planLink: 'www.example.edu.cn/plan' },
    rejected(
      '计划链接: "www.example.edu.cn/plan" is not a web link; expected a link starting with https://',
    ),
  ),
  activity(
    'activity-evidence-no-scheme',
    'evidence link without https://',
    { evidenceLink: 'pan.example.com/s/abc' },
    rejected(
      '佐证材料链接: "pan.example.com/s/abc" is not a web link; expected a link starting with https://',
    ),
  ),
  nomination(
    'nomination-email-upper-case',
    'nominee email in upper case',
    { email: 'LiSi@Example.EDU.CN' },
    canonical(field('email', 'lisi@example.edu.cn')),
    { note: 'lower-cased' },
  ),
  nomination(
    'nomination-email-invalid',
    'nominee email without a domain',
    { email: 'lisi@' },
    rejected('邮箱: "lisi@" is not an email address; expected name@example.edu.cn'),
  ),

  // Choices
  activity(
    'activity-kind-zh-label',
    'activity kind by its zh label',
    { kind: '特色活动' },
    canonical(field('kind', 'featured')),
  ),
  activity(
    'activity-kind-en-label',
    'activity kind by its en label',
    { kind: 'Watch a classic film' },
    canonical(field('kind', 'film')),
  ),
  activity(
    'activity-kind-key',
    'activity kind by its key',
    { kind: 'book' },
    canonical(field('kind', 'book')),
  ),
  activity(
    'activity-kind-unknown',
    'unknown activity kind',
    { kind: '聚餐' },
    rejected(
      '活动类型: "聚餐" is not one of the allowed values: 树一个标志 / 访一位学长 / 读一本好书 / 看一部老片 / 唱一首老歌 / 做一件实事 / 献一份厚礼 / 特色活动 / 专题学习会 / 专题培训 / 社会实践 / 其他',
    ),
  ),
  activity(
    'activity-counselor-yes-zh',
    'counselor present: 是',
    { counselorPresent: '是' },
    canonical(field('counselorPresent', true)),
  ),
  activity(
    'activity-counselor-no-zh',
    'counselor present: 否',
    { counselorPresent: '否' },
    canonical(field('counselorPresent', false)),
  ),
  activity(
    'activity-counselor-yes-en',
    'counselor present: Yes',
    { counselorPresent: 'Yes' },
    canonical(field('counselorPresent', true)),
  ),
  activity(
    'activity-counselor-no-en',
    'counselor present: No',
    { counselorPresent: 'No' },
    canonical(field('counselorPresent', false)),
  ),
  activity(
    'activity-counselor-maybe',
    'counselor present: maybe',
    { counselorPresent: 'maybe' },
    rejected('辅导员是否出席: "maybe" is not yes or no; expected 是/否 or Yes/No'),
  ),
  application(
    'application-tier-en-label',
    'tier by its en label',
    { tier: 'Graduate branch' },
    canonical(field('tier', 'graduate')),
  ),
  application(
    'application-tier-unknown',
    'unknown tier',
    { tier: '博士生党支部' },
    rejected(
      '支部层次: "博士生党支部" is not one of the allowed values: 低年级本科生党支部 / 高年级本科生党支部 / 研究生党支部',
    ),
  ),

  // Repeats
  application(
    'application-duplicate-name',
    'application with the name of an existing branch',
    { name: '计算机学院第2党支部' },
    rejected('支部名称: a branch named "计算机学院第2党支部" already exists'),
  ),
  activity(
    'activity-reported-twice',
    'the same activity reported again, as a new response',
    {},
    { outcome: 'duplicate', reasonIncludes: '重复' },
    {
      submittedAt: '2026-10-20 12:00:00',
      alongside: [
        {
          submittedAt: '2026-10-20 09:00:00',
          answers: activityAnswers('B001', { title: ' 红岩 读书会！activity-reported-twice' }),
        },
      ],
      note: 'same branch, date and title (spaces and punctuation aside): kept, marked duplicate, 0 points',
    },
  ),
  activity('activity-delivered-twice', 'the same response delivered twice', {}, canonical(), {
    deliveredTwice: true,
    note: 'the second delivery (same response id) is skipped: exactly one row',
  }),
  vote('vote-delivered-twice', 'the same vote delivered twice', {}, canonical(), {
    deliveredTwice: true,
    note: 'the second delivery (same response id) is skipped: exactly one row',
  }),
];

// ——— gaps found outside the catalogue's cases ———

export interface OtherGap {
  /** Where the behaviour comes from. */
  readonly file: string;
  readonly gap: string;
  /** The test in which it can be seen. */
  readonly shownBy: string;
}

/** Hand-maintained, for gaps in files this catalogue's authors may not change. */
export const OTHER_KNOWN_GAPS: readonly OtherGap[] = [
  {
    file: 'src/app/letters.ts',
    gap: 'a letters run cut off exactly at the call that records a just-copied letter document leaves that copy behind, unfilled and named as the letter; the re-run makes the letter anew (one call in four per letter; an extra marker write per letter would close it at a fifth call)',
    shownBy: 'test/gas/faults.test.ts › letters (the one fault point it leaves out, named there)',
  },
  {
    file: 'src/gas/forms.ts, src/gas/setup.ts',
    gap: 'a setup cut off in the two calls between creating a form (or the letter template) and recording its id leaves one empty, unlinked file behind; the re-run makes the real one',
    shownBy:
      'test/gas/setupFaults.test.ts › cut off at any call (the orphan window, checked apart there)',
  },
  {
    file: 'src/app/letters.ts',
    gap: 'a letters run saves the links it made only at its end: a run killed at the 6-minute limit (not stopped by its own 4½-minute budget) loses them, and the next run fills those letters again (the same documents, no second letter); a single letter slower than the 1½ minutes between budget and limit would be redone by every run',
    shownBy: 'test/gas/lettersResume.test.ts › when a run is killed at the time limit',
  },
  {
    file: 'src/gas/fold.ts, src/gas/inbox.ts',
    gap: 'Apps Script reads each response from the response sheet Google fills, which stores a number-like answer as a number: a title `+1` lands as 1 and `007` as 7 (the CSV export and FormApp keep the text)',
    shownBy: 'test/reliability/catalogue.gas.test.ts › SKIPPED (activity-title-formula-plus)',
  },
  {
    file: 'src/gas/fold.ts',
    gap: 'an activity report that repeats one filed by an earlier fold is marked 重复 when its month is rescored (the showcase draw and the finalisation, which always rescore first), not at once: the fold reads only the rows it appends',
    shownBy: 'test/app/ingestBatches.test.ts › the append-only path; test/gas/inbox.test.ts',
  },
];

// ——— the other reliability tests in the repository ———

export interface ReliabilityTest {
  readonly area: string;
  readonly file: string;
  readonly proves: string;
}

/** Hand-maintained: `document.test.ts` checks that every file listed here exists. */
export const OTHER_RELIABILITY_TESTS: readonly ReliabilityTest[] = [
  {
    area: 'bursts and heavy days (Apps Script)',
    file: 'test/gas/inbox.test.ts',
    proves:
      'Google appends every response to its response sheet; the submit trigger folds the rows past a high-water mark and appends them with the marks in one atomic call. 500 reports within ten minutes all land, once, each within 15 minutes (a submit run that finds the lock busy returns; the next fold or the ten-minute sweep takes its row); a day of 400 unfolded reports is folded by the daily run, which still draws the showcase; on a slow day the daily fold stops at its two-minute budget, keeps its place, and the monthly jobs run anyway',
  },
  {
    area: 'batches and order',
    file: 'test/app/ingestBatches.test.ts',
    proves:
      'property: a batch of N activity reports gives the same tables as N single arrivals, in any order and split, through the whole-table use case and through the fold’s append-only path once the month is rescored',
  },
  {
    area: 'formula injection',
    file: 'test/local/cli.e2e.test.ts',
    proves:
      'a formula-like activity title from a CSV export ends up in the .xlsx as a text cell, never a formula',
  },
  {
    area: 'formula injection',
    file: 'test/local/xlsxStore.test.ts',
    proves:
      'the .xlsx store writes text starting with =, +, -, @ as text and numbers as numbers, and refuses a cell an .xlsx cannot hold before changing anything',
  },
  {
    area: 'idempotency',
    file: 'test/app/ingest.test.ts',
    proves:
      'property: a generated batch of valid, invalid and duplicate reports loses no row, ingesting twice equals once, and arrival order does not matter',
  },
  {
    area: 'idempotency',
    file: 'test/local/cli.e2e.test.ts',
    proves:
      're-running the jobs and re-ingesting an export through the CLI changes no table and adds no row',
  },
  {
    area: 'hand edits',
    file: 'test/app/handEdits.test.ts',
    proves:
      'a cell staff broke is named by sheet, row and column, and its row is carried through a job cell for cell; a bad Config value or a deleted header stops the job with a clear message',
  },
  {
    area: 'letters crash and resume',
    file: 'test/app/defenseAwardsLetters.test.ts',
    proves: 'a letter job stopped or crashed part way resumes without making any letter twice',
  },
  {
    area: 'file names',
    file: 'test/domain/letterFields.test.ts',
    proves:
      'letter file names are safe on every file system, whatever the branch or member name holds',
  },
  {
    area: 'formula injection (Apps Script)',
    file: 'test/gas/year.test.ts',
    proves:
      'through the built bundle, a formula-like answer is stored as the text typed: the sandbox, where such a string written by setValues becomes a formula, holds no formula in that cell (writes are RAW)',
  },
  {
    area: 'concurrency',
    file: 'test/gas/concurrency.test.ts',
    proves:
      '50 submissions interleaved at service calls (several random schedules): a run that cannot get the script lock writes nothing and fails loudly; the daily reconciliation then brings every response in exactly once',
  },
  {
    area: 'faults',
    file: 'test/gas/faults.test.ts',
    proves:
      'a quota, service or time-limit error at each service call of a form submission, a month finalisation and the letters job: the re-run (or reconciliation) converges to the clean state, with no row, letter or trigger twice',
  },
  {
    area: 'security',
    file: 'test/gas/sharing.test.ts',
    proves:
      'letters are view-only with the narrowest configured access (private, domain, anyone only when chosen; a consumer account keeps domain letters private); a domain that forbids link sharing gives a message, not a crash; the spreadsheet is never shared; system sheets are protected',
  },
  {
    area: 'security',
    file: 'test/app/handEdits.test.ts',
    proves: 'the Log records how many cells were unreadable, never what they held',
  },
  {
    area: 'faults (Apps Script setup)',
    file: 'test/gas/setupFaults.test.ts',
    proves:
      "setup cut off by a transient error at any of its calls (each form question's calls tried on the first form), then run again, ends exactly as a clean setup: sheets, headers, frozen rows, formats, widths, dropdowns, protections, Config rows, forms, template, triggers; one cut off and left alone is finished by the next daily run",
  },
  {
    area: 'letters resume (Apps Script)',
    file: 'test/gas/lettersResume.test.ts',
    proves:
      'letters whose continuation finds the lock busy, fails in the middle, is killed at the time limit, or is lost altogether (then the daily run notices the letters due) finish within the day (the next day for the last) with exactly one letter per award',
  },
  {
    area: 'staff-made files (Apps Script)',
    file: 'test/gas/letterSources.test.ts',
    proves:
      'a template or folder staff made in Drive (invisible under drive.file) stops the letters before anything is made, with one message naming the cause and the fix; the menu imports the template into an app-owned Doc and creates an app-owned folder, and letters then work',
  },
  {
    area: 'letters crash and resume (Apps Script)',
    file: 'test/gas/year.test.ts',
    proves:
      'letters cut off at the time budget schedule one continuation trigger and finish with exactly one document per award',
  },
];
