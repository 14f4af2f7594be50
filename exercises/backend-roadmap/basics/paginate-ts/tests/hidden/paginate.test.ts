import { describe, expect, test } from '@jest/globals';
import { paginate } from './paginate';
import type { Page } from './paginate';

const numbers: number[] = Array.from({ length: 95 }, (_, i) => i + 1);

describe('paginate (hidden)', () => {
  test('an empty list has zero pages', () => {
    expect(paginate([], 1, 10)).toEqual({
      items: [],
      page: 1,
      totalPages: 0,
      hasPrev: false,
      hasNext: false,
    });
  });

  test('an exact multiple of perPage has no extra page', () => {
    const result = paginate([1, 2, 3, 4], 2, 2);
    expect(result.items).toEqual([3, 4]);
    expect(result.totalPages).toBe(2);
    expect(result.hasNext).toBe(false);
  });

  test('larger lists', () => {
    const result: Page<number> = paginate(numbers, 4, 20);
    expect(result.items).toEqual(numbers.slice(60, 80));
    expect(result.totalPages).toBe(5);
    expect(result.hasPrev).toBe(true);
    expect(result.hasNext).toBe(true);
    expect(paginate(numbers, 5, 20).items).toEqual([81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95]);
  });

  test('one item per page', () => {
    const result = paginate(['x', 'y', 'z'], 3, 1);
    expect(result).toEqual({ items: ['z'], page: 3, totalPages: 3, hasPrev: true, hasNext: false });
  });

  test('a page larger than the list returns everything', () => {
    expect(paginate(['x', 'y'], 1, 50)).toEqual({
      items: ['x', 'y'],
      page: 1,
      totalPages: 1,
      hasPrev: false,
      hasNext: false,
    });
  });

  test('returns a new array even when the page is the whole list', () => {
    const input: Array<{ id: number }> = [{ id: 1 }, { id: 2 }];
    const result = paginate(input, 1, 5);
    expect(result.items).not.toBe(input);
    expect(result.items[0]).toBe(input[0]);
    expect(input).toHaveLength(2);
  });
});
