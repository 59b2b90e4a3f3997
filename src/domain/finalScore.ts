/**
 * The year's final score (DESIGN §2): process counts 40 %, the June defense 60 %. Process is the
 * mean monthly activity score over every month of the programme (a month with no result counts as
 * 0, so a branch that went quiet is not averaged over its good months only), plus a bonus for each
 * star-branch-of-the-month title, capped.
 *
 * Both parts are on a 100-point scale before they are weighted, so the weights alone decide how
 * much each counts. A monthly score is already out of 100. The defense score is out of the
 * rubric's highest score (Σ weight × max, 100 for the default rubric); it is scaled to 100
 * (score / max × 100) first. Without this, a 150-point rubric would silently count half as much
 * again as its weight says.
 */
import type { Config } from './config';
import { dec, type Dec, mean, ZERO } from './decimal';
import { rubricMax } from './rubric';

export type FinalScoreRules = Pick<
  Config,
  'weightProcess' | 'weightDefense' | 'starBranchBonus' | 'starBranchBonusCap' | 'defenseRubric'
>;

export interface FinalScoreInput {
  readonly branch: string;
  /** Monthly scores by month; months the branch has no result for count as 0. */
  readonly monthlyScores: ReadonlyMap<string, Dec>;
  readonly starBranchTitles: number;
  /** The defense aggregate, or null when the branch did not defend (counts as 0). */
  readonly defense: Dec | null;
}

export interface FinalScore {
  readonly branch: string;
  readonly processMean: Dec;
  readonly starBonus: Dec;
  readonly process: Dec;
  /** The defense score on the rubric's own scale, as in DefenseResults. */
  readonly defense: Dec;
  /** The defense score scaled to 100: what the weight applies to. */
  readonly defenseOn100: Dec;
  readonly total: Dec;
}

export function finalScore(
  input: FinalScoreInput,
  programmeMonths: readonly string[],
  rules: FinalScoreRules,
): FinalScore {
  const monthly = programmeMonths.map((m) => input.monthlyScores.get(m) ?? ZERO);
  const processMean = monthly.length > 0 ? mean(monthly) : ZERO;
  const starBonus = smaller(
    dec(rules.starBranchBonus).times(input.starBranchTitles),
    dec(rules.starBranchBonusCap),
  );
  const process = processMean.plus(starBonus);
  const defense = input.defense ?? ZERO;
  const defenseOn100 = defense.times(100).dividedBy(rubricMax(rules.defenseRubric));
  const total = process.times(rules.weightProcess).plus(defenseOn100.times(rules.weightDefense));
  return { branch: input.branch, processMean, starBonus, process, defense, defenseOn100, total };
}

function smaller(a: Dec, b: Dec): Dec {
  return a.lessThan(b) ? a : b;
}
