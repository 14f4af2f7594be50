import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import type { Socket } from 'socket.io';
import { DomainError, ERROR_STATUS } from './domain-error';
import { ErrorBody, errorBody } from './error-body';

/**
 * The single exception filter: DomainError → its status; HttpException (validation, 404,
 * throttling, ...) → its status with a flat string message; anything else → 500 with a generic
 * message, logged with its stack here and never sent to the client.
 * In socket.io message handlers the same body is emitted to the client as an `exception` event
 * (Nest's convention). Connection refusals happen earlier, in the gateway middleware.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Exceptions');

  catch(exception: unknown, host: ArgumentsHost): void {
    const body = toErrorBody(exception);
    if (body.statusCode >= 500 && !(exception instanceof DomainError)) {
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
