import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AccessTokenScope } from '@questline/contracts';
import { AccessTokensService, isPersonalAccessToken } from './access-tokens.service';
import type { AuthenticatedRequest } from './auth-user';
import { IS_PUBLIC } from './public.decorator';
import { TOKEN_SCOPES } from './token-scopes.decorator';
import { TokenService } from './token.service';

/**
 * Global (APP_GUARD): every HTTP route needs `Authorization: Bearer <jwt>` unless @Public(). A personal access
 * token (`qlt_…`) is accepted instead only on routes marked @TokenScopes() and only with one of their scopes.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly accessTokens: AccessTokensService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // The gateway authenticates sockets itself at connect time.
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets);
    if (isPublic) return true;
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerToken(req.headers.authorization);
    if (token && isPersonalAccessToken(token)) {
      const scopes = this.reflector.getAllAndOverride<AccessTokenScope[] | undefined>(TOKEN_SCOPES, targets);
      req.user = await this.accessTokens.authenticate(token, scopes);
      return true;
    }
    req.user = await this.tokens.authenticate(token);
    return true;
  }
}

export function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}
