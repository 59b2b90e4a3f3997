import fc from 'fast-check';
import {
  countedSheets,
  JudgeInfo,
  screenSheets,
  SubmittedSheet,
} from '../../src/domain/judgeRules';

function sheet(
  responseId: string,
  judge: string,
  subject: string,
  submittedAt: string,
  mark = 80,
): SubmittedSheet {
  return { responseId, judge, subject, submittedAt, marks: { score: mark } };
}

const JUDGES: JudgeInfo[] = [
  { judge: 'li@example.edu', ownBranch: 'B007' },
  { judge: 'wang@example.edu' },
  { judge: 'zhao@example.edu', ownBranch: '' },
];

describe('screenSheets', () => {
  it("rejects a judge scoring their own branch, with a reason in the workbook's language", () => {
    const screened = screenSheets(
      [
        sheet('r1', 'li@example.edu', 'B007', '2027-06-20 09:00:00'),
        sheet('r2', 'li@example.edu', 'B008', '2027-06-20 09:05:00'),
      ],
      JUDGES,
    );
    expect(screened).toEqual([
      {
        responseId: 'r1',
        status: 'conflict',
        reason: '评委所在支部（B007），须回避',
      },
      { responseId: 'r2', status: 'counted' },
    ]);
    const en = screenSheets(
      [sheet('r1', 'li@example.edu', 'B007', '2027-06-20 09:00:00')],
      JUDGES,
      'en',
    );
    expect(en[0]!.reason).toBe('the judge belongs to this branch (B007) and must recuse');
  });

  it('matches judge and branch with surrounding spaces trimmed', () => {
    const screened = screenSheets(
      [sheet('r1', '  li@example.edu ', ' B007', '2027-06-20 09:00:00')],
      [{ judge: 'li@example.edu  ', ownBranch: 'B007 ' }],
    );
    expect(screened[0]?.status).toBe('conflict');
  });

  it('counts the latest sheet of a judge for a branch and marks earlier ones superseded', () => {
    const screened = screenSheets(
      [
        sheet('r2', 'wang@example.edu', 'B001', '2027-06-20 10:30:00', 85),
        sheet('r1', 'wang@example.edu', 'B001', '2027-06-20 10:00:00', 80),
        sheet('r3', 'wang@example.edu', 'B001', '2027-06-20 10:15:00', 82),
      ],
      JUDGES,
    );
    expect(screened).toEqual([
      { responseId: 'r2', status: 'counted' },
      {
        responseId: 'r1',
        status: 'superseded',
        reason: '已被回复 r2 替代',
      },
      {
        responseId: 'r3',
        status: 'superseded',
        reason: '已被回复 r2 替代',
      },
    ]);
  });

  it('breaks a tie in submission time by response id', () => {
    const screened = screenSheets(
      [
        sheet('r9', 'wang@example.edu', 'B001', '2027-06-20 10:00:00'),
        sheet('r10', 'wang@example.edu', 'B001', '2027-06-20 10:00:00'),
      ],
      JUDGES,
    );
    // 'r9' > 'r10' as text: the id comparison is plain string order.
    expect(screened.map((s) => s.status)).toEqual(['counted', 'superseded']);
  });

  it('leaves other judges, other branches and unknown judges untouched', () => {
    const screened = screenSheets(
      [
        sheet('r1', 'wang@example.edu', 'B001', '2027-06-20 10:00:00'),
        sheet('r2', 'wang@example.edu', 'B002', '2027-06-20 11:00:00'),
        sheet('r3', 'zhao@example.edu', 'B001', '2027-06-20 12:00:00'),
        sheet('r4', 'guest@example.edu', 'B007', '2027-06-20 12:00:00'),
        sheet('r5', 'li@example.edu', 'B001', '2027-06-20 12:00:00'),
      ],
      JUDGES,
    );
    expect(screened.every((s) => s.status === 'counted' && s.reason === undefined)).toBe(true);
  });

  it('marks every sheet of a judge for their own branch a conflict, never superseded', () => {
    // The conflict is the reason staff need to see, so it wins over "a later sheet replaced it".
    const screened = screenSheets(
      [
        sheet('r1', 'li@example.edu', 'B007', '2027-06-20 10:00:00'),
        sheet('r2', 'li@example.edu', 'B007', '2027-06-20 11:00:00'),
      ],
      JUDGES,
    );
    expect(screened.map((s) => s.status)).toEqual(['conflict', 'conflict']);
  });

  it('treats every branch a judge is listed with as a conflict', () => {
    const judges: JudgeInfo[] = [
      { judge: 'chen', ownBranch: 'B001' },
      { judge: 'chen', ownBranch: 'B002' },
    ];
    const screened = screenSheets(
      [
        sheet('r1', 'chen', 'B001', '2027-06-20 10:00:00'),
        sheet('r2', 'chen', 'B002', '2027-06-20 10:00:00'),
        sheet('r3', 'chen', 'B003', '2027-06-20 10:00:00'),
      ],
      judges,
    );
    expect(screened.map((s) => s.status)).toEqual(['conflict', 'conflict', 'counted']);
  });

  it('rejects a submission time that would not sort in time order', () => {
    expect(() =>
      screenSheets([sheet('r1', 'wang@example.edu', 'B001', '2027-6-20 9:00:00')], JUDGES),
    ).toThrow(/response r1: submittedAt "2027-6-20 9:00:00"/);
  });
});

