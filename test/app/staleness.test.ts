/**
 * Derived results follow their inputs (DESIGN §12): a finalised month whose inputs change later
 * shows as stale, the jobs say so, and the next finalisation or refresh recomputes it and logs
 * what changed.
 */
import { ingestResponses } from '../../src/app/ingest';
import { finaliseMonth, prepareShowcase } from '../../src/app/monthly';
import { reprocessRejected } from '../../src/app/reprocess';
import { findStaleMonths, refreshStaleMonths } from '../../src/app/staleness';
import {
  ActivitiesTable,
  LogTable,
  MonthlyResultsTable,
  OnsiteVotesTable,
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
import { editRejected } from '../support/rejectedSheet';

const OCT = '2026-10';
const NOV = '2026-11';

let seq = 0;
const activity = (branch: string, date: string, submitted: string, extra = {}) =>
  response(
    'activity',
    `act-${++seq}`,
    submitted,
    activityAnswers(branch, { date, title: `活动${seq}`, ...extra }),
  );

/**
 * Four approved branches. October: B001 two reports (24 points → 80.00, ★★★★), B002 one
 * (12 → 40.00, ★★), B003 and B004 nothing. October is drawn, voted and finalised on 1 November.
 */
function octoberFinalised(): TestPorts {
  const store = new MemoryStore();
  const clock = new FixedClock('2026-10-20 08:00:00');
  const { ports } = seedProgramme(store, clock, { branches: 4 });
  ingestResponses(ports, [
    activity('B001', '2026-10-08', '2026-10-08 20:00:00'),
    activity('B001', '2026-10-09', '2026-10-09 20:00:00'),
    activity('B002', '2026-10-10', '2026-10-10 20:00:00'),
  ]);
  clock.set('2026-10-25 09:00:00');
  prepareShowcase(ports, OCT);
  ingestResponses(
    ports,
    ['甲', '乙', '丙'].flatMap((judge, i) => [
      response('vote', `v1-${i}`, '2026-10-28 15:00:00', voteAnswers(OCT, judge, 'B001', '80')),
      response('vote', `v2-${i}`, '2026-10-28 15:00:00', voteAnswers(OCT, judge, 'B002', '90')),
    ]),
  );
  clock.set('2026-11-01 06:00:00');
  finaliseMonth(ports, OCT);
  return ports;
}

const rowsOf = (ports: TestPorts, month = OCT) =>
  records(ports.store, MonthlyResultsTable).filter((r) => r.month === month);
const rowOf = (ports: TestPorts, branch: string, month = OCT) =>
  rowsOf(ports, month).find((r) => r.branch === branch)!;
const logOf = (ports: TestPorts) => records(ports.store, LogTable);

describe('a finalised month records its inputs', () => {
  test('every row says 已定稿 / final and carries the same digest; nothing is stale', () => {
    const ports = octoberFinalised();
    const rows = rowsOf(ports);
    expect(rows).toHaveLength(4);
    expect(new Set(rows.map((r) => r.state))).toEqual(new Set(['final']));
    expect(new Set(rows.map((r) => r.inputsDigest)).size).toBe(1);
    expect(rows[0]!.inputsDigest).toMatch(/^[0-9a-f]{16}$/);
    expect(ports.store.peek('MonthlyResults')[0]).toEqual(
      expect.arrayContaining(['状态', '输入摘要']),
    );
    expect(findStaleMonths(ports)).toEqual([]);
    // Re-finalising the same inputs changes nothing at all.
    const before = ports.store.snapshot();
    ports.clock.set('2026-11-02 06:00:00');
    finaliseMonth(ports, OCT);
    expect(ports.store.snapshot()).toEqual(before);
  });
});

describe('(a) a report ingested after its month was finalised', () => {
  test('the month shows stale, the ingest says so, and the next finalize recomputes and logs it', () => {
    const ports = octoberFinalised();
    expect(rowOf(ports, 'B002')).toMatchObject({ rank: 2, stars: 2 });
    ports.clock.set('2026-11-03 10:00:00');
    ports.store.resetCounts();
    // B002 reports two more October activities late: 36 points → 100.00, above B001's 80.00.
    const ingest = ingestResponses(ports, [
      activity('B002', '2026-10-20', '2026-11-03 10:00:00'),
      activity('B002', '2026-10-21', '2026-11-03 10:00:00'),
    ]);

    expect(ingest.summary).toContain(
      '2026-10 需重算：其输入在定稿后有变化；运行 `starbranch finalize … --month 2026-10` 或等每日任务',
    );
    // Saying so costs one more read (MonthlyResults) and one write: each table read once.
    expect([...ports.store.reads.values()].every((n) => n === 1)).toBe(true);
    expect(ports.store.writes.get('MonthlyResults')).toBe(1);
    expect(findStaleMonths(ports)).toEqual([OCT]);
    expect(new Set(rowsOf(ports).map((r) => r.state))).toEqual(new Set(['stale']));
    // Until recomputed, the results are the old ones (marked, not silently changed).
    expect(rowOf(ports, 'B002')).toMatchObject({ rank: 2, stars: 2 });

    ports.clock.set('2026-12-01 06:00:00');
    const report = finaliseMonth(ports, NOV);

    expect(report.recomputed.map((r) => r.month)).toEqual([OCT]);
    expect(report.summary).toContain('2026-10 重算：B002 排名 2→1，星级 ★★→★★★★★；B001 排名 1→2');
    expect(rowOf(ports, 'B002')).toMatchObject({
      rank: 1,
      stars: 5,
      score: 100,
      state: 'final',
      finalisedAt: '2026-12-01 06:00:00',
    });
    expect(findStaleMonths(ports)).toEqual([]);
    expect(logOf(ports)).toContainEqual(
      expect.objectContaining({
        job: '重算 2026-10',
        outcome: 'ok',
        message: '2026-10 重算：B002 排名 2→1，星级 ★★→★★★★★；B001 排名 1→2',
      }),
    );
  });

  test('recomputing gives exactly what a first finalisation of the same inputs gives', () => {
    const late = octoberFinalised();
    ingestResponses(late, [activity('B003', '2026-10-22', '2026-11-03 10:00:00')]);
    refreshStaleMonths(late);

    const fresh = late.store.clone();
    // The same inputs, finalised for the first time: no October rows at all.
    fresh.put('MonthlyResults', [fresh.peek('MonthlyResults')[0]!]);
    const freshPorts = { ...late, store: fresh };
    finaliseMonth(freshPorts, OCT);

    const withoutTime = (rows: ReturnType<typeof rowsOf>) =>
      rows.map((row) => ({ ...row, finalisedAt: null }));
    expect(withoutTime(rowsOf(late))).toEqual(withoutTime(rowsOf(freshPorts)));
  });
});

describe('an ingest that touches no finalised month', () => {
  test('says nothing and writes no MonthlyResults, even when the export repeats old rows', () => {
    const ports = octoberFinalised();
    const known = records(ports.store, ActivitiesTable)[0]!;
    ports.store.resetCounts();
    const report = ingestResponses(ports, [
      response('activity', known.responseId, known.submittedAt, activityAnswers('B001')),
      activity('B003', '2026-11-02', '2026-11-02 10:00:00'),
    ]);
    expect(report.summary).toEqual(['新增 1 条，转入待处理 0 条，已有 1 条']);
    expect(ports.store.writes.get('MonthlyResults')).toBeUndefined();
    expect(ports.store.reads.get('Showcase')).toBeUndefined();
  });
});

describe('(b) a reprocessed Rejected row landing in a finalised month', () => {
  test('the month shows stale, reprocess says so, and refresh recomputes and logs it', () => {
    const ports = octoberFinalised();
    ports.clock.set('2026-11-05 10:00:00');
    ingestResponses(ports, [
      response(
        'activity',
        'bad',
        '2026-11-05 10:00:00',
        activityAnswers('B999', { date: '2026-10-30' }),
      ),
    ]);
    expect(findStaleMonths(ports)).toEqual([]);
    editRejected(ports.store, 'bad', { 支部: 'B004' });

    const reprocess = reprocessRejected(ports);

    expect(reprocess.moved).toBe(1);
    expect(reprocess.summary).toContain(
      '2026-10 需重算：其输入在定稿后有变化；运行 `starbranch finalize … --month 2026-10` 或等每日任务',
    );
    const refresh = refreshStaleMonths(ports);
    // B003 and B004 shared rank 3 with nothing; B004's late report puts it ahead.
    expect(refresh.summary).toEqual(['2026-10 重算：B004 排名 3→2，星级 无星→★★；B003 排名 3→4']);
    expect(rowOf(ports, 'B004')).toMatchObject({ rank: 2, stars: 2, state: 'final' });
    expect(logOf(ports).filter((l) => l.job === '重算 2026-10')).toHaveLength(1);
    // Nothing is stale any more: a second refresh does nothing.
    expect(refreshStaleMonths(ports).summary).toEqual(['没有需重算的月份']);
  });
});

describe('(c) finalising a month with no reports', () => {
  test('warns that every branch scores 0 and ties at #1, and still records the month', () => {
    const ports = octoberFinalised();
    ports.clock.set('2026-12-01 06:00:00');
    const report = finaliseMonth(ports, NOV);
    expect(report.empty).toBe(true);
    expect(report.summary).toContain(
      '2026-11 没有任何活动报告：所有支部得 0 分、并列第 1 名；确认报告已导入后再定稿',
    );
    expect(rowsOf(ports, NOV).map((r) => [r.rank, r.score])).toEqual([
      [1, 0],
      [1, 0],
      [1, 0],
      [1, 0],
    ]);
    // October has reports: no warning there.
    ports.clock.set('2026-12-02 06:00:00');
    expect(finaliseMonth(ports, OCT).empty).toBe(false);
  });

  test('in English too', () => {
    const ports = octoberFinalised();
    setConfig(ports.store, { locale: 'en' });
    expect(finaliseMonth(ports, NOV).summary).toContain(
      '2026-11 has no activity reports at all: every branch scores 0 and ties at #1; make sure the reports were ingested before finalising',
    );
  });
});

describe('(d) inputs edited by hand after finalisation', () => {
  test('an activity status set to rejected makes the month stale; refresh recomputes it', () => {
    const ports = octoberFinalised();
    const b002 = records(ports.store, ActivitiesTable).find((a) => a.branch === 'B002')!;
    editRow(ports.store, ActivitiesTable, b002.responseId, { status: 'rejected' });
    expect(findStaleMonths(ports)).toEqual([OCT]);

    const refresh = refreshStaleMonths(ports);
    expect(refresh.recomputed.map((r) => r.month)).toEqual([OCT]);
    expect(rowOf(ports, 'B002')).toMatchObject({ points: 0, stars: 0, rank: 2 });
    // B002 now ties with B003 and B004 at 0 points: all three share rank 2.
    expect(refresh.summary[0]).toBe(
      '2026-10 重算：B002 星级 ★★→无星；B003 排名 3→2；B004 排名 3→2',
    );
  });

  test('a corrected vote moves the star branch of the month, and the change is logged', () => {
    const ports = octoberFinalised();
    expect(rowOf(ports, 'B002').starBranch).toBe(true);
    for (const i of [0, 1, 2]) editRow(ports.store, OnsiteVotesTable, `v2-${i}`, { score: 70 });
    expect(findStaleMonths(ports)).toEqual([OCT]);
    expect(refreshStaleMonths(ports).summary).toEqual(['2026-10 重算：当月星级支部 B002→B001']);
    expect(rowOf(ports, 'B001').starBranch).toBe(true);
  });

  test('a changed Config number makes every finalised month stale', () => {
    const ports = octoberFinalised();
    setConfig(ports.store, { monthlyTarget: '24' });
    expect(findStaleMonths(ports)).toEqual([OCT]);
    refreshStaleMonths(ports);
    expect(rowOf(ports, 'B001')).toMatchObject({ score: 100, stars: 5 });
  });

  test('a staff veto is an input: the month is recomputed with it, and it is kept', () => {
    const ports = octoberFinalised();
    editRow(ports.store, MonthlyResultsTable, `${OCT}\u001fB001`, { veto: '材料不实' });
    expect(findStaleMonths(ports)).toEqual([OCT]);
    refreshStaleMonths(ports);
    expect(rowOf(ports, 'B001')).toMatchObject({ stars: 0, veto: '材料不实', state: 'final' });
    expect(findStaleMonths(ports)).toEqual([]);
  });

  test('sorting the Activities sheet by hand changes nothing', () => {
    const ports = octoberFinalised();
    const [header, ...rows] = ports.store.peek('Activities');
    ports.store.put('Activities', [header!, ...rows.reverse()]);
    expect(findStaleMonths(ports)).toEqual([]);
  });

  test('rows made before digests existed count as stale and are recomputed once', () => {
    const ports = octoberFinalised();
    const [header, ...rows] = ports.store.peek('MonthlyResults');
    const digestAt = header!.indexOf('输入摘要');
    ports.store.put('MonthlyResults', [
      header!,
      ...rows.map((r) => r.map((c, i) => (i === digestAt ? null : c))),
    ]);
    expect(findStaleMonths(ports)).toEqual([OCT]);
    expect(refreshStaleMonths(ports).summary).toEqual([
      '2026-10 重算：排名、星级与星级支部均无变化',
    ]);
    expect(findStaleMonths(ports)).toEqual([]);
  });
});

describe('finalize of one month recomputes every other stale month', () => {
  test('October stale while November is finalised: both are right afterwards', () => {
    const ports = octoberFinalised();
    ingestResponses(ports, [activity('B004', '2026-11-02', '2026-11-02 10:00:00')]);
    ports.clock.set('2026-12-01 06:00:00');
    finaliseMonth(ports, NOV);
    // A late October report for B003 arrives in December.
    ingestResponses(ports, [activity('B003', '2026-10-31', '2026-12-02 09:00:00')]);
    expect(findStaleMonths(ports)).toEqual([OCT]);
    ports.clock.set('2026-12-03 09:00:00');
    const report = finaliseMonth(ports, NOV);
    expect(report.recomputed.map((r) => r.month)).toEqual([OCT]);
    expect(rowOf(ports, 'B003')).toMatchObject({ points: 12, rank: 2 });
    expect(rowOf(ports, 'B004', NOV)).toMatchObject({ rank: 1 });
    expect(findStaleMonths(ports)).toEqual([]);
  });
});

describe('showcase warnings', () => {
  test('a draw with every approved branch in cooldown warns instead of drawing nobody silently', () => {
    const store = new MemoryStore();
    const { ports } = seedProgramme(store, new FixedClock('2026-10-25 09:00:00'), {
      branches: 2,
    });
    // Nobody has reported: both are drawn as spot checks in October, and rest in November.
    expect(prepareShowcase(ports, OCT).picks).toHaveLength(2);
    const report = prepareShowcase(ports, NOV);
    expect(report.picks).toEqual([]);
    expect(report.summary).toContain(
      '2026-11 的 2 个支部都在冷却期内（近 2 个月已汇报），未抽取示范汇报支部；可在设置中调小 `showcaseCooldownMonths`',
    );
  });

  test('a draw with no approved branch says to review the applications', () => {
    const store = new MemoryStore();
    const { ports } = seedProgramme(store, new FixedClock('2026-10-25 09:00:00'), {
      branches: 2,
      approved: 0,
    });
    expect(prepareShowcase(ports, OCT).summary).toContain(
      '2026-10 没有已通过审核的支部，未抽取示范汇报支部；请先在支部表中审核申报',
    );
  });
});
