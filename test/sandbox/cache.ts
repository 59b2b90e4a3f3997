/**
 * CacheService as Apps Script documents it: a script cache (and document and user caches) of
 * string values under keys of at most 250 characters, values of at most 100 KB, at most 1,000
 * entries (the oldest go first), each expiring after its time (default 600 s, at most 21,600 s),
 * read on the world clock. An entry may vanish earlier in Google's cache; `_evictAll` plays that.
 */
import { Fake, type Assert, type OnlyApi } from './calls';
import { utf8Bytes } from './util';
import type { World } from './world';

const MAX_KEY = 250;
const MAX_VALUE_BYTES = 100 * 1024;
const MAX_ENTRIES = 1000;
const DEFAULT_SECONDS = 600;
const MAX_SECONDS = 21_600;

interface Entry {
  readonly value: string;
  readonly expiresMs: number;
}

export class FakeCache extends Fake<World> {
  constructor(
    world: World,
    readonly _entries: Map<string, Entry>,
  ) {
    super(world, 'Cache');
  }
  _key(key: unknown): string {
    const text = String(key ?? '');
    if (text === '' || text.length > MAX_KEY) {
      throw this._world._exception(`Argument too large: key`);
    }
    return text;
  }
  _live(key: string): string | null {
    const entry = this._entries.get(key);
    if (!entry) return null;
    if (entry.expiresMs <= this._world.nowMs) {
      this._entries.delete(key);
      return null;
    }
    return entry.value;
  }
  _put(key: unknown, value: unknown, seconds: unknown): void {
    const k = this._key(key);
    const text = String(value);
    if (utf8Bytes(text) > MAX_VALUE_BYTES)
      throw this._world._exception('Argument too large: value');
    const s = seconds === undefined ? DEFAULT_SECONDS : Number(seconds);
    if (!Number.isFinite(s) || s < 1)
      throw this._world._exception('Invalid argument: expirationInSeconds');
    this._entries.delete(k);
    this._entries.set(k, {
      value: text,
      expiresMs: this._world.nowMs + Math.min(s, MAX_SECONDS) * 1000,
    });
    while (this._entries.size > MAX_ENTRIES)
      this._entries.delete(this._entries.keys().next().value!);
  }
  get(key: string): string | null {
    return this._live(this._key(key));
  }
  getAll(keys: string[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const key of keys) {
      const value = this._live(this._key(key));
      if (value !== null) out[key] = value;
    }
    return out;
  }
  put(key: string, value: string, expirationInSeconds?: number): void {
    this._put(key, value, expirationInSeconds);
  }
  putAll(values: Record<string, string>, expirationInSeconds?: number): void {
    for (const [key, value] of Object.entries(values)) this._put(key, value, expirationInSeconds);
  }
  remove(key: string): void {
    this._entries.delete(this._key(key));
  }
  removeAll(keys: string[]): void {
    for (const key of keys) this._entries.delete(this._key(key));
  }
}

export class FakeCacheService extends Fake<World> {
  readonly _caches = new Map<string, Map<string, Entry>>();
  constructor(world: World) {
    super(world, 'CacheService');
  }
  _cache(scope: string): FakeCache {
    let entries = this._caches.get(scope);
    if (!entries) {
      entries = new Map();
      this._caches.set(scope, entries);
    }
    return new FakeCache(this._world, entries);
  }
  getScriptCache(): FakeCache {
    return this._cache('script');
  }
  getDocumentCache(): FakeCache {
    return this._cache(`document:${this._world.spreadsheet._id}`);
  }
  getUserCache(): FakeCache {
    return this._cache(`user:${this._world._activeUserEmail()}`);
  }
  /** Google may drop cached entries at any time: every cache emptied. */
  _evictAll(): void {
    for (const entries of this._caches.values()) entries.clear();
  }
}

export type CacheChecks = [
  Assert<OnlyApi<FakeCacheService, keyof GoogleAppsScript.Cache.CacheService>>,
  Assert<OnlyApi<FakeCache, keyof GoogleAppsScript.Cache.Cache>>,
];
