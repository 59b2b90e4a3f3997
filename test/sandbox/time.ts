/**
 * Time-zone arithmetic for the sandbox, on Intl alone: the wall-clock parts of an instant in an
 * IANA zone, the instant of a wall-clock time in a zone, `Utilities.formatDate`'s
 * SimpleDateFormat patterns, and the Sheets number-format date patterns (`yyyy-mm-dd hh:mm`).
 */
import { ENGLISH_MONTHS } from '../../src/domain/numerals';

export interface WallTime {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
  /** 0 = Sunday … 6 = Saturday */
  readonly weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAY_SHORT = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const WEEKDAY_LONG = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock reading of instant `ms` in `timeZone`. Throws RangeError for a bad zone. */
export function wallTime(ms: number, timeZone: string): WallTime {
  const shifted = new Date(ms + tzOffsetMs(ms, timeZone));
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    millisecond: ((ms % 1000) + 1000) % 1000,
    weekday: shifted.getUTCDay(),
  };
}

/** `wallTime` as the zone database tells it (slow: the offsets above are read from it). */
export function zoneReading(ms: number, timeZone: string): WallTime {
  const parts = formatter(timeZone).formatToParts(new Date(ms));
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '0';
  return {
    year: Number(get('year')),
    month: Number(get('month')),
    day: Number(get('day')),
    hour: Number(get('hour')) % 24,
    minute: Number(get('minute')),
    second: Number(get('second')),
    millisecond: ((ms % 1000) + 1000) % 1000,
    weekday: WEEKDAY_SHORT.indexOf(get('weekday')),
  };
}

