/**
 * A response's id, computed from what was submitted, so that every path that sees the same
 * response names it the same way: a Google Forms CSV export, the same export opened and resaved by
 * Excel, and Apps Script (FormApp item responses or a response sheet's namedValues).
 *
 * What the id covers, and how each part is normalised first:
 * - the form's name (the same answers to two forms are two responses);
 * - the submission time to the minute: Excel's default time format drops the seconds;
 * - the email, trimmed and lower-cased;
 * - every non-blank answer by question key (answers to questions the form does not declare are not
 *   covered: a question added later must not change the ids of older rows). Text: line breaks to
 *   `\n`, NFKC (full-width forms), surrounding spaces. Choices: `,`/`;` separators as one `,`.
 *   Numbers: `1.50` → `1.5`, `0012` → `12`, `1,234` → `1234`. Dates: through the date parser, so
 *   `2026/10/5`, `10/5/2026` and `2026-10-05` are one date.
 *
 * The hash is 64 bits (two 32-bit lanes, each a multiply–xorshift mix of the canonical text, as in
 * MurmurHash3's finaliser): pure, deterministic and the same in Node and Apps Script. It names
 * rows, it guards no secret: 64 bits make an accidental collision among a college's thousands of
 * responses vanishingly unlikely.
 */
import type { FormDef, Question } from './forms';
import { parseDate, type DayOrder } from './timestamps';

export interface ResponseIdOptions {
  /** How a date answer such as `05/06/2026` is read; the workbook's `dateOrder`. */
  readonly dayOrder?: DayOrder;
}

/** Prefix of ids made here; rows ingested before carry Google's id or a `csv-` id. */
export const RESPONSE_ID_PREFIX = 'r-';

/** 16 hex digits of a 64-bit hash of the text's UTF-16 code units. */
export function hash64(text: string): string {
  let h1 = 0xdeadbeef ^ text.length;
  let h2 = 0x41c6ce57 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x85ebca77);
    h2 = Math.imul(h2 ^ c, 0xc2b2ae3d);
    h1 = (h1 << 13) | (h1 >>> 19);
    h2 = (h2 << 17) | (h2 >>> 15);
  }
  // Finalise each lane with the other mixed in, so that every input bit reaches all 64 bits.
  h1 = Math.imul(h1 ^ (h1 >>> 16), 0x85ebca6b) ^ Math.imul(h2 ^ (h2 >>> 13), 0xc2b2ae35);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 0x85ebca6b) ^ Math.imul(h1 ^ (h1 >>> 13), 0xc2b2ae35);
  h1 = Math.imul(h1 ^ (h1 >>> 15), 0x27d4eb2f) ^ (h2 >>> 7);
  h2 = Math.imul(h2 ^ (h2 >>> 15), 0x165667b1) ^ (h1 >>> 11);
  return hex8(h1 ^ (h1 >>> 16)) + hex8(h2 ^ (h2 >>> 16));
}

function hex8(n: number): string {
  return (n >>> 0).toString(16).padStart(8, '0');
}

/** Text as it counts for an id: line breaks, full-width forms and surrounding spaces normalised. */
export function canonicalText(value: string): string {
  return value.replace(/\r\n?/g, '\n').normalize('NFKC').trim();
}

/**
 * A number as it counts for an id: `+0012.50` → `12.5`, `1,234` → `1234`, `-0` → `0`. Text that
 * is not a plain decimal (an `abc`, a `1e3`) is kept as text, so it still names its row.
 */
export function canonicalNumber(value: string): string {
  const text = canonicalText(value).replace(/\s+/g, '');
  const grouped = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(text) ? text.replace(/,/g, '') : text;
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(grouped);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return canonicalText(value);
  const whole = m[2]!.replace(/^0+(?=\d)/, '') || '0';
  const fraction = (m[3] ?? '').replace(/0+$/, '');
  const digits = fraction === '' ? whole : `${whole}.${fraction}`;
  return m[1] === '-' && /[1-9]/.test(digits) ? `-${digits}` : digits;
}

/** An answer as it counts for its question's part of the id. */
export function canonicalAnswer(
  value: string,
  question: Question | undefined,
  options: ResponseIdOptions = {},
): string {
  switch (question?.type) {
    case 'number':
      return canonicalNumber(value);
    case 'date': {
      const parsed = parseDate(value, { dayOrder: options.dayOrder ?? 'mdy' });
      return parsed.ok ? parsed.value : canonicalText(value);
    }
    case 'choice':
      return canonicalText(value).replace(/\s*[;,]\s*/g, ',');
    case 'email':
      return canonicalText(value).toLowerCase();
    default:
      return canonicalText(value);
  }
}

function canonicalParts(
  form: FormDef,
  email: string | null,
  answers: Readonly<Record<string, string>>,
  options: ResponseIdOptions,
): unknown[] {
  const parts: [string, string][] = [];
  for (const question of form.questions) {
    const answer = answers[question.key];
    if (answer === undefined) continue;
    const canonical = canonicalAnswer(answer, question, options);
    if (canonical !== '') parts.push([question.key, canonical]);
  }
  parts.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return [form.name, email === null ? '' : canonicalText(email).toLowerCase(), parts];
}

/**
 * The id of a response submitted at `submittedAt` (`YYYY-MM-DD HH:mm:ss` in the programme's zone;
 * only the minute counts). Genuine double submissions within one minute share an id: a reader that
 * sees several (the CSV reader) numbers them `-2`, `-3` in submission order.
 */
export function responseIdOf(
  form: FormDef,
  submittedAt: string,
  email: string | null,
  answers: Readonly<Record<string, string>>,
  options: ResponseIdOptions = {},
): string {
  const minute = submittedAt.trim().slice(0, 16);
  const [name, mail, parts] = canonicalParts(form, email, answers, options);
  return RESPONSE_ID_PREFIX + hash64(JSON.stringify([name, minute, mail, parts]));
}

/**
 * The id of a row whose time could not be read (it goes to `Rejected`): the same parts, over the
 * timestamp cell's text as exported.
 */
export function rawResponseIdOf(
  form: FormDef,
  timestampText: string,
  email: string | null,
  answers: Readonly<Record<string, string>>,
  options: ResponseIdOptions = {},
): string {
  const [name, mail, parts] = canonicalParts(form, email, answers, options);
  return (
    RESPONSE_ID_PREFIX +
    hash64(JSON.stringify([name, 'raw', canonicalText(timestampText), mail, parts]))
  );
}
