// Every statement about the `access_tokens` table (personal access tokens, issue 15 item 6). Nest-free,
// constructed with the app's DataSource. Secrets are never stored: callers pass the SHA-256 of the token.
import type { DataSource } from 'typeorm';

export interface AccessTokenRecord {
  id: string;
  userId: string;
  name: string;
  hint: string;
  scopes: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
}

interface AccessTokenRow {
  id: string;
  user_id: string;
  name: string;
  hint: string;
  scopes: string[];
  created_at: Date;
  last_used_at: Date | null;
  expires_at: Date | null;
}

const COLUMNS = 'id, user_id, name, hint, scopes, created_at, last_used_at, expires_at';

const toRecord = (row: AccessTokenRow): AccessTokenRecord => ({
  id: row.id,
  userId: row.user_id,
  name: row.name,
  hint: row.hint,
  scopes: row.scopes,
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
  expiresAt: row.expires_at,
});

/** A token counts while it is neither revoked nor expired. */
const LIVE = `revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())`;

export class AccessTokensRepository {
  constructor(private readonly dataSource: DataSource) {}

  async create(input: {
    userId: string;
    name: string;
    tokenHash: string;
    hint: string;
    scopes: string[];
    expiresAt: Date | null;
  }): Promise<AccessTokenRecord> {
    const rows: AccessTokenRow[] = await this.dataSource.query(
      `INSERT INTO access_tokens (user_id, name, token_hash, hint, scopes, expires_at) VALUES ($1, $2, $3, $4, $5, $6)
       RETURNING ${COLUMNS}`,
      [input.userId, input.name, input.tokenHash, input.hint, input.scopes, input.expiresAt],
    );
    return toRecord(rows[0]);
  }

  /** The user's live tokens, newest first. */
  async listLive(userId: string): Promise<AccessTokenRecord[]> {
    const rows: AccessTokenRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM access_tokens WHERE user_id = $1 AND ${LIVE} ORDER BY created_at DESC, id`,
      [userId],
    );
    return rows.map(toRecord);
  }

  async countLive(userId: string): Promise<number> {
    const rows: { n: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM access_tokens WHERE user_id = $1 AND ${LIVE}`,
      [userId],
    );
    return rows[0]?.n ?? 0;
  }

  /** The live token with this hash, its last use stamped (at most once a minute, to spare writes). */
  async useLive(tokenHash: string): Promise<AccessTokenRecord | null> {
    const rows: AccessTokenRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM access_tokens WHERE token_hash = $1 AND ${LIVE}`, [
      tokenHash,
    ]);
    const row = rows[0];
    if (!row) return null;
    if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > 60_000) {
      await this.dataSource.query(`UPDATE access_tokens SET last_used_at = now() WHERE id = $1`, [row.id]);
    }
    return toRecord(row);
  }

  /** Revoke one of the user's tokens; false when it is not theirs, unknown or already revoked. */
  async revoke(userId: string, id: string): Promise<boolean> {
    const rows: { id: string }[] = await this.dataSource.query(
      // Through a CTE: TypeORM answers a bare UPDATE … RETURNING with [rows, count], a SELECT with its rows.
      `WITH revoked AS (UPDATE access_tokens SET revoked_at = now() WHERE id = $1 AND user_id = $2 AND ${LIVE} RETURNING id)
       SELECT id FROM revoked`,
      [id, userId],
    );
    return rows.length > 0;
  }
}
