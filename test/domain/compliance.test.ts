import {
  branchCompliance,
  semesterCompliance,
  type ComplianceActivity,
} from '../../src/domain/compliance';
import type { Semester } from '../../src/domain/config';
import type { ActivityKind, ActivityStatus } from '../../src/domain/vocabulary';

// The default semesters of DESIGN §7.
const AUTUMN: Semester = { name: '2026秋', start: '2026-09-01', end: '2027-01-20' };
const SPRING: Semester = { name: '2027春', start: '2027-02-20', end: '2027-06-30' };
const SEMESTERS = [AUTUMN, SPRING];

const act = (
  date: string,
  kind: ActivityKind,
  status: ActivityStatus = 'submitted',
  branch = 'B001',
): ComplianceActivity => ({ branch, date, kind, status });

const ALL_THEMES = ['symbol', 'alumni', 'book', 'film', 'song', 'deed', 'gift'];

describe('semesterCompliance', () => {
  it('4 theme activities in the semester: compliant', () => {
    const result = semesterCompliance(
      'B001',
      AUTUMN,
      [
        act('2026-09-10', 'symbol'),
        act('2026-10-12', 'book'),
        act('2026-11-05', 'book'), // the same theme twice still counts as two activities
        act('2026-12-01', 'song', 'accepted'),
      ],
      4,
    );
    expect(result).toEqual({
      branch: 'B001',
      semester: '2026秋',
      themeActivities: 4,
      required: 4,
      compliant: true,
      shortBy: 0,
      themesNotDone: ['alumni', 'film', 'deed', 'gift'],
    });
  });

  it('3 theme activities: short by 1', () => {
    const result = semesterCompliance(
      'B001',
      AUTUMN,
      [act('2026-09-10', 'symbol'), act('2026-10-12', 'book'), act('2026-12-01', 'deed')],
      4,
    );
    expect(result).toMatchObject({ themeActivities: 3, compliant: false, shortBy: 1 });
    expect(result.themesNotDone).toEqual(['alumni', 'film', 'song', 'gift']);
  });

  it('non-theme kinds do not count', () => {
    const result = semesterCompliance(
      'B001',
      AUTUMN,
      [
        act('2026-09-10', 'featured'),
        act('2026-09-11', 'study'),
        act('2026-09-12', 'training'),
        act('2026-09-13', 'practice'),
        act('2026-09-14', 'other'),
        act('2026-09-15', 'film'),
      ],
      4,
    );
    // only the film counts: 4 − 1 = 3 short
    expect(result).toMatchObject({ themeActivities: 1, compliant: false, shortBy: 3 });
    expect(result.themesNotDone).toEqual(['symbol', 'alumni', 'book', 'song', 'deed', 'gift']);
  });

  it('rejected and duplicate reports do not count', () => {
    const result = semesterCompliance(
      'B001',
      AUTUMN,
      [
        act('2026-09-10', 'symbol'),
        act('2026-09-10', 'symbol', 'duplicate'),
        act('2026-10-10', 'gift', 'rejected'),
        act('2026-10-11', 'alumni', 'accepted'),
      ],
      4,
    );
    expect(result).toMatchObject({ themeActivities: 2, shortBy: 2 });
    // a rejected gift is not a theme done
    expect(result.themesNotDone).toContain('gift');
  });

  it('counts only this branch and only inside the semester, both ends included', () => {
    const result = semesterCompliance(
      'B001',
      AUTUMN,
      [
        act('2026-08-31', 'symbol'), // before
        act('2026-09-01', 'alumni'), // first day
        act('2027-01-20', 'book'), // last day
        act('2027-01-21', 'film'), // after (winter break)
        act('2027-02-01', 'song'), // winter break
        act('2026-10-01', 'deed', 'submitted', 'B002'), // another branch
      ],
      4,
    );
    expect(result).toMatchObject({ themeActivities: 2, shortBy: 2 });
    expect(result.themesNotDone).toEqual(['symbol', 'film', 'song', 'deed', 'gift']);
  });

  it('lists all seven themes for a branch that did nothing; more than required is fine', () => {
    expect(semesterCompliance('B009', AUTUMN, [], 4).themesNotDone).toEqual(ALL_THEMES);
    const busy = ALL_THEMES.map((k, i) =>
      act(`2026-10-${String(i + 1).padStart(2, '0')}`, k as ActivityKind),
    );
    expect(semesterCompliance('B001', AUTUMN, busy, 4)).toMatchObject({
      themeActivities: 7,
      compliant: true,
      shortBy: 0,
      themesNotDone: [],
    });
    // a rule of 0 is always met
    expect(semesterCompliance('B009', AUTUMN, [], 0)).toMatchObject({
      compliant: true,
      shortBy: 0,
    });
  });
});

