/**
 * How an Apps Script entry point runs a use case: under the script lock, over the Sheets-API
 * table store (tables prefetched in one call, changes flushed in one call), with the clock in the
 * programme's time zone, markers in script properties and progress as toasts.
 */
import { readConfig, type Ports } from '../app/context';
import type { Config } from '../domain/config';
import type { TableDef } from '../domain/schema/table';
import { ConfigTable } from '../domain/schema/tables';
import type { DocumentMaker, Markers } from '../ports';
import { spreadsheetLocale } from './menu';
import { SheetsApiStore } from './sheetsStore';
import { GasClock, ScriptLock, ScriptMarkers, toastProgress } from './services';
import { pagesChanged } from './pageCache';

export interface GasJob {
  readonly spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  readonly store: SheetsApiStore;
  readonly config: Config;
  readonly ports: Ports;
}

/** Markers opened on first use, so a job that needs none makes no PropertiesService call. */
export function lazyMarkers(): Markers {
  let markers: ScriptMarkers | null = null;
  const open = () => (markers ??= new ScriptMarkers());
  return { get: (key) => open().get(key), set: (key, value) => open().set(key, value) };
}

export function openJob(
  tables: readonly TableDef[],
  options: { documents?: DocumentMaker; toasts?: boolean } = {},
): GasJob {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const store = new SheetsApiStore(spreadsheet.getId(), 'zh-CN');
  store.prefetch([ConfigTable, ...tables]);
  const config = readConfig({ store, clock: new GasClock('Asia/Shanghai') });
  const ports: Ports = {
    store,
    clock: new GasClock(config.timeZone),
    markers: lazyMarkers(),
    ...(options.toasts ? { progress: toastProgress(spreadsheet, config.locale) } : {}),
    ...(options.documents ? { documents: options.documents } : {}),
  };
  return { spreadsheet, store, config, ports };
}

/** Runs `work` as one locked job and writes what it changed in one batch. */
export function runLocked<T>(
  tables: readonly TableDef[],
  work: (job: GasJob) => T,
  options: { documents?: DocumentMaker; toasts?: boolean } = {},
): T {
  const locale = () => spreadsheetLocale(SpreadsheetApp.getActiveSpreadsheet());
  return new ScriptLock(undefined, locale).withLock(() => {
    const job = openJob(tables, options);
    try {
      return work(job);
    } finally {
      // Whatever the job got done before a failure (its Log row included) is kept.
      const written = job.store.pendingTables();
      const { clock } = job.ports;
      if (job.store.flush() > 0) pagesChanged(written, `${clock.now()}.${clock.elapsedMs()}`);
    }
  });
}
