/** Small adapters over Apps Script services: the clock, the script lock, durable markers, toasts. */
import { t } from '../domain/messages';
import type { Locale } from '../domain/vocabulary';
import { formatInZone } from '../domain/zonedTime';
import type { Clock, Lock, Markers, Progress } from '../ports';

export class GasClock implements Clock {
  private readonly started = Date.now();
  constructor(private readonly timeZone: string) {}
  now(): string {
    return formatInZone(new Date(), this.timeZone);
  }
  elapsedMs(): number {
    return Date.now() - this.started;
  }
}

/** Thrown when another execution holds the lock: nothing has been written. */
export class LockBusyError extends Error {
  constructor(locale: Locale) {
    super(t(locale, 'menu.busy'));
    this.name = 'LockBusyError';
  }
}

export class ScriptLock implements Lock {
  /** `locale`: asked only when the lock is busy, to say so in the workbook's language. */
  constructor(
    private readonly waitMs = 30_000,
    private readonly locale: () => Locale = () => 'zh-CN',
  ) {}
  withLock<T>(work: () => T): T {
    const lock = LockService.getScriptLock();
    if (!lock.tryLock(this.waitMs)) throw new LockBusyError(this.locale());
    try {
      return work();
    } finally {
      lock.releaseLock();
    }
  }
}

/**
 * Script properties as markers. The first `get` reads every property in one call and later gets
 * are served from it: a job runs under the script lock, and every marker is written under it, so
 * nothing changes them meanwhile. (A `getProperty` per letter was a fifth call per letter.)
 */
export class ScriptMarkers implements Markers {
  private readonly properties = PropertiesService.getScriptProperties();
  private known: Record<string, string> | null = null;
  get(key: string): string | null {
    this.known ??= { ...this.properties.getProperties() };
    return this.known[key] ?? null;
  }
  set(key: string, value: string): void {
    this.properties.setProperty(key, value);
    if (this.known) this.known[key] = value;
  }
  delete(key: string): void {
    this.properties.deleteProperty(key);
    if (this.known) delete this.known[key];
  }
}

/**
 * Progress as toasts in the spreadsheet, at most one every `everyMs` and none in the first
 * `everyMs`: a job that is done by then, or about to be, says so in its own summary toast.
 */
export function toastProgress(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  locale: Locale,
  everyMs = 5_000,
): Progress {
  let last = Date.now();
  return {
    update(done, total, label) {
      const now = Date.now();
      if (done >= total || now - last < everyMs) return;
      last = now;
      spreadsheet.toast(
        t(locale, 'menu.progress', { done, total }),
        t(locale, 'menu.toastTitle', { job: label }),
        5,
      );
    },
  };
}
