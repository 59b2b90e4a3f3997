import fc from 'fast-check';
import {
  findDuplicates,
  normaliseTitle,
  type DuplicateCandidate,
  type DuplicateMark,
} from '../../src/domain/duplicates';
import type { ActivityStatus } from '../../src/domain/vocabulary';

const report = (
  over: Partial<DuplicateCandidate> & { responseId: string },
): DuplicateCandidate => ({
  submittedAt: '2026-10-15 10:00:00',
  branch: 'B007',
  date: '2026-10-12',
  title: '《红岩》读书会',
  status: 'submitted',
  ...over,
});

describe('normaliseTitle', () => {
  it.each([
    ['《红岩》读书会', '红岩 读书会'],
    ['《红岩》读书会', '  红岩读书会 '],
    ['红岩读书会！', '红岩读书会!'], // full-width vs half-width punctuation
    ['红岩，读书会。', '红岩读书会'],
    ['Red Rock Reading', 'red-rock reading!'],
    ['ＲＥＤ　ＲＯＣＫ', 'red rock'], // full-width letters and space
    ['红岩\u200b读书会', '红岩读书会'], // zero-width space
    ['红\u200d岩\ufeff读书会\u2060', '红岩读书会'], // zero-width joiner, BOM, word joiner
    ['第１期', '第1期'], // full-width digit
    ['"红岩" (第1期)', '“红岩”（第1期）'],
  ])('%p equals %p', (a, b) => {
    expect(normaliseTitle(a)).toBe(normaliseTitle(b));
  });

  it('keeps what makes titles different', () => {
    expect(normaliseTitle('红岩读书会')).not.toBe(normaliseTitle('红日读书会'));
    expect(normaliseTitle('第1期')).not.toBe(normaliseTitle('第2期'));
    expect(normaliseTitle('《红岩》读书会 ')).toBe('红岩读书会');
  });
});

