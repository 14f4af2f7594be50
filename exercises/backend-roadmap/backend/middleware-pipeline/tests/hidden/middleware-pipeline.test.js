import { describe, expect, jest, test } from '@jest/globals';
import { compose } from './compose';

describe('compose (hidden)', () => {
  test('validates its input eagerly', () => {
    expect(() => compose('nope')).toThrow(TypeError);
    expect(() => compose([async () => {}, 42])).toThrow(TypeError);
  });

  test('an empty pipeline resolves and still calls final', async () => {
    const final = jest.fn();
    await expect(compose([])({ id: 1 }, final)).resolves.toBeUndefined();
    expect(final).toHaveBeenCalledWith({ id: 1 });
  });

  test('a synchronous throw becomes a rejection, not a synchronous throw', async () => {
    const app = compose([() => { throw new Error('sync boom'); }]);
    let p;
    expect(() => { p = app({}); }).not.toThrow();
    await expect(p).rejects.toThrow('sync boom');
  });

  test('error-handling middleware can catch errors from downstream', async () => {
    const app = compose([
      async (ctx, next) => { try { await next(); } catch (e) { ctx.status = 500; ctx.body = e.message; } },
      async (ctx, next) => { await next(); },
      async () => { throw new Error('db down'); },
    ]);
    const ctx = {};
    await expect(app(ctx)).resolves.toBeUndefined();
    expect(ctx).toEqual({ status: 500, body: 'db down' });
  });

  test('a rejecting final handler rejects the whole call', async () => {
    const app = compose([async (ctx, next) => next()]);
    await expect(app({}, async () => { throw new Error('final failed'); })).rejects.toThrow('final failed');
  });

  test('the composed function is reusable and each call starts fresh', async () => {
    const app = compose([async (ctx, next) => { ctx.count = (ctx.count ?? 0) + 1; await next(); }, async (ctx) => { ctx.done = true; }]);
    const a = {};
    const b = {};
    await app(a);
    await app(b);
    expect(a).toEqual({ count: 1, done: true });
    expect(b).toEqual({ count: 1, done: true });
  });

  test('downstream finishes before upstream continues, even with awaits in between', async () => {
    const log = [];
    const tick = () => Promise.resolve();
    const app = compose([
      async (ctx, next) => { log.push(1); await tick(); await next(); log.push(6); },
      async (ctx, next) => { log.push(2); await next(); await tick(); log.push(5); },
      async () => { await tick(); log.push(3); await tick(); log.push(4); },
    ]);
    await app({});
    expect(log).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
