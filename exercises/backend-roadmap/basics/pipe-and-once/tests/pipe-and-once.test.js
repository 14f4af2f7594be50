import { describe, expect, jest, test } from '@jest/globals';
import { once, pipe } from './pipe-and-once';

const double = (n) => n * 2;
const increment = (n) => n + 1;

describe('pipe', () => {
  test('runs the functions from left to right', () => {
    expect(pipe(double, increment)(5)).toBe(11);
    expect(pipe(increment, double)(5)).toBe(12);
  });

  test('with a single function it behaves like that function', () => {
    expect(pipe(double)(21)).toBe(42);
  });

  test('with no functions it returns the value unchanged', () => {
    expect(pipe()(7)).toBe(7);
  });
});

describe('once', () => {
  test('calls the function the first time and returns its result', () => {
    const fn = jest.fn(() => 'connection #1');
    const connect = once(fn);
    expect(connect()).toBe('connection #1');
    expect(fn).toHaveBeenCalledTimes(1);
  });

  test('later calls return the first result without calling again', () => {
    const fn = jest.fn(() => 'connection #1');
    const connect = once(fn);
    connect();
    connect();
    expect(connect()).toBe('connection #1');
    expect(fn).toHaveBeenCalledTimes(1);
  });

  test('passes the arguments of the first call', () => {
    const add = once((a, b) => a + b);
    expect(add(2, 3)).toBe(5);
    expect(add(10, 10)).toBe(5);
  });
});
