/** Clocks for local mode: the real one, and a settable one for the demo year and tests. */
import { performance } from 'node:perf_hooks';
import type { Clock } from '../ports';

/** Wall-clock time in a time zone, as `YYYY-MM-DD HH:mm:ss`. */
export function formatInZone(instant: Date, timeZone: string): string {
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

export class SystemClock implements Clock {
  constructor(private readonly timeZone = 'Asia/Shanghai') {}
  now(): string {
    return formatInZone(new Date(), this.timeZone);
  }
  elapsedMs(): number {
    return performance.now();
  }
}

/** A clock that says what it is told: the demo walks it through the programme year. */
export class SettableClock implements Clock {
  constructor(private current: string) {}
  set(localTime: string): void {
    this.current = localTime;
  }
  now(): string {
    return this.current;
  }
  elapsedMs(): number {
    return performance.now();
  }
}
