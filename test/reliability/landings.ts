/**
 * Where a catalogue case landed: every row of the five tables and `Rejected`, by response id, and
 * the outcome and reason read off it. The same for every path the catalogue runs through.
 */
import { DEFAULT_CONFIG } from '../../src/domain/config';
import { FORM_NAMES, type FormName } from '../../src/domain/forms';
import { defenseScoresTable } from '../../src/domain/schema/defenseScores';
import type { TableDef } from '../../src/domain/schema/table';
import {
  ActivitiesTable,
  BranchesTable,
  NominationsTable,
  OnsiteVotesTable,
  RejectedTable,
} from '../../src/domain/schema/tables';
import { records, type MemoryStore } from '../support/fakes';
import type { FoundRow, Outcome } from './catalogue';

const rubric = DEFAULT_CONFIG.defenseRubric;

export const TABLE_OF: Readonly<Record<FormName, TableDef>> = {
  application: BranchesTable,
  activity: ActivitiesTable,
  vote: OnsiteVotesTable,
  defense: defenseScoresTable(rubric),
  nomination: NominationsTable,
};

export interface Landing {
  readonly place: FormName | 'rejected';
  /** The record, parsed as the other paths parse it. */
  readonly row: FoundRow;
  /** How many rows hold this response id, over the five tables and Rejected. */
  readonly count: number;
}

export function landings(store: MemoryStore): Map<string, Landing> {
  const found = new Map<string, Landing>();
  const add = (id: string, place: Landing['place'], row: FoundRow) => {
    const before = found.get(id);
    found.set(id, before ? { ...before, count: before.count + 1 } : { place, row, count: 1 });
  };
  for (const form of FORM_NAMES) {
    for (const row of records(store, TABLE_OF[form]) as FoundRow[]) {
      if (typeof row.responseId === 'string') add(row.responseId, form, row);
    }
  }
  for (const row of records(store, RejectedTable)) add(row.responseId, 'rejected', row);
  return found;
}

export function outcomeOf(landing: Landing): Outcome | string {
  if (landing.place === 'rejected') return 'rejected';
  const status = String(landing.row.status);
  switch (landing.place) {
    case 'activity':
      return status === 'duplicate' ? 'duplicate' : status === 'submitted' ? 'canonical' : status;
    case 'vote':
    case 'defense':
      return status === 'counted' ? 'canonical' : status;
    default:
      return status === 'pending' ? 'canonical' : status;
  }
}

/** The text that says why: `Rejected`'s reason, a score sheet's reason, an activity's note. */
export function reasonOf(landing: Landing): string {
  const { row } = landing;
  return String((landing.place === 'activity' ? row.note : row.reason) ?? '');
}
