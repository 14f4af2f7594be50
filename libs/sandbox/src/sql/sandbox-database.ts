// The grader's side of the sandbox PostgreSQL (SANDBOX_DATABASE_URL: a cluster that holds no application
// data, reached as an administrator that only this process uses). Each sandbox child gets a slot: a
// LOGIN role with no privileges but CONNECT, owning exactly one scratch schema. Only the role's URL goes
// to the child. After every grading the slot is reset here: the role's running statements are
// terminated and everything it owns is dropped (DROP OWNED BY), so the next grading starts from an
// empty schema whatever the last one did (COMMIT, ALTER ROLE ... PASSWORD, large objects, ...).
import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';

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
    this.hardened ??= this.transaction(
      `REVOKE ALL ON DATABASE ${ident(this.database)} FROM PUBLIC; REVOKE ALL ON SCHEMA public FROM PUBLIC;`,
    ).catch((error: unknown) => {
      this.hardened = null;
      throw error;
    });
    return this.hardened;
  }

  async provision(): Promise<SqlSlot> {
    await this.harden();
    const role = `${SLOT_ROLE_PREFIX}${process.pid}_${randomBytes(5).toString('hex')}`;
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
    this.closing ??= this.pool.end();
    return this.closing;
  }
}