describe('findDuplicates', () => {
  it('marks a later report of the same branch, date and title as a duplicate of the earliest', () => {
    const marks = findDuplicates([
      report({ responseId: 'R3', submittedAt: '2026-10-15 12:00:00', title: '红岩 读书会' }),
      report({ responseId: 'R1', submittedAt: '2026-10-15 09:00:00' }),
      report({ responseId: 'R2', submittedAt: '2026-10-15 11:00:00', title: '《红岩》读书会。' }),
    ]);
    expect(marks).toEqual([
      { responseId: 'R2', duplicateOf: 'R1' },
      { responseId: 'R3', duplicateOf: 'R1' },
    ]);
  });

  it('breaks a tie in submission time by response id', () => {
    const at = '2026-10-15 09:00:00';
    const marks = findDuplicates([
      report({ responseId: 'Rb', submittedAt: at }),
      report({ responseId: 'Ra', submittedAt: at }),
    ]);
    expect(marks).toEqual([{ responseId: 'Rb', duplicateOf: 'Ra' }]);
  });

  it('does not treat different branches, dates or titles as duplicates', () => {
    expect(
      findDuplicates([
        report({ responseId: 'R1' }),
        report({ responseId: 'R2', branch: 'B008' }),
        report({ responseId: 'R3', date: '2026-10-13' }),
        report({ responseId: 'R4', title: '《红日》读书会' }),
      ]),
    ).toEqual([]);
  });

  it('never takes a staff-rejected report as the original', () => {
    const marks = findDuplicates([
      report({ responseId: 'R1', submittedAt: '2026-10-15 09:00:00', status: 'rejected' }),
      report({ responseId: 'R2', submittedAt: '2026-10-15 10:00:00' }),
      report({ responseId: 'R3', submittedAt: '2026-10-15 11:00:00' }),
    ]);
    // R1 is out of the game: R2 is the original, R3 its duplicate; R1 is not re-marked either.
    expect(marks).toEqual([{ responseId: 'R3', duplicateOf: 'R2' }]);
  });

  it('does not re-mark a later report staff accepted', () => {
    const marks = findDuplicates([
      report({ responseId: 'R1', submittedAt: '2026-10-15 09:00:00' }),
      report({ responseId: 'R2', submittedAt: '2026-10-15 10:00:00', status: 'accepted' }),
      report({ responseId: 'R3', submittedAt: '2026-10-15 11:00:00' }),
    ]);
    expect(marks).toEqual([{ responseId: 'R3', duplicateOf: 'R1' }]);
  });

  it('marks again what is already marked, naming the same original', () => {
    const input = [
      report({ responseId: 'R1', submittedAt: '2026-10-15 09:00:00', status: 'accepted' }),
      report({ responseId: 'R2', submittedAt: '2026-10-15 10:00:00', status: 'duplicate' }),
    ];
    expect(findDuplicates(input)).toEqual([{ responseId: 'R2', duplicateOf: 'R1' }]);
  });

  it('does not modify its input', () => {
    const input = [
      report({ responseId: 'R2', submittedAt: '2026-10-15 10:00:00' }),
      report({ responseId: 'R1', submittedAt: '2026-10-15 09:00:00' }),
    ];
    const copy = JSON.parse(JSON.stringify(input));
    findDuplicates(input);
    expect(input).toEqual(copy);
  });

  // ----- properties

  const reportsArb = fc
    .array(
      fc.record({
        submittedAt: fc.constantFrom(
          '2026-10-15 09:00:00',
          '2026-10-15 10:00:00',
          '2026-10-16 08:30:00',
        ),
        branch: fc.constantFrom('B001', 'B002'),
        date: fc.constantFrom('2026-10-12', '2026-10-13'),
        title: fc.constantFrom(
          '《红岩》读书会',
          '红岩 读书会',
          '红岩读书会！',
          '观影会',
          '观影会。',
        ),
        status: fc.constantFrom<ActivityStatus>('submitted', 'accepted', 'duplicate', 'rejected'),
      }),
      { maxLength: 25 },
    )
    .map((rows) => rows.map((r, i) => ({ ...r, responseId: `R${String(i).padStart(2, '0')}` })));

  const apply = (rows: DuplicateCandidate[], marks: DuplicateMark[]): DuplicateCandidate[] => {
    const marked = new Set(marks.map((m) => m.responseId));
    return rows.map((r) => (marked.has(r.responseId) ? { ...r, status: 'duplicate' } : r));
  };

  const groupKey = (r: DuplicateCandidate) => `${r.branch}|${r.date}|${normaliseTitle(r.title)}`;
  const earlier = (a: DuplicateCandidate, b: DuplicateCandidate) =>
    a.submittedAt < b.submittedAt ||
    (a.submittedAt === b.submittedAt && a.responseId < b.responseId);

  it('is idempotent: marking the marked output marks the same set', () => {
    fc.assert(
      fc.property(reportsArb, (rows) => {
        const first = findDuplicates(rows);
        const second = findDuplicates(apply(rows, first));
        const sorted = (m: DuplicateMark[]) =>
          [...m].sort((a, b) => a.responseId.localeCompare(b.responseId));
        expect(sorted(second)).toEqual(sorted(first));
      }),
    );
  });

  it('never marks the earliest counted report of a group, and names it as the original', () => {
    fc.assert(
      fc.property(reportsArb, (rows) => {
        const marks = findDuplicates(rows);
        const earliest = new Map<string, DuplicateCandidate>();
        for (const r of rows) {
          if (r.status === 'rejected') continue;
          const seen = earliest.get(groupKey(r));
          if (seen === undefined || earlier(r, seen)) earliest.set(groupKey(r), r);
        }
        const byId = new Map(rows.map((r) => [r.responseId, r]));
        for (const mark of marks) {
          const r = byId.get(mark.responseId)!;
          const original = earliest.get(groupKey(r))!;
          expect(mark.responseId).not.toBe(original.responseId);
          expect(mark.duplicateOf).toBe(original.responseId);
          // staff decisions win: neither rejected nor accepted reports are marked
          expect(['submitted', 'duplicate']).toContain(r.status);
        }
        // and every later submitted report of a group is marked
        const marked = new Set(marks.map((m) => m.responseId));
        for (const r of rows) {
          const original = earliest.get(groupKey(r));
          const shouldMark = r.status === 'submitted' && original !== undefined && original !== r;
          if (shouldMark) expect(marked.has(r.responseId)).toBe(true);
        }
      }),
    );
  });
});
