export interface RetryOptions {
  retries?: number;
  baseMs?: number;
  factor?: number;
  maxMs?: number;
  shouldRetry?: (error: unknown, attempt: number) => boolean;
  sleep: (ms: number) => Promise<void>;
}

export async function retry<T>(fn: (attempt: number) => T | Promise<T>, options: RetryOptions): Promise<T> {
  throw new Error('Remove this line and implement the function');
}
