/**
 * The five Google Forms (DESIGN §6). Question titles are a contract: Apps Script creates the forms
 * with them and the CSV ingest reads them, in Chinese or English.
 */
import type { RubricCriterion } from './schema/defenseScores';
import { criterionTitle } from './schema/defenseScores';
import { ACTIVITY_KINDS, labelOf, TIERS, YES_NO, type Locale, type Term } from './vocabulary';

export type FormName = 'application' | 'activity' | 'vote' | 'defense' | 'nomination';
export const FORM_NAMES: readonly FormName[] = [
  'application',
  'activity',
  'vote',
  'defense',
  'nomination',
];

export type QuestionType = 'text' | 'paragraph' | 'number' | 'date' | 'choice' | 'email' | 'url';

export interface Question {
  /** The field the answer fills. */
  readonly key: string;
  readonly zh: string;
  readonly en: string;
  readonly type: QuestionType;
  readonly required: boolean;
  /** Fixed choices; the branch questions' choices come from the approved branches instead. */
  readonly choices?: readonly Term[];
  readonly min?: number;
  readonly max?: number;
  /** Help text shown under the question. */
  readonly helpZh?: string;
}

export interface FormDef {
  readonly name: FormName;
  readonly zh: string;
  readonly en: string;
  readonly questions: readonly Question[];
}

const q = (
  key: string,
  zh: string,
  en: string,
  type: QuestionType,
  extra: Partial<Omit<Question, 'key' | 'zh' | 'en' | 'type'>> = {},
): Question => ({ key, zh, en, type, required: true, ...extra });

const optional = { required: false } as const;

export const APPLICATION_FORM: FormDef = {
  name: 'application',
  zh: '支部申报表',
  en: 'Branch application',
  questions: [
    q('name', '支部名称', 'Branch name', 'text'),
    q('tier', '支部层次', 'Tier', 'choice', { choices: TIERS }),
    q('unit', '所在单位', 'Unit', 'text'),
    q('secretary', '支部书记', 'Secretary', 'text'),
    q('email', '书记邮箱', 'Secretary email', 'email'),
    q('members', '党员人数', 'Party members', 'number', { min: 1, max: 500 }),
    q('plan', '创建计划', 'Creation plan', 'paragraph'),
    q('planLink', '计划链接', 'Plan link', 'url', optional),
  ],
};

export const ACTIVITY_FORM: FormDef = {
  name: 'activity',
  zh: '活动报告表',
  en: 'Activity report',
  questions: [
    q('branch', '支部', 'Branch', 'choice'),
    q('date', '活动日期', 'Activity date', 'date'),
    q('kind', '活动类型', 'Activity kind', 'choice', { choices: ACTIVITY_KINDS }),
    q('title', '活动名称', 'Title', 'text'),
    q('description', '活动内容', 'Description', 'paragraph'),
    q('participants', '参加人数', 'Participants', 'number', { min: 1, max: 10000 }),
    q('nonParty', '党外群众人数', 'Non-party participants', 'number', { min: 0, max: 10000 }),
    q('counselorPresent', '辅导员是否出席', 'Counselor present', 'choice', { choices: YES_NO }),
    q('evidenceLink', '佐证材料链接', 'Evidence link', 'url', optional),
    q('funds', '使用经费（元）', 'Funds spent (CNY)', 'number', { ...optional, min: 0 }),
    // Optional, so exports made before the question existed read as before (blank is no).
    q('publishable', '同意在荣誉榜公开活动名称', 'Show the title on the honour roll', 'choice', {
      ...optional,
      choices: YES_NO,
      helpZh: '选“是”，活动名称（仅名称）可出现在学院荣誉榜上',
    }),
  ],
};

export const VOTE_FORM: FormDef = {
  name: 'vote',
  zh: '现场评选表',
  en: 'On-site vote',
  questions: [
    q('month', '评选月份', 'Month', 'text', { helpZh: '格式 YYYY-MM，例如 2026-10' }),
    q('judge', '评委姓名', 'Judge name', 'text'),
    q('branch', '汇报支部', 'Branch', 'choice'),
    q('score', '综合评分', 'Score', 'number', { min: 0, max: 100 }),
  ],
};