describe('branchCompliance', () => {
  const fourIn = (semester: Semester, branch: string): ComplianceActivity[] =>
    ['symbol', 'book', 'film', 'deed'].map((k, i) => ({
      branch,
      kind: k as ActivityKind,
      status: 'submitted' as const,
      date: semester === AUTUMN ? `2026-10-0${i + 1}` : `2027-03-0${i + 1}`,
    }));

  const activities = [
    ...fourIn(AUTUMN, 'B001'), // autumn done, spring not yet
    ...fourIn(AUTUMN, 'B002').slice(0, 3), // autumn short by 1
    ...fourIn(AUTUMN, 'B003'),
    ...fourIn(SPRING, 'B003'),
  ];

  it('mid-spring: autumn is judged, the running spring is reported but not held against anyone', () => {
    const result = branchCompliance(
      ['B001', 'B002', 'B003'],
      SEMESTERS,
      activities,
      4,
      '2027-03-15',
    );
    expect(result.map((r) => [r.branch, r.compliant])).toEqual([
      ['B001', true],
      ['B002', false],
      ['B003', true],
    ]);
    const b1 = result[0]!;
    expect(b1.semesters.map((s) => [s.semester, s.compliant, s.shortBy])).toEqual([
      ['2026秋', true, 0],
      ['2027春', false, 4], // reported so staff can warn B001 in time
    ]);
    expect(result[1]!.semesters[0]).toMatchObject({ semester: '2026秋', shortBy: 1 });
  });

  it('mid-autumn: nothing is judged yet, spring is not reported', () => {
    const result = branchCompliance(['B002'], SEMESTERS, activities, 4, '2026-10-15');
    expect(result).toEqual([
      {
        branch: 'B002',
        compliant: true,
        semesters: [
          expect.objectContaining({ semester: '2026秋', themeActivities: 3, shortBy: 1 }),
        ],
      },
    ]);
  });

  it('on the last day of a semester it is still running; the day after it is judged', () => {
    expect(branchCompliance(['B002'], SEMESTERS, activities, 4, '2027-01-20')[0]!.compliant).toBe(
      true,
    );
    expect(branchCompliance(['B002'], SEMESTERS, activities, 4, '2027-01-21')[0]!.compliant).toBe(
      false,
    );
  });

  it('after the programme every semester is judged', () => {
    const result = branchCompliance(['B001', 'B003'], SEMESTERS, activities, 4, '2027-07-01');
    expect(result.map((r) => [r.branch, r.compliant])).toEqual([
      ['B001', false], // spring: 0 of 4
      ['B003', true],
    ]);
  });

  it('a semester has started on its first day', () => {
    const [result] = branchCompliance(['B001'], SEMESTERS, activities, 4, '2026-09-01');
    expect(result!.semesters.map((s) => s.semester)).toEqual(['2026秋']);
  });

  it('before the programme no semester has started', () => {
    expect(branchCompliance(['B001'], SEMESTERS, activities, 4, '2026-08-01')).toEqual([
      { branch: 'B001', compliant: true, semesters: [] },
    ]);
  });

  it('a branch with no activities at all is listed too', () => {
    const [result] = branchCompliance(['B099'], SEMESTERS, activities, 4, '2027-07-01');
    expect(result!.compliant).toBe(false);
    expect(result!.semesters.map((s) => s.shortBy)).toEqual([4, 4]);
  });
});
