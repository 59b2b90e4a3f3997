import fc from 'fast-check';
import { daysInMonth, pad2 } from '../../src/domain/calendar';
import {
  parseDate,
  parseLocalTimestamp,
  parseMonth,
  type ParseOptions,
  type ParseResult,
} from '../../src/domain/timestamps';
import { ENGLISH_MONTHS } from '../../src/domain/numerals';

// it.each callbacks give `options` a default so that the function's arity stays at two: an extra
// parameter would make Jest treat it as a `done` callback and wait for it.

function ok<T>(result: ParseResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got: ${result.error}`);
  return result.value;
}

function error<T>(result: ParseResult<T>): string {
  if (result.ok) throw new Error(`expected failure, got: ${String(result.value)}`);
  return result.error;
}

const MDY: ParseOptions = { dayOrder: 'mdy' };
const DMY: ParseOptions = { dayOrder: 'dmy' };
const YMD: ParseOptions = { dayOrder: 'ymd' };
const UTC: ParseOptions = { timeZoneOffsetMinutes: 0 };

describe('parseLocalTimestamp: accepted forms', () => {
  const cases: Array<[string, string, ParseOptions?]> = [
    // ISO
    ['2026-10-15T14:03:00', '2026-10-15 14:03:00'],
    ['2026-10-15T14:03', '2026-10-15 14:03:00'],
    ['2026-10-15T14:03:00.123', '2026-10-15 14:03:00'],
    ['2026-10-15T06:03:00Z', '2026-10-15 14:03:00'],
    ['2026-10-15T06:03:00.000Z', '2026-10-15 14:03:00'],
    ['2026-10-15T14:03:00+08:00', '2026-10-15 14:03:00'],
    ['2026-10-15T01:03:00-0500', '2026-10-15 14:03:00'],
    ['2026-10-15T01:03:00-05', '2026-10-15 14:03:00'],
    ['2026-10-15T11:33:00+05:30', '2026-10-15 14:03:00'],
    ['2026-10-15T01:03:00\u221205:00', '2026-10-15 14:03:00'], // U+2212 minus sign
    // zh-CN Google export and typed variants
    ['2026/10/15 下午2:03:00', '2026-10-15 14:03:00'],
    ['2026/10/15 上午 9:03:00', '2026-10-15 09:03:00'],
    ['2026/10/15 上午12:03:00', '2026-10-15 00:03:00'],
    ['2026/10/15 下午12:03:00', '2026-10-15 12:03:00'],
    ['2026/10/15 14:03:00', '2026-10-15 14:03:00'],
    ['2026/10/15下午2:03:00', '2026-10-15 14:03:00'],
    ['2026-10-15 14:03', '2026-10-15 14:03:00'],
    ['2026年10月15日 下午2:03', '2026-10-15 14:03:00'],
    ['2026年10月15日下午2:03', '2026-10-15 14:03:00'],
    ['2026年10月15日 14:03:00', '2026-10-15 14:03:00'],
    ['2026年10月15日星期四 14:03', '2026-10-15 14:03:00'],
    // zh-TW
    ['2026/10/15 下午 02:03:00', '2026-10-15 14:03:00'],
    ['2026/10/15 上午 12:00:00', '2026-10-15 00:00:00'],
    // en-US
    ['10/15/2026 14:03:00', '2026-10-15 14:03:00'],
    ['10/15/2026 2:03:00 PM', '2026-10-15 14:03:00'],
    ['10/15/2026 2:03 pm', '2026-10-15 14:03:00'],
    ['10/15/2026 2:03pm', '2026-10-15 14:03:00'],
    ['10/15/2026 2:03 p.m.', '2026-10-15 14:03:00'],
    ['10/15/2026 9:03 a.m.', '2026-10-15 09:03:00'],
    ['10/15/2026 12:00:00 AM', '2026-10-15 00:00:00'],
    ['10/15/2026 12:30 PM', '2026-10-15 12:30:00'],
    ['10/15/2026, 2:03:00\u202fPM', '2026-10-15 14:03:00'], // toLocaleString with ICU's U+202F
    ['Oct 15, 2026 2:03:00 PM', '2026-10-15 14:03:00'],
    ['October 15, 2026 14:03', '2026-10-15 14:03:00'],
    ['15 October 2026 14:03:00', '2026-10-15 14:03:00'],
    ['Thu Oct 15 2026 14:03:00 GMT+0800 (China Standard Time)', '2026-10-15 14:03:00'],
    // day-first
    ['15/10/2026 14:03:00', '2026-10-15 14:03:00', DMY],
    ['25/10/2026 14:03:00', '2026-10-25 14:03:00', MDY], // 25 cannot be a month
    ['10/25/2026 14:03:00', '2026-10-25 14:03:00', DMY], // 25 cannot be a month
    // zone suffixes
    ['2026/10/15 2:03:00 PM GMT+8', '2026-10-15 14:03:00'],
    ['2026/10/15 14:03:00 GMT+08:00', '2026-10-15 14:03:00'],
    ['2026/10/15 14:03:00 UTC+8', '2026-10-15 14:03:00'],
    ['2026/10/15 06:03:00 UTC', '2026-10-15 14:03:00'],
    ['2026/10/15 06:03:00 GMT', '2026-10-15 14:03:00'],
    ['2026/10/15 14:03:00 CST', '2026-10-15 14:03:00'], // China Standard Time, not US Central
    ['2026/10/15 下午2:03:00 cst', '2026-10-15 14:03:00'],
    ['2026-10-15 01:03:00 GMT-5', '2026-10-15 14:03:00'],
    // whitespace, full width, dots
    ['  2026-10-15 14:03:00 \n', '2026-10-15 14:03:00'],
    ['２０２６－１０－１５　１４：０３：００', '2026-10-15 14:03:00'],
    ['２０２６／１０／１５ 下午２：０３：００', '2026-10-15 14:03:00'],
    ['2026.10.15 14:03:00', '2026-10-15 14:03:00'],
    ['2026.10.15 下午2:03', '2026-10-15 14:03:00'],
    // the programme's zone can be changed
    ['2026-10-15T06:03:00Z', '2026-10-15 06:03:00', UTC],
    ['2026-10-15T06:03:00Z', '2026-10-15 01:03:00', { timeZoneOffsetMinutes: -300 }],
    ['2026-10-15T06:03:00Z', '2026-10-15 11:33:00', { timeZoneOffsetMinutes: 330 }],
    ['2026-10-15 14:03:00', '2026-10-15 14:03:00', UTC], // no suffix: already local
  ];

  it.each(cases)('%j → %s', (text, expected, options: ParseOptions = {}) => {
    expect(ok(parseLocalTimestamp(text, options))).toBe(expected);
  });
});

describe('parseLocalTimestamp: zone conversions across boundaries', () => {
  const cases: Array<[string, string, ParseOptions?]> = [
    ['2026-12-31T20:00:00Z', '2027-01-01 04:00:00'], // year end
    ['2026-10-31T16:00:00Z', '2026-11-01 00:00:00'], // month end
    ['2026-10-15T15:59:59Z', '2026-10-15 23:59:59'], // just before midnight
    ['2026-10-15T16:00:00Z', '2026-10-16 00:00:00'], // midnight
    ['2026-02-28T16:00:00Z', '2026-03-01 00:00:00'], // not a leap year
    ['2028-02-28T16:00:00Z', '2028-02-29 00:00:00'], // leap year
    ['2028-02-29T16:00:00Z', '2028-03-01 00:00:00'],
    ['2100-02-28T16:00:00Z', '2100-03-01 00:00:00'], // century: not leap
    ['2000-02-28T16:00:00Z', '2000-02-29 00:00:00'], // 400th year: leap
    // backwards
    ['2027-01-01T05:00:00+08:00', '2026-12-31 21:00:00', UTC],
    ['2026-03-01T02:00:00+08:00', '2026-02-28 18:00:00', UTC],
    ['2028-03-01T02:00:00+08:00', '2028-02-29 18:00:00', UTC],
    ['2026-11-01 上午1:00:00 GMT+8', '2026-10-31 17:00:00', UTC],
    // two days at once, at the extremes of the zones on Earth
    ['2026-10-15T23:30:00-12:00', '2026-10-17 01:30:00', { timeZoneOffsetMinutes: 840 }],
    ['2026-10-15T00:30:00+14:00', '2026-10-13 22:30:00', { timeZoneOffsetMinutes: -720 }],
    ['2026-12-31T23:30:00-12:00', '2027-01-02 01:30:00', { timeZoneOffsetMinutes: 840 }],
    ['2027-01-01T00:30:00+14:00', '2026-12-30 22:30:00', { timeZoneOffsetMinutes: -720 }],
  ];

  it.each(cases)('%j → %s', (text, expected, options: ParseOptions = {}) => {
    expect(ok(parseLocalTimestamp(text, options))).toBe(expected);
  });
});

describe('parseLocalTimestamp: rejected forms', () => {
  const cases: Array<[string, string, ParseOptions?]> = [
    ['', 'empty text; expected a date and time such as 2026-10-15 14:03:00'],
    ['   ', 'empty text'],
    ['2026-10-15', '"2026-10-15" has no time of day'],
    [
      '2027-02-30 10:00',
      '"2027-02-30 10:00" is not a real date (February 2027 has 28 days); ' +
        'expected a date and time such as 2026-10-15 14:03:00',
    ],
    ['2026-13-01 10:00', 'is not a real date (there is no month 13)'],
    ['2026-10-15 25:00:00', 'has an impossible time (hour 25)'],
    ['2026-10-15 24:00:00', 'has an impossible time (hour 24)'],
    ['2026-10-15 14:60', 'has an impossible time (minute 60)'],
    ['2026-10-15 14:03:60', 'has an impossible time (second 60)'],
    ['2026/10/15 下午13:00', 'hour 13 with 下午; a 12-hour clock runs 1–12'],
    ['10/15/2026 0:30 AM', 'hour 0 with AM'],
    ['2026/10/15 下午2:03 PM', 'has two AM/PM markers ("下午" and "PM")'],
    ['hello', '"hello" is not in a recognised format; expected a date and time'],
    ['14:03:00', 'is not in a recognised format'],
    ['10/15/26 14:03', 'has a two-digit year, which is ambiguous'],
    ['26-10-15 14:03', 'has a two-digit year'],
    ['2026-10-15 14:03 EST', 'has unrecognised text "EST" after the time'],
    ['2026-10-15 14:03 +15:00', 'has an impossible time-zone offset (+15:00)'],
    ['2026-10-15 14:03 +08:60', 'has an impossible time-zone offset'],
    ['2026-10-15 noon', 'has unrecognised text "noon" after the date'],
    ['2026-10-15Z', 'has unrecognised text "Z" after the date'],
    ['13/14/2026 10:00', 'is not a real date (neither 13 nor 14 is a month)'],
    ['Foo 15, 2026 10:00', 'has an unknown month name "Foo"'],
    ['0999-01-01 00:00', 'is outside the years 1000–9999'],
    ['9999-12-31T23:00:00Z', 'is outside the years 1000–9999'],
    ['2026-10-1514:03', 'is not in a recognised format'],
  ];

  it.each(cases)('%j → %s', (text, fragment, options: ParseOptions = {}) => {
    expect(error(parseLocalTimestamp(text, options))).toContain(fragment);
  });

  it('shortens a long text in the error', () => {
    const message = error(parseLocalTimestamp('x'.repeat(200)));
    expect(message).toBe(
      `"${'x'.repeat(57)}..." is not in a recognised format; expected a date and time such as 2026-10-15 14:03:00`,
    );
  });
});

describe('parseDate', () => {
  const accepted: Array<[string, string, ParseOptions?]> = [
    ['2026-10-15', '2026-10-15'],
    ['2026/10/15', '2026-10-15'],
    ['2026/1/5', '2026-01-05'],
    ['2026.10.15', '2026-10-15'],
    ['2026年10月15日', '2026-10-15'],
    ['2026年10月15号', '2026-10-15'],
    ['2026 年 10 月 15 日', '2026-10-15'],
    ['２０２６年１０月１５日', '2026-10-15'],
    ['2026年10月15日 星期四', '2026-10-15'],
    ['Oct 15, 2026', '2026-10-15'],
    ['Oct. 15th, 2026', '2026-10-15'],
    ['October 15 2026', '2026-10-15'],
    ['Sept 15, 2026', '2026-09-15'],
    ['15 October 2026', '2026-10-15'],
    ['15 Oct. 2026', '2026-10-15'],
    ['1st March, 2026', '2026-03-01'],
    ['Thursday, October 15, 2026', '2026-10-15'],
    ['10/15/2026', '2026-10-15'],
    ['10-15-2026', '2026-10-15'],
    ['5/6/2026', '2026-05-06'], // default mdy, like Google en-US
    ['5/6/2026', '2026-06-05', DMY],
    ['15/10/2026', '2026-10-15', DMY],
    ['15.10.2026', '2026-10-15', DMY],
    ['25/10/2026', '2026-10-25', MDY], // unambiguous whatever the order
    ['10/25/2026', '2026-10-25', DMY],
    ['10/10/2026', '2026-10-10', YMD], // same either way
    ['25/10/2026', '2026-10-25', YMD],
    ['2028-02-29', '2028-02-29'],
    [' 2026-10-15 ', '2026-10-15'],
    // timestamps keep their date, in the programme's zone
    ['2026/10/15 下午2:03:00', '2026-10-15'],
    ['10/15/2026 11:59 PM', '2026-10-15'],
    ['2026-10-14T20:00:00Z', '2026-10-15'],
    ['2026-10-14T20:00:00Z', '2026-10-14', UTC],
  ];

  it.each(accepted)('%j → %s', (text, expected, options: ParseOptions = {}) => {
    expect(ok(parseDate(text, options))).toBe(expected);
  });

  const rejected: Array<[string, string, ParseOptions?]> = [
    ['', 'empty text; expected a date such as 2026-10-15'],
    [
      '2027-02-30',
      '"2027-02-30" is not a real date (February 2027 has 28 days); expected a date such as 2026-10-15',
    ],
    ['2026-02-29', '(February 2026 has 28 days)'],
    ['2026-04-31', '(April 2026 has 30 days)'],
    ['2026-13-01', '"2026-13-01" is not a real date (there is no month 13)'],
    ['2026-00-10', '(there is no month 0)'],
    ['2026-10-00', '(there is no day 0)'],
    ['31/02/2026', '(February 2026 has 28 days)'],
    ['02/30/2026', '(February 2026 has 28 days)', DMY],
    ['10/11/2026', 'is ambiguous (month 10 day 11, or day 10 month 11)', YMD],
    ['10/15/26', 'has a two-digit year'],
    ['26/10/15', 'has a two-digit year'],
    ['1.5.26', 'has a two-digit year'],
    ['garbage', '"garbage" is not in a recognised format; expected a date such as 2026-10-15'],
    ['2026', 'is not in a recognised format'],
    ['46310', 'is not in a recognised format'], // a spreadsheet serial number is not a date
    ['Smarch 15, 2026', 'unknown month name "Smarch"'],
    ['2026-10-15 junk', 'has unrecognised text "junk" after the date'],
  ];

  it.each(rejected)('%j → %s', (text, fragment, options: ParseOptions = {}) => {
    expect(error(parseDate(text, options))).toContain(fragment);
  });
});

describe('parseMonth', () => {
  const accepted: Array<[string, string, ParseOptions?]> = [
    ['2026-10', '2026-10'],
    ['2026-9', '2026-09'],
    ['2026/10', '2026-10'],
    ['2026.10', '2026-10'],
    ['2026年10月', '2026-10'],
    ['2026年10月份', '2026-10'],
    ['２０２６年１０月', '2026-10'],
    ['10/2026', '2026-10'],
    ['10-2026', '2026-10'],
    ['Oct 2026', '2026-10'],
    ['October 2026', '2026-10'],
    ['Sept. 2026', '2026-09'],
    ['October, 2026', '2026-10'],
    ['2026-10-01', '2026-10'],
    ['2026-10-15', '2026-10'],
    ['2026/10/15 下午2:03:00', '2026-10'],
    ['05/06/2026', '2026-05'],
    ['05/06/2026', '2026-06', DMY],
    ['2026-10-31T20:00:00Z', '2026-11'], // already November in the programme's zone
    [' 2026-10 ', '2026-10'],
  ];

  it.each(accepted)('%j → %s', (text, expected, options: ParseOptions = {}) => {
    expect(ok(parseMonth(text, options))).toBe(expected);
  });

  const rejected: Array<[string, string]> = [
    ['', 'empty text; expected a month such as 2026-10'],
    [
      '2026-13',
      '"2026-13" is not a real month (there is no month 13); expected a month such as 2026-10',
    ],
    ['0/2026', '(there is no month 0)'],
    ['10/26', 'has a two-digit year'],
    ['0999-10', 'is outside the years 1000–9999'],
    ['Foo 2026', 'has an unknown month name "Foo"'],
    [
      '2026-02-30',
      'is not a real date (February 2026 has 28 days); expected a month such as 2026-10',
    ],
    ['hello', '"hello" is not in a recognised format; expected a month such as 2026-10'],
  ];

  it.each(rejected)('%j → %s', (text, fragment) => {
    expect(error(parseMonth(text))).toContain(fragment);
  });
});

describe('options', () => {
  it('defaults to month-first and Asia/Shanghai', () => {
    expect(ok(parseDate('5/6/2026'))).toBe(ok(parseDate('5/6/2026', MDY)));
    expect(ok(parseLocalTimestamp('2026-10-15T00:00:00Z'))).toBe('2026-10-15 08:00:00');
  });

  it('throws on a bad option: that is the caller’s bug, not the respondent’s', () => {
    expect(() => parseDate('2026-10-15', { dayOrder: 'ydm' as never })).toThrow(RangeError);
    expect(() => parseDate('2026-10-15', { timeZoneOffsetMinutes: 900 })).toThrow(RangeError);
    expect(() => parseDate('2026-10-15', { timeZoneOffsetMinutes: 1.5 })).toThrow(RangeError);
    expect(() => parseMonth('2026-10-15', { timeZoneOffsetMinutes: NaN })).toThrow(RangeError);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties: every layout a real exporter (or typist) produces reads back as the canonical value.

interface Stamp {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const stampArb: fc.Arbitrary<Stamp> = fc
  .record({
    year: fc.integer({ min: 1000, max: 9999 }),
    month: fc.integer({ min: 1, max: 12 }),
    dayIndex: fc.nat({ max: 30 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
    second: fc.integer({ min: 0, max: 59 }),
  })
  .map(({ dayIndex, ...rest }) => ({
    ...rest,
    day: (dayIndex % daysInMonth(rest.year, rest.month)) + 1,
  }));

const h12 = (s: Stamp): number => s.hour % 12 || 12;
const ap = (s: Stamp): string => (s.hour < 12 ? 'AM' : 'PM');
const zhAp = (s: Stamp): string => (s.hour < 12 ? '上午' : '下午');
const ymdDash = (s: Stamp): string => `${s.year}-${pad2(s.month)}-${pad2(s.day)}`;
const hms = (s: Stamp): string => `${pad2(s.hour)}:${pad2(s.minute)}:${pad2(s.second)}`;
const ms = (s: Stamp): string => `${pad2(s.minute)}:${pad2(s.second)}`;
const monthName = (s: Stamp): string => ENGLISH_MONTHS[s.month - 1] as string;
const fullWidth = (text: string): string =>
  text.replace(/[0-9:/\- ]/g, (c) =>
    c === ' ' ? '\u3000' : String.fromCharCode(c.charCodeAt(0) + 0xfee0),
  );

const canonicalStamp = (s: Stamp): string => `${ymdDash(s)} ${hms(s)}`;

const TIMESTAMP_LAYOUTS: Array<[string, (s: Stamp) => string, ParseOptions?]> = [
  ['ISO', (s) => `${ymdDash(s)}T${hms(s)}`],
  ['ISO +08:00', (s) => `${ymdDash(s)}T${hms(s)}+08:00`],
  ['ISO with space', (s) => `${ymdDash(s)} ${hms(s)}`],
  ['zh-CN Google', (s) => `${s.year}/${s.month}/${s.day} ${zhAp(s)}${h12(s)}:${ms(s)}`],
  ['zh-CN spaced', (s) => `${s.year}/${s.month}/${s.day} ${zhAp(s)} ${h12(s)}:${ms(s)}`],
  ['zh-CN 24h', (s) => `${s.year}/${s.month}/${s.day} ${hms(s)}`],
  ['zh-TW', (s) => `${s.year}/${pad2(s.month)}/${pad2(s.day)} ${zhAp(s)} ${pad2(h12(s))}:${ms(s)}`],
  ['年月日', (s) => `${s.year}年${s.month}月${s.day}日 ${zhAp(s)}${h12(s)}:${ms(s)}`],
  ['en-US 24h', (s) => `${s.month}/${s.day}/${s.year} ${hms(s)}`, MDY],
  ['en-US 12h', (s) => `${s.month}/${s.day}/${s.year} ${h12(s)}:${ms(s)} ${ap(s)}`, MDY],
  ['en-US lower', (s) => `${s.month}/${s.day}/${s.year} ${h12(s)}:${ms(s)}${ap(s).toLowerCase()}`],
  [
    'en month first',
    (s) => `${monthName(s).slice(0, 3)} ${s.day}, ${s.year} ${h12(s)}:${ms(s)} ${ap(s)}`,
  ],
  ['en day first', (s) => `${s.day} ${monthName(s)} ${s.year} ${hms(s)}`],
  ['day-first', (s) => `${pad2(s.day)}/${pad2(s.month)}/${s.year} ${hms(s)}`, DMY],
  ['dotted', (s) => `${s.year}.${pad2(s.month)}.${pad2(s.day)} ${hms(s)}`],
  ['full width', (s) => fullWidth(`${ymdDash(s)} ${hms(s)}`)],
  [
    'Google Forms CSV GMT+8',
    (s) => `${s.year}/${pad2(s.month)}/${pad2(s.day)} ${h12(s)}:${ms(s)} ${ap(s)} GMT+8`,
  ],
  ['CST', (s) => `${s.year}/${s.month}/${s.day} ${hms(s)} CST`],
];

describe('property: formatting in each layout and parsing gives back the canonical value', () => {
  it.each(TIMESTAMP_LAYOUTS)('timestamp, %s', (_name, format, options: ParseOptions = {}) => {
    fc.assert(
      fc.property(stampArb, (s) => {
        expect(ok(parseLocalTimestamp(format(s), options))).toBe(canonicalStamp(s));
        expect(ok(parseDate(format(s), options))).toBe(ymdDash(s));
      }),
      { numRuns: 200 },
    );
  });

  const DATE_LAYOUTS: Array<[string, (s: Stamp) => string, ParseOptions?]> = [
    ['ISO', ymdDash],
    ['slashes', (s) => `${s.year}/${s.month}/${s.day}`],
    ['dotted', (s) => `${s.year}.${s.month}.${s.day}`],
    ['年月日', (s) => `${s.year}年${s.month}月${s.day}日`],
    ['full-width 年月日', (s) => fullWidth(`${s.year}年${s.month}月${s.day}日`)],
    ['en-US', (s) => `${s.month}/${s.day}/${s.year}`, MDY],
    ['day-first', (s) => `${s.day}/${s.month}/${s.year}`, DMY],
    ['Mon D, YYYY', (s) => `${monthName(s).slice(0, 3)} ${s.day}, ${s.year}`],
    ['D Month YYYY', (s) => `${s.day} ${monthName(s)} ${s.year}`],
  ];

  it.each(DATE_LAYOUTS)('date, %s', (_name, format, options: ParseOptions = {}) => {
    fc.assert(
      fc.property(stampArb, (s) => {
        expect(ok(parseDate(format(s), options))).toBe(ymdDash(s));
        expect(ok(parseMonth(format(s), options))).toBe(ymdDash(s).slice(0, 7));
        expect(error(parseLocalTimestamp(format(s), options))).toContain('has no time of day');
      }),
      { numRuns: 200 },
    );
  });

  const MONTH_LAYOUTS: Array<[string, (s: Stamp) => string]> = [
    ['YYYY-MM', (s) => `${s.year}-${pad2(s.month)}`],
    ['YYYY/M', (s) => `${s.year}/${s.month}`],
    ['YYYY年M月', (s) => `${s.year}年${s.month}月`],
    ['M/YYYY', (s) => `${s.month}/${s.year}`],
    ['Mon YYYY', (s) => `${monthName(s).slice(0, 3)} ${s.year}`],
    ['Month YYYY', (s) => `${monthName(s)} ${s.year}`],
  ];

  it.each(MONTH_LAYOUTS)('month, %s', (_name, format) => {
    fc.assert(
      fc.property(stampArb, (s) => {
        expect(ok(parseMonth(format(s)))).toBe(ymdDash(s).slice(0, 7));
      }),
      { numRuns: 100 },
    );
  });
});

describe('property: zone suffixes convert like a real clock does', () => {
  // The test may use Date as an oracle; the domain code may not.
  const MIN_SECONDS = Date.UTC(1001, 0, 1) / 1000;
  const MAX_SECONDS = Date.UTC(9998, 11, 31) / 1000;
  const offsetArb = fc.integer({ min: -48, max: 56 }).map((quarters) => quarters * 15);

  const wallClock = (epochSeconds: number, offsetMinutes: number): string =>
    new Date((epochSeconds + offsetMinutes * 60) * 1000).toISOString().slice(0, 19);

  const suffix = (offset: number): string => {
    const abs = Math.abs(offset);
    return `${offset < 0 ? '-' : '+'}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
  };

  it('an instant written in any zone reads as the programme-zone wall clock', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: MIN_SECONDS, max: MAX_SECONDS }),
        offsetArb,
        offsetArb,
        fc.constantFrom('iso', 'gmt', 'compact'),
        (instant, writtenIn, programme, style) => {
          const local = wallClock(instant, writtenIn);
          const zone = suffix(writtenIn);
          const text =
            style === 'iso'
              ? `${local}${zone}`
              : style === 'gmt'
                ? `${local.replace('T', ' ')} GMT${zone}`
                : `${local}${zone.replace(':', '')}`;
          const expected = wallClock(instant, programme).replace('T', ' ');
          expect(ok(parseLocalTimestamp(text, { timeZoneOffsetMinutes: programme }))).toBe(
            expected,
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('Z and UTC mean offset zero', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: MIN_SECONDS, max: MAX_SECONDS }),
        offsetArb,
        (instant, programme) => {
          const expected = wallClock(instant, programme).replace('T', ' ');
          const options = { timeZoneOffsetMinutes: programme };
          expect(ok(parseLocalTimestamp(`${wallClock(instant, 0)}Z`, options))).toBe(expected);
          expect(ok(parseLocalTimestamp(`${wallClock(instant, 0)} UTC`, options))).toBe(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});
