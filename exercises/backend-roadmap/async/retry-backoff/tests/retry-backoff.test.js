import { describe, expect, jest, test } from '@jest/globals';
import { retry } from './retry';

function recorder() {
  const delays = [];
  return { delays, sleep: async (ms) => { delays.push(ms); } };
}

describe('retry', () => {
  test('returns the result of the first successful attempt', async () => {
    const { delays, sleep } = recorder();
    const fn = jest.fn(async (attempt) => { if (attempt < 3) throw new Error('flaky'); return 'ok'; });
    await expect(retry(fn, { retries: 5, baseMs: 100, sleep })).resolves.toBe('ok');
    expect(fn).toHaveBeenCalledTimes(3);
    expect(delays).toEqual([100, 200]);
  });

  test('does not sleep when the first attempt succeeds', async () => {
    const { delays, sleep } = recorder();
    await expect(retry(() => 42, { sleep })).resolves.toBe(42);
    expect(delays).toEqual([]);
  });

  test('rejects with the last error after all retries', async () => {
    const { delays, sleep } = recorder();
    const fn = jest.fn(async (attempt) => { throw new Error(`fail ${attempt}`); });
    await expect(retry(fn, { retries: 3, baseMs: 10, sleep })).rejects.toThrow('fail 4');
    expect(delays).toEqual([10, 20, 40]);
  });

  test('delays are capped by maxMs', async () => {
    const { delays, sleep } = recorder();
    await retry(async (a) => { if (a < 6) throw new Error('x'); }, { retries: 5, baseMs: 100, maxMs: 500, sleep });
    expect(delays).toEqual([100, 200, 400, 500, 500]);
  });
});
