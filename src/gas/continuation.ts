/**
 * The letters job continues itself through one-off clock triggers of `continueLetters`. Whatever
 * stops a run, a continuation is left behind to finish the letters:
 *  - before its first letter a run arms a watchdog (a continuation well after the 6-minute limit),
 *    so even a run killed at the time limit is resumed;
 *  - a run that stops with letters left replaces it with one a minute away (or tomorrow, when
 *    the day's document quota is spent); a run that finishes removes every continuation;
 *  - a continuation that finds the lock busy, or fails, schedules another before it gives up.
 * A continuation that fired stays listed until deleted (Apps Script keeps one-off triggers), so
 * the trigger that started a run counts as spent. Each run records whether letters are left
 * (`letters:state`): the daily run reads it at no cost and reschedules a continuation (see
 * unfinished.ts), a backstop for a continuation lost to a failure that also stopped it from
 * scheduling the next.
 */
import type { Markers } from '../ports';
import { CONTINUE_LETTERS_HANDLER } from './triggers';

/** How soon the next run starts when a run stops with letters left. */
export const NEXT_RUN_MS = 60_000;
/** How soon a run that failed, or found the lock busy, is tried again. */
export const RETRY_MS = 5 * 60_000;
/** The watchdog: after the 6-minute limit, so it never overlaps the run that armed it. */
export const WATCHDOG_MS = 8 * 60_000;

function continuations(): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getProjectTriggers().filter(
    (t) => t.getHandlerFunction() === CONTINUE_LETTERS_HANDLER,
  );
}

function create(afterMs: number): void {
  ScriptApp.newTrigger(CONTINUE_LETTERS_HANDLER).timeBased().after(afterMs).create();
}

/** One continuation `afterMs` from now, replacing any other. */
export function scheduleLetterContinuation(afterMs: number = NEXT_RUN_MS): void {
  for (const trigger of continuations()) ScriptApp.deleteTrigger(trigger);
  create(afterMs);
}

/**
 * Makes sure a continuation is waiting before letters are made. One that is still to fire is
 * kept; the one that started this run (spent) is replaced by the watchdog.
 */
export function armLetterWatchdog(spentUid: string | null): void {
  const waiting = continuations();
  const spent = waiting.filter((t) => t.getUniqueId() === spentUid);
  for (const trigger of spent) ScriptApp.deleteTrigger(trigger);
  if (waiting.length === spent.length) create(WATCHDOG_MS);
}

/** The letters are done: no continuation is left. */
export function removeLetterContinuations(): void {
  for (const trigger of continuations()) ScriptApp.deleteTrigger(trigger);
}

/**
 * What the last letters run left, in one script property written once per run: the day and the
 * documents made that day (the daily quota), and whether letters were left to make.
 */
export interface LettersState {
  readonly day: string;
  readonly used: number;
  readonly due: boolean;
}

const LETTERS_STATE_KEY = 'letters:state';

export function readLettersState(markers: Markers, day: string): LettersState {
  const raw = markers.get(LETTERS_STATE_KEY);
  const last = raw ? (JSON.parse(raw) as LettersState) : null;
  return { day, used: last?.day === day ? last.used : 0, due: last?.due ?? false };
}

export function writeLettersState(markers: Markers, state: LettersState): void {
  markers.set(LETTERS_STATE_KEY, JSON.stringify(state));
}

/** Whether the last letters run stopped with letters left (read from the job's markers). */
export function lettersDue(markers: Markers): boolean {
  const raw = markers.get(LETTERS_STATE_KEY);
  return raw !== null && (JSON.parse(raw) as LettersState).due;
}

/** Milliseconds from `now` (`YYYY-MM-DD HH:mm:ss`, local) to ten past midnight. */
export function untilTomorrow(now: string): number {
  const [h, m, s] = now.slice(11, 19).split(':').map(Number) as [number, number, number];
  return ((24 * 60 - (h * 60 + m) + 10) * 60 - s) * 1000;
}
