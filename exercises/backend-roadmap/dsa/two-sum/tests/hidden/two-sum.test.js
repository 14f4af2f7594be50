import { describe, expect, test } from '@jest/globals';
import { twoSum } from './two-sum';

/** Wraps an array in a Proxy that counts how many elements are read. */
function counted(array) {
  const counter = { reads: 0, pastTheEnd: 0 };
  const proxy = new Proxy(array, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^[0-9]+$/.test(key)) {
        counter.reads += 1;
        if (Number(key) >= target.length) counter.pastTheEnd += 1;
      }
      return Reflect.get(target, key, receiver);
    },
  });
  return { proxy, counter };
}

describe('twoSum (hidden)', () => {
  test('negative numbers and zero', () => {
    expect(twoSum([-3, 4, 3, 90], 0)).toEqual([0, 2]);
    expect(twoSum([0, 4, 3, 0], 0)).toEqual([0, 3]);
    expect(twoSum([-1, -2, -3, -4, -5], -8)).toEqual([2, 4]);
  });

  test('the pair with the smallest second index wins', () => {
    expect(twoSum([1, 4, 2, 3, 5], 5)).toEqual([0, 1]);
    expect(twoSum([5, 0, 5, 5], 10)).toEqual([0, 2]);
    expect(twoSum([6, 1, 4, 2, 5], 6)).toEqual([2, 3]);
    // A value seen twice before its partner: the earlier position is the smaller i.
    expect(twoSum([1, 1, 4], 5)).toEqual([0, 2]);
  });

  test('empty and single-element arrays have no pair', () => {
    expect(twoSum([], 0)).toBeNull();
    expect(twoSum([5], 10)).toBeNull();
    expect(twoSum([3, 4], 6)).toBeNull();
  });

  test('does not change the input', () => {
    const nums = [4, 1, 3, 2];
    twoSum(nums, 5);
    expect(nums).toEqual([4, 1, 3, 2]);
  });

  test('reads each element only a few times (linear, not quadratic)', () => {
    const n = 2000;
    const nums = Array.from({ length: n - 2 }, (_, i) => (i + 1) * 10);
    nums.push(3, 4);
    const { proxy, counter } = counted(nums);
    expect(twoSum(proxy, 7)).toEqual([n - 2, n - 1]);
    expect(counter.reads).toBeLessThanOrEqual(3 * n);
  });

  test('never reads past the end of the array', () => {
    const { proxy, counter } = counted([1, 2, 3]);
    expect(twoSum(proxy, 100)).toBeNull();
    expect(counter.pastTheEnd).toBe(0);
  });

  test('handles 60 000 numbers quickly', () => {
    const n = 60000;
    const nums = Array.from({ length: n }, (_, i) => i * 4 + 1); // all odd sums are 2 mod 4
    nums[n - 1] = 1_000_003;
    expect(twoSum(nums, 1_000_003 + (n - 2) * 4 + 1)).toEqual([n - 2, n - 1]);
    expect(twoSum(nums, -1)).toBeNull();
  });
});
