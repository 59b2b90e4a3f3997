/**
 * Reading the dates and timestamps that Google Forms CSV exports (in the exporter's UI language)
 * and people typing into a sheet produce, into the plain strings of calendar.ts:
 * `YYYY-MM-DD`, `YYYY-MM` and `YYYY-MM-DD HH:mm:ss` in the programme's time zone.
 *
 * Decisions (see DESIGN.md §6):
 * - Text is NFKC-normalised first, so full-width digits, `：`, `／`, `．` and odd spaces (U+3000,
 *   U+00A0, the U+202F that newer ICU puts before AM/PM) read like their ASCII forms.
 * - Year-first dates (`2026/10/15`, `2026年10月15日`) are never ambiguous. For `a/b/yyyy` a number
 *   over 12 can only be the day, so `25/10/2026` is 25 October and `10/25/2026` is 25 October
 *   whatever the day order; only when both are 12 or less does `dayOrder` decide ('mdy', the
 *   default, as Google en-US writes; 'dmy'). With 'ymd' the sheet is expected to be year-first and
 *   a genuinely ambiguous `a/b/yyyy` is refused rather than guessed.
 * - Two-digit years are refused: `10/15/26` could be 1926 or 2026, and `26/10/15` anything.
 * - A time without a zone is already in the programme's zone. A zone suffix (`Z`, `+08:00`,
 *   `-0500`, `GMT+8`, `UTC`, `CST`) is converted to the programme's zone. `CST` is China Standard
 *   Time (+08:00) in this product, never US Central. Other zone abbreviations are refused rather
 *   than guessed (IST, BST... mean different things in different places). A trailing `(...)`
 *   after an offset, as JavaScript's Date#toString writes it, is ignored.
 * - 上午/下午 and AM/PM: hours 1–12; 上午12 / 12 AM is 00, 下午12 / 12 PM is 12.
 * - Fractions of a second are dropped; seconds default to 00. Hour 24 and second 60 are refused.
 * - Weekday names (`Thu, Oct 15, 2026`, `2026年10月15日星期四`) are ignored, not checked.
 * - Years must stay within 1000–9999, so every result is a fixed-width string that sorts in order.
 */

import { daysInMonth, formatDate, formatMonth, pad2 } from './calendar';

export type DayOrder = 'ymd' | 'mdy' | 'dmy';

export interface ParseOptions {
  /** How to read an ambiguous `a/b/yyyy`; default 'mdy' (Google en-US). */
  dayOrder?: DayOrder;
  /** The programme's zone, minutes east of UTC; default +480 (Asia/Shanghai). */
  timeZoneOffsetMinutes?: number;
}

/** On failure `error` quotes the text and says what was expected. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

const DEFAULT_DAY_ORDER: DayOrder = 'mdy';
const DEFAULT_OFFSET_MINUTES = 480;
const MAX_OFFSET_MINUTES = 14 * 60; // UTC+14 (Kiribati) is the furthest zone on Earth
const MINUTES_PER_DAY = 24 * 60;

const EXPECT_DATE = 'a date such as 2026-10-15';
const EXPECT_TIMESTAMP = 'a date and time such as 2026-10-15 14:03:00';
const EXPECT_MONTH = 'a month such as 2026-10';

interface Ymd {
  year: number;
  month: number;
  day: number;
}

interface Hms {
  hour: number;
  minute: number;
  second: number;
}

interface Reading {
  date: Ymd;
  time?: Hms;
}

/** Thrown by the pattern mappers; the public functions turn it into `{ ok: false }`. */
class Refusal {
  constructor(readonly reason: string) {}
}

function refuse(reason: string): never {
  throw new Refusal(reason);
}

// ---------------------------------------------------------------------------------------------
// Dates

const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

function monthNumber(name: string): number {
  const lower = name.toLowerCase();
  if (lower === 'sept') return 9;
  const index = MONTH_NAMES.findIndex((full) => lower === full || lower === full.slice(0, 3));
  return index >= 0 ? index + 1 : refuse(`has an unknown month name "${name}"`);
}

