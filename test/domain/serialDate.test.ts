import fc from 'fast-check';
import { formatDate, daysInMonth, pad2 } from '../../src/domain/calendar';
import { serialOf, textOfSerial } from '../../src/domain/serialDate';

describe('serial dates (days since 1899-12-30, as Sheets and Excel store them)', () => {
  it("agrees with Google's own examples", () => {
    // developers.google.com/sheets/api/guides/formats: "January 1, 1900 at noon would be 2.5 …
    // February 1, 1900 at 3 PM is 33.625".
    expect(serialOf('1900-01-01 12:00:00', 'datetime')).toBe(2.5);
    expect(serialOf('1900-02-01 15:00:00', 'datetime')).toBe(33.625);
    expect(serialOf('1899-12-30', 'date')).toBeNull(); // day zero and before are no date of ours
    expect(serialOf('2026-10-05', 'date')).toBe(46300);
    expect(textOfSerial(46300, 'date')).toBe('2026-10-05');
    expect(textOfSerial(46300.5, 'datetime')).toBe('2026-10-05 12:00:00');
  });

  it('converts only the canonical text of the kind: anything else stays text', () => {
    for (const text of ['2026-10-5', '2026/10/05', '昨天', '2026-02-30', '2026-10-05 24:00:00', ''])
      expect([serialOf(text, 'date'), serialOf(text, 'datetime')]).toEqual([null, null]);
    expect(serialOf('2026-10-05 08:00:00', 'date')).toBeNull();
    expect(serialOf('2026-10-05', 'datetime')).toBeNull();
  });

  it('reads a serial as the text of its column: a date drops the time, a time rounds to the second', () => {
    expect(textOfSerial(46300.99999, 'date')).toBe('2026-10-05');
    expect(textOfSerial(46300 + 59.6 / 86_400, 'datetime')).toBe('2026-10-05 00:01:00');
    for (const n of [0, -1, 3e6, Number.NaN, Number.POSITIVE_INFINITY])
      expect(textOfSerial(n, 'datetime')).toBeNull();
  });

  it('gives back exactly the text it was made from, for any date and time from 1900 to 9999', () => {
    const stamp = fc
      .record({
        year: fc.integer({ min: 1900, max: 9999 }),
        month: fc.integer({ min: 1, max: 12 }),
        day: fc.integer({ min: 1, max: 31 }),
        hour: fc.integer({ min: 0, max: 23 }),
        minute: fc.integer({ min: 0, max: 59 }),
        second: fc.integer({ min: 0, max: 59 }),
      })
      .filter((s) => s.day <= daysInMonth(s.year, s.month));
    fc.assert(
      fc.property(stamp, (s) => {
        const date = formatDate(s.year, s.month, s.day);
        const time = `${date} ${pad2(s.hour)}:${pad2(s.minute)}:${pad2(s.second)}`;
        expect(textOfSerial(serialOf(date, 'date')!, 'date')).toBe(date);
        expect(textOfSerial(serialOf(time, 'datetime')!, 'datetime')).toBe(time);
      }),
    );
  });
});
