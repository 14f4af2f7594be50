import { describe, expect, test } from '@jest/globals';
import { backoffDelays } from './backoff-schedule';

describe('backoffDelays (hidden)', () => {
  test('other base delays', () => {
    expect(backoffDelays(3, 250, 60000)).toEqual([250, 500, 1000]);
    expect(backoffDelays(6, 1, 1000)).toEqual([1, 2, 4, 8, 16, 32]);
  });

  test('a delay exactly equal to the maximum is kept', () => {
    expect(backoffDelays(4, 125, 1000)).toEqual([125, 250, 500, 1000]);
  });

  test('a base above the maximum is capped from the start', () => {
    expect(backoffDelays(3, 5000, 1000)).toEqual([1000, 1000, 1000]);
  });

  test('a base of zero stays zero', () => {
    expect(backoffDelays(3, 0, 1000)).toEqual([0, 0, 0]);
  });

  test('many retries stay capped', () => {
    const delays = backoffDelays(50, 100, 30000);
    expect(delays).toHaveLength(50);
    expect(delays.slice(0, 10)).toEqual([100, 200, 400, 800, 1600, 3200, 6400, 12800, 25600, 30000]);
    expect(delays.every((d) => d <= 30000)).toBe(true);
    expect(delays[49]).toBe(30000);
  });
});
