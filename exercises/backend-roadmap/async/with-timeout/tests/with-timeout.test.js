import { describe, expect, jest, test } from '@jest/globals';
import { TimeoutError, withTimeout } from './timeout';

/** A fake scheduler: records timers; the test fires them by hand. */
function fakeScheduler() {
  const timers = [];
  const schedule = jest.fn((callback, ms) => {
    const timer = { callback, ms, cancelled: false };
    timers.push(timer);
    return () => { timer.cancelled = true; };
  });
  return { schedule, timers };
}

describe('withTimeout', () => {
  test('resolves with the value when the promise is fast enough', async () => {
    const { schedule } = fakeScheduler();
    await expect(withTimeout(Promise.resolve('fast'), 500, { schedule })).resolves.toBe('fast');
  });

  test('schedules one timer with the given delay', () => {
    const { schedule, timers } = fakeScheduler();
    withTimeout(new Promise(() => {}), 500, { schedule });
    expect(schedule).toHaveBeenCalledTimes(1);
    expect(timers[0].ms).toBe(500);
  });

  test('rejects with a TimeoutError when the timer fires first', async () => {
    const { schedule, timers } = fakeScheduler();
    const p = withTimeout(new Promise(() => {}), 500, { schedule });
    timers[0].callback();
    await expect(p).rejects.toThrow(TimeoutError);
    await expect(p).rejects.toThrow('Timed out after 500 ms');
  });

  test('passes rejections through', async () => {
    const { schedule } = fakeScheduler();
    const failing = Promise.reject(new Error('nope'));
    failing.catch(() => {}); // mark as handled: only withTimeout's result matters here
    await expect(withTimeout(failing, 500, { schedule })).rejects.toThrow('nope');
  });

  test('cancels the timer when the promise settles first', async () => {
    const { schedule, timers } = fakeScheduler();
    await withTimeout(Promise.resolve(1), 100, { schedule });
    expect(timers[0].cancelled).toBe(true);
  });
});
