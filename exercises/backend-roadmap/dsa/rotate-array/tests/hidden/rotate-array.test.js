import { describe, expect, test } from '@jest/globals';
import { rotate } from './rotate-array';

describe('rotate (hidden)', () => {
  test('k of zero or a multiple of the length returns an equal, new array', () => {
    const items = [1, 2, 3];
    expect(rotate(items, 0)).toEqual([1, 2, 3]);
    expect(rotate(items, 0)).not.toBe(items);
    expect(rotate(items, 6)).toEqual([1, 2, 3]);
    expect(rotate(items, -3)).toEqual([1, 2, 3]);
  });

  test('negative k larger than the length', () => {
    expect(rotate([1, 2, 3, 4, 5], -7)).toEqual([3, 4, 5, 1, 2]);
    expect(rotate(['x', 'y'], -13)).toEqual(['y', 'x']);
  });

  test('k much larger than the length', () => {
    expect(rotate([1, 2, 3, 4, 5], 12)).toEqual([4, 5, 1, 2, 3]);
    expect(rotate([1, 2, 3, 4, 5], 1_000_000_001)).toEqual([5, 1, 2, 3, 4]);
    expect(rotate([1, 2, 3, 4, 5], -1_000_000_001)).toEqual([2, 3, 4, 5, 1]);
  });

  test('a single element never moves', () => {
    expect(rotate(['only'], 99)).toEqual(['only']);
  });

  test('keeps the same elements (objects are not copied)', () => {
    const a = { id: 'a' };
    const b = { id: 'b' };
    const result = rotate([a, b], 1);
    expect(result[0]).toBe(b);
    expect(result[1]).toBe(a);
  });

  test('a large array with a huge k', () => {
    const items = Array.from({ length: 50000 }, (_, i) => i);
    const result = rotate(items, 1_000_000_003);
    expect(result).toHaveLength(50000);
    expect(result[0]).toBe(50000 - 3);
    expect(result[3]).toBe(0);
    expect(result[49999]).toBe(49996);
    expect(items[0]).toBe(0);
  });
});
