import { describe, expect, test } from '@jest/globals';
import { LruCache } from './lru-cache';

function setup(options = {}) {
  const clock = { t: 0 };
  const cache = new LruCache({ maxSize: 2, ttlMs: 1000, now: () => clock.t, ...options });
  return { clock, cache };
}

describe('LruCache', () => {
  test('stores and returns values', () => {
    const { cache } = setup();
    cache.set('a', 1).set('b', 2);
    expect(cache.get('a')).toBe(1);
    expect(cache.get('b')).toBe(2);
    expect(cache.get('zzz')).toBeUndefined();
    expect(cache.size).toBe(2);
  });

  test('evicts the least recently used entry when full', () => {
    const { cache } = setup();
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a');
    cache.set('c', 3);
    expect(cache.has('b')).toBe(false);
    expect(cache.keys()).toEqual(['a', 'c']);
  });

  test('entries expire after ttlMs', () => {
    const { clock, cache } = setup();
    cache.set('a', 1);
    clock.t = 999;
    expect(cache.get('a')).toBe(1);
    clock.t = 1000;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  test('a per-entry TTL overrides the default', () => {
    const { clock, cache } = setup();
    cache.set('short', 1, 10);
    cache.set('long', 2);
    clock.t = 10;
    expect(cache.has('short')).toBe(false);
    expect(cache.has('long')).toBe(true);
  });

  test('delete removes an entry', () => {
    const { cache } = setup();
    cache.set('a', 1);
    expect(cache.delete('a')).toBe(true);
    expect(cache.delete('a')).toBe(false);
    expect(cache.get('a')).toBeUndefined();
  });

  test('maxSize must be a positive integer', () => {
    expect(() => new LruCache({ maxSize: 0 })).toThrow(RangeError);
  });
});
