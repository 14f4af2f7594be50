import { describe, expect, test } from '@jest/globals';
import { flatten, permutations } from './recursion';

describe('flatten', () => {
  test('an array without nesting is copied as is', () => {
    expect(flatten([1, 2, 3])).toEqual([1, 2, 3]);
  });

  test('flattens one level of nesting', () => {
    expect(flatten([1, [2, 3], 4])).toEqual([1, 2, 3, 4]);
  });

  test('flattens any depth', () => {
    expect(flatten([1, [2, [3, [4]], 5]])).toEqual([1, 2, 3, 4, 5]);
  });

  test('empty arrays disappear', () => {
    expect(flatten([[], [[]]])).toEqual([]);
  });

  test('does not call the built-in Array.prototype.flat', () => {
    expect(String(flatten)).not.toMatch(/\.flat\s*\(/);
  });
});

describe('permutations', () => {
  test('one item has one ordering', () => {
    expect(permutations(['a'])).toEqual([['a']]);
  });

  test('two items have two orderings', () => {
    expect(permutations(['a', 'b'])).toEqual([
      ['a', 'b'],
      ['b', 'a'],
    ]);
  });

  test('three items, in the required order', () => {
    expect(permutations([1, 2, 3])).toEqual([
      [1, 2, 3],
      [1, 3, 2],
      [2, 1, 3],
      [2, 3, 1],
      [3, 1, 2],
      [3, 2, 1],
    ]);
  });
});
