/**
 * Dates as spreadsheets store them: a serial number of days since 1899-12-30 (Google Sheets, and
 * Excel's 1900 system from March 1900 on), the time of day its fraction. A serial holds wall-clock
 * time, with no zone, exactly like the schema's `YYYY-MM-DD` and `YYYY-MM-DD HH:mm:ss` texts, so
 * the two convert without a clock or a time zone (plain calendar arithmetic, no `Date`).
 *
 * Only the canonical texts convert: whatever else a cell holds (a person's "昨天", a half-typed
 * date) stays text. So writing a date column as numbers never parses what someone typed.
 */
import { formatDate, isValidDate, pad2 } from './calendar';

export type DateKind = 'date' | 'datetime';

const CANONICAL = /^(\d{4})-(\d{2})-(\d{2})(?: ([01]\d|2[0-3]):([0-5]\d):([0-5]\d))?$/;
/** Serials of the years 1900 to 9999: anything else in a date column is not a date. */
const FIRST_SERIAL = 1;
const LAST_SERIAL = 2_958_466;
/** Days from 1970-01-01 to 1899-12-30. */
const EPOCH_DAYS = -25_569;

/** Days since 1970-01-01 of a civil date (proleptic Gregorian; H. Hinnant's algorithm). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The civil date of a count of days since 1970-01-01 (the inverse of `daysFromCivil`). */
function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** The parts of a canonical date or timestamp, or null when `text` is not one. */
export function canonicalParts(text: string): {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
} | null {
  const m = CANONICAL.exec(text);
  if (!m || !isValidDate(text.slice(0, 10))) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [hour, minute, second] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  return { year, month, day, hour, minute, second };
}

/**
 * The serial of a canonical date (`2026-10-05`, kind `date`) or timestamp (`2026-10-05 14:03:00`,
 * kind `datetime`), or null for any other text: read back through the column's date format, the
 * number gives exactly the same text.
 */
export function serialOf(text: string, kind: DateKind): number | null {
  const p = canonicalParts(text);
  if (!p || (kind === 'date') !== (text.length === 10)) return null;
  const days = daysFromCivil(p.year, p.month, p.day) - EPOCH_DAYS;
  if (days < FIRST_SERIAL || days >= LAST_SERIAL) return null;
  return days + (p.hour * 3600 + p.minute * 60 + p.second) / 86_400;
}

/**
 * A serial as the canonical text of its kind: `YYYY-MM-DD` (a date's time of day is dropped) or
 * `YYYY-MM-DD HH:mm:ss` (rounded to the second). Null when the number cannot be a date.
 */
export function textOfSerial(serial: number, kind: DateKind): string | null {
  if (!Number.isFinite(serial) || serial < FIRST_SERIAL || serial >= LAST_SERIAL) return null;
  const seconds = kind === 'datetime' ? Math.round(serial * 86_400) : Math.floor(serial) * 86_400;
  const days = Math.floor(seconds / 86_400);
  const { year, month, day } = civilFromDays(days + EPOCH_DAYS);
  const date = formatDate(year, month, day);
  if (kind === 'date') return date;
  const rest = seconds - days * 86_400;
  const [h, m, s] = [Math.floor(rest / 3600), Math.floor((rest % 3600) / 60), rest % 60];
  return `${date} ${pad2(h)}:${pad2(m)}:${pad2(s)}`;
}
