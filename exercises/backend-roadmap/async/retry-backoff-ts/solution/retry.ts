export interface RetryOptions {
  retries?: number;
  baseMs?: number;
  factor?: number;
  maxMs?: number;
  shouldRetry?: (error: unknown, attempt: number) => boolean;
  sleep: (ms: number) => Promise<void>;
}

export async function retry<T>(fn: (attempt: number) => T | Promise<T>, options: RetryOptions): Promise<T> {
  const { retries = 3, baseMs = 100, factor = 2, maxMs = Infinity, shouldRetry = () => true, sleep } = options;
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
