/**
 * @typedef {(ctx: any, next: () => Promise<void>) => unknown} Middleware
 */

/**
 * Composes middleware into one function, Koa style.
 *
 * @param {Middleware[]} middlewares
 * @returns {(ctx: any, final?: (ctx: any) => unknown) => Promise<void>}
 * @throws {TypeError} when middlewares is not an array of functions
 */
export function compose(middlewares) {
  if (!Array.isArray(middlewares)) throw new TypeError('middlewares must be an array');
  for (const m of middlewares) if (typeof m !== 'function') throw new TypeError('every middleware must be a function');

  return function run(ctx, final) {
    let lastIndex = -1;
    function dispatch(i) {
      if (i <= lastIndex) return Promise.reject(new Error('next() called multiple times'));
      lastIndex = i;
      const fn = i < middlewares.length ? middlewares[i] : final;
      if (!fn) return Promise.resolve();
      try {
        const result = i < middlewares.length ? fn(ctx, () => dispatch(i + 1)) : fn(ctx);
        return Promise.resolve(result).then(() => undefined);
      } catch (error) {
        return Promise.reject(error);
      }
    }
    return dispatch(0);
  };
}
