/**
 * Keeping the `Activities` table's derived columns right: duplicates marked, points computed.
 * Run after every ingest and before every month's finalisation; running it twice changes nothing.
 */
import type { Config } from '../domain/config';
import { toCellNumber } from '../domain/decimal';
import { findDuplicates } from '../domain/duplicates';
import { activityPoints } from '../domain/points';
import type { ActivitiesTable } from '../domain/schema/tables';
import type { Table } from './table';

export function rescoreActivities(
  activities: Table<typeof ActivitiesTable>,
  config: Config,
): number {
  const records = activities.records();
  const duplicateOf = new Map(findDuplicates(records).map((d) => [d.responseId, d.duplicateOf]));
  let changed = 0;
  for (const record of records) {
    const original = duplicateOf.get(record.responseId);
    const status = original !== undefined ? 'duplicate' : record.status;
    const note =
      original !== undefined ? `与 ${original} 重复 / duplicate of ${original}` : record.note;
    const points = toCellNumber(activityPoints({ ...record, status }, config));
    if (activities.upsert({ ...record, status, note, points }) === 'updated') changed++;
  }
  return changed;
}
