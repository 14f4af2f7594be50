import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import type { Socket } from 'socket.io';
import { unavailableDependency, type Dependency } from './dependency';
import { DomainError, ERROR_STATUS, ErrorCode } from './domain-error';
import { ErrorBody, errorBody } from './error-body';
import { isNulRefusal, NUL_MESSAGE } from '../input-policy';
import { DependencyOutages } from './outage-log';

/**
 * The single exception filter: DomainError → its status; HttpException (validation, 404,
 * throttling, ...) → its status with a flat string message; a dependency outage (PostgreSQL or the
 * queue unreachable) → 503 with a code naming it, logged once per outage at warn (OutageLog); anything
 * else → 500 with a generic message, logged with its stack here and never sent to the client.
 * In socket.io message handlers the same body is emitted to the client as an `exception` event
 * (Nest's convention). Connection refusals happen earlier, in the gateway middleware.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Exceptions');

  constructor(private readonly outages: DependencyOutages) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const body = toErrorBody(exception);
    const dependency = unavailableDependency(exception);
    if (dependency) {
      this.outages.report(dependency, exception);
    } else if (body.statusCode >= 500 && !(exception instanceof DomainError)) {
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    }
    if (host.getType() === 'ws') {
      host
        .switchToWs()
        .getClient<Socket>()
        .emit('exception', { status: 'error', ...body });
      return;
    }
    if (host.getType() !== 'http') throw exception;
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return;
    res.status(body.statusCode).json(body);
  }
}

/** The code and message a client gets while a dependency is down (safe to show; says nothing internal). */
export const UNAVAILABLE: Record<Dependency, { code: ErrorCode; message: string }> = {
  database: { code: ErrorCode.DatabaseUnavailable, message: 'The database is temporarily unavailable; try again in a moment' },
  queue: { code: ErrorCode.QueueUnavailable, message: 'Grading is temporarily unavailable; try again in a moment' },
};

export function toErrorBody(exception: unknown): ErrorBody {
  const dependency = unavailableDependency(exception);
  if (dependency) {
    const { code, message } = UNAVAILABLE[dependency];
    return errorBody(ERROR_STATUS[code], message, { code });
  }
  // The input policy refuses NUL before any route; this catches one that arrived another way (socket.io).
  if (isNulRefusal(exception)) return errorBody(400, NUL_MESSAGE, { code: ErrorCode.InvalidInput });
  if (exception instanceof DomainError) {
    return errorBody(ERROR_STATUS[exception.code], exception.message, { ...exception.details, code: exception.code });
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    if (typeof response === 'string') return errorBody(status, response);
    const record = response as Record<string, unknown>;
    const raw = record.message;
    const details = Array.isArray(raw) ? raw.map(String) : undefined;
    const message = details ? details.join('; ') : typeof raw === 'string' ? raw : exception.message;
    const extra: Partial<ErrorBody> = {};
    if (details) extra.details = details;
    if (typeof record.code === 'string') extra.code = record.code;
    return errorBody(status, message, extra);
  }
  return errorBody(500, 'Internal server error');
}
