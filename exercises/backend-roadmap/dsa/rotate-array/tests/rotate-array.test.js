import { describe, expect, test } from '@jest/globals';
import { rotate } from './rotate-array';

describe('rotate', () => {
  test('rotates one place to the right', () => {
    expect(rotate([1, 2, 3, 4, 5], 1)).toEqual([5, 1, 2, 3, 4]);
  });

  test('rotates several places to the right', () => {
    expect(rotate([1, 2, 3, 4, 5], 2)).toEqual([4, 5, 1, 2, 3]);
  });

  test('a negative k rotates to the left', () => {
    expect(rotate([1, 2, 3, 4, 5], -1)).toEqual([2, 3, 4, 5, 1]);
  });

  test('k larger than the length wraps around', () => {
    expect(rotate([1, 2, 3, 4, 5], 7)).toEqual([4, 5, 1, 2, 3]);
  });

  test('an empty array stays empty', () => {
    expect(rotate([], 3)).toEqual([]);
  });

  test('does not change the input', () => {
    const items = ['a', 'b', 'c'];
    const result = rotate(items, 1);
    expect(items).toEqual(['a', 'b', 'c']);
    expect(result).toEqual(['c', 'a', 'b']);
  });
});
