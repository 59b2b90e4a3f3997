import fc from 'fast-check';
import { isValidDate } from '../../src/domain/calendar';
import { chineseDateFormal, englishDate, englishOrdinal } from '../../src/domain/numerals';

/** Reads a formal Chinese date back, digit by digit and 十 by 十, independently of the writer. */
function readFormal(text: string): string {
  const m = /^([〇一二三四五六七八九]{4})年(.+)月(.+)日$/.exec(text);
  if (!m) throw new Error(`not a formal date: ${text}`);
  const digit = (c: string) => '〇一二三四五六七八九'.indexOf(c);
  const year = Array.from(m[1]!, (c) => String(digit(c))).join('');
  const small = (s: string): number => {
    if (s === '十') return 10;
    const [tens, ones] = s.split('十');
    if (s.includes('十')) return (tens === '' ? 1 : digit(tens!)) * 10 + (ones ? digit(ones) : 0);
    return digit(s);
  };
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${year}-${pad(small(m[2]!))}-${pad(small(m[3]!))}`;
}

describe('chineseDateFormal', () => {
  it.each([
    ['2027-07-01', '二〇二七年七月一日'],
    ['2027-10-01', '二〇二七年十月一日'],
    ['2027-10-11', '二〇二七年十月十一日'],
    ['2027-11-20', '二〇二七年十一月二十日'],
    ['2027-12-31', '二〇二七年十二月三十一日'],
    ['2026-09-10', '二〇二六年九月十日'],
    ['2028-02-29', '二〇二八年二月二十九日'],
    ['2030-01-21', '二〇三〇年一月二十一日'],
    ['2000-06-30', '二〇〇〇年六月三十日'],
  ])('%s → %s', (iso, formal) => {
    expect(chineseDateFormal(iso)).toBe(formal);
  });

  it('uses only the numerals a formal date uses', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2199-12-31'), noInvalidDate: true }),
        (d) => {
          const iso = d.toISOString().slice(0, 10);
          expect(chineseDateFormal(iso)).toMatch(
            /^[〇一二三四五六七八九]{4}年[一二三四五六七八九十]+月[一二三四五六七八九十]+日$/,
          );
        },
      ),
    );
  });

  it('reads back as the same date, for any date', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2199-12-31'), noInvalidDate: true }),
        (d) => {
          const iso = d.toISOString().slice(0, 10);
          expect(readFormal(chineseDateFormal(iso))).toBe(iso);
        },
      ),
    );
  });

  it('refuses what is not a date', () => {
    for (const bad of ['2027-02-30', '2027-7-1', '', '二〇二七年七月一日']) {
      expect(isValidDate(bad)).toBe(false);
      expect(() => chineseDateFormal(bad)).toThrow(RangeError);
    }
  });
});

describe('English dates and ranks', () => {
  it.each([
    ['2027-07-01', '1 July 2027'],
    ['2026-12-31', '31 December 2026'],
    ['2027-02-28', '28 February 2027'],
  ])('%s → %s', (iso, text) => {
    expect(englishDate(iso)).toBe(text);
  });

  it.each([
    [1, '1st'],
    [2, '2nd'],
    [3, '3rd'],
    [4, '4th'],
    [11, '11th'],
    [12, '12th'],
    [13, '13th'],
    [21, '21st'],
    [22, '22nd'],
    [101, '101st'],
    [111, '111th'],
  ])('%i → %s', (n, text) => {
    expect(englishOrdinal(n)).toBe(text);
  });
});
