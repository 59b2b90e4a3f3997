/**
 * Why a response was turned away, in the words staff read in `Rejected` (待处理): the question
 * named as the student saw it, what they answered, and what was expected instead, in the
 * workbook's language. What is expected follows from the column that reads the answer (its type,
 * range and choices), so the reason and the rule cannot say different things.
 */
import type { Question } from './forms';
import { joinList, t } from './messages';
import { MAX_TEXT, type AnyColumnOf } from './schema/column';
import { labelOf, type Locale } from './vocabulary';

/** How much of an answer a reason quotes: a reason must fit its cell, whatever was typed. */
const QUOTED_CHARACTERS = 57;

/** An answer as a reason quotes it: in the locale's quotes, only its start when it is long. */
export function quoteAnswer(locale: Locale, answer: string): string {
  const chars = Array.from(answer);
  const text =
    chars.length > QUOTED_CHARACTERS + 3
      ? `${chars.slice(0, QUOTED_CHARACTERS).join('')}...`
      : answer;
  return t(locale, 'ingest.answer.quoted', { text });
}

/**
 * What an answer to `question`, read by `column`, should be: "a whole number from 1 to 500".
 * `answered` says whether the answer was given (a long text refused can only be too long).
 */
export function expectedAnswer(
  question: Question,
  column: AnyColumnOf,
  locale: Locale,
  answered = false,
): string {
  const { min, max } = column;
  switch (column.type) {
    case 'int':
      if (min !== undefined && max !== undefined)
        return t(locale, 'ingest.expect.wholeRange', { min, max });
      return t(locale, 'ingest.expect.wholeMin', { min: min ?? 0 });
    case 'decimal':
      if (min !== undefined && max !== undefined)
        return t(locale, 'ingest.expect.numberRange', { min, max });
      if (min !== undefined) return t(locale, 'ingest.expect.numberMin', { min });
      return t(locale, 'ingest.expect.number');
    case 'date':
      return t(locale, 'ingest.expect.date');
    case 'month':
      return t(locale, 'ingest.expect.month');
    case 'bool':
      return t(locale, 'ingest.expect.yesNo');
    case 'enum':
      return t(locale, 'ingest.expect.choice', {
        choices: joinList(
          locale,
          (column.choices ?? []).map((c) => labelOf(c, locale)),
        ),
      });
    case 'email':
      return t(locale, 'ingest.expect.email');
    case 'url':
      return t(locale, 'ingest.expect.url');
    default:
      if (question.key === 'branch') return t(locale, 'ingest.expect.branch');
      if (column.maxLength !== undefined && (answered || column.maxLength < MAX_TEXT))
        return t(locale, 'ingest.expect.textMax', { max: column.maxLength });
      return t(locale, 'ingest.expect.answer');
  }
}

/** A number as the columns read one (full-width digits, thousands commas), or NaN. */
function numberIn(answer: string): number {
  const text = answer.normalize('NFKC').trim();
  return /^[-+]?(\d{1,3}(,\d{3})+|\d+)?(\.\d*)?$/.test(text) && /\d/.test(text)
    ? Number(text.replace(/,/g, ''))
    : Number.NaN;
}

/** What is wrong with an answer the column refused, in a few words: "is not a whole number". */
function whatIsWrong(column: AnyColumnOf, answer: string, locale: Locale): string {
  const { min, max } = column;
  switch (column.type) {
    case 'int':
    case 'decimal': {
      const n = numberIn(answer);
      if (Number.isNaN(n)) return t(locale, 'ingest.wrong.notNumber');
      if (column.type === 'int' && !Number.isInteger(n)) return t(locale, 'ingest.wrong.notWhole');
      if ((min !== undefined && n < min) || (max !== undefined && n > max))
        return t(locale, 'ingest.wrong.outOfRange');
      if (/\.\d{3,}/.test(answer)) return t(locale, 'ingest.wrong.decimals');
      return t(locale, 'ingest.wrong.other');
    }
    case 'date':
      return t(locale, 'ingest.wrong.notDate');
    case 'month':
      return t(locale, 'ingest.wrong.notMonth');
    case 'enum':
      return t(locale, 'ingest.wrong.notChoice');
    case 'bool':
      return t(locale, 'ingest.wrong.notYesNo');
    case 'email':
      return t(locale, 'ingest.wrong.notEmail');
    case 'url':
      return t(locale, 'ingest.wrong.notLink');
    case 'text':
    case 'longText':
      return t(locale, 'ingest.wrong.tooLong', { length: answer.trim().length });
    default:
      return t(locale, 'ingest.wrong.other');
  }
}

/** The reason for an answer its column refuses: blank when required, or not readable as one. */
export function answerReason(
  question: Question,
  title: string,
  column: AnyColumnOf,
  answer: string,
  locale: Locale,
): string {
  const answered = answer.trim() !== '';
  const expected = expectedAnswer(question, column, locale, answered);
  return answered
    ? t(locale, 'ingest.reason.invalid', {
        question: title,
        answer: quoteAnswer(locale, answer.trim()),
        wrong: whatIsWrong(column, answer.trim(), locale),
        expected,
      })
    : t(locale, 'ingest.reason.required', { question: title, expected });
}

/** Why a row of a response sheet or a CSV export could not be read as a response at all. */
export type RowProblem =
  | { readonly kind: 'beyondColumns'; readonly count: number }
  | { readonly kind: 'timestampBlank'; readonly title: string }
  | { readonly kind: 'timestampUnreadable'; readonly title: string; readonly text: string }
  | { readonly kind: 'noForm' };

export function rowProblemReason(locale: Locale, problem: RowProblem): string {
  switch (problem.kind) {
    case 'beyondColumns':
      return t(locale, 'ingest.reason.beyondColumns', { count: problem.count });
    case 'timestampBlank':
      return t(locale, 'ingest.reason.timestampBlank', { question: problem.title });
    case 'timestampUnreadable':
      return t(locale, 'ingest.reason.timestampUnreadable', {
        question: problem.title,
        answer: quoteAnswer(locale, problem.text.trim()),
      });
    case 'noForm':
      return t(locale, 'ingest.reason.noForm');
  }
}

/** The `Rejected` column a row problem is about: the time, the form, or none. */
export function rowProblemField(problem: RowProblem): 'submittedAt' | 'form' | undefined {
  if (problem.kind === 'noForm') return 'form';
  return problem.kind === 'beyondColumns' ? undefined : 'submittedAt';
}
