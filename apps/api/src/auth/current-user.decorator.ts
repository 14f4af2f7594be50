import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import type { AuthenticatedRequest, AuthUser } from './auth-user';

/** The user the JWT guard loaded. Only on non-@Public() routes. */
export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthUser => {
  const user = ctx.switchToHttp().getRequest<AuthenticatedRequest>().user;
  if (!user) throw new DomainError(ErrorCode.Unauthenticated, 'Authentication required');
  return user;
});
