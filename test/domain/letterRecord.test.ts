import {
  letterNumber,
  nextIssue,
  printedChanges,
  printedRecord,
} from '../../src/domain/letterRecord';

const fields = {
  letterNo: '2026-2027-ADV-B002',
  recipient: '计算机学院第2党支部',
  awardTitle: '先进党支部',
  branchName: '计算机学院第2党支部',
  rank: '1',
  score: '57.20',
  citation: '……',
};

describe('the printed record of a letter', () => {
  test('holds the number and the fields that say who was commended for what', () => {
    expect(JSON.parse(printedRecord(fields))).toEqual({
      letterNo: '2026-2027-ADV-B002',
      recipient: '计算机学院第2党支部',
      awardTitle: '先进党支部',
      branchName: '计算机学院第2党支部',
      rank: '1',
      score: '57.20',
    });
  });

  test('tells each field that changed, and nothing when none did', () => {
    const printed = printedRecord(fields);
    expect(printedChanges(printed, fields)).toEqual([]);
    expect(printedChanges(printed, { ...fields, rank: '2', score: '54.20' })).toEqual([
      { field: 'rank', was: '1', now: '2' },
      { field: 'score', was: '57.20', now: '54.20' },
    ]);
    // The number is not a printed field to compare: a reissued letter has a new one.
    expect(printedChanges(printed, { ...fields, letterNo: 'x' })).toEqual([]);
  });

  test('a missing or unreadable record cannot vouch for its letter', () => {
    expect(printedChanges(null, fields)).toBeNull();
    expect(printedChanges('{"recipient":', fields)).toBeNull();
    expect(printedChanges('42', fields)).toBeNull();
  });
});

describe('letter numbers', () => {
  test('the first letter keeps the plain number; later ones count on', () => {
    expect(letterNumber('2026-2027', 'ADV-B002', 1)).toBe('2026-2027-ADV-B002');
    expect(letterNumber('2026-2027', 'ADV-B002', 3)).toBe('2026-2027-ADV-B002-3');
  });

  test('the next issue comes after every number in the history, and only this award’s', () => {
    expect(nextIssue('2026-2027', 'ADV-B002', [null, null])).toBe(1);
    expect(nextIssue('2026-2027', 'ADV-B002', ['2026-2027-ADV-B002', null])).toBe(2);
    const voided =
      '2026-2027-ADV-B002 作废于 2027-07-02：排名 1 → 2\n2026-2027-ADV-B002-2 作废于 2027-07-03：按要求重新生成';
    expect(nextIssue('2026-2027', 'ADV-B002', [null, voided])).toBe(3);
    // B0021's letters are not B002's.
    expect(nextIssue('2026-2027', 'ADV-B002', ['2026-2027-ADV-B0021-7'])).toBe(1);
    expect(nextIssue('2026-2027', 'MEM-B001-2023001', ['2026-2027-MEM-B001-2023001-2'])).toBe(3);
  });
});
