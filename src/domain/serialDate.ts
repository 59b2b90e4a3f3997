/**
 * Dates as spreadsheets store them: a serial number of days since 1899-12-30 (Google Sheets, and
 * Excel's 1900 system from March 1900 on), the time of day its fraction. A serial holds wall-clock
 * time, with no zone, exactly like the schema's `YYYY-MM-DD` and `YYYY-MM-DD HH:mm:ss` texts, so
 * the two convert without a clock or a time zone.
 *
 * Only the canonical texts convert: whatever else a cell holds (a person's "昨天", a half-typed
 * date) stays text. So writing a date column as numbers never parses what someone typed.
 */
import { isValidDate } from './calendar';

const DAY_MS = 86_400_000;
const EPOCH_MS = Date.UTC(1899, 11, 30);
const CANONICAL = /^(\d{4})-(\d{2})-(\d{2})(?: ([01]\d|2[0-3]):([0-5]\d):([0-5]\d))?$/;
/** Serials of the years 1900 to 9999: anything else in a date column is not a date. */
const FIRST_SERIAL = 1;
const LAST_SERIAL = 2_958_466;

/** The parts of a canonical date or timestamp, or null when `text` is not one. */
export function canonicalParts(
  text: string,
): {
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

export type DateKind = 'date' | 'datetime';

/**
 * The serial of a canonical date (`2026-10-05`, kind `date`) or timestamp (`2026-10-05 14:03:00`,
 * kind `datetime`), or null for any other text: read back through the column's date format, the
 * number gives exactly the same text.
 */
export function serialOf(text: string, kind: DateKind): number | null {
  const p = canonicalParts(text);
  if (!p || (kind === 'date') !== (text.length === 10)) return null;
  const days = (Date.UTC(p.year, p.month - 1, p.day) - EPOCH_MS) / DAY_MS;
  return days + (p.hour * 3600 + p.minute * 60 + p.second) / 86_400;
}

/**
 * A serial as the canonical text of its kind: `YYYY-MM-DD` (a date's time of day is dropped) or
 * `YYYY-MM-DD HH:mm:ss` (rounded to the second). Null when the number cannot be a date.
 */
export function textOfSerial(serial: number, kind: DateKind): string | null {
  const withTime = kind === 'datetime';
  if (!Number.isFinite(serial) || serial < FIRST_SERIAL || serial >= LAST_SERIAL) return null;
  const ms = withTime
    ? EPOCH_MS + Math.round(serial * 86_400) * 1000
    : EPOCH_MS + Math.floor(serial) * DAY_MS;
  const d = new Date(ms);
  const day = [
    String(d.getUTCFullYear()).padStart(4, '0'),
    String(d.getUTCMonth() + 1).padStart(2, '0'),
    String(d.getUTCDate()).padStart(2, '0'),
  ].join('-');
  if (!withTime) return day;
  const time = [d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()]
    .map((n) => String(n).padStart(2, '0'))
    .join(':');
  return `${day} ${time}`;
}

/** The same wall-clock moment as a Date whose UTC fields hold it (how exceljs writes dates). */
export function utcDateOf(text: string): Date | null {
  const p = canonicalParts(text);
  return p ? new Date(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second)) : null;
}
