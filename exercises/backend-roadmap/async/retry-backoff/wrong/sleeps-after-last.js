// Plausible mistake: sleeps after every failure, including the last one, and the delay
// formula starts one step too far (baseMs * factor ** attempt).
export async function retry(fn, { retries = 3, baseMs = 100, factor = 2, maxMs = Infinity, shouldRetry = () => true, sleep }) {
  if (!Number.isInteger(retries) || retries < 0) throw new RangeError('retries');
  let lastError;
  for (let attempt = 1; attempt <= retries + 1; attempt++) {
    try {
      return await fn(attempt);
    } catch (e) {
      lastError = e;
      if (!shouldRetry(e, attempt)) throw e;
      await sleep(Math.min(maxMs, baseMs * factor ** attempt));
    }
  }
  throw lastError;
}
