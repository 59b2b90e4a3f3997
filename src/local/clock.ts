/** Clocks for local mode: the real one, and a settable one for the demo year and tests. */
import { performance } from 'node:perf_hooks';
import { formatInZone } from '../domain/zonedTime';
import type { Clock } from '../ports';

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
