import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  ACCESS_TOKEN_MAX_PER_USER,
  ACCESS_TOKEN_PREFIX,
  isAccessTokenScope,
  type AccessTokenScope,
  type AccessTokenView,
  type CreatedAccessToken,
  type CreateAccessTokenRequest,
} from '@questline/contracts';
import { AccessTokensRepository, type AccessTokenRecord } from '@questline/data';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { isUuid } from '../common/uuid';
import { UsersService } from '../users/users.service';
import type { AuthUser } from './auth-user';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The secret: 32 random bytes, base64url. Shaped so a malformed bearer is refused before any query. */
const TOKEN_SHAPE = /^qlt_[A-Za-z0-9_-]{43}$/;

const sha256 = (token: string): string => createHash('sha256').update(token).digest('hex');

const toView = (row: AccessTokenRecord): AccessTokenView => ({
  id: row.id,
  name: row.name,
  scopes: row.scopes.filter(isAccessTokenScope),
  hint: row.hint,
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  expiresAt: row.expiresAt?.toISOString() ?? null,
});

export function isPersonalAccessToken(bearer: string | undefined): boolean {
  return bearer?.startsWith(ACCESS_TOKEN_PREFIX) ?? false;
}

/** Personal access tokens: created shown once, stored as their SHA-256, checked against a route's scopes. */
@Injectable()
export class AccessTokensService {
  private readonly repo: AccessTokensRepository;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly users: UsersService,
  ) {
    this.repo = new AccessTokensRepository(dataSource);
  }

  async create(user: AuthUser, request: CreateAccessTokenRequest): Promise<CreatedAccessToken> {
    if ((await this.repo.countLive(user.id)) >= ACCESS_TOKEN_MAX_PER_USER) {
      throw new DomainError(ErrorCode.Conflict, `At most ${ACCESS_TOKEN_MAX_PER_USER} access tokens: revoke one first`);
    }
    const token = ACCESS_TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const row = await this.repo.create({
      userId: user.id,
      name: request.name.trim(),
      tokenHash: sha256(token),
      hint: token.slice(0, ACCESS_TOKEN_PREFIX.length + 6),
      scopes: [...new Set(request.scopes)].sort(),
      expiresAt: request.expiresInDays ? new Date(Date.now() + request.expiresInDays * DAY_MS) : null,
    });
    return { ...toView(row), token };
  }

  async list(user: AuthUser): Promise<AccessTokenView[]> {
    return (await this.repo.listLive(user.id)).map(toView);
  }

  async revoke(user: AuthUser, id: string): Promise<void> {
    if (!isUuid(id) || !(await this.repo.revoke(user.id, id))) throw new DomainError(ErrorCode.NotFound, 'No such access token of yours');
  }

  /**
   * The user of a live token that has one of `allowed` scopes. `allowed` undefined: the route takes no tokens.
   * Same 401 for unknown, revoked and expired tokens; 403 for a good token on the wrong route.
   */
  async authenticate(token: string, allowed: AccessTokenScope[] | undefined): Promise<AuthUser> {
    if (!TOKEN_SHAPE.test(token)) throw new DomainError(ErrorCode.Unauthenticated, 'Invalid, revoked or expired access token');
    const row = await this.repo.useLive(sha256(token));
    if (!row) throw new DomainError(ErrorCode.Unauthenticated, 'Invalid, revoked or expired access token');
    if (!allowed || allowed.length === 0) {
      throw new DomainError(ErrorCode.Forbidden, 'Personal access tokens are not accepted on this route: sign in instead');
    }
    if (!row.scopes.some((scope) => (allowed as string[]).includes(scope))) {
      throw new DomainError(ErrorCode.Forbidden, `This access token lacks the scope this route needs: ${allowed.join(' or ')}`);
    }
    const user = await this.users.findById(row.userId);
    if (!user) throw new DomainError(ErrorCode.Unauthenticated, 'Invalid, revoked or expired access token');
    return user;
  }
}
