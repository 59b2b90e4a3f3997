/**
 * The whole setup as one resumable job: sheets (one batch), Config, the letter template, the
 * forms, the triggers. Each step compares what exists with what is wanted and does the rest, so a
 * run cut off anywhere is finished by the next one. Setup records that it started and that it
 * finished (script properties): the daily run finishes a setup that started and never finished.
 */
import { arrangeSettings } from '../app/settings';
import { Table } from '../app/table';
import { settingRow } from '../domain/config';
import { t } from '../domain/messages';
import { BranchesTable, ConfigTable } from '../domain/schema/tables';
import { workbookTables } from '../domain/schema/workbook';
import { ensureForms, refreshBranchChoices } from './forms';
import type { GasJob } from './job';
import { ensureLetterTemplate } from './letterTemplate';
import { setUpSheets } from './setup';
import { installTriggers } from './triggers';

export const SETUP_STATE_KEY = 'setup:state';
export const SETUP_STARTED = 'started';
export const SETUP_DONE = 'done';

/** Whether a setup began and never reached its end (cut off, or its execution timed out). */
export function setupUnfinished(job: GasJob): boolean {
  return job.ports.markers!.get(SETUP_STATE_KEY) === SETUP_STARTED;
}

/**
 * The Config sheet arranged (app/settings.ts): every key the workbook lacks gets its default,
 * values staff typed are kept, names and notes in the workbook's language. Its rows are where
 * `setUpSheets` put each setting's validation.
 */
function completeConfig(job: GasJob, properties: GoogleAppsScript.Properties.Properties): number {
  const { store, config } = job;
  const table = Table.read(store, ConfigTable, config.locale);
  const template = table.get('letterTemplate');
  if (!template?.value) {
    table.upsert({
      ...(template ?? settingRow('letterTemplate', null, config.locale)),
      value: ensureLetterTemplate(properties, config.locale),
    });
  }
  const { rows, added } = arrangeSettings(table, config.locale);
  store.write(ConfigTable, rows);
  return added;
}

/** Runs (or finishes) the setup inside an open job; returns its summary lines. */
export function runSetup(job: GasJob): string[] {
  const { spreadsheet, config, store } = job;
  const markers = job.ports.markers!;
  if (markers.get(SETUP_STATE_KEY) !== SETUP_STARTED) markers.set(SETUP_STATE_KEY, SETUP_STARTED);
  const spreadsheetId = spreadsheet.getId();
  const sheets = setUpSheets(spreadsheetId, workbookTables(config.defenseRubric), config.locale);
  store.forgetSheets();
  store.prefetch([ConfigTable, BranchesTable]);
  const properties = PropertiesService.getScriptProperties();
  const settingsAdded = completeConfig(job, properties);
  // Config is written now: whatever fails later, the settings are in place.
  store.flush();
  const approved = Table.read(store, BranchesTable, config.locale)
    .records()
    .filter((b) => b.status === 'approved');
  const forms = ensureForms(spreadsheetId, config, approved, properties);
  refreshBranchChoices(forms.refresh, approved);
  const triggers = installTriggers(spreadsheetId);
  markers.set(SETUP_STATE_KEY, SETUP_DONE);
  const { locale } = config;
  return [
    t(locale, 'menu.setup.sheets', { created: sheets.created.length, kept: sheets.kept.length }),
    t(locale, 'menu.setup.settings', { count: settingsAdded }),
    t(locale, 'menu.setup.forms', { count: forms.all.size }),
    t(locale, 'menu.triggers', { ...triggers }),
  ];
}
