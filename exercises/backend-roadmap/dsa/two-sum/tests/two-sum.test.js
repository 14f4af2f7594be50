import { describe, expect, test } from '@jest/globals';
import { twoSum } from './two-sum';

describe('twoSum', () => {
  test('finds the pair at the start', () => {
    expect(twoSum([2, 7, 11, 15], 9)).toEqual([0, 1]);
  });

  test('finds a pair further in', () => {
    expect(twoSum([1, 5, 9, 13], 22)).toEqual([2, 3]);
  });

  test('an element cannot be used twice', () => {
    expect(twoSum([3, 2, 4], 6)).toEqual([1, 2]);
  });

  test('equal values at different positions are fine', () => {
    expect(twoSum([3, 3], 6)).toEqual([0, 1]);
  });

  test('returns null when there is no pair', () => {
    expect(twoSum([1, 2, 3], 100)).toBeNull();
  });

  test('works on a large array (10 000 numbers)', () => {
    const nums = Array.from({ length: 10000 }, (_, i) => i * 10);
    nums.push(3, 4);
    expect(twoSum(nums, 7)).toEqual([10000, 10001]);
  });
});
