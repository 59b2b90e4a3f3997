/** Months, dates and times as the public pages print them, in the page's language. */
import { t } from '../../domain/messages';
import type { Locale } from '../../domain/vocabulary';

const MONTH_NAMES = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

/** `2026-10` → 2026年10月 / 2026-10. */
export function monthText(locale: Locale, month: string): string {
  const [year, number] = month.split('-');
  return t(locale, 'board.monthText', {
    year: year ?? '',
    month: locale === 'en' ? (number ?? '') : Number(number),
  });
}

/** `2026-10` → 10月 / Oct: the month in a row of months. */
export function monthShort(locale: Locale, month: string): string {
  const number = Number(month.slice(5, 7));
  return locale === 'en' ? (MONTH_NAMES[number - 1] ?? month) : `${number}月`;
}

/** `2027-07-01` → 2027年7月1日 / 2027-07-01. */
export function dateText(locale: Locale, date: string): string {
  if (locale === 'en') return date;
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** `2026-10-27 15:04:05` → 10月27日 15:04 / 2026-10-27 15:04. */
export function timeText(locale: Locale, time: string): string {
  const clock = time.slice(11, 16);
  return locale === 'en'
    ? `${time.slice(0, 10)} ${clock}`
    : `${dateText(locale, time.slice(0, 10)).replace(/^\d+年/, '')} ${clock}`;
}
