import { STATUS_CODES } from 'node:http';

/** The one error body shape of the API. */
export interface ErrorBody {
  statusCode: number;
  /** HTTP reason phrase, e.g. "Bad Request". */
  error: string;
  /** Human-readable, says what is wrong. */
  message: string;
  /** Machine-readable code (DomainError codes, or a generic one per status). */
  code?: string;
  /** Validation: one entry per problem. */
  details?: string[];
  [extra: string]: unknown;
}

export function errorBody(statusCode: number, message: string, extra: Partial<ErrorBody> = {}): ErrorBody {
  return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message, ...extra };
}
