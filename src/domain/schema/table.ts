/**
 * A table is a named, ordered set of columns with a key. Its one declaration gives the sheet tab
 * name and header row in either locale, and the typed record that a row parses into.
 */
import type { Locale } from '../vocabulary';
import type { AnyColumnOf, Column, Labels } from './column';

export type Columns = Record<string, AnyColumnOf>;

/** A cell of a record that the sheet points out to staff: its column's key, and the note it gets. */
export interface FieldMark {
  readonly column: string;
  readonly note: string;
}

export interface TableDef<C extends Columns = Columns> extends Labels {
  /** Stable name, used in code and logs (the English tab name). */
  readonly name: string;
  readonly columns: C;
  /** Columns whose values identify a row; writes upsert on this key (checked by defineTable). */
  readonly key: readonly string[];
  /** Only staff edit this sheet by hand; the Apps Script setup protects the system's columns. */
  readonly staffOnly: boolean;
  /**
   * A sheet a job lays out whole (the dashboard): no header row and no records, so it is never
   * read as a table; stores write it with `writeSheet`.
   */
  readonly freeForm?: boolean;
  /** The cells of a record to point out to staff (a note and a highlight), in tables that do. */
  readonly marks?: (record: Readonly<Record<string, unknown>>) => readonly FieldMark[];
}

export type RecordOf<D> =
  D extends TableDef<infer C>
    ? { [K in keyof C]: C[K] extends Column<infer T> ? T : never }
    : never;

export function defineTable<C extends Columns>(def: TableDef<C>): TableDef<C> {
  for (const key of def.key) {
    if (!(key in def.columns)) throw new Error(`${def.name}: key column ${key} is not declared`);
  }
  return def;
}

export function columnKeys(def: TableDef): string[] {
  return Object.keys(def.columns);
}

export function tabName(def: Labels, locale: Locale): string {
  return locale === 'en' ? def.en : def.zh;
}

/** Every header that names the column: its key, its labels and the headers it had before. */
export function headerNames(key: string, column: AnyColumnOf): string[] {
  return [key, column.zh, column.en, ...column.aliases];
}

export function headerRow(def: TableDef, locale: Locale): string[] {
  return Object.values(def.columns).map((column) => (locale === 'en' ? column.en : column.zh));
}

/** The key of a record, as one string, for upserts and idempotency checks. */
export function recordKey(def: TableDef, record: Record<string, unknown>): string {
  return def.key.map((k) => String(record[k] ?? '')).join('\u001f');
}
