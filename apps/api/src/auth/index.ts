// What other feature modules use: decorators, the user type, and the token service (via AuthModule).
export { AuthModule } from './auth.module';
export { Public } from './public.decorator';
export { Roles } from './roles.decorator';
export { CurrentUser } from './current-user.decorator';
export { TokenService } from './token.service';
export type { AuthUser, AuthenticatedRequest } from './auth-user';
export { TokenScopes } from './token-scopes.decorator';
