import { describe, expect, jest, test } from '@jest/globals';
import { once, pipe } from './pipe-and-once';

describe('pipe (hidden)', () => {
  test('works with strings and many steps', () => {
    const shout = pipe(
      (s) => s.trim(),
      (s) => s.toUpperCase(),
      (s) => `${s}!`,
      (s) => s.repeat(2),
    );
    expect(shout('  hi ')).toBe('HI!HI!');
  });

  test('the piped function can be reused', () => {
    const f = pipe((n) => n - 1, (n) => n * 10);
    expect(f(1)).toBe(0);
    expect(f(5)).toBe(40);
    expect(f(-2)).toBe(-30);
  });

  test('order matters for non-commutative steps', () => {
    const f = pipe((a) => [...a, 'x'], (a) => a.slice(1));
    expect(f(['a', 'b'])).toEqual(['b', 'x']);
  });
});

describe('once (hidden)', () => {
  test('remembers a falsy first result', () => {
    const zero = jest.fn(() => 0);
    const z = once(zero);
    expect(z()).toBe(0);
    expect(z()).toBe(0);
    expect(zero).toHaveBeenCalledTimes(1);

    const nothing = jest.fn(() => undefined);
    const n = once(nothing);
    n();
    n();
    expect(nothing).toHaveBeenCalledTimes(1);
  });

  test('each wrapper is independent', () => {
    const fn = jest.fn((x) => x * 2);
    const a = once(fn);
    const b = once(fn);
    expect(a(1)).toBe(2);
    expect(b(5)).toBe(10);
    expect(a(100)).toBe(2);
    expect(fn).toHaveBeenCalledTimes(2);
  });

  test('does not call the function before the wrapper is called', () => {
    const fn = jest.fn(() => 'x');
    once(fn);
    expect(fn).not.toHaveBeenCalled();
  });
});
