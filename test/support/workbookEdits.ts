/** A Chinese workbook on disk, read and edited as a person would in Excel, for end-to-end tests. */
import { Table } from '../../src/app/table';
import type { RecordOf, TableDef } from '../../src/domain/schema/table';
import { XlsxStore } from '../../src/local/xlsxStore';

export async function records<D extends TableDef>(
  workbook: string,
  def: D,
): Promise<RecordOf<D>[]> {
  return Table.read(await XlsxStore.open(workbook), def, 'zh-CN').records();
}

/** A staff edit of one table, saved back to the file. */
export async function edit<D extends TableDef>(
  workbook: string,
  def: D,
  change: (table: Table<D>) => void,
): Promise<void> {
  const store = await XlsxStore.open(workbook);
  const table = Table.read(store, def, 'zh-CN');
  change(table);
  table.save(store, 'zh-CN', true);
  await store.save(workbook);
}
