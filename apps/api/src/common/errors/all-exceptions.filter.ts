import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, ERROR_STATUS } from './domain-error';
import { ErrorBody, errorBody } from './error-body';

/**
 * The single HTTP exception filter: DomainError → its status; HttpException (validation, 404,
 * throttling, ...) → its status with a flat string message; anything else → 500 with a generic
 * message, logged with its stack here and never sent to the client.
 * WebSocket contexts are left to the gateway (it refuses at connect; see live.gateway.ts).
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Exceptions');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const res = host.switchToHttp().getResponse<Response>();
    const body = toErrorBody(exception);
    if (body.statusCode >= 500 && !(exception instanceof DomainError)) {
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    }
    if (res.headersSent) return;
    res.status(body.statusCode).json(body);
  }
}

export function toErrorBody(exception: unknown): ErrorBody {
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
