import { Logger, type INestApplication } from '@nestjs/common';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { errorBody } from './errors/error-body';
import { inputProblem, NUL_MESSAGE, urlHasNul } from './input-policy';
import { assignRequestId } from './logging';

/**
 * Body parsers with a size limit, plus an error handler right behind them. Nest's own body parser
 * is turned off (see createApiApp) because parser errors happen in Express middleware, before any
 * Nest exception filter, and would otherwise reach Express' default HTML error page.
 */
export function installBodyParsing(app: INestApplication, limit: string): void {
  app.use(express.json({ limit, strict: true }));
  app.use(express.urlencoded({ limit, extended: false }));
  app.use(bodyErrorHandler);
  app.use(inputPolicy);
}

/** The input policy (common/input-policy.ts) for the request target, the query and the parsed body. */
const inputPolicy: RequestHandler = (req, res, next) => {
  const problem = urlHasNul(req.originalUrl) ? NUL_MESSAGE : (inputProblem(req.body) ?? inputProblem(req.query));
  if (!problem) return next();
  res.status(400).json(errorBody(400, problem, { code: 'INVALID_INPUT' }));
};

interface BodyParserError {
  type?: string;
  status?: number;
  statusCode?: number;
  limit?: number;
}

const MESSAGES: Record<string, string> = {
  'entity.parse.failed': 'Malformed JSON in request body',
  'entity.too.large': 'Request body is too large',
  'encoding.unsupported': 'Unsupported request body encoding',
  'charset.unsupported': 'Unsupported request body charset',
  'request.aborted': 'Request was aborted',
  'entity.verify.failed': 'Request body could not be verified',
  'request.size.invalid': 'Request size did not match Content-Length',
  'stream.encoding.set': 'Request body stream error',
  'parameters.too.many': 'Too many parameters',
};

const logger = new Logger('BodyParser');

const bodyErrorHandler: ErrorRequestHandler = (err: unknown, req, res, next) => {
  const e = typeof err === 'object' && err !== null ? (err as BodyParserError) : {};
  if (!e.type || !(e.type in MESSAGES)) return next(err);
  const status = e.status ?? e.statusCode ?? 400;
  let message = MESSAGES[e.type];
  if (e.type === 'entity.too.large' && e.limit) message += ` (limit ${e.limit} bytes)`;
  const code = status >= 400 && status < 500 ? status : 400;
  // pino-http is not reached for these requests, so note them here (no body content).
  logger.warn(`${req.method} ${req.path} → ${code}: ${message} (request ${assignRequestId(req, res)})`);
  // The body may be partly unread (413, aborted): close the connection rather than reuse it.
  res.setHeader('Connection', 'close');
  res.status(code).json(errorBody(code, message));
};
