/**
 * Rows that arrive in batches and out of order (issue #10). The Apps Script fold ingests whatever
 * the response sheets hold past their marks: one report, or hundreds after a busy hour. Property:
 * a batch of N gives the same tables as N single arrivals, in any order and any split, both through
 * the whole-table use case and through the fold's append-only path (a batch judged against empty
 * Activities / Rejected tables, its rows appended, the month rescored as the showcase and the
 * finalisation do).
 */
import fc from 'fast-check';
import { rescoreActivities } from '../../src/app/activities';
import { ingestResponses } from '../../src/app/ingest';
import { Table } from '../../src/app/table';
import { DEFAULT_CONFIG } from '../../src/domain/config';
import type { FormResponse } from '../../src/domain/forms';
import { ActivitiesTable, RejectedTable } from '../../src/domain/schema/tables';
import {
  activityAnswers,
  FixedClock,
  makePorts,
  MemoryStore,
  response,
  seedProgramme,
} from '../support/fakes';

const base = (() => {
  const store = new MemoryStore();
  seedProgramme(store, new FixedClock('2026-09-10 08:00:00'), {
    branches: 3,
    approved: ['B001', 'B002'],
  });
  return store;
})();

const reportArb = fc.record({
  branch: fc.constantFrom('B001', 'B001', 'B002', 'B003', 'B999'),
  day: fc.integer({ min: 1, max: 2 }),
  submittedDay: fc.integer({ min: 5, max: 9 }),
  minute: fc.integer({ min: 0, max: 59 }),
  title: fc.constantFrom('红岩读书会', '《红岩》 读书会', '观影', '观影！'),
  participants: fc.integer({ min: 5, max: 40 }),
  nonParty: fc.integer({ min: 0, max: 8 }),
});

type Report = typeof reportArb extends fc.Arbitrary<infer T> ? T : never;

const toResponses = (reports: readonly Report[]): FormResponse[] =>
  reports.map((r, i) =>
    response(
      'activity',
      `r-${i}`,
      `2026-10-0${r.submittedDay} 10:${String(r.minute).padStart(2, '0')}:00`,
      activityAnswers(r.branch, {
        date: `2026-10-0${r.day}`,
        title: r.title,
        participants: String(r.participants),
        nonParty: String(r.nonParty),
      }),
    ),
  );

const rowsOf = (store: MemoryStore, name: string) =>
  store
    .peek(name)
    .slice(1)
    .map((row) => JSON.stringify(row))
    .sort();

/** Splits `items` at the given cut points (taken modulo its length). */
function split<T>(items: readonly T[], cuts: readonly number[]): T[][] {
  const at = [...new Set(cuts.map((c) => c % (items.length + 1)))].sort((a, b) => a - b);
  const out: T[][] = [];
  let from = 0;
  for (const c of [...at, items.length]) {
    if (c > from) out.push(items.slice(from, c));
    from = Math.max(from, c);
  }
  return out;
}

/** The fold's path: each batch judged against empty tables, its new rows appended. */
function foldInBatches(batches: readonly FormResponse[][]): MemoryStore {
  const store = base.clone();
  for (const batch of batches) {
    const scratch = base.clone();
    scratch.put('Activities', store.peek('Activities').slice(0, 1));
    scratch.put('Rejected', store.peek('Rejected').slice(0, 1));
    ingestResponses(makePorts(scratch, new FixedClock('2026-10-10 08:00:00')), batch);
    for (const name of ['Activities', 'Rejected']) {
      const [header, ...appended] = scratch.peek(name);
      if (!header) continue;
      const [current, ...kept] = store.peek(name);
      store.put(name, [current ?? header, ...kept, ...appended]);
    }
  }
  // The month's showcase and finalisation rescore Activities before they use it.
  const activities = Table.read(store, ActivitiesTable, 'zh-CN');
  rescoreActivities(activities, DEFAULT_CONFIG);
  activities.save(store, 'zh-CN');
  return store;
}

describe('a batch of N equals N single arrivals', () => {
  const arbitraries = [
    fc.array(reportArb, { minLength: 1, maxLength: 30 }),
    fc.array(fc.nat(), { maxLength: 8 }),
    fc.integer(),
  ] as const;

  test('through the use case: any split, any order', () => {
    fc.assert(
      fc.property(...arbitraries, (reports, cuts, seed) => {
        const responses = toResponses(reports);
        const whole = base.clone();
        ingestResponses(makePorts(whole, new FixedClock('2026-10-10 08:00:00')), responses);
        const shuffled = [...responses].sort(
          (a, b) => mix(a.responseId, seed) - mix(b.responseId, seed),
        );
        const parts = base.clone();
        for (const batch of split(shuffled, cuts)) {
          ingestResponses(makePorts(parts, new FixedClock('2026-10-10 08:00:00')), batch);
        }
        const singles = base.clone();
        for (const one of shuffled) {
          ingestResponses(makePorts(singles, new FixedClock('2026-10-10 08:00:00')), [one]);
        }
        for (const name of [ActivitiesTable.name, RejectedTable.name]) {
          expect(rowsOf(parts, name)).toEqual(rowsOf(whole, name));
          expect(rowsOf(singles, name)).toEqual(rowsOf(whole, name));
        }
      }),
      { numRuns: 60 },
    );
  });

  test("through the fold's append-only path, once the month is rescored", () => {
    let duplicates = 0;
    fc.assert(
      fc.property(...arbitraries, (reports, cuts, seed) => {
        const responses = toResponses(reports);
        const whole = base.clone();
        ingestResponses(makePorts(whole, new FixedClock('2026-10-10 08:00:00')), responses);
        const shuffled = [...responses].sort(
          (a, b) => mix(a.responseId, seed) - mix(b.responseId, seed),
        );
        const folded = foldInBatches(split(shuffled, cuts));
        const singles = foldInBatches(shuffled.map((r) => [r]));
        for (const name of [ActivitiesTable.name, RejectedTable.name]) {
          expect(rowsOf(folded, name)).toEqual(rowsOf(whole, name));
          expect(rowsOf(singles, name)).toEqual(rowsOf(whole, name));
        }
        duplicates += rowsOf(whole, 'Activities').filter((r) => r.includes('"重复"')).length;
      }),
      { numRuns: 60 },
    );
    // The generator really makes repeats, whose original may arrive after them.
    expect(duplicates).toBeGreaterThan(10);
  });
});

function mix(text: string, seed: number): number {
  let h = seed | 0;
  for (const c of text) h = Math.imul(h ^ c.charCodeAt(0), 2654435761);
  return h >>> 0;
}
