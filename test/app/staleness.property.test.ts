/**
 * Recomputing a month is the same as finalising it for the first time (DESIGN §12): finalise,
 * change the inputs at random (late reports, statuses staff changed, a corrected vote, a Config
 * number), refresh, and the month's rows equal those a first finalisation of the changed inputs
 * gives. After the refresh nothing is stale, and refreshing again changes nothing.
 */
import fc from 'fast-check';
import { finaliseMonth, prepareShowcase } from '../../src/app/monthly';
import { findStaleMonths, refreshStaleMonths } from '../../src/app/staleness';
import { Table } from '../../src/app/table';
import {
  ActivitiesTable,
  BranchesTable,
  MonthlyResultsTable,
  OnsiteVotesTable,
  type Activity,
  type Branch,
  type OnsiteVote,
} from '../../src/domain/schema/tables';
import type { RecordOf, TableDef } from '../../src/domain/schema/table';
import { FixedClock, makePorts, MemoryStore, records, setConfig } from '../support/fakes';

const OCT = '2026-10';
const KINDS = ['book', 'film', 'featured', 'study', 'other'] as const;
const STATUSES = ['submitted', 'accepted', 'rejected'] as const;

function put<D extends TableDef>(store: MemoryStore, def: D, rows: readonly RecordOf<D>[]) {
  const table = Table.read(store, def, 'zh-CN');
  for (const row of rows) table.upsert(row);
  table.save(store, 'zh-CN', true);
}

const branch = (i: number, approved: boolean): Branch => ({
  id: `B00${i + 1}`,
  name: `第${i + 1}支部`,
  tier: 'junior',
  unit: '计算机学院',
  secretary: '张三',
  email: null,
  members: 20,
  status: approved ? 'approved' : 'pending',
  plan: null,
  planLink: null,
  reviewNote: null,
  complianceOverride: null,
  responseId: null,
  appliedAt: null,
});

const activityArb = (branches: number) =>
  fc.record({
    branch: fc.nat(branches - 1),
    day: fc.integer({ min: 1, max: 28 }),
    kind: fc.constantFrom(...KINDS),
    nonParty: fc.integer({ min: 0, max: 60 }),
    evidence: fc.boolean(),
    status: fc.constantFrom(...STATUSES),
    // A few share a title: same branch, date and title are duplicates.
    title: fc.integer({ min: 0, max: 6 }),
  });

type Drawn = ReturnType<typeof activityArb> extends fc.Arbitrary<infer T> ? T : never;

const toActivity = (a: Drawn, id: string): Activity => {
  const date = `${OCT}-${String(a.day).padStart(2, '0')}`;
  return {
    responseId: id,
    submittedAt: `${date} 20:${id.length > 3 ? '30' : '00'}:00`,
    branch: `B00${a.branch + 1}`,
    date,
    kind: a.kind,
    title: `活动${a.title}`,
    description: null,
    participants: 80,
    nonParty: a.nonParty,
    counselorPresent: null,
    evidenceLink: a.evidence ? 'https://example.edu.cn/e' : null,
    funds: null,
    status: a.status,
    points: null,
    note: null,
    publishable: null,
  };
};

const scenario = fc.integer({ min: 2, max: 6 }).chain((n) =>
  fc.record({
    approved: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    before: fc.array(activityArb(n), { maxLength: 10 }),
    late: fc.array(activityArb(n), { maxLength: 5 }),
    flips: fc.array(fc.tuple(fc.nat(9), fc.constantFrom(...STATUSES)), { maxLength: 3 }),
    votes: fc.array(fc.integer({ min: 50, max: 100 }), { minLength: 15, maxLength: 15 }),
    corrected: fc.option(fc.tuple(fc.nat(14), fc.integer({ min: 0, max: 100 }))),
    target: fc.constantFrom('30', '24', '45'),
  }),
);

describe('refresh = a first finalisation of the changed inputs', () => {
  test('for random months and random changes after finalisation', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const store = new MemoryStore();
        const ports = makePorts(store, new FixedClock('2026-10-25 09:00:00'));
        put(
          store,
          BranchesTable,
          s.approved.map((a, i) => branch(i, a || i === 0)),
        );
        put(
          store,
          ActivitiesTable,
          s.before.map((a, i) => toActivity(a, `a${i}`)),
        );
        const picks = prepareShowcase(ports, OCT).picks.map((p) => p.branch);
        const votes: OnsiteVote[] = picks.flatMap((b, p) =>
          ['甲', '乙', '丙'].map((judge, j) => ({
            responseId: `v${p}${j}`,
            submittedAt: '2026-10-28 15:00:00',
            month: OCT,
            judge,
            branch: b,
            score: s.votes[p * 3 + j]!,
            status: 'counted' as const,
            reason: null,
          })),
        );
        put(store, OnsiteVotesTable, votes);
        ports.clock.set('2026-11-01 06:00:00');
        finaliseMonth(ports, OCT);

        // After finalisation: late reports, status changes, a corrected vote, a Config number.
        put(
          store,
          ActivitiesTable,
          s.late.map((a, i) => toActivity(a, `late${i}`)),
        );
        const activities = records(store, ActivitiesTable);
        for (const [at, status] of s.flips) {
          const row = activities[at % Math.max(1, activities.length)];
          if (row) put(store, ActivitiesTable, [{ ...row, status }]);
        }
        if (s.corrected && votes.length > 0) {
          const vote = votes[s.corrected[0] % votes.length]!;
          put(store, OnsiteVotesTable, [{ ...vote, score: s.corrected[1] }]);
        }
        setConfig(store, { monthlyTarget: s.target });

        const fresh = store.clone();
        fresh.put(MonthlyResultsTable.name, [store.peek(MonthlyResultsTable.name)[0]!]);

        ports.clock.set('2026-11-09 09:00:00');
        refreshStaleMonths(ports);
        const freshPorts = makePorts(fresh, new FixedClock('2026-11-09 09:00:00'));
        finaliseMonth(freshPorts, OCT);

        const sorted = (rows: RecordOf<typeof MonthlyResultsTable>[]) =>
          rows
            .map((r) => ({ ...r, finalisedAt: null }))
            .sort((a, b) => a.branch.localeCompare(b.branch));
        expect(sorted(records(store, MonthlyResultsTable))).toEqual(
          sorted(records(fresh, MonthlyResultsTable)),
        );
        expect(findStaleMonths(ports)).toEqual([]);
        const settled = store.snapshot();
        refreshStaleMonths(ports);
        expect(store.snapshot()).toEqual(settled);
      }),
      { numRuns: 40 },
    );
  });
});
