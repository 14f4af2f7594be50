import { describe, expect, test } from '@jest/globals';
import { isBalanced } from './balanced-brackets';

describe('isBalanced (hidden)', () => {
  test('an empty string is balanced', () => {
    expect(isBalanced('')).toBe(true);
  });

  test('closing before opening is not balanced', () => {
    expect(isBalanced(')(')).toBe(false);
    expect(isBalanced('}{')).toBe(false);
    expect(isBalanced('())(()')).toBe(false);
  });

  test('a lone closer is not balanced', () => {
    expect(isBalanced(']')).toBe(false);
    expect(isBalanced('abc)')).toBe(false);
  });

  test('a real-looking snippet', () => {
    expect(isBalanced('function f(a) { return [a[0], { b: (a[1]) }]; }')).toBe(true);
    expect(isBalanced('function f(a) { return [a[0], { b: (a[1]) ]; }')).toBe(false);
  });

  test('very deep nesting', () => {
    const depth = 50000;
    expect(isBalanced('('.repeat(depth) + '[]' + ')'.repeat(depth))).toBe(true);
    expect(isBalanced('{'.repeat(depth) + '}'.repeat(depth - 1))).toBe(false);
    expect(isBalanced('[('.repeat(depth) + '])'.repeat(depth))).toBe(false);
  });

  test('left-over openers after matching pairs', () => {
    expect(isBalanced('()[]{}(')).toBe(false);
    expect(isBalanced('{[()]}{')).toBe(false);
  });
});
