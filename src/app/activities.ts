/**
 * Keeping the `Activities` table's derived columns right: duplicates marked, points computed.
 * Run after every ingest and before every month's finalisation; running it twice changes nothing.
 */
import type { Config } from '../domain/config';
import { toCellNumber } from '../domain/decimal';
import { findDuplicates } from '../domain/duplicates';
import { activityPoints } from '../domain/points';
import { t } from '../domain/messages';
import type { ActivitiesTable } from '../domain/schema/tables';
import type { Locale } from '../domain/vocabulary';
import type { Table } from './table';

function duplicateNote(locale: Locale, original: string): string {
  return t(locale, 'ingest.duplicate.note', { original });
}

/** The note in each language as a pattern, any response id in place of the original's. */
const AUTO_NOTES = (['zh-CN', 'en'] as const).map((locale) =>
  duplicateNote(locale, '\u0000')
    .replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
    .replace('\u0000', '\\S+'),
);
/** Older workbooks have both languages in one note. */
const AUTO_NOTE = new RegExp(`^(${AUTO_NOTES.join('|')}|${AUTO_NOTES.join(' / ')})$`);

/**
 * A note this job wrote (in either language), which it may take back; anything else in the note
 * column is staff's.
 */
function isAutoNote(note: string | null): boolean {
  return note !== null && AUTO_NOTE.test(note);
}

export function rescoreActivities(
  activities: Table<typeof ActivitiesTable>,
  config: Config,
): number {
  const records = activities.records();
  const duplicateOf = new Map(findDuplicates(records).map((d) => [d.responseId, d.duplicateOf]));
  let changed = 0;
  for (const record of records) {
    const original = duplicateOf.get(record.responseId);
    // A report marked as a repeat stops being one when its original goes (e.g. staff rejected it).
    const noLongerRepeat =
      original === undefined && record.status === 'duplicate' && isAutoNote(record.note);
    const status =
      original !== undefined ? 'duplicate' : noLongerRepeat ? 'submitted' : record.status;
    const note =
      original !== undefined
        ? duplicateNote(config.locale, original)
        : noLongerRepeat
          ? null
          : record.note;
    const points = toCellNumber(activityPoints({ ...record, status }, config));
    if (activities.upsert({ ...record, status, note, points }) === 'updated') changed++;
  }
  return changed;
}
