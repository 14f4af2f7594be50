import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Express, NextFunction, Request, RequestHandler, Response } from 'express';
import { UserRole } from '@questline/data';
import { AuthModule, TokenService } from '../auth';
import { unavailableDependency } from '../common/errors/dependency';
import { toErrorBody } from '../common/errors/all-exceptions.filter';
import { GradingQueue } from '../submissions/grading-queue';
import { SubmissionsModule } from '../submissions/submissions.module';
import { DASHBOARD_COOKIE, DASHBOARD_PATH, QueueDashboardSignInController, signInPage } from './queue-dashboard-sign-in';

export { DASHBOARD_PATH } from './queue-dashboard-sign-in';

/** `ql_queues_token=<jwt>` from the Cookie header, without a cookie-parser dependency. */
function cookieToken(req: Request): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === DASHBOARD_COOKIE) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

/**
 * Bull Board for operators at /api/admin/queues, admins only. A browser cannot send a Bearer header on
 * navigation: without a valid cookie it gets a sign-in page whose POST form sets an HttpOnly, SameSite=Strict
 * cookie scoped to the dashboard (queue-dashboard-sign-in.ts); a token in the URL is not read. API clients
 * may send the usual Authorization header. Every request re-checks the role.
 */
@Injectable()
class QueueDashboard implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly tokens: TokenService,
    private readonly grading: GradingQueue,
  ) {}

  onModuleInit(): void {
    const serverAdapter = new ExpressAdapter().setBasePath(DASHBOARD_PATH);
    createBullBoard({ queues: [new BullMQAdapter(this.grading.queue)], serverAdapter });
    const app = this.adapterHost.httpAdapter.getInstance<Express>();
    // bull-board declares its router as `any`; it is an Express router.
    const router = serverAdapter.getRouter() as RequestHandler;
    app.use(DASHBOARD_PATH, (req, res, next) => this.guard(req, res, next), router);
  }

  private guard(req: Request, res: Response, next: NextFunction): void {
    const header = req.headers.authorization;
    const bearer = header?.startsWith('Bearer ') ? header.slice(7) : undefined;
    this.tokens
      .authenticate(bearer ?? cookieToken(req))
      .then((user) => {
        if (user.role !== UserRole.Admin) {
          res.status(403).json({ statusCode: 403, error: 'Forbidden', message: 'Admins only', code: 'FORBIDDEN' });
          return;
        }
        // Bull Board's page bootstraps with an inline script that the api-wide CSP forbids.
        res.removeHeader('Content-Security-Policy');
        next();
      })
      .catch((error: unknown) => {
        // An outage is not "signed out": the same 503 and code as every other route (the exception filter's body).
        if (unavailableDependency(error)) {
          const body = toErrorBody(error);
          res.status(body.statusCode).json(body);
          return;
        }
        // A browser navigating to the dashboard gets the sign-in form; anything else the JSON 401.
        if (!bearer && req.method === 'GET' && req.accepts(['json', 'html']) === 'html') {
          res.status(401).type('html').send(signInPage(req.query.error));
          return;
        }
        res.status(401).json({ statusCode: 401, error: 'Unauthorized', message: 'Sign in as an admin', code: 'UNAUTHENTICATED' });
      });
  }
}

@Module({ imports: [AuthModule, SubmissionsModule], controllers: [QueueDashboardSignInController], providers: [QueueDashboard] })
export class QueueDashboardModule {}
