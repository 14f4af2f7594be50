// Timers on a virtual clock. The isolate has no event loop: the host drives it by calling `step`, and
// each step fires the earliest pending timer (time jumps straight to it). When no timer is pending and
// a test is still waiting, nothing can ever wake it, which the runner reports as a time limit at once
// instead of burning the whole budget. `jest.advanceTimersByTime` and friends use the same clock.

interface Timer {
  id: number;
  due: number;
  callback: () => void;
  interval: number | null;
}

const MAX_TIMERS = 10_000;

/** Lets a chain of already-settled promise callbacks run (a few turns, as `await` needs per step). */
const resolved = Promise.resolve();
async function flushMicrotasks(): Promise<void> {
  for (let i = 0; i < 10; i++) await resolved;
}

export class VirtualTimers {
  private readonly timers = new Map<number, Timer>();
  private nextId = 1;
  private now = 0;

  get pending(): number {
    return this.timers.size;
  }

  private schedule(callback: unknown, delay: unknown, args: unknown[], repeat: boolean): number {
    if (typeof callback !== 'function') throw new TypeError('The "callback" argument must be of type function');
    if (this.timers.size >= MAX_TIMERS) throw new RangeError('Too many pending timers');
    const ms = Math.max(typeof delay === 'number' && delay > 0 ? delay : 0, repeat ? 1 : 0);
    const id = this.nextId++;
    const fn = callback as (...a: unknown[]) => void;
    this.timers.set(id, { id, due: this.now + ms, callback: () => fn(...args), interval: repeat ? ms : null });
    return id;
  }

  private clear(id: unknown): void {
    if (typeof id === 'number') this.timers.delete(id);
  }

  private earliest(): Timer | undefined {
    let first: Timer | undefined;
    for (const timer of this.timers.values()) {
      if (!first || timer.due < first.due || (timer.due === first.due && timer.id < first.id)) first = timer;
    }
    return first;
  }

  /** Fires the earliest timer. Returns false when none is pending. Errors thrown by the callback propagate. */
  fireNext(limit = Infinity): boolean {
    const timer = this.earliest();
    if (!timer || timer.due > limit) return false;
    this.now = Math.max(this.now, timer.due);
    if (timer.interval === null) this.timers.delete(timer.id);
    else timer.due = this.now + timer.interval;
    timer.callback();
    return true;
  }

  advanceBy(ms: number): void {
    const target = this.now + Math.max(0, ms);
    let fired = 0;
    while (fired++ < MAX_TIMERS && this.fireNext(target));
    this.now = target;
  }

  /** The virtual clock (ms since the grading started), as `jest.now()` reports it. */
  get clock(): number {
    return this.now;
  }

  /** Fires the next `steps` timers, whatever their due time (`jest.advanceTimersToNextTimer`). */
  advanceToNext(steps: number): void {
    for (let i = 0; i < Math.min(steps, MAX_TIMERS) && this.fireNext(); i++);
  }

  /**
   * `advanceTimersByTimeAsync`: like advanceBy, but promise callbacks a timer starts run before the next
   * timer fires (what Jest's async variants are for: `await` inside timer-driven code).
   */
  async advanceByAsync(ms: number): Promise<void> {
    const target = this.now + Math.max(0, ms);
    let fired = 0;
    await flushMicrotasks();
    while (fired++ < MAX_TIMERS && this.fireNext(target)) await flushMicrotasks();
    this.now = target;
  }

  async runAllAsync(): Promise<void> {
    let fired = 0;
    await flushMicrotasks();
    while (fired++ < MAX_TIMERS * 10 && this.fireNext()) await flushMicrotasks();
    if (this.timers.size > 0) throw new Error('Aborting after running 100000 timers, assuming an infinite loop!');
  }

  runAll(): void {
    let fired = 0;
    while (fired++ < MAX_TIMERS * 10 && this.fireNext());
    if (this.timers.size > 0) throw new Error('Aborting after running 100000 timers, assuming an infinite loop!');
  }

  runOnlyPending(): void {
    const ids = [...this.timers.keys()];
    for (const id of ids) {
      const timer = this.timers.get(id);
      if (!timer) continue;
      this.fireNext();
    }
  }

  reset(): void {
    this.timers.clear();
  }

  /** The functions the isolate's global object exposes. */
  globals(): Record<string, (...args: unknown[]) => unknown> {
    return {
      setTimeout: (callback: unknown, delay?: unknown, ...args: unknown[]) => this.schedule(callback, delay, args, false),
      setInterval: (callback: unknown, delay?: unknown, ...args: unknown[]) => this.schedule(callback, delay, args, true),
      setImmediate: (callback: unknown, ...args: unknown[]) => this.schedule(callback, 0, args, false),
      clearTimeout: (id: unknown) => this.clear(id),
      clearInterval: (id: unknown) => this.clear(id),
      clearImmediate: (id: unknown) => this.clear(id),
      queueMicrotask: (callback: unknown) => {
        if (typeof callback !== 'function') throw new TypeError('The "callback" argument must be of type function');
        void Promise.resolve().then(callback as () => void);
      },
    };
  }
}
