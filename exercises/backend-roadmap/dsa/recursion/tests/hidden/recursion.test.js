import { describe, expect, test } from '@jest/globals';
import { flatten, permutations } from './recursion';

describe('flatten (hidden)', () => {
  test('keeps falsy values and objects', () => {
    const obj = { a: [1, 2] };
    const result = flatten([0, [null, [undefined, ['', [false]]]], obj]);
    expect(result).toEqual([0, null, undefined, '', false, obj]);
    expect(result[5]).toBe(obj);
  });

  test('deep nesting (200 levels)', () => {
    let nested = ['bottom'];
    for (let i = 0; i < 200; i++) nested = [i, nested];
    const result = flatten(nested);
    expect(result).toHaveLength(201);
    expect(result[0]).toBe(199);
    expect(result[200]).toBe('bottom');
  });

  test('does not change the input', () => {
    const input = [1, [2, [3]]];
    flatten(input);
    expect(input).toEqual([1, [2, [3]]]);
  });
});

describe('permutations (hidden)', () => {
  test('the empty list has exactly one ordering', () => {
    expect(permutations([])).toEqual([[]]);
  });

  test('equal items are not merged', () => {
    expect(permutations([1, 1])).toEqual([
      [1, 1],
      [1, 1],
    ]);
    expect(permutations(['x', 'x', 'y'])).toHaveLength(6);
  });

  test('n items give n! distinct orderings in the required order', () => {
    const result = permutations([1, 2, 3, 4, 5, 6]);
    expect(result).toHaveLength(720);
    expect(new Set(result.map((p) => p.join(','))).size).toBe(720);
    expect(result[0]).toEqual([1, 2, 3, 4, 5, 6]);
    expect(result[1]).toEqual([1, 2, 3, 4, 6, 5]);
    expect(result[120]).toEqual([2, 1, 3, 4, 5, 6]);
    expect(result[719]).toEqual([6, 5, 4, 3, 2, 1]);
  });

  test('does not change the input', () => {
    const input = ['a', 'b', 'c'];
    permutations(input);
    expect(input).toEqual(['a', 'b', 'c']);
  });
});
