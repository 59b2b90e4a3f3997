/**
 * The honour roll as served, kept in Apps Script's script cache. The whole college may open the
 * link at once, and every visit runs as the deploying staff member, whose simultaneous
 * executions Google caps (30): a visit that reads five tables and renders takes seconds, one
 * served from the cache three calls. A page is kept ten minutes at most, and every job that
 * writes one of the tables it is built from starts a new generation, so what staff just did shows
 * at once; a hand edit in a sheet shows within the ten minutes. The cache is an optimisation
 * only: any failure of it serves the page built afresh.
 *
 * CacheService holds at most 100 KB a value (a Chinese character is three bytes in UTF-8), so a
 * page is stored in pieces under one manifest, and at most 1,000 entries, the oldest dropped.
 */
import {
  ActivitiesTable,
  AwardsTable,
  BranchesTable,
  ConfigTable,
  MonthlyResultsTable,
} from '../domain/schema/tables';

/** The tables the honour roll is built from: a job that writes one of them renews the pages. */
export const HONOURS_TABLES = [
  ConfigTable,
  BranchesTable,
  ActivitiesTable,
  MonthlyResultsTable,
  AwardsTable,
];
const PAGE_SOURCES = new Set(HONOURS_TABLES.map((table) => table.name));

const GENERATION = 'pages:generation';
const PIECE_CHARS = 30_000;
const MAX_PIECES = 40;
const PAGE_SECONDS = 600;
/** Pages are cached only under names made of these (they come from the visitor's URL). */
const SAFE_NAME = /^[\w:.-]{1,120}$/;

function scriptCache(): GoogleAppsScript.Cache.Cache | null {
  try {
    return typeof CacheService === 'undefined' ? null : CacheService.getScriptCache();
  } catch {
    return null;
  }
}

/** The page `name` from the cache, else built by `build` and kept for the next visitors. */
export function cachedPage(name: string, build: () => string): string {
  const cache = SAFE_NAME.test(name) ? scriptCache() : null;
  if (!cache) return build();
  let key: string | null = null;
  try {
    key = `pages:${cache.get(GENERATION) ?? '0'}:${name}`;
    const pieces = Number(cache.get(key));
    if (Number.isInteger(pieces) && pieces > 0) {
      const keys = Array.from({ length: pieces }, (_, i) => `${key}#${i}`);
      const stored = cache.getAll(keys);
      if (keys.every((k) => typeof stored[k] === 'string')) {
        return keys.map((k) => stored[k] as string).join('');
      }
    }
  } catch {
    // An unreadable cache is an empty one.
  }
  const page = build();
  const pieces = Math.ceil(page.length / PIECE_CHARS);
  if (key === null || pieces > MAX_PIECES) return page;
  try {
    const values: Record<string, string> = { [key]: String(pieces) };
    for (let i = 0; i < pieces; i++) {
      values[`${key}#${i}`] = page.slice(i * PIECE_CHARS, (i + 1) * PIECE_CHARS);
    }
    cache.putAll(values, PAGE_SECONDS);
  } catch {
    // Not kept: the next visitor builds it again.
  }
  return page;
}

/**
 * After a job wrote `tables`: when one of them is a page's source, every cached page is out of
 * date, and a new generation begins, named by `token` (the job's time: jobs run one at a time).
 */
export function pagesChanged(tables: readonly string[], token: string): void {
  if (!tables.some((name) => PAGE_SOURCES.has(name))) return;
  try {
    scriptCache()?.put(GENERATION, token.replace(/[^\w.-]/g, ''), 21_600);
  } catch {
    // The pages then expire on their own within ten minutes.
  }
}
