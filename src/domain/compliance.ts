/**
 * The semester rule (seed §2.2): each branch completes at least N organisational-life activities
 * from the seven themes every semester. A branch short of it is flagged with what is missing.
 */
import { groupBy } from './groupBy';
import type { Semester } from './config';
import { isWithin } from './calendar';
import {
  isThemeKind,
  THEME_KINDS,
  type ActivityKind,
  type ActivityStatus,
  type ThemeKind,
} from './vocabulary';

export interface ComplianceActivity {
  readonly branch: string;
  readonly date: string;
  readonly kind: ActivityKind;
  readonly status: ActivityStatus;
}

export interface SemesterCompliance {
  readonly branch: string;
  readonly semester: string;
  readonly themeActivities: number;
  readonly required: number;
  readonly compliant: boolean;
  /** How many more theme activities the branch needed. */
  readonly shortBy: number;
  /** Themes the branch has not touched this semester: a hint for what to do next. */
  readonly themesNotDone: readonly ThemeKind[];
}

export interface BranchCompliance {
  readonly branch: string;
  readonly compliant: boolean;
  readonly semesters: readonly SemesterCompliance[];
}

function counts(status: ActivityStatus): boolean {
  return status !== 'rejected' && status !== 'duplicate';
}

export function semesterCompliance(
  branch: string,
  semester: Semester,
  activities: readonly ComplianceActivity[],
  required: number,
): SemesterCompliance {
  const done = activities.filter(
    (a) =>
      a.branch === branch &&
      counts(a.status) &&
      isThemeKind(a.kind) &&
      isWithin(a.date, semester.start, semester.end),
  );
  const themesDone = new Set(done.map((a) => a.kind));
  return {
    branch,
    semester: semester.name,
    themeActivities: done.length,
    required,
    compliant: done.length >= required,
    shortBy: Math.max(0, required - done.length),
    themesNotDone: THEME_KINDS.map((t) => t.key).filter((k) => !themesDone.has(k)),
  };
}

/**
 * Compliance of every branch over the semesters that have started by `asOf` (a semester still
 * running is reported, so staff can warn a branch in time, but only ended ones are counted against it).
 */
export function branchCompliance(
  branches: readonly string[],
  semesters: readonly Semester[],
  activities: readonly ComplianceActivity[],
  required: number,
  asOf: string,
): BranchCompliance[] {
  const started = semesters.filter((s) => s.start <= asOf);
  // One pass to group the activities by branch, so the work grows with the table, not with
  // branches × table.
  const byBranch = groupBy(activities, (a) => a.branch);
  return branches.map((branch) => {
    const own = byBranch.get(branch) ?? [];
    const results = started.map((s) => semesterCompliance(branch, s, own, required));
    const judged = results.filter((r, i) => started[i]!.end < asOf);
    return { branch, compliant: judged.every((r) => r.compliant), semesters: results };
  });
}
