import { describe, expect, test } from '@jest/globals';
import { isBalanced } from './balanced-brackets';

describe('isBalanced', () => {
  test('a single pair is balanced', () => {
    expect(isBalanced('()')).toBe(true);
  });

  test('nested and side-by-side pairs are balanced', () => {
    expect(isBalanced('([]{})')).toBe(true);
  });

  test('other characters are ignored', () => {
    expect(isBalanced('{"ids": [1, 2, (3)]}')).toBe(true);
    expect(isBalanced('no brackets')).toBe(true);
  });

  test('the wrong closing bracket is not balanced', () => {
    expect(isBalanced('(]')).toBe(false);
  });

  test('brackets must close in the right order', () => {
    expect(isBalanced('([)]')).toBe(false);
  });

  test('an opener that is never closed is not balanced', () => {
    expect(isBalanced('((')).toBe(false);
  });
});
