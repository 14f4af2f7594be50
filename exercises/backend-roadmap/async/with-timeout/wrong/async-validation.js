// Plausible mistake: an async function cannot throw synchronously; the RangeError becomes a rejection,
// and the error has no name.
export class TimeoutError extends Error {
  constructor(ms, message) { super(message ?? `Timed out after ${ms} ms`); this.ms = ms; }
}
export async function withTimeout(promise, ms, { schedule, message }) {
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) throw new RangeError('bad ms');
  return new Promise((resolve, reject) => {
    const cancel = schedule(() => reject(new TimeoutError(ms, message)), ms);
    Promise.resolve(promise).then((v) => { cancel(); resolve(v); }, (e) => { cancel(); reject(e); });
  });
}
