// Plausible mistake: no protection against calling next() twice, and sync throws escape
// as synchronous exceptions instead of rejections.
export function compose(middlewares) {
  if (!Array.isArray(middlewares) || middlewares.some((m) => typeof m !== 'function')) throw new TypeError('bad middleware');
  return (ctx, final) => {
    const dispatch = (i) => {
      const fn = i < middlewares.length ? middlewares[i] : final;
      if (!fn) return Promise.resolve();
      return Promise.resolve(fn(ctx, () => dispatch(i + 1))).then(() => undefined);
    };
    return dispatch(0);
  };
}
