import type { Request } from 'express';
import type { User } from '@questline/data';

/** The signed-in user as loaded by the JWT guard (the User row, without its password hash). */
export type AuthUser = User;

export interface JwtPayload {
  sub: string;
  role: string;
}

export interface AuthenticatedRequest extends Request {
  user?: AuthUser;
}
