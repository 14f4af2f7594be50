// Personal access tokens (issue 15 item 6): what the CLI sends as `Authorization: Bearer qlt_…` to publish
// packs or read their statistics. Created, listed and revoked in the web app (Profile); shown once.

/** What a token may do. `publish`: POST /api/packs and its checks; `stats`: GET /api/packs/:slug/stats. */
export const ACCESS_TOKEN_SCOPES = ['publish', 'stats'] as const;
export type AccessTokenScope = (typeof ACCESS_TOKEN_SCOPES)[number];

/** Every personal access token starts with this, so the api tells it from a session JWT (and scanners find leaks). */
export const ACCESS_TOKEN_PREFIX = 'qlt_';

/** At most this many live (unrevoked) tokens per user. */
export const ACCESS_TOKEN_MAX_PER_USER = 20;
export const ACCESS_TOKEN_NAME_MAX = 80;

/** GET /api/access-tokens items: never the secret, only its first characters to recognise it. */
export interface AccessTokenView {
  id: string;
  name: string;
  scopes: AccessTokenScope[];
  /** `qlt_` and the first characters of the secret. */
  hint: string;
  createdAt: string;
  lastUsedAt: string | null;
  /** null: never expires. */
  expiresAt: string | null;
}

/** POST /api/access-tokens body. */
export interface CreateAccessTokenRequest {
  name: string;
  scopes: AccessTokenScope[];
  /** 1 to 365; omitted: never expires. */
  expiresInDays?: number;
}

/** 201 answer of POST /api/access-tokens: the only time the secret is shown. */
export interface CreatedAccessToken extends AccessTokenView {
  token: string;
}

export function isAccessTokenScope(value: unknown): value is AccessTokenScope {
  return typeof value === 'string' && (ACCESS_TOKEN_SCOPES as readonly string[]).includes(value);
}