describe('countedSheets', () => {
  it('returns the counted sheets in input order, judge and branch trimmed', () => {
    const counted = countedSheets(
      [
        sheet('r1', 'wang@example.edu', 'B001', '2027-06-20 10:00:00', 70),
        sheet('r2', 'li@example.edu', 'B007', '2027-06-20 10:00:00'),
        sheet('r3', ' wang@example.edu', 'B002 ', '2027-06-20 10:00:00', 90),
        sheet('r4', 'wang@example.edu ', 'B001', '2027-06-20 11:00:00', 75),
      ],
      JUDGES,
    );
    expect(counted.map((s) => [s.responseId, s.judge, s.subject, s.marks.score])).toEqual([
      ['r3', 'wang@example.edu', 'B002', 90],
      ['r4', 'wang@example.edu', 'B001', 75],
    ]);
  });
});

describe('screenSheets, properties', () => {
  const submitted: fc.Arbitrary<SubmittedSheet> = fc.record({
    responseId: fc.integer({ min: 1, max: 10_000 }).map((n) => `r${n}`),
    judge: fc.constantFrom('J1', 'J2', ' J2', 'J3'),
    subject: fc.constantFrom('B1', 'B2', 'B3'),
    submittedAt: fc.integer({ min: 0, max: 5 }).map((m) => `2027-06-20 10:0${m}:00`),
    marks: fc.constant({ score: 80 }),
  });
  const sheetsArb = fc.uniqueArray(submitted, { selector: (s) => s.responseId, maxLength: 30 });
  const judges: JudgeInfo[] = [{ judge: 'J1', ownBranch: 'B1' }, { judge: 'J2' }];

  it('counts exactly the latest sheet of each judge and branch without a conflict', () => {
    fc.assert(
      fc.property(sheetsArb, (sheets) => {
        const screened = screenSheets(sheets, judges);
        expect(screened.map((s) => s.responseId)).toEqual(sheets.map((s) => s.responseId));
        const groups = new Map<string, SubmittedSheet[]>();
        for (const s of sheets) {
          const key = `${s.judge.trim()}|${s.subject}`;
          groups.set(key, [...(groups.get(key) ?? []), s]);
        }
        for (const [key, group] of groups) {
          const statuses = group.map((s) => screened[sheets.indexOf(s)]?.status);
          if (key === 'J1|B1') {
            expect(statuses.every((s) => s === 'conflict')).toBe(true);
            continue;
          }
          // Latest by (submittedAt, responseId); response ids are unique here.
          const order = (s: SubmittedSheet) => `${s.submittedAt}|${s.responseId}`;
          const latest = group.reduce((a, b) => (order(b) > order(a) ? b : a));
          group.forEach((s, i) =>
            expect(statuses[i]).toBe(s === latest ? 'counted' : 'superseded'),
          );
        }
      }),
    );
  });
});
