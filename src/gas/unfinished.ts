/**
 * What the daily run finishes when nobody is watching: work that was started and cut off. Each
 * piece is noticed from script properties the run has read already (no call) and finished in its
 * own way.
 */
import { t } from '../domain/messages';
import { lettersDue, scheduleLetterContinuation } from './continuation';
import type { GasJob } from './job';
import { runSetup, setupUnfinished } from './setupRun';

/** Finishes unfinished work inside the daily run's job; returns a line per thing done. */
export function finishUnfinishedWork(job: GasJob): string[] {
  const lines: string[] = [];
  // A setup that started and never reached its end (cut off, or timed out): finish it here.
  const { locale } = job.config;
  if (setupUnfinished(job)) lines.push(t(locale, 'menu.setupFinished'), ...runSetup(job));
  // Letters whose continuation was lost to failures: a fresh one starts in a minute, outside
  // this run (letters have their own time budget and lock).
  if (lettersDue(job.ports.markers!)) {
    scheduleLetterContinuation();
    lines.push(t(locale, 'menu.lettersDue'));
  }
  // Months whose results are stale are re-derived by the reconciliation above this call.
  return lines;
}
