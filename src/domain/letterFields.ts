/**
 * The fields a commendation letter (荣誉证书) is filled with. One list, two templates: the Google
 * Docs template (each `{{key}}` replaced with Docs `replaceAllText`) and the local `.docx` template
 * (docxtemplater with `{{ }}` delimiters). A letter speaks the workbook's language (salutation,
 * award kind, citation); the Chinese dates are there in either. Also safe file names for the
 * generated letters. Pure: no clock, no host APIs.
 */

import { isValidDate } from './calendar';
import { awardKindLabel, defaultCitation, memberName } from './citations';
import { t } from './messages';
import { chineseDate, chineseDateFormal, chineseOrdinalRank, englishDate } from './numerals';
import { AWARD_KINDS, type AwardKind, type Locale } from './vocabulary';

export {
  chineseDate,
  chineseDateFormal,
  chineseNumber,
  chineseOrdinalRank,
  chineseYearDigits,
  englishDate,
} from './numerals';

/** Placeholder delimiters, the same in the Docs and the .docx template. */
export const LETTER_DELIMITERS = { start: '{{', end: '}}' } as const;

export interface LetterPlaceholder {
  readonly key: string;
  readonly zh: string;
  readonly en: string;
}

/**
 * Every placeholder a letter template may use, in the order `letterFields` returns them. A template
 * that uses any other `{{name}}` is refused (a typo must not print an empty line on a certificate).
 */
export const LETTER_PLACEHOLDERS: readonly LetterPlaceholder[] = [
  {
    key: 'recipient',
    zh: '受表彰者（支部名称或党员姓名）',
    en: 'Recipient (branch or member name)',
  },
  {
    key: 'salutation',
    zh: '称呼行，如“某某党支部：”“张三同志：”',
    en: 'Salutation line, e.g. "<branch>：" or "<name>同志："',
  },
  {
    key: 'awardKind',
    zh: '表彰类别（先进党支部 / 优秀学生党员）',
    en: 'Award kind label (Chinese)',
  },
  { key: 'awardTitle', zh: '荣誉称号', en: 'Award title' },
  { key: 'branchName', zh: '支部名称', en: 'Branch name' },
  { key: 'unit', zh: '所在单位', en: 'Unit' },
  { key: 'tier', zh: '支部层次', en: 'Branch tier' },
  { key: 'programYear', zh: '创建年度，如 2026-2027', en: 'Programme year, e.g. 2026-2027' },
  {
    key: 'rank',
    zh: '综合排名（数字，未排名时为空）',
    en: 'Final rank (digits; empty if unranked)',
  },
  { key: 'rankText', zh: '综合排名（汉字），如“第一名”', en: 'Final rank in words, e.g. 第一名' },
  { key: 'score', zh: '综合得分，如 87.35', en: 'Final score, e.g. 87.35' },
  { key: 'commendationDate', zh: '表彰日期 YYYY-MM-DD', en: 'Commendation date, YYYY-MM-DD' },
  {
    key: 'commendationDateZh',
    zh: '表彰日期，如 2027年7月1日',
    en: 'Date in Chinese, e.g. 2027年7月1日',
  },
  {
    key: 'commendationDateZhFormal',
    zh: '表彰日期（公文大写），如 二〇二七年七月一日',
    en: 'Formal Chinese date, e.g. 二〇二七年七月一日',
  },
  {
    key: 'commendationDateEn',
    zh: '表彰日期（英文），如 1 July 2027',
    en: 'Date in English, e.g. 1 July 2027',
  },
  { key: 'college', zh: '落款单位（学院名称）', en: 'Issuing college' },
  { key: 'letterNo', zh: '证书编号，如 2026-2027-A001', en: 'Letter number, e.g. 2026-2027-A001' },
  { key: 'citation', zh: '表彰词（缺省时自动生成）', en: 'Citation (generated when not given)' },
];

export interface LetterInput {
  awardId: string;
  kind: AwardKind;
  /** The branch name (branch award) or the member's name (member award). */
  recipient: string;
  branchName: string;
  unit: string;
  tierLabel: string;
  awardTitle: string;
  programYear: string;
  /** 1-based final rank; 0 when the award is not ranked (e.g. an excellent member). */
  rank: number;
  /** Already formatted, e.g. "87.35"; may be empty. */
  score: string;
  /** YYYY-MM-DD */
  commendationDate: string;
  college: string;
  /** Free text; when absent or blank a formal citation is generated from the other fields. */
  citation?: string;
  /** A member's achievements as the nomination states them, quoted by the generated citation. */
  achievements?: string;
  /** The letter's language (salutation, award kind, generated citation); zh-CN by default. */
  locale?: Locale;
  /** The letter's number; by default programme year and award id (a first letter's number). */
  letterNo?: string;
}

