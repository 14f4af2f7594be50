// The CLI grades through the same sandbox as the worker. Commands take the factory as a parameter
// so tests can count or fake grades; the default is the real one.
import { sandboxDatabaseUrl } from '@questline/config';
import { createGrader } from '@questline/sandbox';
import type { GradeHooks, GradeRequest, GradeResult } from '@questline/sandbox';

export interface Grader {
  grade(request: GradeRequest, hooks?: GradeHooks): Promise<GradeResult>;
  close(): Promise<void>;
}

export type GraderFactory = (options: { poolSize?: number }) => Grader;

/** SQL exercises grade in the sandbox PostgreSQL named by SANDBOX_DATABASE_URL (docs/sql.md). */
export const defaultGraderFactory: GraderFactory = (options) => createGrader({ ...options, sqlDatabaseUrl: sandboxDatabaseUrl() });

/** Runs at most `n` of the given tasks at a time. */
export function limiter(n: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    // A finishing task hands its slot straight to the next waiter, so `active` never exceeds n.
    if (active >= n) await new Promise<void>((resolve) => waiting.push(resolve));
    else active += 1;
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active -= 1;
    }
  };
}
