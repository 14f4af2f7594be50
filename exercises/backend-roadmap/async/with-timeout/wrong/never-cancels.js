// Plausible mistake: races the promise against the timer with Promise.race but never cancels the timer
// (in production this keeps a timer alive for every fast call).
export class TimeoutError extends Error {
  constructor(ms, message) { super(message ?? `Timed out after ${ms} ms`); this.name = 'TimeoutError'; this.ms = ms; }
}
export function withTimeout(promise, ms, { schedule, message }) {
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) throw new RangeError('bad ms');
  const timeout = new Promise((_, reject) => { schedule(() => reject(new TimeoutError(ms, message)), ms); });
  return Promise.race([promise, timeout]);
}
