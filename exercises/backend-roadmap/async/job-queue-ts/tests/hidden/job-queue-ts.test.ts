import { describe, expect, test } from '@jest/globals';
import { JobQueue } from './job-queue';

describe('JobQueue (hidden)', () => {
  test('a retried job goes to the back: other jobs run in between', async () => {
    const log: string[] = [];
    const queue: JobQueue<any> = new JobQueue<any>({ maxAttempts: 2, handler: async (job) => { log.push(`${job.name}#${job.attempt}`); if (job.name === 'bad') throw new Error('nope'); } });
    queue.add('bad');
    queue.add('ok1');
    queue.add('ok2');
    await expect(queue.runAll()).resolves.toEqual({ completed: 2, dead: 1 });
    expect(log).toEqual(['bad#1', 'ok1#1', 'ok2#1', 'bad#2']);
  });

  test('only one job runs at a time', async () => {
    let active = 0;
    let maxActive = 0;
    const queue: JobQueue<any> = new JobQueue<any>({ handler: async () => { active++; maxActive = Math.max(maxActive, active); await Promise.resolve(); await Promise.resolve(); active--; } });
    for (let i = 0; i < 5; i++) queue.add('j', i);
    await queue.runAll();
    expect(maxActive).toBe(1);
  });

  test('jobs added by a handler are processed in the same run; stats count only this run', async () => {
    const queue: JobQueue<any> = new JobQueue<any>({ handler: (job) => { if (job.name === 'parent') queue.add('child', job.id); } });
    queue.add('parent');
    await expect(queue.runAll()).resolves.toEqual({ completed: 2, dead: 0 });
    expect(queue.completed().map((j) => j.name)).toEqual(['parent', 'child']);
    queue.add('later');
    await expect(queue.runAll()).resolves.toEqual({ completed: 1, dead: 0 });
  });

  test('sync throws and non-Error values are handled; runAll never rejects', async () => {
    const queue: JobQueue<any> = new JobQueue<any>({ maxAttempts: 1, handler: (job) => { if (job.data === 1) throw 'plain string'; throw new TypeError('typed'); } });
    queue.add('a', 1);
    queue.add('b', 2);
    await expect(queue.runAll()).resolves.toEqual({ completed: 0, dead: 2 });
    expect(queue.dead().map((j) => j.error)).toEqual(['plain string', 'typed']);
  });

  test('concurrent runAll calls share one worker', async () => {
    let calls = 0;
    const queue: JobQueue<any> = new JobQueue<any>({ handler: async () => { calls++; await Promise.resolve(); } });
    queue.add('x');
    queue.add('y');
    const a = queue.runAll();
    const b = queue.runAll();
    expect(b).toBe(a);
    await Promise.all([a, b]);
    expect(calls).toBe(2);
  });

  test('getters return copies; maxAttempts is validated', async () => {
    const queue: JobQueue<any> = new JobQueue<any>({ handler: async () => {} });
    queue.add('x', { v: 1 });
    queue.waiting()[0].attempts = 99;
    queue.waiting().pop();
    expect(queue.waiting()).toEqual([{ id: 1, name: 'x', data: { v: 1 }, attempts: 0 }]);
    expect(() => new JobQueue<any>({ handler: () => {}, maxAttempts: 0 })).toThrow(RangeError);
    expect(() => new JobQueue<any>({ handler: () => {}, maxAttempts: 2.5 })).toThrow(RangeError);
  });

  test('retryDead resets attempts and clears the error; unknown ids return false', async () => {
    const queue: JobQueue<any> = new JobQueue<any>({ maxAttempts: 2, handler: async () => { throw new Error('x'); } });
    queue.add('a');
    queue.add('b');
    await queue.runAll();
    expect(queue.retryDead(99)).toBe(false);
    expect(queue.retryDead(2)).toBe(true);
    expect(queue.waiting()).toEqual([{ id: 2, name: 'b', data: undefined, attempts: 0 }]);
    expect(queue.dead().map((j) => j.id)).toEqual([1]);
  });
});
