export class TimeoutError extends Error {
  /**
   * @param {number} ms
   * @param {string} [message]
   */
  constructor(ms, message) {
    super(message ?? `Timed out after ${ms} ms`);
    throw new Error('Remove this line and implement the function');
  }
}

/**
 * @template T
 * @param {Promise<T> | T} promise
 * @param {number} ms
 * @param {{ schedule: (callback: () => void, ms: number) => () => void, message?: string }} options
 * @returns {Promise<T>}
 */
export function withTimeout(promise, ms, options) {
  throw new Error('Remove this line and implement the function');
}
