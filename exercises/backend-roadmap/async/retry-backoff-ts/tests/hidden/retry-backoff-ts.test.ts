import { describe, expect, jest, test } from '@jest/globals';
import { retry } from './retry';

function recorder() {
  const delays: number[] = [];
  return { delays, sleep: async (ms: number) => { delays.push(ms); } };
}

describe('retry (hidden)', () => {
  test('uses the defaults: 3 retries, 100 ms, factor 2', async () => {
    const { delays, sleep } = recorder();
    const fn = jest.fn(() => { throw new Error('sync failure'); });
    await expect(retry(fn, { sleep })).rejects.toThrow('sync failure');
    expect(fn).toHaveBeenCalledTimes(4);
    expect(delays).toEqual([100, 200, 400]);
  });

  test('custom factor and the attempt numbers passed to fn', async () => {
    const { delays, sleep } = recorder();
    const seen: number[] = [];
    await retry(async (a: number) => { seen.push(a); if (a < 4) throw new Error('x'); return a; }, { retries: 9, baseMs: 50, factor: 3, sleep });
    expect(seen).toEqual([1, 2, 3, 4]);
    expect(delays).toEqual([50, 150, 450]);
  });

  test('shouldRetry can stop early and receives the error and attempt', async () => {
    const { delays, sleep } = recorder();
    const shouldRetry = jest.fn((error: unknown, _attempt?: number) => (error as Error).message !== 'fatal');
    const fn = jest.fn(async (a: number) => { throw new Error(a === 2 ? 'fatal' : 'transient'); });
    await expect(retry(fn, { retries: 5, sleep, shouldRetry })).rejects.toThrow('fatal');
    expect(fn).toHaveBeenCalledTimes(2);
    expect(delays).toEqual([100]);
    expect(shouldRetry.mock.calls.map(([e, a]) => [(e as Error).message, a])).toEqual([['transient', 1], ['fatal', 2]]);
  });

  test('retries: 0 means a single attempt; invalid retries reject without calling fn', async () => {
    const { delays, sleep } = recorder();
    const fn = jest.fn(async () => { throw new Error('once'); });
    await expect(retry(fn, { retries: 0, sleep })).rejects.toThrow('once');
    expect(fn).toHaveBeenCalledTimes(1);
    expect(delays).toEqual([]);
    const never = jest.fn();
    await expect(retry(never, { retries: -1, sleep })).rejects.toThrow(RangeError);
    await expect(retry(never, { retries: 1.5, sleep })).rejects.toThrow(RangeError);
    expect(never).not.toHaveBeenCalled();
  });

  test('waits for sleep to finish before the next attempt', async () => {
    const log: string[] = [];
    const sleep = async (ms: number) => { log.push(`sleep ${ms} start`); await Promise.resolve(); await Promise.resolve(); log.push(`sleep ${ms} end`); };
    await retry(async (a: number) => { log.push(`call ${a}`); if (a < 2) throw new Error('x'); }, { retries: 2, baseMs: 7, sleep });
    expect(log).toEqual(['call 1', 'sleep 7 start', 'sleep 7 end', 'call 2']);
  });
});
