/**
 * What a month's results were computed from, as one short digest (DESIGN §12). Two digests are
 * equal exactly when (but for a hash collision) the month's inputs are: its activity reports as
 * scored, the approved branches, the month's counted on-site votes (those before the vote closed), its showcase picks, the staff
 * vetoes and the Config numbers the scoring uses. A finalised month stores its digest; when the
 * digest of the current inputs differs, the month is stale.
 *
 * Activity reports are digested from their cells as the sheet holds them, not from parsed records:
 * a year's sheet is tens of thousands of rows, and parsing them all to check ten months would cost
 * more than finalising one. The cells of the digest's columns are read as text (numbers as they
 * print), so the digest taken when a month is finalised, from the cells the job leaves in the sheet,
 * equals the one a later check takes from the same sheet. Dates and times are read as the dates
 * they are, whatever their cell's format shows (`2026-10-05 9:03:00`, a serial number): a new date
 * format on a column is not a new input. Row order does not matter: staff may sort.
 */
import { monthOf } from './calendar';
import type { Config } from './config';
import type { Cell } from './schema/column';
import { mapHeader } from './schema/rows';
import { ActivitiesTable, type OnsiteVote, type ShowcasePick } from './schema/tables';
import { countedVotes, voteClosedAt } from './onsiteVotes';
import { hashSeed } from './prng';
import { ACTIVITY_STATUSES, type Locale } from './vocabulary';

/** The activity columns a month's result depends on: identity, date, kind, status and points. */
const ACTIVITY_COLUMNS = [
  'responseId',
  'submittedAt',
  'branch',
  'date',
  'kind',
  'title',
  'nonParty',
  'evidenceLink',
  'status',
  'points',
] as const;

const UNIT = '\u001f';
const RECORD = '\u001e';

/** 64 bits of cyrb128 as 16 hex digits: short enough for a cell, ample to tell inputs apart. */
export function digestText(text: string): string {
  const [a, b] = hashSeed(text);
  return hex(a) + hex(b);
}

function hex(n: number): string {
  return (n >>> 0).toString(16).padStart(8, '0');
}

/**
 * An order-free 64-bit digest of many rows: each row is hashed on its own (two 32-bit lanes, no
 * string built), and the rows' mixed hashes are added up, so sorting the sheet changes nothing
 * while changing any cell of any row changes the sum.
 */
class RowSum {
  private sum1 = 0;
  private sum2 = 0;
  private count = 0;
  private h1 = 0;
  private h2 = 0;

  startRow(): void {
    this.h1 = 0x9e3779b9;
    this.h2 = 0x85ebca6b;
  }

  add(text: string): void {
    let h1 = this.h1;
    let h2 = this.h2;
    for (let i = 0; i < text.length; i++) {
      const k = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ k, 2654435761);
      h2 = Math.imul(h2 ^ k, 1597334677);
    }
    // The separator, so that "ab","c" and "a","bc" differ.
    this.h1 = Math.imul(h1 ^ 0x1f, 2654435761);
    this.h2 = Math.imul(h2 ^ 0x1f, 1597334677);
  }

  endRow(): void {
    this.sum1 = (this.sum1 + fmix(this.h1 ^ Math.imul(this.h2, 0x27d4eb2d))) >>> 0;
    this.sum2 = (this.sum2 + fmix(this.h2 ^ Math.imul(this.h1, 0x165667b1))) >>> 0;
    this.count++;
  }

  toString(): string {
    return `${this.count}:${hex(this.sum1)}${hex(this.sum2)}`;
  }
}

/** murmur3's finaliser: every input bit reaches every output bit. */
function fmix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  return typeof cell === 'string' ? cell.trim() : String(cell);
}

const CANONICAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const CANONICAL_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

/** A date or time cell as its canonical text: fast when it already is, else through its reader. */
function dateText(cell: Cell | undefined, column: 'date' | 'submittedAt'): string {
  const text = cellText(cell);
  const canonical = column === 'date' ? CANONICAL_DATE : CANONICAL_TIME;
  if (text === '' || (typeof cell === 'string' && canonical.test(text))) return text;
  const read = ActivitiesTable.columns[column].read(cell ?? null);
  return read.ok && read.value !== null ? read.value : text;
}

