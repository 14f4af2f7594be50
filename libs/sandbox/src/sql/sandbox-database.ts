// The grader's side of the sandbox PostgreSQL (SANDBOX_DATABASE_URL: a cluster that holds no application
// data, reached as an administrator that only this process uses). Each sandbox child gets a slot: a
// LOGIN role with no privileges but CONNECT, owning exactly one scratch schema. Only the role's URL goes
// to the child. After every grading the slot is reset here: the role's running statements are
// terminated and everything it owns is dropped (DROP OWNED BY), so the next grading starts from an
// empty schema whatever the last one did (COMMIT, ALTER ROLE ... PASSWORD, large objects, ...).
import { randomBytes } from 'node:crypto';
import { Client, Pool } from 'pg';

export interface SqlSlot {
  role: string;
  schema: string;
  /** The role's own connection URL (for the child). */
  url: string;
  password: string;
}

/** Settings only a superuser can change: the learner's role cannot undo them (`SET temp_file_limit` is refused). */
const ROLE_SETTINGS = [
  `temp_file_limit = '16MB'`,
  `statement_timeout = '10s'`,
  `work_mem = '4MB'`,
  // Scratch data, dropped after each grading: a commit need not wait for the disk (measured: the fsyncs
  // of setup, learner commits and reset were most of an SQL grading on the shared test server).
  `synchronous_commit = off`,
];
/** Main + the cancel connection + the extra sessions a test may open (sql-session.ts). */
const CONNECTION_LIMIT = 5;
export const SLOT_ROLE_PREFIX = 'qlsbx_';
/**
 * GRANT/REVOKE on the database rewrite its one pg_database row: two at once fail with "tuple concurrently
 * updated". Every grader (any process) takes this transaction-level advisory lock first.
 */
const SERIALIZE = 'SELECT pg_advisory_xact_lock(7319001);';
/**
 * Each SandboxDatabase holds the session advisory lock (OWNER_LOCK, its key) on a connection of its own for
 * its lifetime, and names its roles `qlsbx_<pid>_<key>_…`. A role whose key nobody holds belongs to a process
 * that died without releasing it (SIGKILL, a crash, a lost host): the next SandboxDatabase to start sweeps it.
 */
const OWNER_LOCK = 7319002;
const OWNED_ROLE = /^qlsbx_\d+_([0-9a-f]{8})_[0-9a-f]+$/;

function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

export class SandboxDatabase {
  private readonly pool: Pool;
  private readonly database: string;
  private hardened: Promise<void> | null = null;
  /** This instance's owner key (unsigned 32-bit), held as a session advisory lock on `owner`. */
  private readonly ownerKey = randomBytes(4).readUInt32BE(0);
  private owner: Client | null = null;

  constructor(private readonly adminUrl: string) {
    this.pool = new Pool({ connectionString: adminUrl, max: 2, application_name: 'questline-sandbox-admin' });
    // An idle admin connection dropped by the server must not crash the process.
    this.pool.on('error', () => {});
    this.database = decodeURIComponent(new URL(adminUrl).pathname.slice(1)) || 'postgres';
  }

  /**
   * Once per process: nobody but the slot roles may connect, and nothing is created outside their
   * schemas (no CREATE on public, no temporary tables).
   */
  private harden(): Promise<void> {
    this.hardened ??= (async () => {
      await this.holdOwnerLock();
      await this.transaction(`REVOKE ALL ON DATABASE ${ident(this.database)} FROM PUBLIC; REVOKE ALL ON SCHEMA public FROM PUBLIC;`);
      const swept = await this.sweep();
      if (swept.length > 0) console.warn(`[sandbox] dropped ${swept.length} leftover sandbox slot role(s) of dead processes`);
    })().catch((error: unknown) => {
      this.hardened = null;
      throw error;
    });
    return this.hardened;
  }

  /** Takes this instance's owner lock before any role is made; a lost connection takes it again on next use. */
  private async holdOwnerLock(): Promise<void> {
    if (this.owner) return;
    const owner = new Client({ connectionString: this.adminUrl, application_name: 'questline-sandbox-owner' });
    owner.on('error', () => {
      if (this.owner === owner) {
        this.owner = null;
        this.hardened = null;
      }
    });
    await owner.connect();
    try {
      await owner.query('SELECT pg_advisory_lock($1, $2)', [OWNER_LOCK, this.ownerKey | 0]);
    } catch (error) {
      await owner.end().catch(() => {});
      throw error;
    }
    this.owner = owner;
  }

