import { describe, expect, jest, test } from '@jest/globals';
import { debounce } from './debounce';

function fakeScheduler() {
  const timers = [];
  const schedule = jest.fn((callback, ms) => {
    const timer = { callback, ms, cancelled: false };
    timers.push(timer);
    return () => { timer.cancelled = true; };
  });
  /** Fires every timer that is not cancelled (like time passing). */
  const tick = () => { for (const t of [...timers]) if (!t.cancelled && !t.fired) { t.fired = true; t.callback(); } };
  return { schedule, timers, tick };
}

describe('debounce', () => {
  test('runs once with the latest arguments', () => {
    const { schedule, tick } = fakeScheduler();
    const fn = jest.fn();
    const save = debounce(fn, 300, { schedule });
    save('h');
    save('he');
    save('hel');
    expect(fn).not.toHaveBeenCalled();
    tick();
    expect(fn).toHaveBeenCalledTimes(1);
    expect(fn).toHaveBeenCalledWith('hel');
  });

  test('every call restarts the timer with ms', () => {
    const { schedule, timers } = fakeScheduler();
    const save = debounce(() => {}, 300, { schedule });
    save(1);
    save(2);
    expect(timers.map((t) => [t.ms, t.cancelled])).toEqual([[300, true], [300, false]]);
  });

  test('pending() tells whether a call is waiting', () => {
    const { schedule, tick } = fakeScheduler();
    const save = debounce(() => {}, 10, { schedule });
    expect(save.pending()).toBe(false);
    save();
    expect(save.pending()).toBe(true);
    tick();
    expect(save.pending()).toBe(false);
  });

  test('cancel() drops the pending call', () => {
    const { schedule, tick } = fakeScheduler();
    const fn = jest.fn();
    const save = debounce(fn, 10, { schedule });
    save('x');
    save.cancel();
    tick();
    expect(fn).not.toHaveBeenCalled();
  });

  test('flush() runs the pending call now and returns its result', () => {
    const { schedule } = fakeScheduler();
    const save = debounce((a, b) => a + b, 10, { schedule });
    save(1, 2);
    expect(save.flush()).toBe(3);
    expect(save.pending()).toBe(false);
  });
});
