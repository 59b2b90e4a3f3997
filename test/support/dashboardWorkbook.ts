/**
 * A small workbook with something of everything 总览 counts (the dashboard tests, in memory and
 * through the .xlsx store).
 */
import { ingestResponses } from '../../src/app/ingest';
import { finaliseMonth } from '../../src/app/monthly';
import { AwardsTable, RejectedTable, type Award } from '../../src/domain/schema/tables';
import {
  activityAnswers,
  FixedClock,
  MemoryStore,
  response,
  seedProgramme,
  upsertRows,
  type TestPorts,
} from './fakes';

const award = (awardId: string, overrides: Partial<Award>): Award => ({
  awardId,
  kind: 'branch',
  branch: 'B001',
  recipient: '计算机学院第1党支部',
  title: '先进党支部',
  score: 90,
  rank: 1,
  state: 'final',
  letterId: null,
  link: null,
  generatedAt: null,
  letterNo: null,
  printed: null,
  voidedLetters: null,
  ...overrides,
});

/**
 * Five applications: B001–B003 approved, B004 pending, B005 rejected. October and September are
 * finalised on 1 November; on 3 November a report for October arrives late (October is stale),
 * and a report names a branch that does not exist (an open row in 待处理, beside one staff have
 * resolved). Awards: one final without a letter, one provisional (no letter), one whose letter
 * was voided and not yet made again.
 */
export function dashboardWorkbook(): TestPorts {
  const store = new MemoryStore();
  const clock = new FixedClock('2026-09-10 09:00:00');
  const { ports } = seedProgramme(store, clock, {
    branches: 5,
    approved: ['B001', 'B002', 'B003'],
    rejected: ['B005'],
  });
  clock.set('2026-10-12 20:00:00');
  ingestResponses(ports, [
    response('activity', 'a1', '2026-10-12 20:00:00', activityAnswers('B001')),
    response('activity', 'bad', '2026-10-12 20:05:00', activityAnswers('B999')),
  ]);
  upsertRows(store, RejectedTable, [
    {
      responseId: 'old',
      form: 'activity',
      submittedAt: '2026-10-01 10:00:00',
      reason: '支部不存在',
      field: null,
      handling: null,
      respondentEmail: null,
      payload: '{}',
      resolved: true,
      handledAt: null,
    },
  ]);
  clock.set('2026-11-01 06:00:00');
  finaliseMonth(ports, '2026-09');
  finaliseMonth(ports, '2026-10');
  clock.set('2026-11-03 10:00:00');
  ingestResponses(ports, [
    response(
      'activity',
      'late',
      '2026-11-03 10:00:00',
      activityAnswers('B002', { date: '2026-10-30' }),
    ),
  ]);
  upsertRows(store, AwardsTable, [
    award('ADV-B001', {}),
    award('ADV-B002', { branch: 'B002', state: 'provisional' }),
    award('ADV-B003', {
      branch: 'B003',
      voidedLetters: '2026-2027-ADV-B003-1 作废于 2027-07-02：排名 1→2',
    }),
  ]);
  return { ...ports, store, clock };
}