  /**
   * Drops the slot roles (with everything they own) that have a schema in this database and no living owner:
   * their key's lock is not held (or, roles named before owner keys, no session uses them). Returns their names.
   */
  async sweep(): Promise<string[]> {
    const { rows } = await this.pool.query<{ role: string; connections: number }>(
      `SELECT r.rolname AS role, (SELECT count(*)::int FROM pg_stat_activity a WHERE a.usename = r.rolname) AS connections
       FROM pg_roles r
       WHERE r.rolname LIKE 'qlsbx\\_%' AND EXISTS (SELECT 1 FROM pg_namespace n WHERE n.nspname = r.rolname)`,
    );
    const held = await this.pool.query<{ key: string }>(
      `SELECT objid::text AS key FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid = $1 AND objsubid = 2`,
      [OWNER_LOCK],
    );
    const living = new Set(held.rows.map((row) => Number(row.key)));
    const leftovers = rows
      .filter((row) => {
        const key = OWNED_ROLE.exec(row.role)?.[1];
        return key !== undefined ? !living.has(parseInt(key, 16)) : row.connections === 0;
      })
      .map((row) => row.role);
    const dropped: string[] = [];
    for (const role of leftovers) {
      try {
        await this.release({ role, schema: role, url: '', password: '' });
        dropped.push(role);
      } catch {
        // Another grader swept it first, or it owns something elsewhere: left for the next sweep.
      }
    }
    return dropped;
  }

  /** At startup: take the owner lock, harden the database and sweep dead processes' slots (provision does it too). */
  start(): Promise<void> {
    return this.harden();
  }

  async provision(): Promise<SqlSlot> {
    await this.harden();
    const role = `${SLOT_ROLE_PREFIX}${process.pid}_${this.ownerKey.toString(16).padStart(8, '0')}_${randomBytes(5).toString('hex')}`;
    const password = randomBytes(18).toString('hex');
    await this.transaction(
      `CREATE ROLE ${ident(role)} LOGIN PASSWORD ${literal(password)} NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION NOBYPASSRLS CONNECTION LIMIT ${CONNECTION_LIMIT};` +
        ROLE_SETTINGS.map((setting) => ` ALTER ROLE ${ident(role)} SET ${setting};`).join('') +
        ` COMMENT ON ROLE ${ident(role)} IS ${literal(`questline sandbox slot of pid ${process.pid}`)};` +
        this.grants(role),
    );
    const url = new URL(this.adminUrl);
    url.username = role;
    url.password = password;
    return { role, schema: role, url: url.toString(), password };
  }

  private grants(role: string): string {
    return ` GRANT CONNECT ON DATABASE ${ident(this.database)} TO ${ident(role)}; CREATE SCHEMA ${ident(role)} AUTHORIZATION ${ident(role)};`;
  }

  /** Back to an empty schema; the role's idle main connection survives, anything running does not. */
  async reset(slot: SqlSlot): Promise<void> {
    const client = await this.pool.connect();
    try {
      // pg_terminate_backend(pid, timeout) waits for the backend to exit, so its locks are gone before the drop.
      await client.query(
        `SELECT pg_terminate_backend(pid, 1000) FROM pg_stat_activity WHERE usename = $1 AND state IS DISTINCT FROM 'idle' AND pid <> pg_backend_pid()`,
        [slot.role],
      );
      await client.query(
        `BEGIN; SET LOCAL lock_timeout = '2s'; SET LOCAL synchronous_commit = off; ${SERIALIZE} DROP OWNED BY ${ident(slot.role)} CASCADE;${this.grants(slot.role)}` +
          ` ALTER ROLE ${ident(slot.role)} PASSWORD ${literal(slot.password)}; ALTER ROLE ${ident(slot.role)} RESET ALL;` +
          ROLE_SETTINGS.map((setting) => ` ALTER ROLE ${ident(slot.role)} SET ${setting};`).join('') +
          ' COMMIT;',
      );
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  /** Drops the slot's role and everything it owns (its connections are terminated first). */
  async release(slot: SqlSlot): Promise<void> {
    await this.pool.query(`SELECT pg_terminate_backend(pid, 1000) FROM pg_stat_activity WHERE usename = $1`, [slot.role]);
    await this.transaction(`DROP OWNED BY ${ident(slot.role)} CASCADE; DROP ROLE ${ident(slot.role)};`);
  }

  /** Statements in one transaction, serialized with every other grader's (see SERIALIZE). */
  private async transaction(sql: string): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query(`BEGIN; SET LOCAL synchronous_commit = off; ${SERIALIZE} ${sql} COMMIT;`);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  private closing: Promise<void> | null = null;

  close(): Promise<void> {
    const owner = this.owner;
    this.owner = null;
    this.closing ??= Promise.all([this.pool.end(), owner?.end().catch(() => {})]).then(() => undefined);
    return this.closing;
  }
}
