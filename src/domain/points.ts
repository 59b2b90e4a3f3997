/**
 * Points of one activity report (DESIGN §2): the kind's base, a bonus for reaching non-party
 * students, a cut when there is no evidence, and nothing for what staff rejected or the system
 * found to be a duplicate.
 */
import type { Config } from './config';
import { dec, type Dec, ZERO } from './decimal';
import { isThemeKind, type ActivityKind, type ActivityStatus } from './vocabulary';

export interface ScorableActivity {
  readonly kind: ActivityKind;
  readonly nonParty: number | null;
  readonly evidenceLink: string | null;
  readonly status: ActivityStatus;
}

export type PointsRules = Pick<
  Config,
  'points' | 'reachBonusPer' | 'reachBonusCap' | 'noEvidenceFactor'
>;

export function basePoints(kind: ActivityKind, rules: PointsRules): number {
  if (isThemeKind(kind)) return rules.points.theme;
  return rules.points[kind];
}

/** +1 per `reachBonusPer` non-party participants, never more than the cap. */
export function reachBonus(nonParty: number | null, rules: PointsRules): number {
  const earned = Math.floor((nonParty ?? 0) / rules.reachBonusPer);
  return Math.min(earned, rules.reachBonusCap);
}

export function activityPoints(activity: ScorableActivity, rules: PointsRules): Dec {
  if (activity.status === 'rejected' || activity.status === 'duplicate') return ZERO;
  const earned = dec(basePoints(activity.kind, rules)).plus(reachBonus(activity.nonParty, rules));
  const hasEvidence = (activity.evidenceLink ?? '').trim() !== '';
  return hasEvidence ? earned : earned.times(rules.noEvidenceFactor);
}
