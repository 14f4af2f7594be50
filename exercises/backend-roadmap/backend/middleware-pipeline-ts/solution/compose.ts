export type Next = () => Promise<void>;
export type Middleware<Ctx> = (ctx: Ctx, next: Next) => unknown;

/** Composes middleware into one function, Koa style. Throws a TypeError for a non-array or a non-function element. */
export function compose<Ctx>(middlewares: Middleware<Ctx>[]): (ctx: Ctx, final?: (ctx: Ctx) => unknown) => Promise<void> {
  if (!Array.isArray(middlewares)) throw new TypeError('middlewares must be an array');
  for (const m of middlewares) if (typeof m !== 'function') throw new TypeError('every middleware must be a function');

  return function run(ctx: Ctx, final?: (ctx: Ctx) => unknown): Promise<void> {
    let lastIndex = -1;
    function dispatch(i: number): Promise<void> {
      if (i <= lastIndex) return Promise.reject(new Error('next() called multiple times'));
      lastIndex = i;
      const fn: Middleware<Ctx> | ((ctx: Ctx) => unknown) | undefined = i < middlewares.length ? middlewares[i] : final;
      if (!fn) return Promise.resolve();
      try {
        const result = i < middlewares.length ? fn(ctx, () => dispatch(i + 1)) : (fn as (ctx: Ctx) => unknown)(ctx);
        return Promise.resolve(result).then(() => undefined);
      } catch (error) {
        return Promise.reject(error);
      }
    }
    return dispatch(0);
  };
}
