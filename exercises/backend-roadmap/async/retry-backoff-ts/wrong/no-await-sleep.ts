// @ts-nocheck -- a known-wrong solution kept for the pack tests
// Plausible mistake: forgets to await sleep(), so retries fire immediately.
export async function retry(fn, { retries = 3, baseMs = 100, factor = 2, maxMs = Infinity, shouldRetry = () => true, sleep }) {
  if (!Number.isInteger(retries) || retries < 0) throw new RangeError('retries');
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (e) {
      if (attempt > retries || !shouldRetry(e, attempt)) throw e;
      sleep(Math.min(maxMs, baseMs * factor ** (attempt - 1)));
    }
  }
}
