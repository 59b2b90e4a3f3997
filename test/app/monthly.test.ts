/**
 * The monthly cycle (DESIGN §1 stage 2, §2): the showcase draw on the 25th and the month's
 * finalisation on the 1st, through the use cases over an in-memory workbook.
 */
import { ingestResponses } from '../../src/app/ingest';
import { dueMonthlyJobs, finaliseMonth, prepareShowcase } from '../../src/app/monthly';
import { DEFAULT_CONFIG } from '../../src/domain/config';
import {
  ActivitiesTable,
  BranchesTable,
  LogTable,
  MonthlyResultsTable,
  ShowcaseTable,
} from '../../src/domain/schema/tables';
import {
  activityAnswers,
  editRow,
  FixedClock,
  MemoryStore,
  records,
  response,
  seedProgramme,
  setConfig,
  voteAnswers,
  type TestPorts,
} from '../support/fakes';

const MONTH = '2026-10';

/**
 * Eight branches applied; B008 was approved, reported a lot, then had its approval withdrawn.
 * October's points (theme 10, featured 15, +1 per 10 non-party up to +5, ×0.5 without evidence):
 *   B001: book, 25 non-party, evidence → 10 + 2 = 12; featured, 0 non-party, evidence → 15.  Σ 27
 *   B002: book → 12; film → 12 (its September activity does not count in October).         Σ 24
 *   B003: symbol, 5 non-party, no evidence → (10 + 0) × 0.5 = 5; a film staff rejected → 0.  Σ 5
 *   B004 … B007: nothing.                                                                   Σ 0
 *   B008: two featured with 50 non-party → (15 + 5) × 2 = 40, but B008 is no longer approved.
 */
function october(): TestPorts {
  const store = new MemoryStore();
  const clock = new FixedClock('2026-10-20 08:00:00');
  const { ports } = seedProgramme(store, clock, { branches: 8 });
  let n = 0;
  const activity = (branch: string, date: string, overrides: Record<string, string>) =>
    response(
      'activity',
      `act-${++n}`,
      `${date} 20:00:00`,
      activityAnswers(branch, { date, ...overrides }),
    );
  const report = ingestResponses(ports, [
    activity('B001', '2026-10-08', { kind: '读一本好书', title: '读书会', nonParty: '25' }),
    activity('B001', '2026-10-15', { kind: '特色活动', title: '党史剧场', nonParty: '0' }),
    activity('B002', '2026-09-20', { kind: '读一本好书', title: '九月读书会' }),
    activity('B002', '2026-10-09', { kind: '读一本好书', title: '读书会' }),
    activity('B002', '2026-10-16', { kind: '看一部老片', title: '观影' }),
    activity('B003', '2026-10-10', {
      kind: '树一个标志',
      title: '支部标志',
      nonParty: '5',
      evidenceLink: '',
    }),
    activity('B003', '2026-10-11', { kind: '看一部老片', title: '观影' }),
    activity('B008', '2026-10-12', {
      kind: '特色活动',
      title: '特色一',
      participants: '80',
      nonParty: '50',
    }),
    activity('B008', '2026-10-13', {
      kind: '特色活动',
      title: '特色二',
      participants: '80',
      nonParty: '50',
    }),
  ]);
  expect(report.added).toBe(9);
  // Staff decisions in the sheets: B003's film is not accepted; B008's approval is withdrawn.
  const b003film = records(store, ActivitiesTable).find(
    (a) => a.title === '观影' && a.branch === 'B003',
  )!;
  editRow(store, ActivitiesTable, b003film.responseId, { status: 'rejected' });
  editRow(store, BranchesTable, 'B008', { status: 'rejected' });
  return ports;
}

/** Five voters each for B001 and B002, two for B003. */
function votes(ports: TestPorts): void {
  let n = 0;
  const vote = (judge: string, branch: string, score: number) =>
    response(
      'vote',
      `vote-${++n}`,
      '2026-10-28 15:00:00',
      voteAnswers(MONTH, judge, branch, String(score)),
    );
  ingestResponses(ports, [
    // B001: 90, 85, 70, 95, 88 → drop 95 and 70 → (90 + 85 + 88) / 3 = 263 / 3 = 87.666… → 87.67
    ...[90, 85, 70, 95, 88].map((s, i) => vote(`评委${i + 1}`, 'B001', s)),
    // B002: 92, 91, 60, 99, 93 → drop 99 and 60 → (92 + 91 + 93) / 3 = 276 / 3 = 92.00
    ...[92, 91, 60, 99, 93].map((s, i) => vote(`评委${i + 1}`, 'B002', s)),
    // B003: two voters, fewer than minJudges (3) → no on-site score
    vote('评委1', 'B003', 100),
    vote('评委2', 'B003', 100),
  ]);
}

