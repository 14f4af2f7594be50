/**
 * Which backing service a failure came from, when it is an outage rather than a bug or bad input.
 * Pure: no Nest, no I/O. The exception filter turns a recognised outage into 503 with a code naming the
 * dependency, so a client can tell "try again" from "you are signed out" (a database error must never
 * read as "no such user" → 401).
 */
export type Dependency = 'database' | 'queue';

/** Thrown where a call site knows which dependency failed (the queue producer, the Redis stores). */
export class DependencyUnavailableError extends Error {
  constructor(
    readonly dependency: Dependency,
    message: string,
  ) {
    super(message);
    this.name = 'DependencyUnavailableError';
  }
}

/**
 * PostgreSQL SQLSTATEs meaning "the server or the connection is gone", not "your statement is wrong":
 * class 08 (connection exception), 57P01–57P03 (admin/crash shutdown, cannot connect now), 53300 (too many
 * connections).
 */
const PG_OUTAGE_STATES = /^(08...|57P0[123]|53300)$/;
/** Socket errors of a connection that could not be made or was cut. */
const NET_OUTAGE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/** node-postgres reports a dropped or timed-out connection with these messages and no code. */
const PG_OUTAGE_MESSAGES = [
  /^Connection terminated/,
  /timeout exceeded when trying to connect/i,
  /^Client has encountered a connection error/,
];

/**
 * The dependency an error says is unavailable, or null for every other error. Raw socket errors are taken
 * as the database's: the api's Redis call sites wrap theirs in DependencyUnavailableError, so an unwrapped
 * one can only come from the PostgreSQL pool (TypeORM passes pool connect errors through unchanged).
 */
export function unavailableDependency(error: unknown, depth = 0): Dependency | null {
  if (typeof error !== 'object' || error === null || depth > 4) return null;
  if (error instanceof DependencyUnavailableError) return error.dependency;
  const record = error as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown; errors?: unknown };
  const code = typeof record.code === 'string' ? record.code : '';
  if (PG_OUTAGE_STATES.test(code) || NET_OUTAGE_CODES.has(code)) return 'database';
  const message = typeof record.message === 'string' ? record.message : '';
  if (PG_OUTAGE_MESSAGES.some((pattern) => pattern.test(message))) return 'database';
  // TypeORM's QueryFailedError keeps pg's error as driverError; Node's AggregateError (several addresses).
  const nested = [record.driverError, record.cause, ...(Array.isArray(record.errors) ? (record.errors as unknown[]) : [])];
  for (const inner of nested) {
    const found = unavailableDependency(inner, depth + 1);
    if (found) return found;
  }
  return null;
}
