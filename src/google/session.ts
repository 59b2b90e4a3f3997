/**
 * One job against the live spreadsheet: load every table (two requests), run the use case as it
 * runs everywhere else, and write back what it changed (one or two requests), also when it
 * failed, so its Log row is kept. A run cut off before the write leaves the spreadsheet as it
 * was; the job, being idempotent, converges when run again.
 */
import { readConfig, type Ports } from '../app/context';
import { DEFAULT_CONFIG } from '../domain/config';
import { workbookTables } from '../domain/schema/workbook';
import type { Clock, Progress } from '../ports';
import type { GoogleApi } from './clients';
import { GoogleSheetsStore } from './sheetsStore';

export interface SessionOptions {
  readonly clock: (timeZone: string) => Clock;
  readonly progress?: Progress;
}

export interface Session {
  readonly store: GoogleSheetsStore;
  readonly ports: Ports;
}

/** Loads every table of the workbook and gives the ports a job runs with. */
export async function openSession(
  api: GoogleApi,
  spreadsheetId: string,
  options: SessionOptions,
): Promise<Session> {
  const store = new GoogleSheetsStore(api, spreadsheetId);
  await store.load(workbookTables(DEFAULT_CONFIG.defenseRubric));
  const base: Ports = { store, clock: options.clock('Asia/Shanghai') };
  const config = readConfig(base);
  store.locale = config.locale;
  const ports: Ports = {
    store,
    clock: options.clock(config.timeZone),
    ...(options.progress ? { progress: options.progress } : {}),
  };
  return { store, ports };
}

/** Runs `work` on the loaded tables and writes back what it changed, whatever the outcome. */
export async function runOnSpreadsheet<T>(
  api: GoogleApi,
  spreadsheetId: string,
  options: SessionOptions,
  work: (session: Session) => T | Promise<T>,
): Promise<T> {
  const session = await openSession(api, spreadsheetId, options);
  let result: T;
  try {
    result = await work(session);
  } catch (error) {
    // The Log row of a failed job is worth keeping too; the job's own error is the one to tell.
    await session.store.flush().catch(() => undefined);
    throw error;
  }
  await session.store.flush();
  return result;
}
