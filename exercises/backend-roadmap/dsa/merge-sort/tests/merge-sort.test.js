import { describe, expect, test } from '@jest/globals';
import { merge, mergeSort } from './merge-sort';

/** Wraps a compare function to count how many times it is called. */
function counting(compare = (a, b) => a - b) {
  const counter = { calls: 0 };
  const fn = (a, b) => {
    counter.calls += 1;
    return compare(a, b);
  };
  return { fn, counter };
}

describe('merge', () => {
  test('combines two sorted arrays into one sorted array', () => {
    expect(merge([1, 4, 9], [2, 3, 10])).toEqual([1, 2, 3, 4, 9, 10]);
    expect(merge([], [1, 2])).toEqual([1, 2]);
    expect(merge([5], [])).toEqual([5]);
  });

  test('on a tie the element from left comes first', () => {
    const a = { name: 'left', n: 1 };
    const b = { name: 'right', n: 1 };
    expect(merge([a], [b], (x, y) => x.n - y.n)).toEqual([a, b]);
  });

  test('uses at most left.length + right.length - 1 comparisons', () => {
    const { fn, counter } = counting();
    merge([1, 3, 5, 7], [2, 4, 6, 8], fn);
    expect(counter.calls).toBeLessThanOrEqual(7);
  });
});

describe('mergeSort', () => {
  test('sorts numbers ascending by default, by value (not as text)', () => {
    expect(mergeSort([5, 2, 4, 1, 3])).toEqual([1, 2, 3, 4, 5]);
    expect(mergeSort([10, 9, 1])).toEqual([1, 9, 10]);
  });

  test('sorts strings alphabetically by default, or with a compare function', () => {
    expect(mergeSort(['pear', 'apple', 'fig'])).toEqual(['apple', 'fig', 'pear']);
    expect(mergeSort([3, 1, 2], (a, b) => b - a)).toEqual([3, 2, 1]);
  });

  test('is stable: ties keep their original order', () => {
    const users = [
      { name: 'Ann', age: 30 },
      { name: 'Bob', age: 25 },
      { name: 'Cy', age: 30 },
    ];
    expect(mergeSort(users, (a, b) => a.age - b.age).map((u) => u.name)).toEqual(['Bob', 'Ann', 'Cy']);
  });

  test('returns a new array and leaves the input alone', () => {
    const input = [3, 1, 2];
    const result = mergeSort(input);
    expect(input).toEqual([3, 1, 2]);
    expect(result).not.toBe(input);
  });

  test('does not call the built-in sort', () => {
    expect(String(mergeSort)).not.toMatch(/\.(sort|toSorted)\s*\(/);
  });
});
