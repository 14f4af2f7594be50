/**
 * @template {(...args: any[]) => any} F
 * @param {F} fn
 * @param {number} ms
 * @param {{ schedule: (callback: () => void, ms: number) => () => void }} options
 * @returns {((...args: Parameters<F>) => void) & { cancel(): void, flush(): ReturnType<F> | undefined, pending(): boolean }}
 */
export function debounce(fn, ms, { schedule }) {
  let pendingCall = null; // { thisArg, args, token }
  let cancelTimer = null;

  function clearTimer() {
    if (cancelTimer) cancelTimer();
    cancelTimer = null;
  }

  function run() {
    const call = pendingCall;
    pendingCall = null;
    clearTimer();
    return fn.apply(call.thisArg, call.args);
  }

  function debounced(...args) {
    clearTimer();
    const token = {};
    pendingCall = { thisArg: this, args, token };
    cancelTimer = schedule(() => {
      if (pendingCall && pendingCall.token === token) {
        cancelTimer = null;
        run();
      }
    }, ms);
  }

  debounced.pending = () => pendingCall !== null;
  debounced.cancel = () => {
    pendingCall = null;
    clearTimer();
  };
  debounced.flush = () => (pendingCall ? run() : undefined);
  return debounced;
}
