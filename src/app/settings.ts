/**
 * The 设置 (Config) sheet in the layout staff read: every setting, in its group and in the order
 * of `SETTING_KEYS`, named in the workbook's language, its value as the dropdown shows it, what
 * it does, and its key last. Rows the sheet has that name no setting (a typo, a note staff keep)
 * follow, as they are, so nothing typed is lost and the next read still reports them.
 *
 * Because the layout is fixed, the Sheets setup can put each setting's validation on its row
 * before the rows are written (setup.ts), and the order never depends on what a sheet held.
 */
import {
  defaultConfigRows,
  SETTING_KEYS,
  settingKeyOf,
  settingRow,
  type SettingKey,
} from '../domain/config';
import type { Cell } from '../domain/schema/column';
import { toRow } from '../domain/schema/rows';
import { ConfigTable } from '../domain/schema/tables';
import type { Locale } from '../domain/vocabulary';
import type { Table } from './table';

/** The sheet row (0-based, the header is 0) of each setting in the arranged layout. */
export function settingRowIndex(key: SettingKey): number {
  return SETTING_KEYS.indexOf(key) + 1;
}

const COLUMNS = Object.keys(ConfigTable.columns);
const at = (name: keyof typeof ConfigTable.columns) => COLUMNS.indexOf(name);

function text(cell: Cell | undefined): string | null {
  return cell === null || cell === undefined ? null : String(cell);
}

/**
 * The rows to write (header first): the settings arranged, the missing ones with their defaults;
 * staff's own columns kept on every row. `added` counts the settings the sheet did not have.
 */
export function arrangeSettings(
  table: Table<typeof ConfigTable>,
  locale: Locale,
): { rows: Cell[][]; added: number } {
  const [header = [], ...rows] = table.toValues(locale);
  const width = header.length;
  const placed = new Map<SettingKey, Cell[]>();
  const others: Cell[][] = [];
  for (const row of rows) {
    const key = settingKeyOf(text(row[at('key')]), text(row[at('label')]));
    if (key === null || placed.has(key)) {
      others.push(row);
      continue;
    }
    const fresh = toRow(ConfigTable, settingRow(key, text(row[at('value')]), locale), locale);
    placed.set(key, [...fresh, ...row.slice(COLUMNS.length)]);
  }
  const defaults = new Map(defaultConfigRows(locale).map((r) => [r.key, r]));
  let added = 0;
  const arranged = SETTING_KEYS.map((key) => {
    const row = placed.get(key);
    if (row) return row;
    added++;
    return toRow(ConfigTable, defaults.get(key)!, locale);
  });
  const pad = (row: Cell[]) => Array.from({ length: width }, (_, i) => row[i] ?? null);
  return { rows: [header, ...[...arranged, ...others].map(pad)], added };
}
