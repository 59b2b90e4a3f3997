/**
 * What a month's results were computed from, as one short digest (DESIGN §12). Two digests are
 * equal exactly when (but for a hash collision) the month's inputs are: its activity reports as
 * scored, the approved branches, the month's counted on-site votes, its showcase picks, the staff
 * vetoes and the Config numbers the scoring uses. A finalised month stores its digest; when the
 * digest of the current inputs differs, the month is stale.
 *
 * Activity reports are digested from their cells as the sheet holds them, not from parsed records:
 * a year's sheet is tens of thousands of rows, and parsing them all to check ten months would cost
 * more than finalising one. The cells of the digest's columns are read as text (numbers as they
 * print), so the digest taken when a month is finalised, from the cells the job leaves in the sheet,
 * equals the one a later check takes from the same sheet. Row order does not matter: staff may sort.
 */
import { monthOf } from './calendar';
import type { Config } from './config';
import type { Cell } from './schema/column';
import { mapHeader } from './schema/rows';
import { ActivitiesTable, type OnsiteVote, type ShowcasePick } from './schema/tables';
import { hashSeed } from './prng';
import type { Locale } from './vocabulary';

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
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

function cellText(cell: Cell | undefined): string {
  return cell === null || cell === undefined ? '' : String(cell).trim();
}

/** The month of a date cell: the canonical text fast, anything else through the column's reader. */
function monthOfCell(cell: Cell | undefined): string | null {
  const text = cellText(cell);
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text.slice(0, 7);
  if (text === '') return null;
  const read = ActivitiesTable.columns.date.read(cell ?? null);
  return read.ok && read.value !== null ? monthOf(read.value) : null;
}

/** Rejected and duplicate reports earn nothing: adding or editing one changes no result. */
function isCounted(cell: Cell | undefined): boolean {
  const read = ActivitiesTable.columns.status.read(cell ?? null);
  return !(read.ok && (read.value === 'rejected' || read.value === 'duplicate'));
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
  const rowsByMonth = new Map<string, string[]>([...months].map((m) => [m, []]));
  const values = inputs.activities;
  if (values.length > 1) {
    const { indexOf } = mapHeader(ActivitiesTable, values[0]!, inputs.locale);
    const dateAt = indexOf.date;
    const statusAt = indexOf.status;
    const columns = ACTIVITY_COLUMNS.map((key) => indexOf[key]);
    for (let i = 1; i < values.length; i++) {
      const cells = values[i]!;
      const month = monthOfCell(dateAt === undefined ? null : cells[dateAt]);
      const rows = month === null ? undefined : rowsByMonth.get(month);
      if (!rows || !isCounted(statusAt === undefined ? null : cells[statusAt])) continue;
      rows.push(
        digestText(columns.map((at) => (at === undefined ? '' : cellText(cells[at]))).join(UNIT)),
      );
    }
  }
  const shared = [
    configPart(inputs.config),
    inputs.approvedBranches
      .map((b) => `${b.id}${UNIT}${b.name}`)
      .sort()
      .join(RECORD),
  ].join('\n');
  const digests = new Map<string, string>();
  for (const month of months) {
    const votes = inputs.votes
      .filter((v) => v.month === month && v.status === 'counted')
      .map((v) => [v.responseId, v.judge, v.branch, v.score].join(UNIT))
      .sort();
    const picks = inputs.showcase
      .filter((s) => s.month === month)
      .map((s) => s.branch)
      .sort();
    const vetoes = [...(inputs.vetoes.get(month) ?? new Map<string, string>())]
      .map(([branch, reason]) => `${branch}${UNIT}${reason}`)
      .sort();
    const activities = rowsByMonth.get(month)!.sort();
    digests.set(
      month,
      digestText(
        [month, shared, activities.join(RECORD), votes.join(RECORD), picks.join(RECORD)]
          .concat(vetoes.join(RECORD))
          .join('\n'),
      ),
    );
  }
  return digests;
}
