import { describe, expect, test } from '@jest/globals';
import { binarySearch, lowerBound } from './binary-search';

/** Wraps an array in a Proxy that counts how many elements are read. */
function counted(array) {
  const counter = { reads: 0 };
  const proxy = new Proxy(array, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^[0-9]+$/.test(key)) counter.reads += 1;
      return Reflect.get(target, key, receiver);
    },
  });
  return { proxy, counter };
}

const evens = Array.from({ length: 100000 }, (_, i) => i * 2); // 0, 2, 4, ..., 199998

describe('binary search (hidden)', () => {
  test('empty and single-element arrays', () => {
    expect(binarySearch([], 1)).toBe(-1);
    expect(lowerBound([], 1)).toBe(0);
    expect(binarySearch([7], 7)).toBe(0);
    expect(binarySearch([7], 8)).toBe(-1);
    expect(lowerBound([7], 8)).toBe(1);
  });

  test('all elements equal', () => {
    expect(binarySearch([5, 5, 5, 5, 5, 5, 5], 5)).toBe(0);
    expect(lowerBound([5, 5, 5, 5], 6)).toBe(4);
  });

  test('negative numbers and decimals', () => {
    const values = [-10, -2.5, -2.5, 0, 0.5, 4];
    expect(binarySearch(values, -2.5)).toBe(1);
    expect(binarySearch(values, 0.5)).toBe(4);
    expect(lowerBound(values, -3)).toBe(1);
    expect(lowerBound(values, 1)).toBe(5);
  });

  test('a large array, many targets', () => {
    expect(binarySearch(evens, 0)).toBe(0);
    expect(binarySearch(evens, 199998)).toBe(99999);
    expect(binarySearch(evens, 123456)).toBe(61728);
    expect(binarySearch(evens, 123457)).toBe(-1);
    expect(lowerBound(evens, 123457)).toBe(61729);
    expect(lowerBound(evens, 200000)).toBe(100000);
  });

  test('reads only O(log n) elements', () => {
    for (const target of [0, 77777, 123456, 199998, 500000, -1]) {
      const { proxy, counter } = counted(evens);
      lowerBound(proxy, target);
      binarySearch(proxy, target);
      expect(counter.reads).toBeLessThanOrEqual(2 * 18 + 4);
    }
  });
});
