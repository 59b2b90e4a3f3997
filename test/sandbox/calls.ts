/**
 * The sandbox's call recorder and its strictness.
 *
 * Every fake object is wrapped by `strict()`, a Proxy that:
 *  - throws `Sandbox: <Type>.<member> is not implemented` when code reads a member the fake does
 *    not have (a small allowlist — `then`, `toJSON`, symbols, Jest's probes — reads as undefined,
 *    so awaiting or printing a fake does not explode);
 *  - counts every method call as `calls.counts['<Type>.<method>']` (`Range.getValues`,
 *    `Docs.Documents.batchUpdate`…). Only calls made from outside the fakes count: a fake method
 *    calling another fake (a form writing its response row, say) is not a service call.
 *
 * Members whose name starts with `_` are the fakes' own plumbing: never counted, never checked.
 */

/** What the world does around each counted call (time limit, clock, injected faults). */
export interface CallGate {
  /** Before the call is counted; throwing here means the call never happened (time limit). */
  check(name: string): void;
  /** After the call is counted, before the fake runs it; throwing here is a failed call. */
  enter(name: string, seq: number): void;
}

export interface CallEntry {
  /** 1-based position among all counted calls since the last reset. */
  readonly seq: number;
  readonly name: string;
  /** The execution the call was made in, or null outside any execution. */
  readonly execution: string | null;
}

export class CallRecorder {
  /** Live counts by `Service.method`. Read it, or take a `snapshot()`. */
  readonly counts: Record<string, number> = {};
  /** Every counted call in order. */
  readonly log: CallEntry[] = [];
  /** Set by the world: the time limit, the clock, fault injection. */
  gate: CallGate | undefined;
  /** Set by the world: the id of the execution calls are made in. */
  execution: () => string | null = () => null;
  private seq = 0;
  private depth = 0;

  /** Runs a fake method as one service call (counted only when not nested in another). */
  invoke<T>(name: string, body: () => T): T {
    if (this.depth > 0) return body();
    this.gate?.check(name);
    this.seq += 1;
    this.counts[name] = (this.counts[name] ?? 0) + 1;
    this.log.push({ seq: this.seq, name, execution: this.execution() });
    this.gate?.enter(name, this.seq);
    this.depth += 1;
    try {
      return body();
    } finally {
      this.depth -= 1;
    }
  }

  /** Runs `fn` as the fakes' own business: nothing inside is counted, timed or faulted. */
  internal<T>(fn: () => T): T {
    this.depth += 1;
    try {
      return fn();
    } finally {
      this.depth -= 1;
    }
  }

  /** Whether code is running inside a fake (nested calls are not service calls). */
  get nested(): boolean {
    return this.depth > 0;
  }

  /** Calls of one method so far. */
  count(name: string): number {
    return this.counts[name] ?? 0;
  }

  /** A sorted copy of the counts. */
  snapshot(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const key of Object.keys(this.counts).sort()) out[key] = this.counts[key]!;
    return out;
  }

  /** Counts since an earlier `snapshot()` (only the methods that were called). */
  since(before: Readonly<Record<string, number>>): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [key, n] of Object.entries(this.snapshot())) {
      const d = n - (before[key] ?? 0);
      if (d > 0) out[key] = d;
    }
    return out;
  }

  reset(): void {
    for (const key of Object.keys(this.counts)) delete this.counts[key];
    this.log.length = 0;
    this.seq = 0;
  }

  /** All calls, or those whose name passes `filter` (e.g. `(n) => !n.startsWith('Logger.')`). */
  total(filter?: (name: string) => boolean): number {
    let sum = 0;
    for (const [key, n] of Object.entries(this.counts)) if (!filter || filter(key)) sum += n;
    return sum;
  }

  /** Calls per service type: everything before the last dot (`Range`, `Docs.Documents`). */
  byService(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [key, n] of Object.entries(this.snapshot())) {
      const service = key.slice(0, key.lastIndexOf('.'));
      out[service] = (out[service] ?? 0) + n;
    }
    return out;
  }

  /** Calls per execution id (`null` executions are listed under `(outside)`). */
  byExecution(): Record<string, Record<string, number>> {
    const out: Record<string, Record<string, number>> = {};
    for (const entry of this.log) {
      const key = entry.execution ?? '(outside)';
      const bucket = (out[key] ??= {});
      bucket[entry.name] = (bucket[entry.name] ?? 0) + 1;
    }
    return out;
  }

  /** A printable table for reports: `Range.getValues  3`, one per line. */
  report(): string {
    const rows = Object.entries(this.snapshot());
    const width = Math.max(0, ...rows.map(([k]) => k.length));
    return rows.map(([k, n]) => `${k.padEnd(width)}  ${n}`).join('\n');
  }
}

