// Bull Board's browser sign-in: a POST form (email + password of an admin) that sets an HttpOnly,
// SameSite=Strict cookie scoped to the dashboard's path. No token ever travels in a URL (issue 12 item 9).
import { Body, Controller, HttpCode, Inject, Post, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Response } from 'express';
import { APP_CONFIG, type AppConfig } from '@questline/config';
import { UserRole } from '@questline/data';
import { Public } from '../auth';
import { AuthService } from '../auth/auth.service';
import { LoginDto } from '../auth/dto/login.dto';
import { DomainError } from '../common/errors/domain-error';

export const DASHBOARD_PATH = '/api/admin/queues';
export const DASHBOARD_COOKIE = 'ql_queues_token';

/** Why the sign-in page is shown again (the `?error=` it is redirected to; a word, never a credential). */
const SIGN_IN_ERRORS: Record<string, string> = {
  credentials: 'Wrong email or password.',
  role: 'This account is not an admin.',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The page a browser gets at the dashboard without a valid cookie. No script: the api's CSP stays. */
export function signInPage(error: unknown): string {
  const message = typeof error === 'string' ? SIGN_IN_ERRORS[error] : undefined;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Questline queues: sign in</title></head>
<body><main>
<h1>Queue dashboard</h1>
<p>Sign in with an admin account.</p>
${message ? `<p role="alert" data-testid="sign-in-error">${escapeHtml(message)}</p>` : ''}
<form method="post" action="${DASHBOARD_PATH}/sign-in">
<p><label>Email <input name="email" type="email" autocomplete="username" required></label></p>
<p><label>Password <input name="password" type="password" autocomplete="current-password" required></label></p>
<p><button type="submit">Sign in</button></p>
</form>
</main></body></html>`;
}

/** Nest routes are registered before the dashboard's middleware, so these two answer first. */
@ApiExcludeController()
@Public()
@UseGuards(ThrottlerGuard)
@Controller('admin/queues')
export class QueueDashboardSignInController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('sign-in')
  @HttpCode(303)
  async signIn(@Body() dto: LoginDto, @Res({ passthrough: true }) res: Response): Promise<void> {
    let token: string;
    let role: UserRole;
    try {
      const session = await this.auth.login(dto);
      token = session.accessToken;
      role = session.user.role;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      res.setHeader('Location', `${DASHBOARD_PATH}?error=credentials`);
      return;
    }
    if (role !== UserRole.Admin) {
      res.setHeader('Location', `${DASHBOARD_PATH}?error=role`);
      return;
    }
    res.cookie(DASHBOARD_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      path: DASHBOARD_PATH,
      secure: res.req.secure,
      maxAge: this.config.jwt.ttlSeconds * 1000,
    });
    res.setHeader('Location', DASHBOARD_PATH);
  }

  @Post('sign-out')
  @HttpCode(303)
  signOut(@Res({ passthrough: true }) res: Response): void {
    res.clearCookie(DASHBOARD_COOKIE, { httpOnly: true, sameSite: 'strict', path: DASHBOARD_PATH, secure: res.req.secure });
    res.setHeader('Location', DASHBOARD_PATH);
  }
}
