/** Opening a workbook file for one command and saving it once at the end. */
import { existsSync } from 'node:fs';
import { DEFAULT_CONFIG } from '../domain/config';
import { workbookTables } from '../domain/schema/workbook';
import type { Locale } from '../domain/vocabulary';
import { backupWorkbook, checkWritable } from './workbookGuard';
import { XlsxStore } from './xlsxStore';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function newWorkbook(locale: Locale): XlsxStore {
  return XlsxStore.create(workbookTables(DEFAULT_CONFIG.defenseRubric), locale);
}

export async function openWorkbook(path: string): Promise<XlsxStore> {
  if (!existsSync(path)) {
    throw new UsageError(`${path}: no such workbook; create one with "starbranch init ${path}"`);
  }
  return XlsxStore.open(path);
}

/**
 * Saves the workbook where its owner allows it: not over a read-only file or one open in a
 * spreadsheet program, and keeping the version it replaces in `.backups/`. The write itself is
 * atomic (`XlsxStore.save`: a temporary file renamed over the workbook).
 */
export async function saveWorkbook(
  store: XlsxStore,
  path: string,
  localTime: string,
): Promise<void> {
  checkWritable(path, store.locale);
  await backupWorkbook(path, localTime);
  await store.save(path);
}
