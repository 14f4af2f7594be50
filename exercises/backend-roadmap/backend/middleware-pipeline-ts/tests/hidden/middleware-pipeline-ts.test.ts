import { describe, expect, jest, test } from '@jest/globals';
import { compose } from './compose';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Ctx = any;

describe('compose (hidden)', () => {
  test('validates its input eagerly', () => {
    expect(() => compose('nope' as never)).toThrow(TypeError);
    expect(() => compose<Ctx>([async () => {}, 42 as never])).toThrow(TypeError);
  });

  test('an empty pipeline resolves and still calls final', async () => {
    const final = jest.fn();
    await expect(compose<Ctx>([])({ id: 1 }, final)).resolves.toBeUndefined();
    expect(final).toHaveBeenCalledWith({ id: 1 });
  });

  test('a synchronous throw becomes a rejection, not a synchronous throw', async () => {
    const app = compose<Ctx>([() => { throw new Error('sync boom'); }]);
    let p: Promise<void> | undefined;
    expect(() => { p = app({}); }).not.toThrow();
    await expect(p).rejects.toThrow('sync boom');
  });

  test('error-handling middleware can catch errors from downstream', async () => {
    const app = compose<Ctx>([
      async (ctx, next) => { try { await next(); } catch (e) { ctx.status = 500; ctx.body = (e as Error).message; } },
      async (ctx, next) => { await next(); },
      async () => { throw new Error('db down'); },
    ]);
    const ctx = {};
    await expect(app(ctx)).resolves.toBeUndefined();
    expect(ctx).toEqual({ status: 500, body: 'db down' });
  });

  test('a rejecting final handler rejects the whole call', async () => {
    const app = compose<Ctx>([async (ctx, next) => next()]);
    await expect(app({}, async () => { throw new Error('final failed'); })).rejects.toThrow('final failed');
  });

  test('the composed function is reusable and each call starts fresh', async () => {
    const app = compose<Ctx>([async (ctx, next) => { ctx.count = (ctx.count ?? 0) + 1; await next(); }, async (ctx) => { ctx.done = true; }]);
    const a: Ctx = {};
    const b: Ctx = {};
    await app(a);
    await app(b);
    expect(a).toEqual({ count: 1, done: true });
    expect(b).toEqual({ count: 1, done: true });
  });

  test('downstream finishes before upstream continues, even with awaits in between', async () => {
    const log: number[] = [];
    const tick = () => Promise.resolve();
    const app = compose<Ctx>([
      async (ctx, next) => { log.push(1); await tick(); await next(); log.push(6); },
      async (ctx, next) => { log.push(2); await next(); await tick(); log.push(5); },
      async () => { await tick(); log.push(3); await tick(); log.push(4); },
    ]);
    await app({});
    expect(log).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
