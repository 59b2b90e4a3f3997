/**
 * Keeping the `Activities` table's derived columns right: duplicates marked, points computed.
 * Run after every ingest and before every month's finalisation; running it twice changes nothing.
 */
import type { Config } from '../domain/config';
import { toCellNumber } from '../domain/decimal';
import { findDuplicates } from '../domain/duplicates';
import { activityPoints } from '../domain/points';
import type { ActivitiesTable } from '../domain/schema/tables';
import { t } from '../domain/messages';
import type { Locale } from '../domain/vocabulary';
import type { Table } from './table';

function duplicateNote(original: string, locale: Locale): string {
  return t(locale, 'ingest.duplicate.note', { original });
}

/** A note the system wrote on a repeat: in either language, or both (as earlier versions did). */
function isAutoNote(note: string | null): boolean {
  return note !== null && /^(与 \S+ 重复( \/ duplicate of \S+)?|duplicate of \S+)$/.test(note);
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
        ? duplicateNote(original, config.locale)
        : noLongerRepeat
          ? null
          : record.note;
    const points = toCellNumber(activityPoints({ ...record, status }, config));
    if (activities.upsert({ ...record, status, note, points }) === 'updated') changed++;
  }
  return changed;
}
