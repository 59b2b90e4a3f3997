/** The web app's page cache over the sandbox's CacheService, with Google's limits. */
import { cachedPage, pagesChanged } from '../../src/gas/pageCache';
import { DashboardTable, LogTable, MonthlyResultsTable } from '../../src/domain/schema/tables';
import { createWorld } from '../sandbox';

const world = createWorld();
const globals = globalThis as { CacheService?: unknown };

beforeAll(() => {
  globals.CacheService = world.services.CacheService;
});
afterAll(() => {
  delete globals.CacheService;
});

function counted<T>(fn: () => T): { value: T; calls: Record<string, number> } {
  const before = world.calls.snapshot();
  const value = fn();
  return { value, calls: world.calls.since(before) };
}

describe('cachedPage', () => {
  it('keeps a page larger than one cache value in pieces, and serves it whole', () => {
    // 70,000 Chinese characters: 210 KB in UTF-8, over two values' limit.
    const page = '荣誉榜'.repeat(23_334);
    let builds = 0;
    const build = () => (builds++, page);
    expect(cachedPage('honours:big', build)).toBe(page);
    const again = counted(() => cachedPage('honours:big', build));
    expect(again.value).toBe(page);
    expect(builds).toBe(1);
    expect(again.calls).toEqual({
      'CacheService.getScriptCache': 1,
      'Cache.get': 2,
      'Cache.getAll': 1,
    });
  });

  it('builds afresh in a new generation, when a piece is lost, and for a name from a strange URL', () => {
    let n = 0;
    const build = () => `page ${++n}`;
    expect(cachedPage('honours:a', build)).toBe('page 1');
    expect(cachedPage('honours:a', build)).toBe('page 1');
    // A job that wrote only the dashboard and the run log leaves the pages as they are.
    pagesChanged([DashboardTable.name, LogTable.name], '2026-10-27 15:00:00.1');
    expect(cachedPage('honours:a', build)).toBe('page 1');
    pagesChanged([MonthlyResultsTable.name, LogTable.name], '2026-10-27 16:00:00.1234');
    expect(cachedPage('honours:a', build)).toBe('page 2');
    // Google dropped one piece of it.
    const entries = world.services.CacheService._caches.get('script')!;
    const piece = [...entries.keys()].filter((k) => k.endsWith(':honours:a#0')).at(-1)!;
    entries.delete(piece);
    expect(cachedPage('honours:a', build)).toBe('page 3');
    const strange = 'honours:<script>'.padEnd(300, 'x');
    expect(cachedPage(strange, build)).toBe('page 4');
    expect(cachedPage(strange, build)).toBe('page 5');
  });

  it('serves the page built afresh when there is no cache at all', () => {
    delete globals.CacheService;
    try {
      expect(cachedPage('honours:none', () => 'fresh')).toBe('fresh');
      expect(() => pagesChanged([MonthlyResultsTable.name], 'x')).not.toThrow();
    } finally {
      globals.CacheService = world.services.CacheService;
    }
  });

  it('is best effort: a failing cache call serves the page and fails nothing', () => {
    cachedPage('honours:warm', () => 'warm');
    const cases: [string, () => unknown, unknown][] = [
      ['Cache.get', () => cachedPage('honours:cold-1', () => 'built'), 'built'],
      ['Cache.getAll', () => cachedPage('honours:warm', () => 'rebuilt'), 'rebuilt'],
      ['Cache.putAll', () => cachedPage('honours:cold-2', () => 'built'), 'built'],
      ['Cache.put', () => pagesChanged([MonthlyResultsTable.name], 'later'), undefined],
    ];
    for (const [method, run, expected] of cases) {
      const fault = world.failAt((name) => name === method, 'Service error: Cache');
      try {
        expect([method, run()]).toEqual([method, expected]);
        expect([method, fault.fired]).toEqual([method, 1]);
      } finally {
        fault.cancel();
      }
    }
  });
});