function ymd(year: string | number, month: string | number, day: string | number): Ymd {
  const [y, m, d] = [Number(year), Number(month), Number(day)];
  if (m < 1 || m > 12) refuse(`is not a real date (there is no month ${m})`);
  if (d < 1) refuse(`is not a real date (there is no day ${d})`);
  if (d > daysInMonth(y, m)) {
    const name = MONTH_NAMES[m - 1] as string;
    const label = `${name[0]?.toUpperCase()}${name.slice(1)} ${y}`;
    refuse(`is not a real date (${label} has ${daysInMonth(y, m)} days)`);
  }
  return { year: y, month: m, day: d };
}

/** `a/b/yyyy`: a number over 12 must be the day; otherwise the configured order decides. */
function resolveDayOrder(a: number, b: number, year: number, order: DayOrder): Ymd {
  if (a > 12 && b > 12) refuse(`is not a real date (neither ${a} nor ${b} is a month)`);
  if (a > 12) return ymd(year, b, a);
  if (b > 12 || a === b) return ymd(year, a, b);
  if (order === 'dmy') return ymd(year, b, a);
  if (order === 'mdy') return ymd(year, a, b);
  return refuse(
    `is ambiguous (month ${a} day ${b}, or day ${a} month ${b}); ` +
      `write it year-first or set the day order to 'mdy' or 'dmy'`,
  );
}

interface DatePattern {
  re: RegExp;
  toDate: (m: RegExpExecArray, order: DayOrder) => Ymd;
}

// Each regex reads the date at the start of the text; whatever follows is the time. The `(?!\d)`
// stops a date from swallowing the first digits of a time written straight after it.
const DATE_PATTERNS: DatePattern[] = [
  // ISO and Google zh-CN / zh-TW: 2026-10-15, 2026/10/15, 2026.10.15 (year first is unambiguous)
  { re: /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/, toDate: (m) => ymd(m[1]!, m[3]!, m[4]!) },
  // Chinese: 2026年10月15日 (or 号)
  {
    re: /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/,
    toDate: (m) => ymd(m[1]!, m[2]!, m[3]!),
  },
  // en-US 10/15/2026 or day-first 15/10/2026
  {
    re: /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?!\d)/,
    toDate: (m, order) => resolveDayOrder(Number(m[1]), Number(m[3]), Number(m[4]), order),
  },
  // Oct 15, 2026 · October 15 2026 · Oct. 15th, 2026
  {
    re: /^([a-z]+)\.?\s*(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)/i,
    toDate: (m) => ymd(m[3]!, monthNumber(m[1]!), m[2]!),
  },
  // 15 October 2026 · 15 Oct. 2026 · 15th October, 2026
  {
    re: /^(\d{1,2})(?:st|nd|rd|th)?\s*([a-z]+)\.?,?\s+(\d{4})(?!\d)/i,
    toDate: (m) => ymd(m[3]!, monthNumber(m[2]!), m[1]!),
  },
  // 10/15/26 or 26-10-15: recognised only to say why it is refused
  {
    re: /^\d{1,2}([-/.])\d{1,2}\1\d{1,2}(?!\d)/,
    toDate: () => refuse('has a two-digit year, which is ambiguous (write all four digits)'),
  },
];

// ---------------------------------------------------------------------------------------------
// Times and zones

