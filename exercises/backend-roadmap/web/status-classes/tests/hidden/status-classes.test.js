import { describe, expect, test } from '@jest/globals';
import { isRetryable, statusClass } from './status';

describe('statusClass (hidden)', () => {
  test('boundaries of every class', () => {
    const cases = [[100, 'informational'], [199, 'informational'], [299, 'success'], [300, 'redirection'],
      [399, 'redirection'], [400, 'client-error'], [499, 'client-error'], [500, 'server-error'], [599, 'server-error']];
    for (const [code, cls] of cases) expect([code, statusClass(code)]).toEqual([code, cls]);
  });

  test('rejects non-integers, strings, NaN and out-of-range numbers', () => {
    for (const bad of [99, 0, -200, 600, 200.5, NaN, Infinity, '200', null, undefined]) {
      expect(() => statusClass(bad)).toThrow(RangeError);
    }
  });
});

describe('isRetryable (hidden)', () => {
  test('exactly 408, 425, 429, 500, 502, 503, 504 are retryable', () => {
    const retryable = [];
    for (let code = 100; code <= 599; code++) if (isRetryable(code)) retryable.push(code);
    expect(retryable).toEqual([408, 425, 429, 500, 502, 503, 504]);
  });

  test('validates its input too', () => {
    expect(() => isRetryable(700)).toThrow(RangeError);
    expect(() => isRetryable('503')).toThrow(RangeError);
  });
});
