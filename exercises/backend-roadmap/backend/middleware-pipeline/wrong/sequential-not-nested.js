// Plausible mistake: runs the middleware one after another instead of nesting them,
// so code after `await next()` runs too early and a missing next() does not stop the chain.
export function compose(middlewares) {
  if (!Array.isArray(middlewares) || middlewares.some((m) => typeof m !== 'function')) throw new TypeError('bad middleware');
  return async (ctx, final) => {
    for (const m of middlewares) await m(ctx, async () => {});
    if (final) await final(ctx);
  };
}
