import { defaultLetter } from '../../src/domain/defaultLetter';
import { LETTER_PLACEHOLDERS, letterFields, type LetterInput } from '../../src/domain/letterFields';

const input: LetterInput = {
  awardId: 'ADV-B001',
  kind: 'branch',
  recipient: '第一党支部',
  branchName: '第一党支部',
  unit: '计算机学院',
  tierLabel: '低年级本科生党支部',
  awardTitle: '先进党支部',
  programYear: '2026-2027',
  rank: 1,
  score: '91.00',
  commendationDate: '2027-07-01',
  college: '学院党委',
};

/** The letter's words with every placeholder filled. */
function filled(locale: 'zh-CN' | 'en'): string[] {
  const letter = defaultLetter(locale);
  const fields = letterFields({ ...input, locale });
  return [
    letter.title,
    letter.salutation,
    letter.citation,
    ...letter.signature,
    letter.letterNo.join(''),
  ].map((text) => text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => fields[key]!));
}

describe('the default letter', () => {
  it.each(['zh-CN', 'en'] as const)('%s uses only placeholders letters fill', (locale) => {
    const letter = defaultLetter(locale);
    const known = new Set(LETTER_PLACEHOLDERS.map((p) => p.key));
    const text = [letter.salutation, letter.citation, ...letter.signature, ...letter.letterNo].join(
      '',
    );
    for (const [, key] of text.matchAll(/\{\{(\w+)\}\}/g)) expect(known).toContain(key);
  });

  it('is a 荣誉证书 signed by the college over the formal date', () => {
    expect(filled('zh-CN')).toEqual([
      '荣誉证书',
      '第一党支部：',
      expect.stringContaining('综合评定位列第一名'),
      '学院党委',
      '二〇二七年七月一日',
      '证书编号：2026-2027-ADV-B001',
    ]);
  });

  it('in English, says it all in English, dated the English way', () => {
    expect(filled('en')).toEqual([
      'Certificate of Honour',
      '第一党支部:',
      expect.stringContaining('ranked 1st overall'),
      '学院党委',
      '1 July 2027',
      'Certificate No. 2026-2027-ADV-B001',
    ]);
    const letter = defaultLetter('en');
    expect([letter.title, ...letter.letterNo].join('')).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
