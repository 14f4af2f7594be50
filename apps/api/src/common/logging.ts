import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { Options } from 'pino-http';
import type { LogLevel } from '@questline/config';

export const REQUEST_ID_HEADER = 'x-request-id';

// A caller-supplied id is kept only if it is short and plain, so it cannot forge log lines.
const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Paths redacted from every log line. Bodies are not logged at all; these catch the rest. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.passwordHash',
  '*.accessToken',
  '*.token',
  '*.secret',
];

/** nestjs-pino options: JSON logs, one request id per request (echoed in x-request-id). */
export function loggerParams(level: LogLevel, stream?: DestinationStream): Params {
  const options: Options = {
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    // requestIdMiddleware (first in the chain) has already chosen the id.
    genReqId: (req: IncomingMessage, res: ServerResponse) => assignRequestId(req, res),
    // Only what is useful; never query strings with tokens or bodies.
    serializers: {
      req: (req: { id: unknown; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        url: req.url.split('?')[0],
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    // 503 is a dependency outage, reported once by OutageLog: its request lines stay at warn, not error.
    customLogLevel: (_req, res, err) =>
      res.statusCode === 503 ? 'warn' : err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
  };
  return { pinoHttp: stream ? [options, stream] : options };
}

/** Keep a plain caller-supplied x-request-id, or make one; set it on the response and on req.id. */
export function assignRequestId(req: IncomingMessage, res: ServerResponse): string {
  if (typeof req.id === 'string') return req.id;
  const incoming = req.headers[REQUEST_ID_HEADER];
  const id = typeof incoming === 'string' && SAFE_ID.test(incoming) ? incoming : randomUUID();
  req.id = id;
  res.setHeader(REQUEST_ID_HEADER, id);
  return id;
}

/**
 * Express middleware installed before everything else, so even responses produced before Nest's
 * middleware (body parser errors, static files) carry x-request-id.
 */
export function requestIdMiddleware(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  assignRequestId(req, res);
  next();
}