// `T` (ISO) or optional comma and spaces (`10/15/2026, 2:03 PM` from toLocaleString), then 上午/下午 before the time (zh) or AM/PM after it (en).
const TIME_RE =
  /^(?:T|,?\s*)(?:(上午|下午)\s*)?(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(?:\s*(上午|下午|[ap]\.?m\.?)(?![a-z]))?/i;

function toTime(m: RegExpExecArray): Hms {
  if (m[1] && m[5]) refuse(`has two AM/PM markers ("${m[1]}" and "${m[5]}")`);
  const marker = m[1] ?? m[5];
  let hour = Number(m[2]);
  const minute = Number(m[3]);
  const second = Number(m[4] ?? 0);
  if (marker) {
    if (hour < 1 || hour > 12) {
      refuse(`has an impossible time (hour ${hour} with ${marker}; a 12-hour clock runs 1–12)`);
    }
    const afternoon = marker === '下午' || marker[0]?.toLowerCase() === 'p';
    hour = (hour % 12) + (afternoon ? 12 : 0);
  } else if (hour > 23) {
    refuse(`has an impossible time (hour ${hour})`);
  }
  if (minute > 59) refuse(`has an impossible time (minute ${minute})`);
  if (second > 59) refuse(`has an impossible time (second ${second})`);
  return { hour, minute, second };
}

interface ZonePattern {
  re: RegExp;
  toOffset: (m: RegExpExecArray) => number;
}

const ZONE_PATTERNS: ZonePattern[] = [
  // Greenwich: Z (ISO), UTC, GMT
  { re: /^(?:Z|UTC|GMT|UT)$/i, toOffset: () => 0 },
  // +08:00, -0500, +8, GMT+8, GMT+08:00, UTC-5
  {
    re: /^(?:UTC|GMT|UT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$/i,
    toOffset: (m) => {
      const [hours, minutes] = [Number(m[2]), Number(m[3] ?? 0)];
      const total = hours * 60 + minutes;
      if (minutes > 59 || total > MAX_OFFSET_MINUTES) {
        refuse(`has an impossible time-zone offset (${m[0]})`);
      }
      return m[1] === '-' ? -total : total;
    },
  },
  // CST: the programme runs in China, so this is China Standard Time, not US Central
  { re: /^CST$/i, toOffset: () => DEFAULT_OFFSET_MINUTES },
];

function zoneOffset(text: string): number {
  // "GMT+0800 (China Standard Time)": the name in brackets only repeats the offset
  const zone = text.replace(/^(.+?)\s*\([^()]*\)$/, '$1');
  for (const { re, toOffset } of ZONE_PATTERNS) {
    const m = re.exec(zone);
    if (m) return toOffset(m);
  }
  return refuse(
    `has unrecognised text "${text}" after the time ` +
      '(a time zone must be an offset such as +08:00 or GMT+8, or UTC, or CST)',
  );
}

// ---------------------------------------------------------------------------------------------
// Arithmetic: moving a reading from one zone to another

function addDays({ year, month, day }: Ymd, count: number): Ymd {
  // A zone shift moves at most two days, so stepping a day at a time is plenty.
  for (; count > 0; count--) {
    day++;
    if (day > daysInMonth(year, month)) {
      [day, month] = [1, month + 1];
      if (month > 12) [month, year] = [1, year + 1];
    }
  }
  for (; count < 0; count++) {
    day--;
    if (day < 1) {
      month--;
      if (month < 1) [month, year] = [12, year - 1];
      day = daysInMonth(year, month);
    }
  }
  return { year, month, day };
}

function shiftMinutes(date: Ymd, time: Hms, minutes: number): Reading {
  const total = time.hour * 60 + time.minute + minutes;
  const days = Math.floor(total / MINUTES_PER_DAY);
  const inDay = total - days * MINUTES_PER_DAY;
  return {
    date: addDays(date, days),
    time: { hour: Math.floor(inDay / 60), minute: inDay % 60, second: time.second },
  };
}

// ---------------------------------------------------------------------------------------------
// Reading a whole text

function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2212\u2010\u2011\u2012\u2013]/g, '-') // minus sign and dashes NFKC leaves alone
    .trim();
}

const WEEKDAY_BEFORE =
  /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|urday)?\.?,?\s+/i;
const WEEKDAY_AFTER = /^\s*,?\s*(?:星期|周|週|礼拜|禮拜)[一二三四五六日天]/;

function readDate(text: string, order: DayOrder): { date: Ymd; rest: string } {
  const s = text.replace(WEEKDAY_BEFORE, '');
  for (const { re, toDate } of DATE_PATTERNS) {
    const m = re.exec(s);
    if (m) return { date: toDate(m, order), rest: s.slice(m[0].length).replace(WEEKDAY_AFTER, '') };
  }
  return refuse('is not in a recognised format');
}

function checkOptions(options: ParseOptions): { order: DayOrder; offset: number } {
  const order = options.dayOrder ?? DEFAULT_DAY_ORDER;
  const offset = options.timeZoneOffsetMinutes ?? DEFAULT_OFFSET_MINUTES;
  // A bad option is the caller's bug, not the respondent's: throw rather than blame the text.
  if (!['ymd', 'mdy', 'dmy'].includes(order)) throw new RangeError(`Unknown dayOrder "${order}"`);
  if (!Number.isInteger(offset) || Math.abs(offset) > MAX_OFFSET_MINUTES) {
    throw new RangeError(`timeZoneOffsetMinutes must be a whole number within ±840, got ${offset}`);
  }
  return { order, offset };
}