export function defenseForm(rubric: readonly RubricCriterion[]): FormDef {
  return {
    name: 'defense',
    zh: '答辩评分表',
    en: 'Defense scores',
    questions: [
      q('judge', '评委姓名', 'Judge name', 'text'),
      q('branch', '答辩支部', 'Branch', 'choice'),
      ...rubric.map((c) =>
        q(c.key, criterionTitle(c, 'zh-CN'), criterionTitle(c, 'en'), 'number', {
          min: 0,
          max: c.max,
        }),
      ),
      q('comment', '评语', 'Comment', 'paragraph', optional),
    ],
  };
}

export const NOMINATION_FORM: FormDef = {
  name: 'nomination',
  zh: '优秀党员推荐表',
  en: 'Member nomination',
  questions: [
    q('branch', '支部', 'Branch', 'choice'),
    q('name', '姓名', 'Name', 'text'),
    q('studentId', '学号', 'Student ID', 'text'),
    q('email', '邮箱', 'Email', 'email'),
    q('achievements', '主要事迹', 'Achievements', 'paragraph'),
  ],
};

export function formDef(name: FormName, rubric: readonly RubricCriterion[]): FormDef {
  switch (name) {
    case 'application':
      return APPLICATION_FORM;
    case 'activity':
      return ACTIVITY_FORM;
    case 'vote':
      return VOTE_FORM;
    case 'defense':
      return defenseForm(rubric);
    case 'nomination':
      return NOMINATION_FORM;
  }
}

/** The forms by their names, as the `Rejected` sheet shows them (`?`: matching none of them). */
export const FORM_TERMS: readonly Term<FormName | '?'>[] = [
  ...[APPLICATION_FORM, ACTIVITY_FORM, VOTE_FORM, defenseForm([]), NOMINATION_FORM].map((f) => ({
    key: f.name,
    zh: f.zh,
    en: f.en,
  })),
  { key: '?', zh: '无法识别的表单', en: 'Unrecognised form' },
];

export function questionTitle(question: Question, locale: Locale): string {
  return locale === 'en' ? question.en : question.zh;
}

export function choiceLabels(question: Question, locale: Locale): string[] {
  return (question.choices ?? []).map((c) => labelOf(c, locale));
}

/** The text of a branch in a form's dropdown: `B007 计算机学院本科生第一党支部`. */
export function branchChoice(branch: { id: string; name: string }): string {
  return `${branch.id} ${branch.name}`;
}

/** Titles of the columns Google adds before the questions, in both UI languages. */
export const TIMESTAMP_TITLES = ['Timestamp', '时间戳记', '時間戳記'];
export const EMAIL_TITLES = ['Email Address', '电子邮件地址', '電子郵件地址', 'Email address'];

/** One submitted response, whatever it came from: a live form or a CSV export. */
export interface FormResponse {
  readonly form: FormName;
  /** The response's id: `responseIdOf` its content, or Google's id (rows from before). */
  readonly responseId: string;
  /**
   * Ids the same response may already be stored under, from before `responseIdOf` (a CSV row's
   * `csv-` id): a response stored under any of them is known and is not ingested again.
   */
  readonly previousIds?: readonly string[];
  /** Local time in the programme's zone: `YYYY-MM-DD HH:mm:ss`. */
  readonly submittedAt: string;
  readonly email: string | null;
  /** Answers by question key (already matched from zh or en titles). */
  readonly answers: Readonly<Record<string, string>>;
  /**
   * Answers to questions the form has and the schema does not (a question staff added to the
   * form), by the question's title as the form shows it. Ingest keeps them in a same-named staff
   * column of the target table. They do not count for the response's id.
   */
  readonly extra?: Readonly<Record<string, string>>;
}