describe('prepareShowcase', () => {
  test('picks the top 3 and 2 spot checks among approved branches only', () => {
    const ports = october();
    ports.clock.set('2026-10-25 09:00:00');
    const report = prepareShowcase(ports, MONTH);

    expect(report.alreadyDrawn).toBe(false);
    const tops = report.picks.filter((p) => p.reason === 'top');
    const spots = report.picks.filter((p) => p.reason === 'spot');
    // 27 → 90, 24 → 80, 5 → 16.67; B008's 40 points do not count (not approved).
    expect(tops.map((p) => [p.branch, p.name])).toEqual([
      ['B001', '计算机学院第1党支部'],
      ['B002', '计算机学院第2党支部'],
      ['B003', '计算机学院第3党支部'],
    ]);
    expect(tops[0]!.note).toBe('月度得分第 1 名（90.00）');
    expect(spots).toHaveLength(2);
    expect(new Set(spots.map((s) => s.branch)).size).toBe(2);
    for (const s of spots) {
      expect(['B004', 'B005', 'B006', 'B007']).toContain(s.branch);
      expect(s.note).toBe('随机抽查（从 4 个支部中抽取），种子 2026-2027:2026-10');
    }

    const rows = records(ports.store, ShowcaseTable);
    expect(rows.map((r) => [r.branch, r.reason, r.score, r.drawnAt])).toEqual([
      ['B001', 'top', 90, '2026-10-25 09:00:00'],
      ['B002', 'top', 80, '2026-10-25 09:00:00'],
      ['B003', 'top', 16.67, '2026-10-25 09:00:00'],
      ...spots.map((s) => [s.branch, 'spot', 0, '2026-10-25 09:00:00']),
    ]);
    expect(rows.every((r) => r.month === MONTH)).toBe(true);
  });

  test('the draw is reproducible: the same workbook draws the same branches', () => {
    const a = prepareShowcase(october(), MONTH).picks;
    const b = prepareShowcase(october(), MONTH).picks;
    expect(b).toEqual(a);
  });

  test('a month is drawn once: the second call returns the recorded draw and writes no Showcase rows', () => {
    const ports = october();
    ports.clock.set('2026-10-25 09:00:00');
    const first = prepareShowcase(ports, MONTH);
    const before = ports.store.snapshot();
    ports.store.resetCounts();
    ports.clock.set('2026-10-25 10:00:00');

    const second = prepareShowcase(ports, MONTH);

    expect(second.alreadyDrawn).toBe(true);
    expect(second.picks.map((p) => [p.branch, p.reason, p.name])).toEqual(
      first.picks.map((p) => [p.branch, p.reason, p.name]),
    );
    expect(second.summary[0]).toBe(
      '2026-10 已于 2026-10-25 09:00:00 抽选；如需重抽，请先删除该月的行',
    );
    expect(ports.store.writes.get('Showcase')).toBeUndefined();
    expect(ports.store.snapshot()).toEqual(before);
    const log = records(ports.store, LogTable);
    expect(log.at(-1)).toMatchObject({
      startedAt: '2026-10-25 10:00:00',
      job: `抽选示范汇报 ${MONTH}`,
      outcome: 'ok',
      rowsOut: 0,
    });
  });

  test('branches that presented recently sit the next draw out', () => {
    const ports = october();
    const october25 = prepareShowcase(ports, MONTH).picks.map((p) => p.branch);
    // November: B001 reports again and would top the month, but presented in October.
    ingestResponses(ports, [
      response(
        'activity',
        'nov-1',
        '2026-11-10 20:00:00',
        activityAnswers('B001', { date: '2026-11-10' }),
      ),
    ]);
    const november = prepareShowcase(ports, '2026-11').picks.map((p) => p.branch);
    const rested = ['B001', 'B002', 'B003', 'B004', 'B005', 'B006', 'B007'].filter(
      (b) => !october25.includes(b),
    );
    // 7 approved − 5 in cooldown = 2 left, both picked (as spot checks: neither scored).
    expect(november.sort()).toEqual(rested.sort());
  });

  test('a month outside the programme is refused with a clear error', () => {
    const ports = october();
    expect(() => prepareShowcase(ports, '2027-07')).toThrow(
      '2027-07 不在创建周期（2026-09-01 至 2027-06-30）内',
    );
  });
});

