/**
 * The citation (表彰词) a letter prints when staff gave none: a branch's own rank and focus, a
 * member's own achievements as the nomination states them (主要事迹), or the generic wording when
 * the nomination says nothing usable. In the workbook's language, through the message catalogue.
 * Pure: no clock, no host APIs.
 */
import { t } from './messages';
import { chineseOrdinalRank, englishOrdinal } from './numerals';
import { AWARD_KINDS, findTerm, labelOf, TIERS, type AwardKind, type Locale } from './vocabulary';

export interface CitationInput {
  readonly kind: AwardKind;
  /** The branch name (branch award) or the member's name (member award). */
  readonly recipient: string;
  readonly branchName: string;
  readonly tierLabel: string;
  readonly awardTitle: string;
  readonly programYear: string;
  /** 1-based final rank; 0 when unranked. */
  readonly rank: number;
  /** What the nomination says the member did; blank for branches and when not known. */
  readonly achievements?: string;
}

/**
 * A letter stays one page: the achievements a citation quotes are cut to about this width, in
 * half-width characters (120 Chinese characters, or some 240 letters of English).
 */
export const MAX_ACHIEVEMENTS_WIDTH = 240;

const FULL_WIDTH =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u;

/** Half-width characters a text takes: Chinese and other full-width characters count two. */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += FULL_WIDTH.test(ch) ? 2 : 1;
  return width;
}

/** The award kind's label in the locale (先进党支部 / Advanced party branch). */
export function awardKindLabel(kind: AwardKind, locale: Locale): string {
  const term = AWARD_KINDS.find((k) => k.key === kind);
  return term ? labelOf(term, locale) : '';
}

/** The name a member is called by: without a 同志 staff may have typed after it. */
export function memberName(recipient: string): string {
  return recipient.trim().replace(/同志$/, '');
}

/** The default citation's middle clause follows the tier's creation focus (seed §1.1). */
function branchFocus(tierLabel: string, locale: Locale): string {
  const tier = tierLabel.trim() === '' ? undefined : findTerm(TIERS, tierLabel);
  switch (tier?.key) {
    case 'junior':
      return t(locale, 'letters.focus.junior');
    case 'senior':
    case 'graduate':
      return t(locale, 'letters.focus.senior');
    default:
      return t(locale, 'letters.focus.other');
  }
}

function inYear(programYear: string, locale: Locale): string {
  const year = programYear.trim().replace(/年度$/, '');
  return year === '' ? t(locale, 'letters.inProgramme') : t(locale, 'letters.inYear', { year });
}

// Control characters (a line break is handled before) would make a letter's XML invalid.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b\u2028\u2029\ufeff]/g;
/** A list marker at the start of a line: `1.` `1、` `(1)` `（1）` `①` `-` `•` `·` `*`. */
const LIST_MARKER =
  /^\s*(?:[-•·*▪●]|\d{1,2}\s*(?:[.．](?!\d)|[、)）])|[（(]\d{1,2}[）)]|[①-⑳])\s*/u;
/** Punctuation a sentence or clause may end with, which the citation supplies itself. */
const TRAILING = /[\s。．！？!?；;，,、.:：]+$/u;
/** The subject a nomination often starts with, which the citation already names. */
const GENERIC_SUBJECT = /^(?:该同志|该生|该党员|本人)[，,：:\s]*/u;

function sentencesOf(text: string, locale: Locale): string[] {
  const ends = locale === 'en' ? /\n|(?<=[.!?])\s+/ : /\n|(?<=[。！？!?；;])/;
  return text.split(ends);
}

/** Cuts a sentence to `room` (a width) at its last clause boundary (or hard when it has none). */
function cutToRoom(sentence: string, room: number): string {
  let head = '';
  for (const ch of sentence) {
    if (textWidth(head + ch) > room) break;
    head += ch;
  }
  const boundary = Math.max(...['，', ',', '、', '；', ';'].map((c) => head.lastIndexOf(c)));
  return (boundary > 0 ? head.slice(0, boundary) : head).replace(TRAILING, '');
}

/**
 * The nomination's achievements as one clause a citation can quote: control characters, list
 * markers, a leading subject (the member's name, 该同志…) and trailing punctuation removed, spaces
 * collapsed, sentences and lines joined with ；(`. ` in English), cut at a sentence or clause
 * boundary to about `MAX_ACHIEVEMENTS_WIDTH`. Empty when the text says nothing.
 */
export function achievementsClause(text: string, name: string, locale: Locale): string {
  const member = name.trim();
  const clean = text.normalize('NFC').replace(/\r\n?/g, '\n').replace(CONTROL, '');
  const sentences = sentencesOf(clean, locale)
    .map((s) => s.replace(LIST_MARKER, '').replace(/\s+/g, ' ').trim())
    .map((s) => s.replace(TRAILING, '').trim())
    .filter((s) => s !== '');
  // A Chinese citation names the member just before the achievements: a subject there is
  // dropped. An English citation quotes them as sentences of their own, subject and all.
  if (locale !== 'en' && sentences.length > 0) {
    let first = sentences[0]!;
    const subject = [`${member}同志`, member].find((s) => s !== '' && first.startsWith(s));
    if (subject) first = first.slice(subject.length).replace(/^[，,：:\s]+/u, '');
    sentences[0] = first.replace(GENERIC_SUBJECT, '');
  }
  // English sentences keep their capitals, so they stay sentences.
  const separator = locale === 'en' ? '. ' : '；';
  const kept: string[] = [];
  let used = 0;
  for (const sentence of sentences.filter((s) => s !== '')) {
    const room = MAX_ACHIEVEMENTS_WIDTH - used - (kept.length > 0 ? textWidth(separator) : 0);
    const length = textWidth(sentence);
    if (length <= room) {
      kept.push(sentence);
      used += length + (kept.length > 1 ? textWidth(separator) : 0);
      continue;
    }
    // Only the first sentence is ever cut: later ones are left out whole.
    if (kept.length === 0) kept.push(cutToRoom(sentence, room));
    break;
  }
  return kept.join(separator);
}

/** The citation a letter prints when staff gave none, in the locale. */
export function defaultCitation(input: CitationInput, locale: Locale): string {
  const title = input.awardTitle.trim() || awardKindLabel(input.kind, locale);
  const closing = t(locale, 'letters.closing');
  const year = inYear(input.programYear, locale);
  if (input.kind === 'member') {
    const name = memberName(input.recipient);
    const branchName = input.branchName.trim();
    const branch = branchName ? t(locale, 'letters.citation.branchOf', { branch: branchName }) : '';
    const achievements = achievementsClause(input.achievements ?? '', name, locale);
    const params = { inYear: year, name, branch, title, closing, achievements };
    return achievements
      ? t(locale, 'letters.citation.memberAchievements', params)
      : t(locale, 'letters.citation.member', params);
  }
  const rank =
    input.rank >= 1
      ? locale === 'en'
        ? englishOrdinal(input.rank)
        : chineseOrdinalRank(input.rank)
      : '';
  const standing = rank
    ? t(locale, 'letters.standing.ranked', { rank })
    : t(locale, 'letters.standing.unranked');
  return t(locale, 'letters.citation.branch', {
    inYear: year,
    recipient: input.recipient.trim(),
    focus: branchFocus(input.tierLabel, locale),
    standing,
    title,
    closing,
  });
}
