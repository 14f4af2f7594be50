import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { isUuid } from '../common/uuid';
import { UsersService } from '../users/users.service';
import type { AuthUser, JwtPayload } from './auth-user';

/** Issues and checks access tokens. Shared by the HTTP guard and the socket.io gateway. */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly users: UsersService,
  ) {}

  sign(user: AuthUser): Promise<string> {
    const payload: JwtPayload = { sub: user.id, role: user.role };
    return this.jwt.signAsync(payload);
  }

  /**
   * Verify the token and load its user. The user is read from the database on every call, so a
   * role change (questline users set-role) or a deleted account takes effect at once.
   */
  async authenticate(token: string | undefined): Promise<AuthUser> {
    return (await this.authenticateSession(token)).user;
  }

  /** As authenticate, plus when the token expires (ms since the epoch; null if it never does): sockets end then. */
  async authenticateSession(token: string | undefined): Promise<{ user: AuthUser; expiresAt: number | null }> {
    if (!token) throw new DomainError(ErrorCode.Unauthenticated, 'Missing bearer token');
    let payload: JwtPayload & { exp?: number };
    try {
      payload = await this.jwt.verifyAsync<JwtPayload>(token);
    } catch {
      throw new DomainError(ErrorCode.Unauthenticated, 'Invalid or expired token');
    }
    if (typeof payload.sub !== 'string' || !isUuid(payload.sub)) {
      throw new DomainError(ErrorCode.Unauthenticated, 'Invalid or expired token');
    }
    // A database error propagates (503 DATABASE_UNAVAILABLE through the filter): turning it into "no such
    // user" would answer 401 and make every client sign its learner out during an outage.
    const user = await this.users.findById(payload.sub);
    if (!user) throw new DomainError(ErrorCode.Unauthenticated, 'Invalid or expired token');
    return { user, expiresAt: typeof payload.exp === 'number' ? payload.exp * 1000 : null };
  }
}