describe('finaliseMonth', () => {
  function finalised(): TestPorts {
    const ports = october();
    ports.clock.set('2026-10-25 09:00:00');
    prepareShowcase(ports, MONTH);
    votes(ports);
    ports.clock.set('2026-11-01 06:00:00');
    finaliseMonth(ports, MONTH);
    return ports;
  }

  const rowOf = (ports: TestPorts, branch: string) =>
    records(ports.store, MonthlyResultsTable).find((r) => r.branch === branch)!;

  test('one row per approved branch, with points, score, stars and rank by the rules', () => {
    const ports = finalised();
    const rows = records(ports.store, MonthlyResultsTable);
    // B008 is not approved any more: no row.
    expect(rows.map((r) => r.branch).sort()).toEqual([
      'B001',
      'B002',
      'B003',
      'B004',
      'B005',
      'B006',
      'B007',
    ]);
    expect(rows.every((r) => r.month === MONTH && r.finalisedAt === '2026-11-01 06:00:00')).toBe(
      true,
    );
    const summary = (b: string) => {
      const r = rowOf(ports, b);
      return [r.points, r.score, r.stars, r.starsText, r.rank];
    };
    expect(summary('B001')).toEqual([27, 90, 5, '★★★★★', 1]); // 27 / 30 × 100 = 90.00 ≥ 90
    expect(summary('B002')).toEqual([24, 80, 4, '★★★★', 2]); // 24 / 30 × 100 = 80.00 ≥ 75
    expect(summary('B003')).toEqual([5, 16.67, 1, '★', 3]); // 5 / 30 × 100 = 16.666… → 16.67 > 0
    for (const b of ['B004', 'B005', 'B006', 'B007']) {
      expect(summary(b)).toEqual([0, 0, 0, null, 4]); // 0 → no star (blank); a tie at rank 4
    }
    expect(rowOf(ports, 'B001').branchName).toBe('计算机学院第1党支部');
  });

  test('presented, on-site score and star branch of the month come from Showcase and OnsiteVotes', () => {
    const ports = finalised();
    const presented = records(ports.store, ShowcaseTable).map((s) => s.branch);
    for (const r of records(ports.store, MonthlyResultsTable)) {
      expect(r.presented).toBe(presented.includes(r.branch));
    }
    // Trimmed means by hand (see `votes`): B001 87.67, B002 92.00; B003 has 2 voters → none.
    expect(rowOf(ports, 'B001').onsiteScore).toBe(87.67);
    expect(rowOf(ports, 'B002').onsiteScore).toBe(92);
    expect(rowOf(ports, 'B003').onsiteScore).toBeNull();
    // B002 wins on site although B001 has the better month.
    expect(rowOf(ports, 'B002').starBranch).toBe(true);
    expect(records(ports.store, MonthlyResultsTable).filter((r) => r.starBranch)).toHaveLength(1);
  });

  test('the report names the star branch', () => {
    const ports = october();
    prepareShowcase(ports, MONTH);
    votes(ports);
    const report = finaliseMonth(ports, MONTH);
    expect(report.starBranches).toEqual(['B002']);
    expect(report.summary).toEqual([
      '2026-10：7 个支部排名；当月星级支部：B002 计算机学院第2党支部',
    ]);
  });

  test('re-running changes nothing, not even finalisedAt', () => {
    const ports = finalised();
    const before = ports.store.snapshot();
    ports.store.resetCounts();
    ports.clock.set('2026-11-02 06:00:00');
    const report = finaliseMonth(ports, MONTH);
    expect(report.results.every((r) => r.finalisedAt === '2026-11-01 06:00:00')).toBe(true);
    expect(ports.store.snapshot()).toEqual(before);
    expect([...ports.store.writes.keys()]).toEqual(['Log']);
  });

  test('a staff veto forces 0 stars and survives re-finalisation', () => {
    const ports = finalised();
    // Staff type the reason into the veto column of B001's October row.
    editRow(ports.store, MonthlyResultsTable, `${MONTH}\u001fB001`, { veto: '活动材料弄虚作假' });
    ports.clock.set('2026-11-03 09:00:00');
    finaliseMonth(ports, MONTH);
    const vetoed = rowOf(ports, 'B001');
    expect(vetoed).toMatchObject({
      score: 90,
      stars: 0,
      starsText: null, // a blank cell
      rank: 1, // a veto takes the stars, not the place
      veto: '活动材料弄虚作假',
      finalisedAt: '2026-11-03 09:00:00',
    });

    ports.clock.set('2026-11-04 09:00:00');
    finaliseMonth(ports, MONTH);
    expect(rowOf(ports, 'B001')).toEqual(vetoed);
  });

  test('a vetoed presenter cannot be star branch of the month; the next best on site is', () => {
    const ports = finalised();
    expect(rowOf(ports, 'B002').starBranch).toBe(true);
    editRow(ports.store, MonthlyResultsTable, `${MONTH}\u001fB002`, { veto: '材料不实' });
    ports.clock.set('2026-11-03 09:00:00');
    const report = finaliseMonth(ports, MONTH);
    // B002 (92.00 on site) is vetoed; B001 (87.67) is the best presenter left.
    expect(report.starBranches).toEqual(['B001']);
    expect(rowOf(ports, 'B002')).toMatchObject({ stars: 0, starBranch: false });
  });

  test('a late activity changes the row and stamps it with the new time', () => {
    const ports = finalised();
    const b001 = rowOf(ports, 'B001');
    // B004 reports an October activity in November: 12 points.
    ingestResponses(ports, [
      response(
        'activity',
        'late',
        '2026-11-03 10:00:00',
        activityAnswers('B004', { date: '2026-10-30' }),
      ),
    ]);
    ports.clock.set('2026-11-05 09:00:00');
    finaliseMonth(ports, MONTH);

    expect(rowOf(ports, 'B004')).toMatchObject({
      points: 12,
      score: 40, // 12 / 30 × 100 = 40.00 ≥ 40 → 2 stars
      stars: 2,
      rank: 3, // 40.00 passes B003's 16.67
      finalisedAt: '2026-11-05 09:00:00',
    });
    // B003 drops from 3 to 4, and B005 … B007 from a tie at 4 to a tie at 5: changed rows too.
    expect(rowOf(ports, 'B003')).toMatchObject({ rank: 4, finalisedAt: '2026-11-05 09:00:00' });
    expect(rowOf(ports, 'B005')).toMatchObject({ rank: 5, finalisedAt: '2026-11-05 09:00:00' });
    // B001's results did not change, so it keeps its time; its digest records the new inputs.
    const after = rowOf(ports, 'B001');
    expect({ ...after, inputsDigest: null }).toEqual({ ...b001, inputsDigest: null });
    expect(after.inputsDigest).not.toBe(b001.inputsDigest);
  });

  test('a star quota drops the top level when too many would have it', () => {
    const ports = october();
    // 7 ranked branches × 10 % = 0.7 → no five-star place: B001 (90.00) gets four stars.
    setConfig(ports.store, { starQuota5: '10' });
    finaliseMonth(ports, MONTH);
    expect(rowOf(ports, 'B001').stars).toBe(4);
    expect(rowOf(ports, 'B002').stars).toBe(4);
  });

  test('a month outside the programme is refused with a clear error, and nothing is written', () => {
    const ports = october();
    ports.store.resetCounts();
    expect(() => finaliseMonth(ports, '2026-08')).toThrow(
      '2026-08 不在创建周期（2026-09-01 至 2027-06-30）内',
    );
    expect(ports.store.totalWrites).toBe(0);
  });
});

