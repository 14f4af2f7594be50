import { describe, expect, test } from '@jest/globals';
import { merge, mergeSort } from './merge-sort';
import type { Compare } from './merge-sort';

/** Deterministic pseudo-random numbers (a linear congruential generator). */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state;
  };
}

function counting(compare: Compare<number> = (a, b) => a - b) {
  const counter = { calls: 0 };
  const fn: Compare<number> = (a, b) => {
    counter.calls += 1;
    return compare(a, b);
  };
  return { fn, counter };
}

describe('merge sort (hidden)', () => {
  test('empty, single and two-element arrays', () => {
    expect(mergeSort([])).toEqual([]);
    expect(mergeSort([7])).toEqual([7]);
    expect(mergeSort([2, 1])).toEqual([1, 2]);
    expect(merge([], [])).toEqual([]);
  });

  test('a one-element array comes back as a new array', () => {
    const one = [7];
    expect(mergeSort(one)).not.toBe(one);
  });

  test('the default order is stable too: equal values keep their input order', () => {
    // Two Date objects with the same time compare as equal but are different objects.
    const first = new Date(5);
    const second = new Date(5);
    const early = new Date(1);
    const sorted: Date[] = mergeSort([first, early, second]);
    expect(sorted[0]).toBe(early);
    expect(sorted[1]).toBe(first);
    expect(sorted[2]).toBe(second);
    expect(merge([first], [second])[0]).toBe(first);
  });

  test('negative numbers, duplicates, already sorted and reversed input', () => {
    expect(mergeSort([0, -5, 3, -5, 10, 3])).toEqual([-5, -5, 0, 3, 3, 10]);
    expect(mergeSort([1, 2, 3, 4])).toEqual([1, 2, 3, 4]);
    expect(mergeSort([9, 7, 5, 3, 1, -1])).toEqual([-1, 1, 3, 5, 7, 9]);
  });

  test('merge stays within its comparison budget on longer arrays', () => {
    const left = Array.from({ length: 500 }, (_, i) => i * 2);
    const right = Array.from({ length: 500 }, (_, i) => i * 2 + 1);
    const { fn, counter } = counting();
    const merged = merge(left, right, fn);
    expect(merged).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(counter.calls).toBeLessThanOrEqual(999);
    expect(left).toHaveLength(500);
  });

  test('stable with many ties', () => {
    const next = seeded(7);
    const records = Array.from({ length: 1000 }, (_, id) => ({ id, group: next() % 5 }));
    const sorted = mergeSort(records, (a, b) => a.group - b.group);
    let ok = sorted.length === 1000;
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1];
      const cur = sorted[i];
      if (!(prev.group < cur.group || (prev.group === cur.group && prev.id < cur.id))) ok = false;
    }
    expect(ok).toBe(true);
  });

  test('a stable descending sort keeps ties in input order', () => {
    const words = ['bb', 'a', 'cc', 'd', 'ee'];
    expect(mergeSort(words, (a, b) => b.length - a.length)).toEqual(['bb', 'cc', 'ee', 'a', 'd']);
  });

  test('O(n log n) comparisons, and 50 000 numbers sorted', () => {
    const next = seeded(42);
    const small = Array.from({ length: 1024 }, () => next() % 1000);
    const { fn, counter } = counting();
    mergeSort(small, fn);
    expect(counter.calls).toBeLessThanOrEqual(1024 * 10);

    const input = Array.from({ length: 50000 }, () => next() % 100000);
    const copy = input.slice();
    const sorted = mergeSort(input);
    expect(sorted).toHaveLength(50000);
    let ordered = true;
    for (let i = 1; i < sorted.length; i++) if (sorted[i - 1] > sorted[i]) ordered = false;
    expect(ordered).toBe(true);
    expect(input.every((x, i) => x === copy[i])).toBe(true); // input unchanged
    const total = (arr: number[]): number => arr.reduce((s, x) => s + x, 0);
    expect(total(sorted)).toBe(total(input));
  });
});
