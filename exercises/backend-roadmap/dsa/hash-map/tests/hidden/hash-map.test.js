import { describe, expect, test } from '@jest/globals';
import { HashMap } from './hash-map';

function expectEveryEntryInItsBucket(map) {
  let count = 0;
  map.buckets.forEach((bucket, index) => {
    for (const [key] of bucket) {
      count += 1;
      if (map.hash(key) !== index) throw new Error(`key ${key} sits in bucket ${index}, not ${map.hash(key)}`);
    }
  });
  expect(count).toBe(map.size);
}

describe('HashMap (hidden)', () => {
  test('keys that exist on every object work like any other key', () => {
    const map = new HashMap();
    expect(map.has('constructor')).toBe(false);
    expect(map.get('toString')).toBeUndefined();
    map.set('constructor', 1).set('__proto__', 2).set('toString', 3).set('', 4);
    expect(map.get('constructor')).toBe(1);
    expect(map.get('__proto__')).toBe(2);
    expect(map.get('toString')).toBe(3);
    expect(map.get('')).toBe(4);
    expect(map.size).toBe(4);
  });

  test('falsy values are stored values', () => {
    const map = new HashMap();
    map.set('zero', 0).set('nothing', undefined).set('no', false);
    expect(map.get('zero')).toBe(0);
    expect(map.has('nothing')).toBe(true);
    expect(map.has('no')).toBe(true);
    expect(map.size).toBe(3);
  });

  test('the default capacity is 8 and grows at the 7th key', () => {
    const map = new HashMap();
    for (let i = 0; i < 6; i++) map.set(`k${i}`, i);
    expect(map.capacity).toBe(8);
    map.set('k6', 6);
    expect(map.capacity).toBe(16);
    map.set('k6', 60); // an update never grows the table
    expect(map.capacity).toBe(16);
    expectEveryEntryInItsBucket(map);
  });

  test('1000 keys: all found, all in the right bucket, spread out', () => {
    const map = new HashMap();
    for (let i = 0; i < 1000; i++) map.set(`user:${i}`, i * 2);
    expect(map.size).toBe(1000);
    expect(map.capacity).toBe(2048);
    for (let i = 0; i < 1000; i++) {
      if (map.get(`user:${i}`) !== i * 2) throw new Error(`user:${i} has the wrong value`);
    }
    expectEveryEntryInItsBucket(map);
    const used = map.buckets.filter((bucket) => bucket.length > 0).length;
    expect(used).toBeGreaterThanOrEqual(300);
    expect(Math.max(...map.buckets.map((bucket) => bucket.length))).toBeLessThanOrEqual(12);
  });

  test('delete keeps everything else reachable and never shrinks', () => {
    const map = new HashMap(4);
    for (let i = 0; i < 20; i++) map.set(`key-${i}`, i);
    const capacity = map.capacity;
    for (let i = 0; i < 20; i += 2) expect(map.delete(`key-${i}`)).toBe(true);
    expect(map.size).toBe(10);
    expect(map.capacity).toBe(capacity);
    expect(map.get('key-7')).toBe(7);
    expect(map.has('key-8')).toBe(false);
    expect(map.keys().sort()).toEqual(
      ['key-1', 'key-11', 'key-13', 'key-15', 'key-17', 'key-19', 'key-3', 'key-5', 'key-7', 'key-9'],
    );
  });
});
