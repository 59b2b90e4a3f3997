/**
 * Numbers and dates in words, as letters print them: 第十一名, 2027年7月1日, and the formal date
 * official documents and certificates carry, 二〇二七年七月一日 (the year digit by digit with 〇,
 * month and day as numbers: 十, 十一 … 三十一); and the English date a letter in English prints.
 * Pure: no clock, no host APIs.
 */
import { isValidDate } from './calendar';

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;
const YEAR_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;
const UNITS = ['', '十', '百', '千'] as const;

/**
 * An integer 0..9999 in Chinese numerals: 0 → 零, 10 → 十, 11 → 十一, 20 → 二十, 101 → 一百零一,
 * 110 → 一百一十, 1010 → 一千零一十. Only 10–19 drop the leading 一 (十一, but 一百一十).
 */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) {
    throw new RangeError(`chineseNumber: expected an integer 0..9999, got ${n}`);
  }
  if (n === 0) return DIGITS[0];
  let out = '';
  let zeroPending = false;
  for (let pos = 3; pos >= 0; pos--) {
    const d = Math.floor(n / 10 ** pos) % 10;
    if (d === 0) {
      if (out !== '') zeroPending = true;
      continue;
    }
    if (zeroPending) out += DIGITS[0];
    zeroPending = false;
    out += `${DIGITS[d] ?? ''}${UNITS[pos] ?? ''}`;
  }
  return n >= 10 && n <= 19 ? out.slice(1) : out;
}

/** 1 → 第一名, 11 → 第十一名, 101 → 第一百零一名. */
export function chineseOrdinalRank(rank: number): string {
  if (!Number.isInteger(rank) || rank < 1 || rank > 9999) {
    throw new RangeError(`chineseOrdinalRank: expected an integer rank 1..9999, got ${rank}`);
  }
  return `第${chineseNumber(rank)}名`;
}

/** A year digit by digit, as formal documents write it: 2027 → 二〇二七. */
export function chineseYearDigits(year: number): string {
  if (!Number.isInteger(year) || year < 0) {
    throw new RangeError(`chineseYearDigits: expected a non-negative integer year, got ${year}`);
  }
  return Array.from(String(year), (c) => YEAR_DIGITS[Number(c)]).join('');
}

function parseDate(isoDate: string): [number, number, number] {
  if (!isValidDate(isoDate)) {
    throw new RangeError(`expected a date YYYY-MM-DD, got "${isoDate}"`);
  }
  return [Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)), Number(isoDate.slice(8, 10))];
}

/** '2027-07-01' → '2027年7月1日'. */
export function chineseDate(isoDate: string): string {
  const [y, m, d] = parseDate(isoDate);
  return `${y}年${m}月${d}日`;
}

/** '2027-07-01' → '二〇二七年七月一日' (the way official documents date themselves). */
export function chineseDateFormal(isoDate: string): string {
  const [y, m, d] = parseDate(isoDate);
  return `${chineseYearDigits(y)}年${chineseNumber(m)}月${chineseNumber(d)}日`;
}

const ENGLISH_ORDINAL_SUFFIX = ['th', 'st', 'nd', 'rd'] as const;

/** 1 → 1st, 2 → 2nd, 11 → 11th, 23 → 23rd. */
export function englishOrdinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (ENGLISH_ORDINAL_SUFFIX[n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** January … December, as English dates name the months. */
export const ENGLISH_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** '2027-07-01' → '1 July 2027'. */
export function englishDate(isoDate: string): string {
  const [y, m, d] = parseDate(isoDate);
  return `${d} ${ENGLISH_MONTHS[m - 1]} ${y}`;
}