describe('dueMonthlyJobs', () => {
  test.each([
    ['2026-10-25', { showcase: '2026-10', finalise: '2026-09' }],
    ['2026-11-01', { finalise: '2026-10' }],
    ['2027-06-25', { showcase: '2027-06', finalise: '2027-05' }],
    ['2027-07-01', { finalise: '2027-06' }], // June is finalised after the programme ends
    ['2026-09-01', {}], // August is not a programme month
    ['2026-09-25', { showcase: '2026-09' }], // nor is it finalised later in September
    ['2026-08-25', {}], // before the programme
    ['2027-07-25', { finalise: '2027-06' }], // still due after it, until done
    ['2027-08-02', {}],
    ['2026-10-24', { finalise: '2026-09' }],
    // A day after the draw or the 1st: still due, so a run cut off on the day is caught up.
    ['2026-10-26', { showcase: '2026-10', finalise: '2026-09' }],
    ['2026-10-02', { finalise: '2026-09' }],
  ])('%s → %j', (today, due) => {
    expect(dueMonthlyJobs(today, DEFAULT_CONFIG)).toEqual(due);
  });

  test('with the draw on the 1st, both jobs are due that day', () => {
    expect(dueMonthlyJobs('2026-11-01', { ...DEFAULT_CONFIG, showcaseDay: 1 })).toEqual({
      showcase: '2026-11',
      finalise: '2026-10',
    });
  });
});
