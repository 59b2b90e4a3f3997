import fc from 'fast-check';
import { tzOffsetMs, wallTime, zoneReading } from './time';

/** The zone database's own reading, field by field, for comparison. */
function intlReading(ms: number, timeZone: string): number[] {
  const w = zoneReading(ms, timeZone);
  return [w.year, w.month, w.day, w.hour, w.minute, w.second];
}

const ZONES = ['Asia/Shanghai', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'UTC'];

describe('the sandbox clock', () => {
  it('reads the wall time the zone database gives, across daylight-saving changes', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        // 1899 (Sheets' serial zero, in local mean time) to 2040.
        fc.integer({ min: Date.UTC(1899, 0, 1), max: Date.UTC(2040, 0, 1) }),
        (zone, ms) => {
          const w = wallTime(ms, zone);
          expect([w.year, w.month, w.day, w.hour, w.minute, w.second]).toEqual(
            intlReading(ms, zone),
          );
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('is exact on the second either side of a change', () => {
    // New York sprang forward at 2026-03-08 07:00 UTC; Shanghai left local mean time in 1900.
    for (const [zone, change] of [
      ['America/New_York', Date.UTC(2026, 2, 8, 7)],
      ['America/New_York', Date.UTC(2026, 10, 1, 6)],
      ['Asia/Shanghai', Date.UTC(1900, 11, 31, 15, 54, 17)],
    ] as const) {
      for (const ms of [change - 1000, change, change + 1000]) {
        const w = wallTime(ms, zone);
        expect([w.year, w.month, w.day, w.hour, w.minute, w.second]).toEqual(intlReading(ms, zone));
      }
    }
    expect(tzOffsetMs(Date.UTC(2026, 2, 8, 7) - 1000, 'America/New_York')).toBe(-5 * 3_600_000);
    expect(tzOffsetMs(Date.UTC(2026, 2, 8, 7), 'America/New_York')).toBe(-4 * 3_600_000);
  });
});
