import { describe, expect, jest, test } from '@jest/globals';
import { debounce } from './debounce';

function fakeScheduler() {
  const timers = [];
  const schedule = jest.fn((callback, ms) => {
    const timer = { callback, ms, cancelled: false };
    timers.push(timer);
    return () => { timer.cancelled = true; };
  });
  return { schedule, timers };
}

describe('debounce (hidden)', () => {
  test('a late callback of a cancelled or replaced timer does nothing', () => {
    const { schedule, timers } = fakeScheduler();
    const fn = jest.fn();
    const save = debounce(fn, 50, { schedule });
    save('old');
    save('new');
    timers[0].callback();
    expect(fn).not.toHaveBeenCalled();
    timers[1].callback();
    expect(fn).toHaveBeenCalledTimes(1);
    expect(fn).toHaveBeenCalledWith('new');
    timers[1].callback();
    expect(fn).toHaveBeenCalledTimes(1);
  });

  test('flush cancels the timer, and a late callback after flush does nothing', () => {
    const { schedule, timers } = fakeScheduler();
    const fn = jest.fn(() => 'done');
    const save = debounce(fn, 50, { schedule });
    save();
    expect(save.flush()).toBe('done');
    expect(timers[0].cancelled).toBe(true);
    timers[0].callback();
    expect(fn).toHaveBeenCalledTimes(1);
    expect(save.flush()).toBeUndefined();
  });

  test('cancel after cancel and flush with nothing pending are harmless', () => {
    const { schedule } = fakeScheduler();
    const fn = jest.fn();
    const save = debounce(fn, 5, { schedule });
    save.cancel();
    save.cancel();
    expect(save.flush()).toBeUndefined();
    expect(fn).not.toHaveBeenCalled();
  });

  test('cancel() cancels the timer once and forgets the call', () => {
    const cancels = [];
    const schedule = (callback, ms) => {
      const index = cancels.push(0) - 1;
      return () => { cancels[index] += 1; };
    };
    const fn = jest.fn();
    const save = debounce(fn, 5, { schedule });
    save('x');
    save.cancel();
    expect(cancels).toEqual([1]);
    expect(save.pending()).toBe(false);
    expect(save.flush()).toBeUndefined();
    save.cancel();
    save('y');
    save.flush();
    // Each timer's cancel function is called once at most, even after cancel() or flush() ran.
    expect(cancels).toEqual([1, 1]);
    expect(fn).toHaveBeenCalledTimes(1);
    expect(fn).toHaveBeenCalledWith('y');
  });

  test('a timer that fired is not pending any more: nothing cancels it afterwards', () => {
    let fire = () => {};
    let cancelled = 0;
    const schedule = (callback) => {
      fire = callback;
      return () => { cancelled += 1; };
    };
    const fn = jest.fn();
    const save = debounce(fn, 5, { schedule });
    save('x');
    fire();
    expect(fn).toHaveBeenCalledWith('x');
    save.cancel();
    expect(cancelled).toBe(0);
  });

  test('keeps this and all arguments; the debounced call returns undefined', () => {
    const { schedule, timers } = fakeScheduler();
    const obj = { name: 'svc', save: null, seen: null };
    obj.save = debounce(function (...args) { this.seen = [this.name, ...args]; }, 5, { schedule });
    expect(obj.save(1, undefined, 'three')).toBeUndefined();
    timers[0].callback();
    expect(obj.seen).toEqual(['svc', 1, undefined, 'three']);
  });

  test('works again after firing (a second burst gives a second call)', () => {
    const { schedule, timers } = fakeScheduler();
    const fn = jest.fn();
    const save = debounce(fn, 5, { schedule });
    save('a');
    timers[0].callback();
    save('b');
    save('c');
    timers[2].callback();
    expect(fn.mock.calls).toEqual([['a'], ['c']]);
    expect(schedule).toHaveBeenCalledTimes(3);
  });
});
