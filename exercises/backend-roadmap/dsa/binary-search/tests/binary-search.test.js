import { describe, expect, test } from '@jest/globals';
import { binarySearch, lowerBound } from './binary-search';

const sorted = [1, 3, 3, 3, 8, 12];

describe('binarySearch', () => {
  test('finds a value', () => {
    expect(binarySearch(sorted, 8)).toBe(4);
    expect(binarySearch(sorted, 12)).toBe(5);
  });

  test('returns the first occurrence of a repeated value', () => {
    expect(binarySearch(sorted, 3)).toBe(1);
  });

  test('returns -1 for a missing value', () => {
    expect(binarySearch(sorted, 5)).toBe(-1);
  });
});

describe('lowerBound', () => {
  test('the index where a missing value would be inserted', () => {
    expect(lowerBound(sorted, 5)).toBe(4);
  });

  test('before the start and after the end', () => {
    expect(lowerBound(sorted, 0)).toBe(0);
    expect(lowerBound(sorted, 99)).toBe(6);
  });

  test('the first index of an existing value', () => {
    expect(lowerBound(sorted, 3)).toBe(1);
    expect(lowerBound(sorted, 1)).toBe(0);
  });
});
