import { createWorld } from './index';

describe('the sandbox CacheService', () => {
  const world = createWorld();
  const cache = () => world.calls.internal(() => world.services.CacheService.getScriptCache());

  it('keeps a value until it expires (ten minutes unless told, six hours at most)', () => {
    cache().put('a', 'one');
    cache().put('b', 'two', 60 * 60 * 24);
    expect(cache().getAll(['a', 'b', 'c'])).toEqual({ a: 'one', b: 'two' });
    world.setNow(new Date(world.nowMs + 10 * 60_000));
    expect(cache().get('a')).toBeNull();
    world.setNow(new Date(world.nowMs + 6 * 3_600_000));
    expect(cache().get('b')).toBeNull();
  });

  it('refuses a value over 100 KB (a CJK character is three bytes) and a key over 250 characters', () => {
    expect(() => cache().put('big', '党'.repeat(34_200))).toThrow('Argument too large: value');
    cache().put('fits', '党'.repeat(34_000));
    expect(() => cache().put('k'.repeat(251), 'v')).toThrow('Argument too large: key');
  });

  it('holds 1,000 entries, dropping the oldest', () => {
    const values: Record<string, string> = {};
    for (let i = 0; i < 1001; i++) values[`n${i}`] = String(i);
    cache().putAll(values);
    expect(cache().get('n0')).toBeNull();
    expect(cache().get('n1000')).toBe('1000');
  });
});
