/** Small adapters over Apps Script services: the clock, the script lock, durable markers, toasts. */
import type { Clock, Lock, Markers, Progress } from '../ports';

/** Wall-clock time in the programme's zone, computed in JS (no service call per timestamp). */
export function formatLocal(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}`;
}

export class GasClock implements Clock {
  private readonly started = Date.now();
  constructor(private readonly timeZone: string) {}
  now(): string {
    return formatLocal(new Date(), this.timeZone);
  }
  elapsedMs(): number {
    return Date.now() - this.started;
  }
}

/** Thrown when another execution holds the lock: nothing has been written. */
export class LockBusyError extends Error {
  constructor() {
    super('StarBranch is busy with another job; nothing was written. Try again in a minute.');
    this.name = 'LockBusyError';
  }
}

export class ScriptLock implements Lock {
  constructor(private readonly waitMs = 30_000) {}
  withLock<T>(work: () => T): T {
    const lock = LockService.getScriptLock();
    if (!lock.tryLock(this.waitMs)) throw new LockBusyError();
    try {
      return work();
    } finally {
      lock.releaseLock();
    }
  }
}

export class ScriptMarkers implements Markers {
  private readonly properties = PropertiesService.getScriptProperties();
  get(key: string): string | null {
    return this.properties.getProperty(key);
  }
  set(key: string, value: string): void {
    this.properties.setProperty(key, value);
  }
  delete(key: string): void {
    this.properties.deleteProperty(key);
  }
}

/** Progress as toasts in the spreadsheet, at most one every `everyMs`, and always the last. */
export function toastProgress(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  everyMs = 5_000,
): Progress {
  let last = 0;
  return {
    update(done, total, label) {
      const now = Date.now();
      if (done < total && now - last < everyMs) return;
      last = now;
      spreadsheet.toast(`${done} / ${total}`, `StarBranch · ${label}`, 5);
    },
  };
}
