export class TimeoutError extends Error {
  /**
   * @param {number} ms
   * @param {string} [message]
   */
  constructor(ms, message) {
    super(message ?? `Timed out after ${ms} ms`);
    this.name = 'TimeoutError';
    this.ms = ms;
  }
}

/**
 * @template T
 * @param {Promise<T> | T} promise
 * @param {number} ms
 * @param {{ schedule: (callback: () => void, ms: number) => () => void, message?: string }} options
 * @returns {Promise<T>}
 */
export function withTimeout(promise, ms, { schedule, message }) {
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) throw new RangeError('ms must be a non-negative finite number');
  return new Promise((resolve, reject) => {
    let done = false;
    const cancel = schedule(() => {
      if (done) return;
      done = true;
      reject(new TimeoutError(ms, message));
    }, ms);
    Promise.resolve(promise).then(
      (value) => {
        if (done) return;
        done = true;
        cancel();
        resolve(value);
      },
      (reason) => {
        if (done) return;
        done = true;
        cancel();
        reject(reason);
      },
    );
  });
}
