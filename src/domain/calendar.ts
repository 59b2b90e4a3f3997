/**
 * Calendar arithmetic on plain strings, with no clock and no time zone: a date is `YYYY-MM-DD`,
 * a month is `YYYY-MM`, a local timestamp is `YYYY-MM-DD HH:mm:ss` in the programme's time zone.
 * Strings sort in time order, which is all the rules need.
 */

export type IsoDate = string;
export type YearMonth = string;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True for a real calendar day: `2027-02-30` is not one. */
export function isValidDate(text: string): boolean {
  const m = DATE_RE.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function isValidMonth(text: string): boolean {
  const m = MONTH_RE.exec(text);
  return m !== null && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

export function formatDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

export function formatMonth(year: number, month: number): YearMonth {
  return `${String(year).padStart(4, '0')}-${pad2(month)}`;
}

export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

export function monthOf(date: IsoDate): YearMonth {
  return date.slice(0, 7);
}

export function dayOf(date: IsoDate): number {
  return Number(date.slice(8, 10));
}

export function addMonths(month: YearMonth, count: number): YearMonth {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + count;
  return formatMonth(Math.floor(index / 12), (index % 12) + 1);
}

/** Every month from `first` to `last` inclusive. */
export function monthsBetween(first: YearMonth, last: YearMonth): YearMonth[] {
  const months: YearMonth[] = [];
  for (let m = first; m <= last; m = addMonths(m, 1)) months.push(m);
  return months;
}

export function firstDayOf(month: YearMonth): IsoDate {
  return `${month}-01`;
}

export function lastDayOf(month: YearMonth): IsoDate {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return formatDate(y, m, daysInMonth(y, m));
}

/** Inclusive range test on ISO dates. */
export function isWithin(date: IsoDate, start: IsoDate, end: IsoDate): boolean {
  return date >= start && date <= end;
}
