import { describe, expect, test } from '@jest/globals';
import { HashMap } from './hash-map';

describe('HashMap', () => {
  test('set and get', () => {
    const map = new HashMap();
    map.set('alice', 1).set('bob', 2);
    expect(map.get('alice')).toBe(1);
    expect(map.get('bob')).toBe(2);
    expect(map.get('carol')).toBeUndefined();
    expect(map.size).toBe(2);
  });

  test('setting an existing key updates it', () => {
    const map = new HashMap();
    map.set('alice', 1);
    map.set('alice', 10);
    expect(map.get('alice')).toBe(10);
    expect(map.size).toBe(1);
  });

  test('has and delete', () => {
    const map = new HashMap();
    map.set('bob', 2);
    expect(map.has('bob')).toBe(true);
    expect(map.delete('bob')).toBe(true);
    expect(map.has('bob')).toBe(false);
    expect(map.delete('bob')).toBe(false);
    expect(map.size).toBe(0);
  });

  test('hash gives a bucket index for the current capacity', () => {
    const map = new HashMap(8);
    expect(map.capacity).toBe(8);
    expect(map.buckets).toHaveLength(8);
    for (const key of ['a', 'alice', 'user:42', '']) {
      const index = map.hash(key);
      expect(Number.isInteger(index)).toBe(true);
      expect(index).toBeGreaterThanOrEqual(0);
      expect(index).toBeLessThan(8);
      expect(map.hash(key)).toBe(index);
    }
  });

  test('entries are stored in the bucket their key hashes to', () => {
    const map = new HashMap(8);
    map.set('alice', 1).set('bob', 2);
    expect(map.buckets[map.hash('alice')]).toContainEqual(['alice', 1]);
    expect(map.buckets[map.hash('bob')]).toContainEqual(['bob', 2]);
  });

  test('doubles its capacity when more than 3/4 full', () => {
    const map = new HashMap(4);
    map.set('a', 1).set('b', 2).set('c', 3);
    expect(map.capacity).toBe(4);
    map.set('d', 4);
    expect(map.capacity).toBe(8);
    expect(['a', 'b', 'c', 'd'].map((k) => map.get(k))).toEqual([1, 2, 3, 4]);
  });

  test('keys lists every key', () => {
    const map = new HashMap();
    map.set('x', 1).set('y', 2).set('z', 3);
    map.delete('y');
    expect(map.keys().sort()).toEqual(['x', 'z']);
  });
});
