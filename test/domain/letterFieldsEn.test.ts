import { letterFields, type LetterInput } from '../../src/domain/letterFields';
import { englishLetterFields, englishOrdinal } from '../../src/domain/letterFieldsEn';

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/;

const branch: LetterInput = {
  awardId: 'ADV-B007',
  kind: 'branch',
  recipient: 'Automation Engineering Graduate Branch 1',
  branchName: 'Automation Engineering Graduate Branch 1',
  unit: 'School of Automation Engineering',
  tierLabel: 'Graduate branch',
  awardTitle: 'Advanced party branch',
  programYear: '2026-2027',
  rank: 3,
  score: '89.71',
  commendationDate: '2027-07-01',
  college: 'Demo University',
};

describe('englishLetterFields', () => {
  it('words a branch letter in English, with the rank as an ordinal', () => {
    const fields = englishLetterFields(branch);
    expect(fields.salutation).toBe('Automation Engineering Graduate Branch 1:');
    expect(fields.rankText).toBe('3rd place');
    expect(fields.citation).toContain('In the 2026-2027 Advanced Party Branch Programme');
    expect(fields.citation).toContain('took 3rd place overall');
    expect(fields.citation).toContain('“Advanced party branch”');
    expect(fields.awardKind).toBe('Advanced party branch');
  });

  it('words a member letter with the branch, and keeps a citation staff wrote', () => {
    const member = {
      ...branch,
      awardId: 'MEM-B007-2024001',
      kind: 'member' as const,
      recipient: 'Zhang Wei',
      awardTitle: '',
      rank: 0,
      score: '',
    };
    const fields = englishLetterFields(member);
    expect(fields.salutation).toBe('Zhang Wei:');
    expect(fields.rankText).toBe('');
    expect(fields.citation).toContain('Zhang Wei (Automation Engineering Graduate Branch 1)');
    expect(fields.citation).toContain('“Excellent student party member”');
    expect(englishLetterFields({ ...member, citation: 'For her service.' }).citation).toBe(
      'For her service.',
    );
  });

  it('has every field the Chinese letter has, and no Chinese where the template prints', () => {
    const fields = englishLetterFields(branch);
    expect(Object.keys(fields)).toEqual(Object.keys(letterFields(branch)));
    for (const key of ['salutation', 'citation', 'awardKind', 'awardTitle', 'rankText', 'tier']) {
      expect({ key, text: fields[key] }).toEqual({ key, text: expect.not.stringMatching(CJK) });
    }
    expect(fields.letterNo).toBe('2026-2027-ADV-B007');
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
    [111, '111th'],
  ])('writes %i as %s', (n, text) => {
    expect(englishOrdinal(n)).toBe(text);
  });
});