/** Offset of `timeZone` from UTC at instant `ms`, in ms (Asia/Shanghai: +8 h). */
export function tzOffsetMs(ms: number, timeZone: string): number {
  // Reading the zone is slow and offsets rarely change: a quarter hour whose two ends agree is
  // read once (a change inside it, as in 1900's local mean times, is read exactly every time).
  const quarter = Math.floor(ms / QUARTER_HOUR_MS);
  const key = `${timeZone}|${quarter}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    const start = offsetAt(quarter * QUARTER_HOUR_MS, timeZone);
    offset = start === offsetAt((quarter + 1) * QUARTER_HOUR_MS - 1000, timeZone) ? start : NaN;
    if (offsets.size > 200_000) offsets.clear();
    offsets.set(key, offset);
  }
  return Number.isNaN(offset) ? offsetAt(ms, timeZone) : offset;
}

function offsetAt(ms: number, timeZone: string): number {
  const base = Math.floor(ms / 1000) * 1000;
  const w = zoneReading(base, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - base;
}

const QUARTER_HOUR_MS = 15 * 60_000;
const offsets = new Map<string, number>();

/** The instant whose wall-clock reading in `timeZone` is the given time (month 1–12). */
export function zonedToUtc(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  millisecond = 0,
): number {
  const guess = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  const first = tzOffsetMs(guess, timeZone);
  const t = guess - first;
  const second_ = tzOffsetMs(t, timeZone);
  return second_ === first ? t : guess - second_;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function offsetText(ms: number, timeZone: string, colon: boolean, hoursOnly = false): string {
  const minutes = Math.round(tzOffsetMs(ms, timeZone) / 60000);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hh = pad(Math.floor(abs / 60), 2);
  if (hoursOnly) return `${sign}${hh}`;
  return `${sign}${hh}${colon ? ':' : ''}${pad(abs % 60, 2)}`;
}

/**
 * `Utilities.formatDate`: Java SimpleDateFormat letters y M d H h k K m s S a E u Z X, quoted
 * literal text ('T', '' for a quote) and any other character verbatim. An unsupported letter
 * throws (via `unsupported`) rather than printing something wrong.
 */
export function formatSimpleDate(
  ms: number,
  timeZone: string,
  pattern: string,
  unsupported: (letter: string) => Error,
): string {
  const t = wallTime(ms, timeZone);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i]!;
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      i++;
      while (i < pattern.length) {
        if (pattern[i] === "'") {
          if (pattern[i + 1] === "'") {
            out += "'";
            i += 2;
            continue;
          }
          break;
        }
        out += pattern[i++];
      }
      i++;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let j = i;
    while (pattern[j] === ch) j++;
    const n = j - i;
    i = j;
    switch (ch) {
      case 'y':
        out += n === 2 ? pad(t.year % 100, 2) : pad(t.year, n);
        break;
      case 'M':
        if (n >= 4) out += ENGLISH_MONTHS[t.month - 1];
        else if (n === 3) out += ENGLISH_MONTHS[t.month - 1]!.slice(0, 3);
        else out += pad(t.month, n);
        break;
      case 'd':
        out += pad(t.day, n);
        break;
      case 'H':
        out += pad(t.hour, n);
        break;
      case 'k':
        out += pad(t.hour === 0 ? 24 : t.hour, n);
        break;
      case 'h':
        out += pad(t.hour % 12 === 0 ? 12 : t.hour % 12, n);
        break;
      case 'K':
        out += pad(t.hour % 12, n);
        break;
      case 'm':
        out += pad(t.minute, n);
        break;
      case 's':
        out += pad(t.second, n);
        break;
      case 'S':
        out += pad(t.millisecond, n);
        break;
      case 'a':
        out += t.hour < 12 ? 'AM' : 'PM';
        break;
      case 'E':
        out += n >= 4 ? WEEKDAY_LONG[t.weekday] : WEEKDAY_SHORT[t.weekday];
        break;
      case 'u':
        out += String(t.weekday === 0 ? 7 : t.weekday);
        break;
      case 'Z':
        out += offsetText(ms, timeZone, false);
        break;
      case 'X': {
        const minutes = Math.round(tzOffsetMs(ms, timeZone) / 60000);
        out += minutes === 0 ? 'Z' : offsetText(ms, timeZone, n >= 3, n === 1);
        break;
      }
      default:
        throw unsupported(ch.repeat(n));
    }
  }
  return out;
}

/**
 * A date cell as Sheets displays it under a number format such as `yyyy-mm-dd hh:mm:ss` or
 * `M/d/yyyy H:mm:ss` (Sheets' tokens: `m` is minutes right after an hour or before seconds,
 * else month; `AM/PM` switches to a 12-hour clock; `"text"` and `\x` are literal).
 */
export function formatSheetsDate(ms: number, timeZone: string, format: string): string {
  const t = wallTime(ms, timeZone);
  const tokens: { kind: string; n: number; text?: string }[] = [];
  let i = 0;
  while (i < format.length) {
    const ch = format[i]!;
    if (ch === '"') {
      const end = format.indexOf('"', i + 1);
      tokens.push({ kind: 'text', n: 0, text: format.slice(i + 1, end < 0 ? undefined : end) });
      i = end < 0 ? format.length : end + 1;
      continue;
    }
    if (ch === '\\') {
      tokens.push({ kind: 'text', n: 0, text: format[i + 1] ?? '' });
      i += 2;
      continue;
    }
    if (/^am\/pm/i.test(format.slice(i))) {
      tokens.push({ kind: 'ampm', n: 5 });
      i += 5;
      continue;
    }
    const lower = ch.toLowerCase();
    if ('ymdhs'.includes(lower)) {
      let j = i;
      while (format[j]?.toLowerCase() === lower) j++;
      tokens.push({ kind: lower, n: j - i });
      i = j;
      continue;
    }
    tokens.push({ kind: 'text', n: 0, text: ch });
    i++;
  }
  const twelve = tokens.some((tk) => tk.kind === 'ampm');
  const fields = tokens.filter((tk) => tk.kind !== 'text');
  let out = '';
  for (const tk of tokens) {
    const k = fields.indexOf(tk);
    switch (tk.kind) {
      case 'text':
        out += tk.text;
        break;
      case 'y':
        out += tk.n <= 2 ? pad(t.year % 100, 2) : String(t.year);
        break;
      case 'm': {
        const prev = fields[k - 1]?.kind;
        const next = fields[k + 1]?.kind;
        if (prev === 'h' || next === 's') out += pad(t.minute, Math.min(tk.n, 2));
        else if (tk.n >= 4) out += ENGLISH_MONTHS[t.month - 1];
        else if (tk.n === 3) out += ENGLISH_MONTHS[t.month - 1]!.slice(0, 3);
        else out += pad(t.month, tk.n);
        break;
      }
      case 'd':
        if (tk.n >= 4) out += WEEKDAY_LONG[t.weekday];
        else if (tk.n === 3) out += WEEKDAY_SHORT[t.weekday];
        else out += pad(t.day, tk.n);
        break;
      case 'h': {
        const h = twelve ? (t.hour % 12 === 0 ? 12 : t.hour % 12) : t.hour;
        out += pad(h, Math.min(tk.n, 2));
        break;
      }
      case 's':
        out += pad(t.second, Math.min(tk.n, 2));
        break;
      case 'ampm':
        out += t.hour < 12 ? 'AM' : 'PM';
        break;
    }
  }
  return out;
}

/**
 * The instant a serial number stands for in the sheet's zone (the inverse of `sheetsSerial`),
 * to the millisecond: how Sheets reads a number under a date format.
 */
export function instantOfSerial(serial: number, timeZone: string): number {
  const wall = new Date(Date.UTC(1899, 11, 30) + Math.round(serial * 86_400_000));
  return zonedToUtc(
    timeZone,
    wall.getUTCFullYear(),
    wall.getUTCMonth() + 1,
    wall.getUTCDate(),
    wall.getUTCHours(),
    wall.getUTCMinutes(),
    wall.getUTCSeconds(),
    wall.getUTCMilliseconds(),
  );
}

/** Sheets' serial number of an instant: days since 1899-12-30 00:00 in the sheet's zone. */
export function sheetsSerial(ms: number, timeZone: string): number {
  const w = wallTime(ms, timeZone);
  const local = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
  return (local - Date.UTC(1899, 11, 30)) / 86_400_000;
}
