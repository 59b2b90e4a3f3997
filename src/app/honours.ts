/**
 * Reading the honour roll from a workbook: one programme year's tables in, the year's inputs out.
 * Reads four tables and writes nothing (no Log row either: the web app reads it on every visit).
 */
import {
  ActivitiesTable,
  AwardsTable,
  BranchesTable,
  MonthlyResultsTable,
} from '../domain/schema/tables';
import { readConfig, type Ports } from './context';
import { honourRollModel, type HonourRoll, type HonourYearInputs } from './honourRoll';
import { Table } from './table';

export function readHonourYear(ports: Pick<Ports, 'store' | 'clock'>): HonourYearInputs {
  const config = readConfig(ports);
  const read = <D extends Parameters<typeof Table.read>[1]>(def: D) =>
    Table.read(ports.store, def, config.locale).records();
  return {
    config,
    branches: read(BranchesTable),
    activities: read(ActivitiesTable),
    monthly: read(MonthlyResultsTable),
    awards: read(AwardsTable),
  };
}

/** The roll of this workbook's year and of the earlier years' workbooks. */
export function readHonourRoll(
  current: Pick<Ports, 'store' | 'clock'>,
  earlier: readonly Pick<Ports, 'store' | 'clock'>[] = [],
): HonourRoll {
  return honourRollModel(readHonourYear(current), earlier.map(readHonourYear));
}

/** Earlier years named in Config: workbook files (`.xlsx`) and spreadsheet ids, apart. */
export function earlierYearSources(entries: readonly string[]): {
  readonly workbooks: readonly string[];
  readonly spreadsheets: readonly string[];
} {
  const workbooks = entries.filter((e) => /\.xlsx$/i.test(e));
  return { workbooks, spreadsheets: entries.filter((e) => !/\.xlsx$/i.test(e)) };
}
