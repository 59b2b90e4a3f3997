/**
 * What a letter printed, kept beside its award, so a letter can always be checked against the
 * `Awards` row it stands for; and the letter's number (证书编号), which a reissued letter never
 * shares with a voided one. Pure: no clock, no host APIs.
 */

/** The fields that say who was commended for what, as printed on the certificate. */
export const PRINTED_FIELDS = ['recipient', 'awardTitle', 'branchName', 'rank', 'score'] as const;
export type PrintedField = (typeof PRINTED_FIELDS)[number];

/** The compact record of a letter that was printed (JSON, one cell): its number and fields. */
export function printedRecord(fields: Readonly<Record<string, string>>): string {
  const record: Record<string, string> = { letterNo: fields.letterNo ?? '' };
  for (const key of PRINTED_FIELDS) record[key] = fields[key] ?? '';
  return JSON.stringify(record);
}

export interface PrintedChange {
  readonly field: PrintedField;
  readonly was: string;
  readonly now: string;
}

/**
 * How the letter that was printed differs from the one the award calls for now. `null` when the
 * record is missing or unreadable: nobody can say what that letter printed, so it is not trusted.
 */
export function printedChanges(
  printed: string | null,
  fields: Readonly<Record<string, string>>,
): PrintedChange[] | null {
  let record: unknown;
  try {
    record = printed ? JSON.parse(printed) : null;
  } catch {
    return null;
  }
  if (record === null || typeof record !== 'object') return null;
  const was = record as Record<string, unknown>;
  return PRINTED_FIELDS.filter((field) => String(was[field] ?? '') !== (fields[field] ?? '')).map(
    (field) => ({ field, was: String(was[field] ?? ''), now: fields[field] ?? '' }),
  );
}

/** The letter number's stem: programme year and award id (`2026-2027-ADV-B002`). */
function letterStem(programYear: string, awardId: string): string {
  return [programYear.trim(), awardId.trim()].filter((s) => s !== '').join('-');
}

/** The n-th letter of an award: the first keeps the plain stem, later ones add `-2`, `-3`, … */
export function letterNumber(programYear: string, awardId: string, issue: number): string {
  const stem = letterStem(programYear, awardId);
  return issue <= 1 ? stem : `${stem}-${issue}`;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The next issue of an award's letter, after every number found in `history` (the current letter
 * number and the voided letters' record): 1 when the award never had a letter.
 */
export function nextIssue(
  programYear: string,
  awardId: string,
  history: readonly (string | null)[],
): number {
  const pattern = new RegExp(
    `${escapeRegExp(letterStem(programYear, awardId))}(?:-(\\d+))?(?![\\w-])`,
    'g',
  );
  let last = 0;
  for (const text of history) {
    for (const match of (text ?? '').matchAll(pattern)) {
      last = Math.max(last, match[1] ? Number(match[1]) : 1);
    }
  }
  return last + 1;
}
