/**
 * Setting the workbook up from the schema: every sheet with its header, frozen header row,
 * dropdowns for fixed choices, number formats, and warning protection on the sheets the system
 * writes. Run it again and it changes nothing: existing sheets, headers and protections stay.
 */
import { defaultConfigRows } from '../domain/config';
import type { Cell } from '../domain/schema/column';
import { headerRow, tabName, type TableDef } from '../domain/schema/table';
import { labelOf, type Locale } from '../domain/vocabulary';

/** Dropdowns and formats cover the rows a new sheet has (1,000); writes grow the sheet later. */
function validatedRows(sheet: GoogleAppsScript.Spreadsheet.Sheet): number {
  return Math.max(1, sheet.getMaxRows() - 1);
}
const NUMBER_FORMATS: Partial<Record<string, string>> = {
  int: '0',
  decimal: '0.00',
};

function findSheet(sheets: Map<string, GoogleAppsScript.Spreadsheet.Sheet>, def: TableDef) {
  return sheets.get(def.zh) ?? sheets.get(def.en) ?? null;
}

function styleSheet(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  def: TableDef,
  locale: Locale,
): void {
  const columns = Object.values(def.columns);
  const rows = validatedRows(sheet);
  const header = sheet.getRange(1, 1, 1, columns.length);
  header.setFontWeight('bold').setBackground('#fbe9e7');
  sheet.setFrozenRows(1);
  columns.forEach((column, i) => {
    const range = sheet.getRange(2, i + 1, rows, 1);
    if (column.choices) {
      const labels = column.choices.map((c) => labelOf(c, locale));
      range.setDataValidation(
        SpreadsheetApp.newDataValidation()
          .requireValueInList(labels, true)
          .setAllowInvalid(false)
          .setHelpText(`${labels.join(' / ')}`)
          .build(),
      );
    }
    const format = NUMBER_FORMATS[column.type];
    if (format) range.setNumberFormat(format);
    else if (column.type !== 'date' && column.type !== 'datetime') range.setNumberFormat('@');
    sheet.setColumnWidth(i + 1, Math.min(400, column.width * 9));
  });
}

export interface SetupOutcome {
  readonly created: string[];
  readonly kept: string[];
}

export function setUpSheets(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  tables: readonly TableDef[],
  locale: Locale,
): SetupOutcome {
  const sheets = new Map(spreadsheet.getSheets().map((s) => [s.getName(), s]));
  const created: string[] = [];
  const kept: string[] = [];
  for (const def of tables) {
    const existing = findSheet(sheets, def);
    if (existing) {
      kept.push(existing.getName());
      continue;
    }
    const name = tabName(def, locale);
    const sheet = spreadsheet.insertSheet(name);
    // Formats first: a Config value such as 2026-09-01 must stay text, not become a date.
    styleSheet(sheet, def, locale);
    const rows: Cell[][] = [headerRow(def, locale)];
    if (def.name === 'Config') {
      for (const row of defaultConfigRows(locale)) rows.push([row.key, row.value, row.note]);
    }
    sheet.getRange(1, 1, rows.length, rows[0]!.length).setValues(rows as string[][]);
    if (def.staffOnly && def.name !== 'Config') {
      sheet
        .protect()
        .setDescription('StarBranch 自动生成，请勿手工修改 / written by StarBranch')
        .setWarningOnly(true);
    }
    created.push(name);
  }
  return { created, kept };
}

const TEMPLATE_KEY = 'letterTemplate';
const TEMPLATE_BUILT_KEY = 'letterTemplate:built';

/**
 * A starting letter template in Google Docs, with the placeholders the letters fill. Like the
 * forms, its id is remembered as soon as it exists and it is marked built when complete, so a
 * cut-off setup finishes it instead of making a second one.
 */
export function ensureLetterTemplate(properties: GoogleAppsScript.Properties.Properties): string {
  let id = properties.getProperty(TEMPLATE_KEY);
  if (id === null) {
    id = DocumentApp.create('StarBranch 荣誉证书模板 / letter template').getId();
    properties.setProperty(TEMPLATE_KEY, id);
  }
  if (properties.getProperty(TEMPLATE_BUILT_KEY) === null) {
    const doc = DocumentApp.openById(id);
    const body = doc.getBody();
    body.clear();
    body
      .appendParagraph('荣 誉 证 书')
      .setHeading(DocumentApp.ParagraphHeading.TITLE)
      .setAlignment(DocumentApp.HorizontalAlignment.CENTER);
    body.appendParagraph('{{salutation}}');
    body.appendParagraph('{{citation}}');
    body.appendParagraph('{{college}}').setAlignment(DocumentApp.HorizontalAlignment.RIGHT);
    body
      .appendParagraph('{{commendationDateZh}}')
      .setAlignment(DocumentApp.HorizontalAlignment.RIGHT);
    body.appendParagraph('证书编号：{{letterNo}}');
    doc.saveAndClose();
    properties.setProperty(TEMPLATE_BUILT_KEY, 'yes');
  }
  return id;
}
