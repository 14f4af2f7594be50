import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { UserRole } from '@questline/data';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import type { AuthenticatedRequest } from './auth-user';
import { ROLES } from './roles.decorator';

/** Global (APP_GUARD), runs after JwtAuthGuard: enforces @Roles(). */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const roles = this.reflector.getAllAndOverride<UserRole[] | undefined>(ROLES, [context.getHandler(), context.getClass()]);
    if (!roles || roles.length === 0) return true;
    const user = context.switchToHttp().getRequest<AuthenticatedRequest>().user;
    if (!user) throw new DomainError(ErrorCode.Unauthenticated, 'Authentication required');
    if (user.role === UserRole.Admin || roles.includes(user.role)) return true;
    throw new DomainError(ErrorCode.Forbidden, `This action requires role: ${roles.join(' or ')}`);
  }
}
