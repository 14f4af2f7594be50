import { describe, expect, test } from '@jest/globals';
import { compose } from './compose';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Ctx = any;

describe('compose', () => {
  test('runs middleware like an onion', async () => {
    const app = compose<Ctx>([
      async (ctx, next) => { ctx.log.push('a in'); await next(); ctx.log.push('a out'); },
      async (ctx, next) => { ctx.log.push('b in'); await next(); ctx.log.push('b out'); },
      async (ctx) => { ctx.log.push('handler'); ctx.body = 'hello'; },
    ]);
    const ctx: Ctx = { log: [] };
    await app(ctx);
    expect(ctx.log).toEqual(['a in', 'b in', 'handler', 'b out', 'a out']);
    expect(ctx.body).toBe('hello');
  });

  test('returns a promise even for plain functions', async () => {
    const app = compose<Ctx>([(ctx, next) => { ctx.n = 1; return next(); }]);
    const ctx: Ctx = {};
    await expect(app(ctx)).resolves.toBeUndefined();
    expect(ctx.n).toBe(1);
  });

  test('calls the final handler after the last middleware', async () => {
    const app = compose<Ctx>([async (ctx, next) => { ctx.seen = ['mw']; await next(); }]);
    const ctx: Ctx = {};
    await app(ctx, (c) => { c.seen.push('final'); });
    expect(ctx.seen).toEqual(['mw', 'final']);
  });

  test('a middleware that does not call next() stops the chain', async () => {
    const later: string[] = [];
    const app = compose<Ctx>([
      async (ctx) => { ctx.status = 401; },
      async () => { later.push('should not run'); },
    ]);
    const ctx: Ctx = {};
    await app(ctx);
    expect(ctx.status).toBe(401);
    expect(later).toEqual([]);
  });

  test('errors reject the returned promise', async () => {
    const app = compose<Ctx>([async () => { throw new Error('boom'); }]);
    await expect(app({})).rejects.toThrow('boom');
  });

  test('rejects when next() is called twice', async () => {
    const app = compose<Ctx>([async (ctx, next) => { await next(); await next(); }]);
    await expect(app({})).rejects.toThrow('next() called multiple times');
  });
});
