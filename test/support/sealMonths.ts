/**
 * For tests that write `MonthlyResults` rows by hand instead of finalising activities: stamps each
 * month's rows with the digest of the inputs the store holds now, so the rows count as computed
 * from them (and are not recomputed as stale by the next job that refreshes months).
 */
import { readConfig, type Ports } from '../../src/app/context';
import { currentDigests, readMonthlyInputs, storedMonths } from '../../src/app/monthlyResults';
import { Table } from '../../src/app/table';
import { MonthlyResultsTable } from '../../src/domain/schema/tables';

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