/** The date and optional time as the programme's zone sees them. */
function readLocal(text: string, options: ParseOptions): Reading {
  const { order, offset } = checkOptions(options);
  const { date, rest } = readDate(text, order);
  let reading: Reading = { date };
  if (rest.trim() !== '') {
    const m = TIME_RE.exec(rest);
    if (!m) refuse(`has unrecognised text "${rest.trim()}" after the date`);
    const time = toTime(m);
    const zoneText = rest.slice(m[0].length).trim();
    reading =
      zoneText === '' ? { date, time } : shiftMinutes(date, time, offset - zoneOffset(zoneText));
  }
  if (reading.date.year < 1000 || reading.date.year > 9999) {
    refuse('is outside the years 1000–9999');
  }
  return reading;
}

/** Runs a reader, turning a refusal into an error that quotes the text and says what was expected. */
function attempt<T>(
  text: string,
  expected: string,
  read: (normalised: string) => T,
): ParseResult<T> {
  const normalised = normalise(text);
  if (normalised === '') return { ok: false, error: `empty text; expected ${expected}` };
  try {
    return { ok: true, value: read(normalised) };
  } catch (e) {
    if (!(e instanceof Refusal)) throw e;
    const shown = text.trim().length > 60 ? `${text.trim().slice(0, 57)}...` : text.trim();
    return { ok: false, error: `"${shown}" ${e.reason}; expected ${expected}` };
  }
}

function formatYmd({ year, month, day }: Ymd): string {
  return formatDate(year, month, day);
}

// ---------------------------------------------------------------------------------------------
// Public API

/** A timestamp → `YYYY-MM-DD HH:mm:ss` in the programme's zone. A date alone is refused. */
export function parseLocalTimestamp(text: string, options: ParseOptions = {}): ParseResult<string> {
  return attempt(text, EXPECT_TIMESTAMP, (s) => {
    const { date, time } = readLocal(s, options);
    if (!time) return refuse('has no time of day');
    return `${formatYmd(date)} ${pad2(time.hour)}:${pad2(time.minute)}:${pad2(time.second)}`;
  });
}

/**
 * A date → `YYYY-MM-DD`. A timestamp is accepted too and keeps its date — the date in the
 * programme's zone when the timestamp carries a zone suffix.
 */
export function parseDate(text: string, options: ParseOptions = {}): ParseResult<string> {
  return attempt(text, EXPECT_DATE, (s) => formatYmd(readLocal(s, options).date));
}

interface MonthPattern {
  re: RegExp;
  toMonth: (m: RegExpExecArray) => string;
}

const MONTH_PATTERNS: MonthPattern[] = [
  // 2026-10 · 2026/10 · 2026.10
  { re: /^(\d{4})[-/.](\d{1,2})$/, toMonth: (m) => ym(m[1]!, m[2]!) },
  // 2026年10月 · 2026年10月份
  { re: /^(\d{4})\s*年\s*(\d{1,2})\s*月份?$/, toMonth: (m) => ym(m[1]!, m[2]!) },
  // 10/2026
  { re: /^(\d{1,2})[-/.](\d{4})$/, toMonth: (m) => ym(m[2]!, m[1]!) },
  // Oct 2026 · October, 2026
  { re: /^([a-z]+)\.?,?\s*(\d{4})$/i, toMonth: (m) => ym(m[2]!, monthNumber(m[1]!)) },
  // 10/26: recognised only to say why it is refused
  {
    re: /^\d{1,2}[-/.]\d{1,2}$/,
    toMonth: () => refuse('has a two-digit year, which is ambiguous (write all four digits)'),
  },
];

function ym(year: string, month: string | number): string {
  const [y, m] = [Number(year), Number(month)];
  if (m < 1 || m > 12) refuse(`is not a real month (there is no month ${m})`);
  if (y < 1000) refuse('is outside the years 1000–9999');
  return formatMonth(y, m);
}

/**
 * A month → `YYYY-MM`. A full date or timestamp is accepted too and keeps its month (read with
 * `options` like `parseDate`: the day order decides `05/06/2026`).
 */
export function parseMonth(text: string, options: ParseOptions = {}): ParseResult<string> {
  return attempt(text, EXPECT_MONTH, (s) => {
    for (const { re, toMonth } of MONTH_PATTERNS) {
      const m = re.exec(s);
      if (m) return toMonth(m);
    }
    return formatYmd(readLocal(s, options).date).slice(0, 7);
  });
}
