// Plausible mistake: assumes a cancelled timer never fires, so a late callback runs fn again.
export function debounce(fn, ms, { schedule }) {
  let args = null;
  let self;
  let cancel = null;
  function debounced(...a) {
    if (cancel) cancel();
    args = a;
    self = this;
    cancel = schedule(() => { const x = args; args = null; cancel = null; fn.apply(self, x ?? []); }, ms);
  }
  debounced.pending = () => args !== null;
  debounced.cancel = () => { args = null; if (cancel) cancel(); cancel = null; };
  debounced.flush = () => { if (!args) return undefined; const x = args; args = null; if (cancel) cancel(); cancel = null; return fn.apply(self, x); };
  return debounced;
}
