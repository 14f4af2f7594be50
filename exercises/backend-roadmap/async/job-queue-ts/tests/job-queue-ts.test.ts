import { describe, expect, test } from '@jest/globals';
import { JobQueue } from './job-queue';

describe('JobQueue', () => {
  test('add returns increasing ids and jobs wait until runAll', () => {
    const queue: JobQueue<any> = new JobQueue<any>({ handler: async () => {} });
    expect(queue.add('email', { to: 'a' })).toBe(1);
    expect(queue.add('email', { to: 'b' })).toBe(2);
    expect(queue.waiting()).toEqual([
      { id: 1, name: 'email', data: { to: 'a' }, attempts: 0 },
      { id: 2, name: 'email', data: { to: 'b' }, attempts: 0 },
    ]);
  });

  test('runAll processes jobs in order', async () => {
    const seen: unknown[][] = [];
    const queue: JobQueue<any> = new JobQueue<any>({ handler: async (job) => { seen.push([job.id, job.name, job.attempt]); } });
    queue.add('a', 1);
    queue.add('b', 2);
    await expect(queue.runAll()).resolves.toEqual({ completed: 2, dead: 0 });
    expect(seen).toEqual([[1, 'a', 1], [2, 'b', 1]]);
    expect(queue.completed().map((j) => j.id)).toEqual([1, 2]);
    expect(queue.waiting()).toEqual([]);
  });

  test('a failing job is retried and can then succeed', async () => {
    const queue: JobQueue<any> = new JobQueue<any>({ handler: async (job) => { if (job.attempt < 2) throw new Error('flaky'); } });
    queue.add('sync', null);
    await queue.runAll();
    expect(queue.completed()).toEqual([{ id: 1, name: 'sync', data: null, attempts: 2 }]);
  });

  test('a job that keeps failing goes to the dead-letter list', async () => {
    const queue: JobQueue<any> = new JobQueue<any>({ maxAttempts: 3, handler: async () => { throw new Error('invalid address'); } });
    queue.add('email', { to: 'broken' });
    await expect(queue.runAll()).resolves.toEqual({ completed: 0, dead: 1 });
    expect(queue.dead()).toEqual([{ id: 1, name: 'email', data: { to: 'broken' }, attempts: 3, error: 'invalid address' }]);
  });

  test('retryDead puts a dead job back in the queue', async () => {
    let broken = true;
    const queue: JobQueue<any> = new JobQueue<any>({ maxAttempts: 1, handler: async () => { if (broken) throw new Error('down'); } });
    queue.add('job', {});
    await queue.runAll();
    broken = false;
    expect(queue.retryDead(1)).toBe(true);
    expect(queue.retryDead(1)).toBe(false);
    await queue.runAll();
    expect(queue.dead()).toEqual([]);
    expect(queue.completed()).toEqual([{ id: 1, name: 'job', data: {}, attempts: 1 }]);
  });
});
