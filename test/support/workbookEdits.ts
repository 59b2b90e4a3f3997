/** A Chinese workbook on disk, read and edited as a person would in Excel, for end-to-end tests. */
import ExcelJS from 'exceljs';
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

/**
 * A staff member types into cells of the `Rejected` sheet (待处理) in Excel: the row found by its
 * response id, the cells by their header text, saved back to the file. Nothing of the schema is
 * used, so the test edits the sheet exactly as a person would.
 */
export async function editRejectedCells(
  workbook: string,
  responseId: string,
  changes: Readonly<Record<string, string>>,
): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(workbook);
  const sheet = book.getWorksheet('待处理') ?? book.getWorksheet('Rejected');
  if (!sheet) throw new Error(`${workbook}: no Rejected sheet`);
  const header = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
  const idColumn = header.findIndex((h) => h === '响应编号' || h === 'Response ID');
  let found = 0;
  sheet.eachRow((row, r) => {
    if (r > 1 && String(row.getCell(idColumn).value) === responseId) found = r;
  });
  if (found === 0) throw new Error(`${workbook}: no Rejected row ${responseId}`);
  for (const [name, value] of Object.entries(changes)) {
    const column = header.indexOf(name);
    if (column < 0) throw new Error(`${workbook}: no Rejected column ${name}`);
    sheet.getRow(found).getCell(column).value = value;
  }
  await book.xlsx.writeFile(workbook);
}
