/**
 * What every use case is given: the ports, and the Config read once at the start of the job.
 */
import { parseConfig, type Config } from '../domain/config';
import type { Cell } from '../domain/schema/column';
import { mapHeader, type CellError } from '../domain/schema/rows';
import { tabName } from '../domain/schema/table';
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
 * are accepted; an empty or missing sheet means every default. A row names its setting by key
 * (键) or by name (设置); a value on a row that names neither stops the job, naming the row.
 */
export function readConfig(ports: Ports): Config {
  const values = ports.store.read(ConfigTable);
  const table = Table.fromValues(ConfigTable, values, 'zh-CN');
  const errors = [...table.errors, ...unnamedSettings(values)];
  if (errors.length > 0) {
    const first = errors.sort((a, b) => a.row - b.row)[0]!;
    // Which language the workbook is in is a Config value: until it is read, the default.
    throw new Error(describeCell('zh-CN', first));
  }
  return parseConfig(table.records());
}

/** Rows with a value but neither a key nor a name: whose value is it? */
function unnamedSettings(values: readonly (readonly Cell[])[]): CellError[] {
  if (values.length === 0) return [];
  const { indexOf } = mapHeader(ConfigTable, values[0] ?? [], 'zh-CN');
  const text = (row: readonly Cell[], key: string) => {
    const at = indexOf[key];
    return at === undefined ? '' : String(row[at] ?? '').trim();
  };
  const errors: CellError[] = [];
  values.slice(1).forEach((row, i) => {
    if (text(row, 'value') === '' || text(row, 'key') !== '' || text(row, 'label') !== '') return;
    errors.push({
      sheet: tabName(ConfigTable, 'zh-CN'),
      row: i + 2,
      column: ConfigTable.columns.key.zh,
      message: 'is required',
    });
  });
  return errors;
}
