import { describe, expect, test } from '@jest/globals';
import { backoffDelays } from './backoff-schedule';

describe('backoffDelays', () => {
  test('the first delay is the base delay', () => {
    expect(backoffDelays(1, 100, 10000)).toEqual([100]);
  });

  test('each delay doubles the previous one', () => {
    expect(backoffDelays(4, 100, 10000)).toEqual([100, 200, 400, 800]);
  });

  test('delays never go above the maximum', () => {
    expect(backoffDelays(5, 100, 500)).toEqual([100, 200, 400, 500, 500]);
  });

  test('zero retries means no delays', () => {
    expect(backoffDelays(0, 100, 500)).toEqual([]);
  });

  test('the array has one entry per retry', () => {
    expect(backoffDelays(7, 10, 100000)).toHaveLength(7);
  });
});
