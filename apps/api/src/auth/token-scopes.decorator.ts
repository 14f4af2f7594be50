import { SetMetadata } from '@nestjs/common';
import type { AccessTokenScope } from '@questline/contracts';

export const TOKEN_SCOPES = 'questline:tokenScopes';

/**
 * Let a personal access token (`qlt_…`) call this route when it has one of these scopes. A route without it
 * takes session JWTs only, so a token can never change a password, create more tokens or act as a learner.
 */
export const TokenScopes = (...scopes: AccessTokenScope[]): MethodDecorator & ClassDecorator => SetMetadata(TOKEN_SCOPES, scopes);
