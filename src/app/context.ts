/**
 * What every use case is given: the ports, and the Config read once at the start of the job.
 */
import { parseConfig, type Config } from '../domain/config';
import { ConfigTable } from '../domain/schema/tables';
import type { Clock, DocumentMaker, Markers, Progress, TableStore } from '../ports';
import { describeCell } from './problems';
import { Table } from './table';

export interface Ports {
  readonly store: TableStore;
  readonly clock: Clock;
  readonly progress?: Progress;
  readonly documents?: DocumentMaker;
  readonly markers?: Markers;
}

/**
 * Reads the `Config` sheet. The sheet's own language is not known before Config is read, so both
 * are accepted; an empty or missing sheet means every default.
 */
export function readConfig(ports: Ports): Config {
  const table = Table.read(ports.store, ConfigTable, 'zh-CN');
  if (table.errors.length > 0) {
    const first = table.errors[0]!;
    // Which language the workbook is in is a Config value: until it is read, the default.
    throw new Error(describeCell('zh-CN', first));
  }
  return parseConfig(table.records().map((r) => ({ key: r.key, value: r.value })));
}
