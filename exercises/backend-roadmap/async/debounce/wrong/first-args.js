// Plausible mistake: keeps the arguments of the FIRST call of a burst instead of the latest.
export function debounce(fn, ms, { schedule }) {
  let pending = null;
  let cancel = null;
  const run = () => { const p = pending; pending = null; if (cancel) cancel(); cancel = null; return fn.apply(p.self, p.args); };
  function debounced(...args) {
    if (cancel) cancel();
    if (!pending) pending = { self: this, args };
    const mine = pending;
    cancel = schedule(() => { if (pending === mine) { cancel = null; run(); } }, ms);
  }
  debounced.pending = () => pending !== null;
  debounced.cancel = () => { pending = null; if (cancel) cancel(); cancel = null; };
  debounced.flush = () => (pending ? run() : undefined);
  return debounced;
}
