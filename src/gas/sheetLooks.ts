/**
 * What the setup batch adds so that a sheet reads like a staff member made it (issue: widths,
 * filters, dates, the 设置 sheet's checks), as plain `spreadsheets.batchUpdate` requests that
 * setup.ts sends with the rest of its ONE batch.
 *
 * Decisions:
 * - Widths fit the header and the longest value the setup read (the first `SAMPLE_ROWS` rows of
 *   each sheet, in the same read as the headers); a new, empty table gets its columns' usual
 *   widths. Sheets has no "fit, but at most" request, so the width is computed here
 *   (`autoResizeDimensions` would not cap a long description). Jobs do not resize columns later:
 *   that would be a call they do not make today; run 初始化 again to refit.
 * - The filter (`setBasicFilter`) covers the table's columns with no end row, so rows appended
 *   later are in it. It is set only when the sheet has none, so a filter staff are using (its
 *   criteria, its sort) is never reset by a setup run.
 * - Google Sheets has no page setup in its API (paper, orientation and print titles are chosen in
 *   the print dialog): see docs/deploy.md.
 * - The 设置 sheet: each setting's row gets its own check on its value cell: a dropdown of the
 *   locale's labels for the settings with a list (yes/no among them), a number range for the
 *   numeric ones; its value cell is plain text for the settings that are text or dates (so
 *   2026-09-01 stays the text typed) and automatic for numbers and choices (so a typed 12 is the
 *   number the range checks). The rows are those of the arranged layout (app/settings.ts), which
 *   the setup writes after this batch.
 */
import {
  allowedText,
  defaultConfigRows,
  SETTING_KEYS,
  settingRule,
  type SettingKey,
  type SettingRule,
} from '../domain/config';
import { t } from '../domain/messages';
import type { Cell } from '../domain/schema/column';
import { toRow } from '../domain/schema/rows';
import type { TableDef } from '../domain/schema/table';
import { ConfigTable } from '../domain/schema/tables';
import { fitWidth } from '../domain/schema/widths';
import { labelOf, type Locale } from '../domain/vocabulary';

type Request = GoogleAppsScript.Sheets.Schema.Request;

/** Rows of each sheet the setup reads to fit the widths (with the header, in one read). */
export const SAMPLE_ROWS = 200;
/** Pixels per character of width (Arial 10: a digit is 7 px, a CJK character 13 to 14). */
const PIXELS_PER_CHARACTER = 7;
const CELL_PADDING_PIXELS = 10;

/** One width request per column: fitted to the header and the rows read (see the file note). */
export function widthRequests(
  sheetId: number,
  def: TableDef,
  sample: readonly (readonly unknown[])[],
  locale: Locale,
): Request[] {
  const isConfig = def.name === ConfigTable.name;
  // The 设置 sheet is rewritten in the arranged layout after this batch: fit what it will hold.
  const rows: readonly (readonly unknown[])[] = isConfig
    ? defaultConfigRows(locale).map((r) => toRow(ConfigTable, r, locale))
    : sample.slice(1);
  const labels = Object.values(def.columns).map((c) => (locale === 'en' ? c.en : c.zh));
  return Object.values(def.columns).map((column, i) => {
    const values = rows.map((r) => {
      const v = r[i];
      return v === undefined || v === '' ? null : (v as Cell);
    });
    const width = fitWidth(column, labels[i]!, values, locale);
    return {
      updateDimensionProperties: {
        range: { sheetId, dimension: 'COLUMNS', startIndex: i, endIndex: i + 1 },
        properties: { pixelSize: width * PIXELS_PER_CHARACTER + CELL_PADDING_PIXELS },
        fields: 'pixelSize',
      },
    };
  });
}

/** The filter over the table's columns, rows unbounded (see the file note). */
export function filterRequest(sheetId: number, columns: number): Request {
  return {
    setBasicFilter: {
      filter: {
        range: { sheetId, startRowIndex: 0, startColumnIndex: 0, endColumnIndex: columns },
      },
    },
  };
}

/** A setting's data validation rule on its value cell, or null when it has none. */
function settingCondition(key: SettingKey, locale: Locale): object | null {
  const rule = settingRule(key);
  const help = t(locale, 'settings.allowed.prompt', { allowed: allowedText(key, locale) ?? '' });
  if (rule.kind === 'choice') {
    const labels = rule.choices.map((c) => labelOf(c, locale));
    return {
      condition: {
        type: 'ONE_OF_LIST',
        values: labels.map((label) => ({ userEnteredValue: label })),
      },
      inputMessage: labels.join(' / '),
      strict: true,
      showCustomUi: true,
    };
  }
  if (rule.kind === 'number') {
    return {
      condition: {
        type: 'NUMBER_BETWEEN',
        values: [{ userEnteredValue: String(rule.min) }, { userEnteredValue: String(rule.max) }],
      },
      inputMessage: help,
      strict: true,
    };
  }
  return null;
}

/** Whether the value cell holds text as typed (text and dates) or lets a number be a number. */
function isTextValue(rule: SettingRule): boolean {
  return rule.kind === 'text' || rule.kind === 'date';
}

/**
 * The 设置 sheet's checks and formats, row by row in the arranged layout: consecutive settings
 * with the same check share one request. The value column's old checks are cleared first (a
 * setting may have moved), and rows past the settings keep none.
 */
export function settingsRequests(sheetId: number, rows: number, locale: Locale): Request[] {
  const column = Object.keys(ConfigTable.columns).indexOf('value');
  const cells = (from: number, to: number) => ({
    sheetId,
    startRowIndex: from,
    endRowIndex: to,
    startColumnIndex: column,
    endColumnIndex: column + 1,
  });
  const requests: Request[] = [{ setDataValidation: { range: cells(1, Math.max(2, rows)) } }];
  const runs: { from: number; to: number; rule: string; key: SettingKey }[] = [];
  SETTING_KEYS.forEach((key, i) => {
    const row = i + 1;
    const signature = JSON.stringify([
      settingCondition(key, locale),
      isTextValue(settingRule(key)),
    ]);
    const last = runs[runs.length - 1];
    if (last && last.rule === signature && last.to === row) last.to = row + 1;
    else runs.push({ from: row, to: row + 1, rule: signature, key });
  });
  for (const run of runs) {
    const rule = settingCondition(run.key, locale);
    if (rule) requests.push({ setDataValidation: { range: cells(run.from, run.to), rule } });
    requests.push({
      repeatCell: {
        range: cells(run.from, run.to),
        cell: {
          userEnteredFormat: isTextValue(settingRule(run.key))
            ? { numberFormat: { type: 'TEXT', pattern: '@' } }
            : {},
        },
        fields: 'userEnteredFormat.numberFormat',
      },
    });
  }
  return requests;
}
