/**
 * Every expected failure a feature can raise. Add codes here (grouped by feature) and map each to
 * an HTTP status in ERROR_STATUS; the global filter does the rest, so services never import
 * HttpException. Clients may switch on `code` in the error body.
 */
export enum ErrorCode {
  // auth
  EmailTaken = 'EMAIL_TAKEN',
  InvalidCredentials = 'INVALID_CREDENTIALS',
  /** A password the strength estimator or the common-password list refuses; the message says why. */
  WeakPassword = 'WEAK_PASSWORD',
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  // generic
  NotFound = 'NOT_FOUND',
  Conflict = 'CONFLICT',
  InvalidInput = 'INVALID_INPUT',
  TooManyRequests = 'TOO_MANY_REQUESTS',
  Unavailable = 'UNAVAILABLE',
  DatabaseUnavailable = 'DATABASE_UNAVAILABLE',
  // catalog & packs
  ExerciseLocked = 'EXERCISE_LOCKED',
  NoHintsLeft = 'NO_HINTS_LEFT',
  PackInvalid = 'PACK_INVALID',
  PackVersionConflict = 'PACK_VERSION_CONFLICT',
  PackCheckPending = 'PACK_CHECK_PENDING',
  // grading pipeline
  CodeTooLarge = 'CODE_TOO_LARGE',
  TooManyPendingGradings = 'TOO_MANY_PENDING_GRADINGS',
  QueueUnavailable = 'QUEUE_UNAVAILABLE',
  IdempotencyKeyReused = 'IDEMPOTENCY_KEY_REUSED',
  /** A Submit of an empty editor or the untouched starter: it could only fail (and cost the spree). */
  NothingToGrade = 'NOTHING_TO_GRADE',
}

export const ERROR_STATUS: Record<ErrorCode, number> = {
  [ErrorCode.EmailTaken]: 409,
  [ErrorCode.InvalidCredentials]: 401,
  [ErrorCode.WeakPassword]: 400,
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.Conflict]: 409,
  [ErrorCode.InvalidInput]: 400,
  [ErrorCode.TooManyRequests]: 429,
  [ErrorCode.Unavailable]: 503,
  [ErrorCode.DatabaseUnavailable]: 503,
  [ErrorCode.ExerciseLocked]: 403,
  [ErrorCode.NoHintsLeft]: 409,
  [ErrorCode.PackInvalid]: 422,
  [ErrorCode.PackVersionConflict]: 409,
  [ErrorCode.PackCheckPending]: 409,
  [ErrorCode.CodeTooLarge]: 413,
  [ErrorCode.TooManyPendingGradings]: 429,
  [ErrorCode.QueueUnavailable]: 503,
  [ErrorCode.IdempotencyKeyReused]: 422,
  [ErrorCode.NothingToGrade]: 422,
};

/** An expected failure with a code and a message safe to show to the client. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Extra fields merged into the response body (must be safe to expose). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
