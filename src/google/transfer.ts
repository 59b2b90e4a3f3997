/**
 * Backup and restore: every table between the live spreadsheet and a local `.xlsx` workbook.
 * `pull` writes a workbook every local command reads (a dated copy for the files, or the way to
 * leave Google); `push` writes a workbook's tables into the spreadsheet, refusing to overwrite
 * a table that already holds rows unless forced, and saying which.
 */
import { readConfig } from '../app/context';
import { marksOf } from '../app/table';
import { t, joinList } from '../domain/messages';
import type { Cell } from '../domain/schema/column';
import { tabName, type TableDef } from '../domain/schema/table';
import { workbookTables } from '../domain/schema/workbook';
import { XlsxStore } from '../local/xlsxStore';
import { UsageError } from '../local/workbookFile';
import type { GoogleApi } from './clients';
import { GoogleSheetsStore } from './sheetsStore';

/** Rows under the header that hold anything. */
function dataRows(rows: readonly Cell[][]): number {
  return rows.slice(1).filter((r) => r.some((c) => c !== null && c !== '')).length;
}

function sameTable(a: readonly Cell[][], b: readonly Cell[][]): boolean {
  const height = Math.max(a.length, b.length);
  for (let i = 0; i < height; i++) {
    const x = a[i] ?? [];
    const y = b[i] ?? [];
    for (let c = 0; c < Math.max(x.length, y.length); c++) {
      if ((x[c] ?? null) !== (y[c] ?? null)) return false;
    }
  }
  return true;
}

export async function pullWorkbook(
  api: GoogleApi,
  spreadsheetId: string,
  file: string,
): Promise<{ tables: number; message: string }> {
  const remote = new GoogleSheetsStore(api, spreadsheetId);
  await remote.load(workbookTables([]));
  const config = readConfig({ store: remote, clock: { now: () => '', elapsedMs: () => 0 } });
  remote.locale = config.locale;
  const tables = workbookTables(config.defenseRubric);
  const local = XlsxStore.create(tables, config.locale);
  let count = 0;
  // The dashboard is made by the jobs from the other tables: not copied over.
  for (const def of tables.filter((d) => !d.freeForm)) {
    const rows = remote.read(def);
    if (rows.length === 0) continue;
    // Notes are not values: the copy gets the marks its rows call for.
    local.write(def, rows, marksOf(def, rows, config.locale));
    count++;
  }
  await local.save(file);
  return { tables: count, message: t(config.locale, 'server.pulled', { count, file }) };
}

export async function pushWorkbook(
  api: GoogleApi,
  spreadsheetId: string,
  local: XlsxStore,
  force: boolean,
): Promise<{ tables: number; message: string }> {
  const remote = new GoogleSheetsStore(api, spreadsheetId, 'zh-CN', { createMissingSheets: true });
  const probe = { store: local, clock: { now: () => '', elapsedMs: () => 0 } };
  const config = readConfig(probe);
  remote.locale = config.locale;
  // The dashboard is made by the jobs from the other tables: not copied over.
  const tables = workbookTables(config.defenseRubric).filter((d) => !d.freeForm);
  await remote.load(tables);
  const changes: { def: TableDef; rows: Cell[][] }[] = [];
  const occupied: string[] = [];
  for (const def of tables) {
    const rows = local.read(def);
    if (rows.length === 0) continue;
    const there = remote.read(def);
    if (sameTable(rows, there)) continue;
    if (dataRows(there) > 0) occupied.push(tabName(def, config.locale));
    changes.push({ def, rows });
  }
  if (occupied.length > 0 && !force) {
    throw new UsageError(
      t(config.locale, 'server.pushRefused', { tables: joinList(config.locale, occupied) }),
    );
  }
  for (const { def, rows } of changes) remote.write(def, rows, marksOf(def, rows, config.locale));
  await remote.flush();
  return {
    tables: changes.length,
    message: t(config.locale, 'server.pushed', { count: changes.length }),
  };
}
