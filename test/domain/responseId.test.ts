import fc from 'fast-check';
import { DEFAULT_CONFIG } from '../../src/domain/config';
import { ACTIVITY_FORM, APPLICATION_FORM, defenseForm, VOTE_FORM } from '../../src/domain/forms';
import {
  canonicalNumber,
  hash64,
  rawResponseIdOf,
  responseIdOf,
} from '../../src/domain/responseId';

const ANSWERS = {
  branch: 'B007 计算机学院本科生第一党支部',
  date: '2026/10/14',
  kind: '读一本好书',
  title: '读书会',
  description: '第一行\r\n第二行, 含逗号',
  participants: '30',
  nonParty: '12',
  counselorPresent: '是',
  evidenceLink: 'https://example.edu.cn/e',
  funds: '120.50',
};
const AT = '2026-10-15 14:03:27';
const id = (answers: Record<string, string>, at = AT, email: string | null = 'a@example.edu.cn') =>
  responseIdOf(ACTIVITY_FORM, at, email, answers);

describe('responseIdOf', () => {
  it('is r- and 16 hex digits, the same on every call', () => {
    expect(id(ANSWERS)).toMatch(/^r-[0-9a-f]{16}$/);
    expect(id({ ...ANSWERS })).toBe(id(ANSWERS));
  });

  it('survives an Excel resave: seconds dropped, numbers and dates reformatted', () => {
    const resaved = {
      ...ANSWERS,
      date: '2026-10-14',
      participants: '030',
      nonParty: '12.0',
      funds: '120.5',
      description: '第一行\n第二行, 含逗号  ',
    };
    expect(id(resaved, '2026-10-15 14:03:00')).toBe(id(ANSWERS));
    expect(id({ ...ANSWERS, funds: '1,234.00' })).toBe(id({ ...ANSWERS, funds: '1234' }));
  });

  it('gives Apps Script answers the id of the CSV row of the same response', () => {
    // FormApp: a date item answers `YYYY-MM-DD`, a checkbox item an array joined with ", ".
    const fromFormApp = { ...ANSWERS, date: '2026-10-14', funds: '120.5' };
    expect(id(fromFormApp, '2026-10-15 14:03:27')).toBe(id(ANSWERS));
    const form = APPLICATION_FORM;
    expect(responseIdOf(form, AT, 'X@Example.edu.cn ', { name: 'Ａ支部', members: '40' })).toBe(
      responseIdOf(form, AT, 'x@example.edu.cn', { name: 'A支部', members: '40.00' }),
    );
  });

  it('reads ambiguous date answers in the configured day order', () => {
    const dmy = responseIdOf(
      ACTIVITY_FORM,
      AT,
      null,
      { ...ANSWERS, date: '05/06/2026' },
      {
        dayOrder: 'dmy',
      },
    );
    expect(dmy).toBe(id({ ...ANSWERS, date: '2026-06-05' }, AT, null));
    expect(id({ ...ANSWERS, date: '05/06/2026' }, AT, null)).toBe(
      id({ ...ANSWERS, date: '2026-05-06' }, AT, null),
    );
  });

  it('tells apart what differs: another minute, answer, email, form', () => {
    const base = id(ANSWERS);
    expect(id(ANSWERS, '2026-10-15 14:04:27')).not.toBe(base);
    expect(id({ ...ANSWERS, participants: '31' })).not.toBe(base);
    expect(id({ ...ANSWERS, title: '读书会 ' })).toBe(base);
    expect(id(ANSWERS, AT, 'b@example.edu.cn')).not.toBe(base);
    expect(id(ANSWERS, AT, null)).not.toBe(base);
    const vote = { month: '2026-10', judge: '王老师', branch: 'B007', score: '90' };
    expect(responseIdOf(VOTE_FORM, AT, null, vote)).not.toBe(
      responseIdOf(defenseForm(DEFAULT_CONFIG.defenseRubric), AT, null, vote),
    );
  });

  it('ignores blank answers and answers to questions the form does not declare', () => {
    expect(id({ ...ANSWERS, evidenceLink: '  ' })).toBe(id({ ...ANSWERS, evidenceLink: '' }));
    const withoutLink: Record<string, string> = { ...ANSWERS };
    delete withoutLink.evidenceLink;
    expect(id({ ...withoutLink, evidenceLink: '' })).toBe(id(withoutLink));
    expect(id({ ...ANSWERS, place: '大礼堂' })).toBe(id(ANSWERS));
  });

  it('keeps a raw-timestamp id apart from a parsed one', () => {
    expect(rawResponseIdOf(ACTIVITY_FORM, 'yesterday', null, ANSWERS)).toMatch(/^r-[0-9a-f]{16}$/);
    expect(rawResponseIdOf(ACTIVITY_FORM, ' yesterday ', null, ANSWERS)).toBe(
      rawResponseIdOf(ACTIVITY_FORM, 'yesterday', null, ANSWERS),
    );
    expect(rawResponseIdOf(ACTIVITY_FORM, AT, null, ANSWERS)).not.toBe(id(ANSWERS, AT, null));
  });
});

describe('canonicalNumber', () => {
  it.each([
    ['1.50', '1.5'],
    ['0012', '12'],
    ['+7', '7'],
    ['1,234,567.80', '1234567.8'],
    ['-0.0', '0'],
    ['-3.10', '-3.1'],
    ['.5', '0.5'],
    ['5.', '5'],
    ['１２', '12'],
    [' 30 ', '30'],
    ['abc', 'abc'],
    ['1,23', '1,23'],
  ])('%s → %s', (text, expected) => {
    expect(canonicalNumber(text)).toBe(expected);
  });
});

describe('hash64', () => {
  it('has no collision among 200,000 near-identical texts', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200_000; i++) seen.add(hash64(`["activity","2026-10-15 14:03",${i}]`));
    expect(seen.size).toBe(200_000);
  });

  it('changes about half of its 64 bits when one character changes', () => {
    const bits = (h: string) => BigInt(`0x${h}`);
    const flips: number[] = [];
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), fc.nat(), (text, at) => {
        const i = at % text.length;
        const other =
          text.slice(0, i) + String.fromCharCode(text.charCodeAt(i) ^ 1) + text.slice(i + 1);
        let diff = bits(hash64(text)) ^ bits(hash64(other));
        let count = 0;
        for (; diff > 0n; diff >>= 1n) count += Number(diff & 1n);
        flips.push(count);
      }),
      { numRuns: 2000 },
    );
    const mean = flips.reduce((a, b) => a + b, 0) / flips.length;
    expect(mean).toBeGreaterThan(30);
    expect(mean).toBeLessThan(34);
    expect(Math.min(...flips)).toBeGreaterThan(8);
  });
});
