/**
 * The year's standings: every approved branch's final score, compliance and whether it is an
 * advanced branch. Read by the award selection and by the report, so both tell the same story.
 */
import { groupBy } from '../domain/groupBy';
import { selectAdvancedBranches, type RankedCandidate } from '../domain/awards';
import { monthsBetween } from '../domain/calendar';
import { branchCompliance, type BranchCompliance } from '../domain/compliance';
import type { Config } from '../domain/config';
import { dec } from '../domain/decimal';
import { finalScore, type FinalScore } from '../domain/finalScore';
import type { Activity, Branch, DefenseResult, MonthlyResult } from '../domain/schema/tables';

export interface Standing extends RankedCandidate {
  readonly name: string;
  readonly score: FinalScore;
  readonly compliance: BranchCompliance;
}

export function computeStandings(
  config: Config,
  branches: readonly Branch[],
  activities: readonly Activity[],
  monthly: readonly MonthlyResult[],
  defense: readonly DefenseResult[],
): Standing[] {
  const approved = branches.filter((b) => b.status === 'approved');
  const months = monthsBetween(config.programStart.slice(0, 7), config.programEnd.slice(0, 7));
  const compliance = new Map(
    branchCompliance(
      approved.map((b) => b.id),
      config.semesters,
      activities,
      config.minThemeActivitiesPerSemester,
      config.commendationDate,
    ).map((c) => [c.branch, c]),
  );
  const defenseOf = new Map(defense.map((d) => [d.branch, d]));
  const byBranch = new Map(approved.map((b) => [b.id, b]));
  const monthlyByBranch = groupBy(monthly, (m) => m.branch);
  const scores = approved.map((b) => {
    const own = monthlyByBranch.get(b.id) ?? [];
    const d = defenseOf.get(b.id);
    return finalScore(
      {
        branch: b.id,
        monthlyScores: new Map(own.map((m) => [m.month, dec(m.score)])),
        starBranchTitles: own.filter((m) => m.starBranch === true).length,
        defense: d && !d.incomplete && d.score !== null ? dec(d.score) : null,
      },
      months,
      config,
    );
  });
  const scoreOf = new Map(scores.map((s) => [s.branch, s]));
  const ranked = selectAdvancedBranches(
    scores.map((score) => {
      const branch = byBranch.get(score.branch)!;
      return {
        branch: branch.id,
        tier: branch.tier,
        compliant: compliance.get(branch.id)!.compliant,
        complianceOverride: branch.complianceOverride === true,
        score,
      };
    }),
    config,
  );
  return ranked.map((r) => ({
    ...r,
    name: byBranch.get(r.branch)!.name,
    score: scoreOf.get(r.branch)!,
    compliance: compliance.get(r.branch)!,
  }));
}
