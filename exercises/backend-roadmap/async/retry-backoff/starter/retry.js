/**
 * @template T
 * @param {(attempt: number) => T | Promise<T>} fn
 * @param {{ retries?: number, baseMs?: number, factor?: number, maxMs?: number,
 *           shouldRetry?: (error: unknown, attempt: number) => boolean,
 *           sleep: (ms: number) => Promise<void> }} options
 * @returns {Promise<T>}
 */
export async function retry(fn, options) {
  throw new Error('Remove this line and implement the function');
}
