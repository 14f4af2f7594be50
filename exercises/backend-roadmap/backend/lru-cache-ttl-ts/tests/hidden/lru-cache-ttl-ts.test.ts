import { describe, expect, test } from '@jest/globals';
import { LruCache } from './lru-cache';
import type { LruCacheOptions } from './lru-cache';

function setup(options: Partial<LruCacheOptions> = {}) {
  const clock = { t: 0 };
  const cache = new LruCache<unknown, unknown>({ maxSize: 3, ttlMs: 100, now: () => clock.t, ...options });
  return { clock, cache };
}

describe('LruCache (hidden)', () => {
  test('has() does not refresh recency, get() does', () => {
    const { cache } = setup();
    cache.set('a', 1).set('b', 2).set('c', 3);
    cache.has('a');
    cache.set('d', 4);
    expect(cache.keys()).toEqual(['b', 'c', 'd']);
    cache.get('b');
    cache.set('e', 5);
    expect(cache.keys()).toEqual(['d', 'b', 'e']);
  });

  test('updating an existing key refreshes value, TTL and recency without evicting', () => {
    const { clock, cache } = setup();
    cache.set('a', 1).set('b', 2).set('c', 3);
    clock.t = 50;
    cache.set('a', 'new');
    expect(cache.keys()).toEqual(['b', 'c', 'a']);
    expect(cache.size).toBe(3);
    clock.t = 120;
    expect(cache.keys()).toEqual(['a']);
    expect(cache.get('a')).toBe('new');
  });

  test('expired entries are dropped before evicting a live one', () => {
    const { clock, cache } = setup();
    cache.set('old', 1, 10);
    cache.set('x', 2).set('y', 3);
    clock.t = 10;
    cache.set('z', 4);
    expect(cache.keys()).toEqual(['x', 'y', 'z']);
  });

  test('without ttlMs entries never expire; keys follow Map semantics', () => {
    const clock = { t: 0 };
    const cache = new LruCache<unknown, unknown>({ maxSize: 2, now: () => clock.t });
    cache.set(1, 'number').set('1', 'string');
    clock.t = 1e12;
    expect(cache.get(1)).toBe('number');
    expect(cache.get('1')).toBe('string');
    expect(cache.size).toBe(2);
  });

  test('falsy values are cached values, not misses', () => {
    const { cache } = setup();
    cache.set('zero', 0).set('empty', '').set('undef', undefined);
    expect(cache.get('zero')).toBe(0);
    expect(cache.has('empty')).toBe(true);
    expect(cache.has('undef')).toBe(true);
  });

  test('delete of an expired entry returns false; maxSize validation', () => {
    const { clock, cache } = setup();
    cache.set('a', 1);
    clock.t = 100;
    expect(cache.delete('a')).toBe(false);
    expect(() => new LruCache({ maxSize: 1.5 })).toThrow(RangeError);
    expect(() => new LruCache({ maxSize: -1 })).toThrow(RangeError);
  });

  test('maxSize 1 keeps only the latest key', () => {
    const { cache } = setup({ maxSize: 1 });
    cache.set('a', 1).set('b', 2);
    expect(cache.keys()).toEqual(['b']);
    expect(cache.get('a')).toBeUndefined();
  });
});