/**
 * The placeholder values for one award's letter, keyed as in `LETTER_PLACEHOLDERS` (every key
 * present, every value a string, possibly empty). Throws on an input no letter should be made from.
 */
export function letterFields(input: LetterInput): Record<string, string> {
  const where = `award ${input.awardId || '(no id)'}`;
  if (!AWARD_KINDS.some((k) => k.key === input.kind)) {
    throw new Error(`${where}: unknown award kind "${String(input.kind)}"`);
  }
  if (input.recipient.trim() === '') throw new Error(`${where}: recipient is empty`);
  if (!Number.isInteger(input.rank) || input.rank < 0) {
    throw new Error(`${where}: rank must be a whole number ≥ 0 (0 = unranked), got ${input.rank}`);
  }
  if (!isValidDate(input.commendationDate.trim())) {
    throw new Error(
      `${where}: commendationDate must be a date YYYY-MM-DD, got "${input.commendationDate}"`,
    );
  }
  const locale = input.locale ?? 'zh-CN';
  const date = input.commendationDate.trim();
  const rankText = input.rank >= 1 ? chineseOrdinalRank(input.rank) : '';
  const recipient = input.recipient.trim();
  const programYear = input.programYear.trim();
  const citation = input.citation?.trim() || defaultCitation(input, locale);
  const fields: Record<string, string> = {
    recipient,
    salutation:
      input.kind === 'member'
        ? t(locale, 'letters.salutation.member', { name: memberName(recipient) })
        : t(locale, 'letters.salutation.branch', { recipient }),
    awardKind: awardKindLabel(input.kind, locale),
    awardTitle: input.awardTitle.trim() || awardKindLabel(input.kind, locale),
    branchName: input.branchName.trim(),
    unit: input.unit.trim(),
    tier: input.tierLabel.trim(),
    programYear,
    rank: input.rank >= 1 ? String(input.rank) : '',
    rankText,
    score: input.score.trim(),
    commendationDate: date,
    commendationDateZh: chineseDate(date),
    commendationDateZhFormal: chineseDateFormal(date),
    commendationDateEn: englishDate(date),
    college: input.college.trim(),
    letterNo:
      input.letterNo?.trim() ||
      [programYear, input.awardId.trim()].filter((s) => s !== '').join('-'),
    citation,
  };
  return fields;
}

/** `{{key}}`: the literal text a template holds for a placeholder (Docs `replaceAllText` finds it). */
export function placeholderToken(key: string): string {
  return `${LETTER_DELIMITERS.start}${key}${LETTER_DELIMITERS.end}`;
}

const MAX_FILE_NAME = 120;
// Characters no file system accepts, control characters, lone surrogates, and the bidi controls
// that can disguise an extension (e.g. U+202E makes "exe.docx" display reversed).
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex
  /[/\\:*?"<>|\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const RESERVED = /^(con|prn|aux|nul|com[1-9¹²³]|lpt[1-9¹²³])$/i;
const EXTENSION = /\.[A-Za-z0-9]{1,10}$/;

function trimEnds(s: string): string {
  return s.replace(/^[\s.]+/, '').replace(/[\s.]+$/, '');
}

/**
 * A file name that is safe on Windows, macOS and Linux: forbidden and control characters removed,
 * no leading dots, no `..`, no trailing dots or spaces, Windows device names (CON, NUL, COM1, …,
 * also with an extension) prefixed with `_`, at most 120 characters (code points; a trailing
 * extension such as `.docx` survives the cut), never empty (`letter`). Chinese text is kept.
 */
export function safeFileName(name: string): string {
  let s = name.normalize('NFC').replace(FORBIDDEN, '');
  s = trimEnds(s.replace(/\s{2,}/g, ' ').replace(/\.{2,}/g, '.'));
  if (s === '') return 'letter';
  if (RESERVED.test(s.split('.')[0]?.trimEnd() ?? '')) s = `_${s}`;
  if (Array.from(s).length > MAX_FILE_NAME) {
    const ext = EXTENSION.exec(s)?.[0] ?? '';
    const stem = Array.from(s.slice(0, s.length - ext.length));
    s = trimEnds(trimEnds(stem.slice(0, MAX_FILE_NAME - ext.length).join('')) + ext);
  }
  return s === '' ? 'letter' : s;
}

/** 'A001-计算机学院本科生第一党支部-先进党支部.docx' */
export function letterFileName(
  input: Pick<LetterInput, 'awardId' | 'recipient' | 'awardTitle'>,
): string {
  const stem = [input.awardId, input.recipient, input.awardTitle]
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join('-');
  return safeFileName(`${stem || 'letter'}.docx`);
}
