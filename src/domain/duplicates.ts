/**
 * Duplicate activity reports: the same branch, the same date and the same title once spacing,
 * punctuation, width and case are set aside. The first report stands; later ones are marked
 * `duplicate` (never deleted) with a note naming the report they repeat.
 */
import type { ActivityStatus } from './vocabulary';

export interface DuplicateCandidate {
  readonly responseId: string;
  readonly submittedAt: string;
  readonly branch: string;
  readonly date: string;
  readonly title: string;
  readonly status: ActivityStatus;
}

export interface DuplicateMark {
  readonly responseId: string;
  readonly duplicateOf: string;
}

/** "《红岩》读书会 " and "红岩 读书会" are the same title. */
export function normaliseTitle(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u200b-\u200f\u2060\ufeff]/g, '')
    .replace(/[\s\p{P}\p{S}]/gu, '');
}

function byArrival(a: DuplicateCandidate, b: DuplicateCandidate): number {
  if (a.submittedAt !== b.submittedAt) return a.submittedAt < b.submittedAt ? -1 : 1;
  return a.responseId < b.responseId ? -1 : a.responseId > b.responseId ? 1 : 0;
}

/**
 * Which reports to mark as duplicates. Staff decisions win: a report staff rejected is never the
 * original, and one staff accepted is never re-marked.
 */
export function findDuplicates(activities: readonly DuplicateCandidate[]): DuplicateMark[] {
  const firstSeen = new Map<string, string>();
  const marks: DuplicateMark[] = [];
  for (const activity of [...activities].sort(byArrival)) {
    if (activity.status === 'rejected') continue;
    const key = [activity.branch, activity.date, normaliseTitle(activity.title)].join('\u001f');
    const original = firstSeen.get(key);
    if (original === undefined) {
      firstSeen.set(key, activity.responseId);
    } else if (activity.status === 'submitted' || activity.status === 'duplicate') {
      marks.push({ responseId: activity.responseId, duplicateOf: original });
    }
  }
  return marks;
}