/** What `strict` needs from its host: the recorder and a realm-correct Error. */
export interface StrictHost {
  readonly calls?: CallRecorder;
  _sandboxError?(message: string): Error;
}

/**
 * Properties that are read by `await`, `JSON.stringify`, `util.inspect` and Jest's printer; they
 * read as undefined instead of throwing when a fake lacks them.
 */
const PROBES = new Set([
  'then',
  'toJSON',
  'asymmetricMatch',
  '$$typeof',
  'nodeType',
  'tagName',
  'inspect',
  'prototype',
  '__esModule',
  'size',
  'length',
]);

type AnyFn = (...args: unknown[]) => unknown;

/**
 * The object behind a strict proxy, for the fakes' own inner loops: every read through the proxy
 * costs a trap, and reading a sheet's cells makes millions of them.
 */
export const RAW = Symbol('sandbox raw object');

/** `value` without its strict proxy (itself when it has none). */
export function unwrapped<T extends object>(value: T): T {
  return ((value as { [RAW]?: T })[RAW] ?? value) as T;
}

/**
 * Wraps `target` so that reading a member it does not implement throws, and its methods are
 * counted under `name` (`Range.getValues`). `api`, when given, narrows the members further: the
 * same object can be exposed as a generic `Item` and as a `TextItem`.
 */
export function strict<T extends object>(
  name: string,
  target: T,
  host?: StrictHost,
  api?: ReadonlySet<string>,
): T {
  const wrappers = new Map<string, { fn: AnyFn; wrapped: AnyFn }>();
  const proxy: T = new Proxy(target, {
    get(t, prop, receiver) {
      if (prop === RAW) return t;
      if (typeof prop === 'symbol' || prop.startsWith('_') || prop in Object.prototype) {
        return Reflect.get(t, prop, receiver);
      }
      if (!(prop in t) || (api !== undefined && !api.has(prop))) {
        if (PROBES.has(prop) || prop.startsWith('@@')) return undefined;
        const message = `Sandbox: ${name}.${prop} is not implemented`;
        throw host?._sandboxError ? host._sandboxError(message) : new Error(message);
      }
      const value: unknown = Reflect.get(t, prop, receiver);
      if (typeof value !== 'function') return value;
      const fn = value as AnyFn;
      let entry = wrappers.get(prop);
      if (!entry || entry.fn !== fn) {
        const full = `${name}.${prop}`;
        const calls = host?.calls;
        const wrapped: AnyFn = (...args) =>
          calls ? calls.invoke(full, () => fn.apply(proxy, args)) : fn.apply(proxy, args);
        Object.defineProperty(wrapped, 'name', { value: prop });
        entry = { fn, wrapped };
        wrappers.set(prop, entry);
      }
      return entry.wrapped;
    },
  });
  return proxy;
}

/**
 * Base class of every fake Apps Script object: the constructor returns the strict, counting
 * proxy, so `this` inside methods is the proxy and every reference handed out is strict.
 */
export abstract class Fake<H extends StrictHost = StrictHost> {
  readonly _type: string;
  readonly _world: H;
  constructor(world: H, type: string, api?: ReadonlySet<string>) {
    this._type = type;
    this._world = world;
    return strict(type, this, world, api);
  }
  /** Apps Script objects print as their type name (`String(range)` is `Range`). */
  toString(): string {
    return this._type;
  }
}

/**
 * An Apps Script enum: each member is its own name (`ScriptApp.EventType.CLOCK === 'CLOCK'`),
 * which compares, prints and serialises like the real enum objects do. Unknown members throw.
 */
export function enumOf<K extends string>(
  name: string,
  keys: readonly K[],
  host?: StrictHost,
): Readonly<Record<K, K>> {
  const obj = {} as Record<K, K>;
  for (const k of keys) obj[k] = k;
  return strict(name, Object.freeze(obj), host);
}

/** Every key of every member of a union (`keyof (A | B)` is only the common ones). */
export type AllKeys<T> = T extends unknown ? keyof T : never;

/**
 * Compile-time guard: a fake's public members must all exist on the Apps Script interface it
 * stands for (members starting with `_` are plumbing). A typo becomes a type error naming it:
 * `export type Checks = [Assert<OnlyApi<FakeRange, GoogleAppsScript.Spreadsheet.Range>>]`.
 */
export type OnlyApi<C, I> = [Exclude<keyof C, I | `_${string}` | 'toString'>] extends [never]
  ? true
  : { notInAppsScript: Exclude<keyof C, I | `_${string}` | 'toString'> };
export type Assert<T extends true> = T;