/** The month of a date cell: the canonical text fast, anything else through the column's reader. */
function monthOfCell(cell: Cell | undefined): string | null {
  const text = cellText(cell);
  if (CANONICAL_DATE.test(text)) return text.slice(0, 7);
  if (text === '') return null;
  const read = ActivitiesTable.columns.date.read(cell ?? null);
  return read.ok && read.value !== null ? monthOf(read.value) : null;
}

/** Every way a sheet may say "rejected" or "duplicate" (key, Chinese, English). */
const NOT_COUNTED = new Set(
  ACTIVITY_STATUSES.filter((s) => s.key === 'rejected' || s.key === 'duplicate').flatMap((s) => [
    s.key,
    s.zh,
    s.en.toLowerCase(),
  ]),
);

/** Rejected and duplicate reports earn nothing: adding or editing one changes no result. */
function isCounted(cell: Cell | undefined): boolean {
  const text = cellText(cell);
  return !NOT_COUNTED.has(text) && !NOT_COUNTED.has(text.toLowerCase());
}

/** The Config numbers that month results depend on. */
function configPart(config: Config): string {
  return JSON.stringify([
    config.points,
    config.reachBonusPer,
    config.reachBonusCap,
    config.noEvidenceFactor,
    config.monthlyTarget,
    config.starThresholds,
    config.starQuota5,
    config.starQuota4,
    config.starBranchesPerMonth,
    config.trimFrom,
    config.trimCount,
    config.minJudges,
  ]);
}

export interface MonthDigestInputs {
  readonly config: Config;
  /** The `Activities` sheet's cells, header first, as the store holds them. */
  readonly activities: readonly (readonly Cell[])[];
  readonly locale: Locale;
  readonly approvedBranches: readonly { readonly id: string; readonly name: string }[];
  readonly votes: readonly OnsiteVote[];
  readonly showcase: readonly ShowcasePick[];
  /** Month → branch → the veto's reason (blank reasons left out). */
  readonly vetoes: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

/** The digest of each of `months`' inputs, in one pass over the activity cells. */
export function monthDigests(
  inputs: MonthDigestInputs,
  months: ReadonlySet<string>,
): Map<string, string> {
  const sums = new Map<string, RowSum>([...months].map((m) => [m, new RowSum()]));
  const values = inputs.activities;
  if (values.length > 1) {
    const { indexOf } = mapHeader(ActivitiesTable, values[0]!, inputs.locale);
    const dateAt = indexOf.date ?? -1;
    const statusAt = indexOf.status ?? -1;
    const columns = ACTIVITY_COLUMNS.map((key) => ({ key, at: indexOf[key] ?? -1 }));
    for (let i = 1; i < values.length; i++) {
      const cells = values[i]!;
      const month = monthOfCell(cells[dateAt]);
      const sum = month === null ? undefined : sums.get(month);
      if (!sum || !isCounted(cells[statusAt])) continue;
      sum.startRow();
      for (const { key, at } of columns) {
        const cell = cells[at];
        sum.add(key === 'date' || key === 'submittedAt' ? dateText(cell, key) : cellText(cell));
      }
      sum.endRow();
    }
  }
  const branches = new RowSum();
  for (const b of inputs.approvedBranches) {
    branches.startRow();
    branches.add(b.id);
    branches.add(b.name);
    branches.endRow();
  }
  const shared = `${configPart(inputs.config)}\n${branches.toString()}`;
  const digests = new Map<string, string>();
  for (const month of months) {
    const votes = countedVotes(inputs.votes, month, voteClosedAt(inputs.showcase, month))
      .map((v) => [v.responseId, v.judge, v.branch, v.score].join(UNIT))
      .sort();
    const picks = inputs.showcase
      .filter((s) => s.month === month)
      .map((s) => s.branch)
      .sort();
    const vetoes = [...(inputs.vetoes.get(month) ?? new Map<string, string>())]
      .map(([branch, reason]) => `${branch}${UNIT}${reason}`)
      .sort();
    const parts = [
      month,
      shared,
      sums.get(month)!.toString(),
      ...[votes, picks, vetoes].map((list) => list.join(RECORD)),
    ];
    digests.set(month, digestText(parts.join('\n')));
  }
  return digests;
}
