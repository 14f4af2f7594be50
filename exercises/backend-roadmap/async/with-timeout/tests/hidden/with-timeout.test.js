import { describe, expect, jest, test } from '@jest/globals';
import { TimeoutError, withTimeout } from './timeout';

function fakeScheduler() {
  const timers = [];
  const schedule = jest.fn((callback, ms) => {
    const timer = { callback, ms, cancelled: false };
    timers.push(timer);
    return () => { timer.cancelled = true; };
  });
  return { schedule, timers };
}

function deferred() {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}

describe('withTimeout (hidden)', () => {
  test('TimeoutError has name, ms and a custom message option', async () => {
    const { schedule, timers } = fakeScheduler();
    const p = withTimeout(new Promise(() => {}), 1234, { schedule, message: 'payment API too slow' });
    timers[0].callback();
    const error = await p.catch((e) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('TimeoutError');
    expect(error.ms).toBe(1234);
    expect(error.message).toBe('payment API too slow');
  });

  test('a late result after the timeout is ignored', async () => {
    const { schedule, timers } = fakeScheduler();
    const d = deferred();
    const p = withTimeout(d.promise, 10, { schedule });
    timers[0].callback();
    d.resolve('too late');
    await expect(p).rejects.toThrow('Timed out after 10 ms');
  });

  test('after the timeout, a late result or rejection is ignored entirely (the fired timer is not cancelled)', async () => {
    for (const settle of ['resolve', 'reject']) {
      const { schedule, timers } = fakeScheduler();
      const d = deferred();
      const p = withTimeout(d.promise, 10, { schedule });
      timers[0].callback();
      d[settle](new Error('too late'));
      await expect(p).rejects.toThrow('Timed out after 10 ms');
      await Promise.resolve();
      expect(timers[0].cancelled).toBe(false);
    }
  });

  test('a late timer after the result is ignored, and a rejection also cancels the timer', async () => {
    const { schedule, timers } = fakeScheduler();
    const d = deferred();
    const p = withTimeout(d.promise, 10, { schedule });
    d.reject(new Error('db error'));
    await expect(p).rejects.toThrow('db error');
    expect(timers[0].cancelled).toBe(true);
    timers[0].callback();
    await expect(p).rejects.toThrow('db error');
  });

  test('the timer is not cancelled while the promise is still pending', async () => {
    const { schedule, timers } = fakeScheduler();
    const d = deferred();
    const p = withTimeout(d.promise, 10, { schedule });
    await Promise.resolve();
    expect(timers[0].cancelled).toBe(false);
    d.resolve({ ok: true });
    await expect(p).resolves.toEqual({ ok: true });
    expect(timers[0].cancelled).toBe(true);
  });

  test('plain values and ms = 0 work', async () => {
    const { schedule, timers } = fakeScheduler();
    await expect(withTimeout(42, 0, { schedule })).resolves.toBe(42);
    expect(timers[0].ms).toBe(0);
  });

  test('invalid ms throws a RangeError synchronously without scheduling', () => {
    const { schedule } = fakeScheduler();
    for (const bad of [-1, NaN, Infinity, '100']) {
      const call = () => {
        const returned = withTimeout(Promise.resolve(1), bad, { schedule });
        returned?.catch?.(() => {}); // a promise here means the error was not synchronous
      };
      expect(call).toThrow(RangeError);
    }
    expect(schedule).not.toHaveBeenCalled();
  });
});
