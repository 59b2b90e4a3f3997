/**
 * Staff-made templates and folders under the narrow `drive.file` scope. The app cannot copy a
 * Google Doc it did not create, but the `documents` scope it already holds lets it OPEN any Doc
 * the user can: the import reads the staff template through DocumentApp and rebuilds it, element
 * by element, in a new Doc the app creates (and so may copy for every letter). A folder cannot
 * be opened that way: the app creates its own, which staff may then move or share in Drive.
 * Neither needs a wider scope nor the Google Picker (docs/deploy.md).
 */
import { Table } from '../app/table';
import { settingRow } from '../domain/config';
import { t } from '../domain/messages';
import { ConfigTable } from '../domain/schema/tables';
import { runLocked } from './job';

/** The id in a Docs link (`…/document/d/<id>/edit`), or the text itself when it is a bare id. */
export function documentIdOf(input: string): string | null {
  const text = input.trim();
  const inLink = /\/document\/(?:u\/\d+\/)?d\/([A-Za-z0-9_-]{20,})/.exec(text)?.[1];
  if (inLink) return inLink;
  return /^[A-Za-z0-9_-]{20,}$/.test(text) ? text : null;
}

/** Appends a copy of every element of `from` to `to`; returns how many could not be copied. */
function copyBody(
  from: GoogleAppsScript.Document.Body,
  to: GoogleAppsScript.Document.Body,
): { copied: number; skipped: number } {
  const types = DocumentApp.ElementType;
  let copied = 0;
  let skipped = 0;
  const count = from.getNumChildren();
  for (let i = 0; i < count; i++) {
    const child = from.getChild(i);
    const type = child.getType();
    if (type === types.PARAGRAPH) to.appendParagraph(child.asParagraph().copy());
    else if (type === types.LIST_ITEM) to.appendListItem(child.asListItem().copy());
    else if (type === types.TABLE) to.appendTable(child.asTable().copy());
    else if (type === types.HORIZONTAL_RULE) to.appendHorizontalRule();
    else if (type === types.PAGE_BREAK) to.appendPageBreak();
    else {
      skipped++;
      continue;
    }
    copied++;
  }
  // A new document starts with one empty paragraph: the copy starts where the template does.
  if (copied > 0) to.removeChild(to.getChild(0));
  return { copied, skipped };
}

/** Records a Config value (the template or the folder), keeping the row's note. */
function recordSetting(key: 'letterTemplate' | 'letterFolder', value: string): void {
  runLocked([ConfigTable], (job) => {
    const table = Table.read(job.store, ConfigTable, job.config.locale);
    const row = table.get(key) ?? settingRow(key, null, job.config.locale);
    table.upsert({ ...row, value });
    table.save(job.store, job.config.locale);
  });
}

function localeOfWorkbook(): 'zh-CN' | 'en' {
  return SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Config') ? 'en' : 'zh-CN';
}

/** Menu: asks for a staff-made template's link and makes the app's own copy of it. */
export function importLetterTemplate(): string {
  const locale = localeOfWorkbook();
  const ui = SpreadsheetApp.getUi();
  const answer = ui.prompt(
    'StarBranch',
    t(locale, 'gas.jobs.importPrompt'),
    ui.ButtonSet.OK_CANCEL,
  );
  if (answer.getSelectedButton() !== ui.Button.OK) return 'cancelled';
  const input = answer.getResponseText();
  const id = documentIdOf(input);
  let source: GoogleAppsScript.Document.Document | null = null;
  try {
    if (id) source = DocumentApp.openById(id);
  } catch {
    source = null;
  }
  if (!source) {
    const message = t(locale, 'gas.jobs.importNotADocument', { input: input.trim() });
    ui.alert(message);
    return message;
  }
  const name = source.getName();
  const copy = DocumentApp.create(`${name} · StarBranch`);
  const { copied, skipped } = copyBody(source.getBody(), copy.getBody());
  copy.saveAndClose();
  recordSetting('letterTemplate', copy.getId());
  const lines = [t(locale, 'gas.jobs.imported', { name, parts: copied })];
  if (skipped > 0) lines.push(t(locale, 'gas.jobs.importSkipped', { count: skipped }));
  ui.alert(lines.join('\n'));
  return lines.join('\n');
}

/** Menu: a letters folder the app creates (and so may fill); staff move or share it at will. */
export function createLettersFolder(): string {
  const locale = localeOfWorkbook();
  const name = locale === 'en' ? 'StarBranch letters' : 'StarBranch 荣誉证书';
  const folder = Drive!.Files!.create({ name, mimeType: 'application/vnd.google-apps.folder' });
  recordSetting('letterFolder', folder.id!);
  const message = t(locale, 'gas.jobs.folderCreated', { name });
  SpreadsheetApp.getUi().alert(message);
  return message;
}
