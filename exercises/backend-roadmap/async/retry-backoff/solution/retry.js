/**
 * @template T
 * @param {(attempt: number) => T | Promise<T>} fn
 * @param {{ retries?: number, baseMs?: number, factor?: number, maxMs?: number,
 *           shouldRetry?: (error: unknown, attempt: number) => boolean,
 *           sleep: (ms: number) => Promise<void> }} options
 * @returns {Promise<T>}
 */
export async function retry(fn, { retries = 3, baseMs = 100, factor = 2, maxMs = Infinity, shouldRetry = () => true, sleep }) {
  if (!Number.isInteger(retries) || retries < 0) throw new RangeError('retries must be an integer >= 0');
  const attempts = retries + 1;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (error) {
      if (attempt >= attempts || !shouldRetry(error, attempt)) throw error;
      await sleep(Math.min(maxMs, baseMs * factor ** (attempt - 1)));
    }
  }
}
