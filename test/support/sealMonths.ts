/**
 * For tests that write `MonthlyResults` rows by hand instead of finalising activities: stamps each
 * month's rows with the digest of the inputs the store holds now, so the rows count as computed
 * from them (and are not recomputed as stale by the next job that refreshes months).
 */
import { readConfig, type Ports } from '../../src/app/context';
import { currentDigests, readMonthlyInputs, storedMonths } from '../../src/app/monthlyResults';
import { Table } from '../../src/app/table';
import { MonthlyResultsTable, type MonthlyResult } from '../../src/domain/schema/tables';

export function sealMonths(ports: Ports): void {
  const config = readConfig(ports);
  const inputs = readMonthlyInputs(ports, config);
  const stored = storedMonths(inputs);
  const digests = currentDigests(inputs, new Set(stored.keys()), stored);
  const results = Table.read(ports.store, MonthlyResultsTable, config.locale);
  for (const row of results.records()) {
    results.upsert({ ...row, state: 'final', inputsDigest: digests.get(row.month) ?? null });
  }
  results.save(ports.store, config.locale);
}

/** An October result typed by hand: `score` out of 100 (points at a target of 30), five stars. */
export function handMadeOctober(branch: string, score: number, starBranch = false): MonthlyResult {
  return {
    month: '2026-10',
    branch,
    branchName: null,
    points: (score * 30) / 100,
    score,
    stars: 5,
    starsText: null,
    rank: 1,
    presented: starBranch,
    onsiteScore: null,
    starBranch,
    veto: null,
    finalisedAt: '2026-11-01 06:00:00',
    state: 'final',
    inputsDigest: null,
  };
}
