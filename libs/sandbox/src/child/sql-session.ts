// The sandbox child's side of SQL grading: connections to this child's slot in the sandbox PostgreSQL
// (an unprivileged role that owns one scratch schema, provisioned and reset by the grader, sql/), and
// the bridge the isolate's `db` handle calls. Every call is bounded on the host: the job's remaining
// time (a learner's `SET statement_timeout = 0` changes nothing, the query is cancelled from here),
// a row cap and a size cap on what goes back into the isolate.
import { Client, types, type FieldDef, type QueryResult } from 'pg';
import type { SqlBridgeReply, SqlBridgeRequest, SqlColumn, SqlErrorInfo, SqlResultSet, SqlValue } from '@questline/contracts';
import type { ChildDatabase } from '../protocol';

export const SQL_LIMITS = {
  /** Rows over all result sets of one call. */
  maxRows: 1000,
  /** Characters of JSON handed to the isolate per call. */
  maxReplyChars: 2 * 1024 * 1024,
  /** Sessions a job may open besides the main one (transactions and isolation exercises). */
  maxExtraSessions: 2,
  /** Lock waits end long before the time limit, so two sessions that block each other get a clear error. */
  lockTimeoutMs: 1000,
} as const;

/** What the isolate reads: numbers for int8/numeric (exercises compare counts and sums), text for dates. */
const TEXT = (value: string) => value;
const NUMBER = (value: string) => {
  const n = Number(value);
  return Number.isFinite(n) ? n : value;
};
const PARSERS: Record<number, (value: string) => unknown> = {
  20: NUMBER, // int8
  1700: NUMBER, // numeric
  1082: TEXT, // date
  1083: TEXT, // time
  1114: TEXT, // timestamp
  1184: TEXT, // timestamptz
  1186: TEXT, // interval
};
const TYPE_PARSERS = {
  getTypeParser: (oid: number, format?: string) => PARSERS[oid] ?? types.getTypeParser(oid, format === 'binary' ? 'binary' : 'text'),
};

/** Type names for the oids exercises meet; others are shown as their oid. */
const TYPE_NAMES: Record<number, string> = {
  16: 'bool',
  20: 'int8',
  21: 'int2',
  23: 'int4',
  25: 'text',
  114: 'json',
  700: 'float4',
  701: 'float8',
  1042: 'bpchar',
  1043: 'varchar',
  1082: 'date',
  1083: 'time',
  1114: 'timestamp',
  1184: 'timestamptz',
  1186: 'interval',
  1700: 'numeric',
  2950: 'uuid',
  3802: 'jsonb',
};

/** A learner-facing failure of one call (the isolate turns it into a thrown Error). */
class BridgeError extends Error {
  constructor(readonly info: SqlErrorInfo) {
    super(info.message);
  }
}

function toErrorInfo(error: unknown): SqlErrorInfo {
  if (error instanceof BridgeError) return error.info;
  const e = error as { message?: unknown; code?: unknown; position?: unknown; detail?: unknown; hint?: unknown };
  const info: SqlErrorInfo = { message: typeof e?.message === 'string' ? e.message : String(error) };
  if (typeof e?.code === 'string') info.code = e.code;
  if (typeof e?.position === 'string' && Number.isFinite(Number(e.position))) info.position = Number(e.position);
  if (typeof e?.detail === 'string') info.detail = e.detail;
  if (typeof e?.hint === 'string') info.hint = e.hint;
  return info;
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function column(field: FieldDef): SqlColumn {
  return { name: field.name, type: TYPE_NAMES[field.dataTypeID] ?? String(field.dataTypeID) };
}

function resultSets(raw: QueryResult<unknown[]> | Array<QueryResult<unknown[]>>): SqlResultSet[] {
  const list = Array.isArray(raw) ? raw : [raw];
  return list.map((r) => ({
    command: r.command ?? '',
    rowCount: r.rowCount ?? r.rows.length,
    columns: (r.fields ?? []).map(column),
    values: r.rows as SqlValue[][],
  }));
}

interface Session {
  client: Client;
  pid: number;
}

/** The main connection lives as long as the child (connecting costs a few ms); the others live for one job. */
let mainSession: { url: string; session: Session } | null = null;
let controlClient: { url: string; client: Client } | null = null;

async function connect(url: string): Promise<Session> {
  const client = new Client({ connectionString: url, types: TYPE_PARSERS, application_name: 'questline-sandbox' });
  // A backend terminated by the grader's reset (or a server restart) must not crash the child.
  client.on('error', () => {
    if (mainSession?.session.client === client) mainSession = null;
    if (controlClient?.client === client) controlClient = null;
  });
  await client.connect();
  const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  return { client, pid: rows[0]!.pid };
}

async function control(url: string): Promise<Client> {
  if (controlClient?.url === url) return controlClient.client;
  await controlClient?.client.end().catch(() => {});
  controlClient = { url, client: (await connect(url)).client };
  return controlClient.client;
}

/** One job's use of the database. */
export class SqlJob {
  private readonly sessions: Session[] = [];
  private cancelled = false;

  private constructor(
    private readonly database: ChildDatabase,
    private readonly deadline: number,
  ) {}

  /**
   * Resets the main session (whatever the previous job left: an open transaction, settings, temp
   * objects), applies this job's limits, and runs the exercise's setup in the empty schema.
   * Throws a message for the author when the setup fails.
   */
  static async start(database: ChildDatabase, deadline: number): Promise<SqlJob> {
    const job = new SqlJob(database, deadline);
    let main = mainSession?.url === database.url ? mainSession.session : null;
    if (main) {
      try {
        await main.client.query('ROLLBACK');
      } catch {
        main = null;
      }
    }
    if (!main) {
      await mainSession?.session.client.end().catch(() => {});
      main = await connect(database.url);
      mainSession = { url: database.url, session: main };
    }
    job.sessions.push(main);
    await job.configure(main);
    try {
      await job.guarded(main, () => main.client.query(database.setup));
    } catch (error) {
      throw new Error(`The exercise's database setup (schema.sql) failed: ${toErrorInfo(error).message}`, { cause: error });
    }
    return job;
  }

  private async configure(session: Session): Promise<void> {
    // DISCARD ALL cannot share a query string with other statements (it refuses a transaction block).
    await session.client.query('DISCARD ALL');
    const remaining = Math.max(1, this.deadline - Date.now());
    await session.client.query(
      `SET search_path = ${quoteIdent(this.database.schema)}; SET statement_timeout = ${remaining};` +
        ` SET lock_timeout = ${Math.min(SQL_LIMITS.lockTimeoutMs, remaining)}; SET idle_in_transaction_session_timeout = ${remaining + 1000};` +
        ` SET work_mem = '4MB'; SET max_parallel_workers_per_gather = 0; SET synchronous_commit = off;`,
    );
  }

  /** Runs `run` with a host timer that cancels the session's statement when the job's time is up. */
  private async guarded<T>(session: Session, run: () => Promise<T>): Promise<T> {
    const remaining = this.deadline - Date.now();
    if (remaining <= 0) throw new BridgeError({ message: 'canceling statement due to statement timeout', code: '57014' });
    const timer = setTimeout(() => void this.cancel(session), remaining);
    try {
      return await run();
    } finally {
      clearTimeout(timer);
    }
  }

  private async cancel(session: Session): Promise<void> {
    this.cancelled = true;
    try {
      const client = await control(this.database.url);
      await client.query('SELECT pg_cancel_backend($1)', [session.pid]);
    } catch {
      // The grader's reset terminates whatever is still running for this slot.
    }
  }

  /** The JSON reply for one call from the isolate. Never throws. */
  async handle(requestJson: string): Promise<string> {
    let reply: SqlBridgeReply;
    try {
      reply = await this.dispatch(JSON.parse(requestJson) as SqlBridgeRequest);
    } catch (error) {
      reply = { ok: false, error: toErrorInfo(error) };
      if (this.cancelled && reply.error.code === '57014') reply.error.message = 'The query ran out of time and was cancelled.';
    }
    const json = JSON.stringify(reply);
    if (json.length > SQL_LIMITS.maxReplyChars) {
      return JSON.stringify({
        ok: false,
        error: { message: `The result is too large (over ${SQL_LIMITS.maxReplyChars / 1024 / 1024} MB of data).`, code: '54000' },
      } satisfies SqlBridgeReply);
    }
    return json;
  }

  private session(index: unknown): Session {
    const session = typeof index === 'number' ? this.sessions[index] : undefined;
    if (!session) throw new BridgeError({ message: 'This database session is closed or does not exist.' });
    return session;
  }

  private async dispatch(request: SqlBridgeRequest): Promise<SqlBridgeReply> {
    switch (request.op) {
      case 'query': {
        const session = this.session(request.session);
        if (typeof request.sql !== 'string') throw new BridgeError({ message: 'db.query() needs the SQL text as a string.' });
        const params = Array.isArray(request.params) ? request.params : undefined;
        return { ok: true, results: await this.query(session, request.sql, params) };
      }
      case 'explain': {
        const session = this.session(request.session);
        if (typeof request.sql !== 'string') throw new BridgeError({ message: 'db.explain() needs the SQL text as a string.' });
        const options = request.analyze === true ? 'ANALYZE, FORMAT JSON' : 'FORMAT JSON';
        const [result] = await this.query(session, `EXPLAIN (${options}) ${request.sql}`);
        const plan = (result?.values[0]?.[0] as Array<{ Plan?: unknown }> | undefined)?.[0]?.Plan;
        if (plan === undefined) throw new BridgeError({ message: 'EXPLAIN returned no plan: pass a single statement.' });
        return { ok: true, plan };
      }
      case 'session': {
        if (this.sessions.length > SQL_LIMITS.maxExtraSessions) {
          throw new BridgeError({ message: `A test may open at most ${SQL_LIMITS.maxExtraSessions} extra sessions.` });
        }
        const session = await this.guarded(this.sessions[0]!, () => connect(this.database.url));
        this.sessions.push(session);
        await this.configure(session);
        return { ok: true, session: this.sessions.length - 1 };
      }
      default:
        throw new BridgeError({ message: 'Unknown database operation.' });
    }
  }

  private query(session: Session, sql: string, params?: SqlValue[]): Promise<SqlResultSet[]> {
    return this.guarded(session, async () => {
      let rows = 0;
      const query = session.client.query<unknown[]>({ text: sql, values: params, rowMode: 'array' });
      // pg collects every row before answering: cancel as soon as the cap is passed rather than hold them all.
      const connection = (session.client as unknown as { connection?: { on(event: string, f: () => void): void } }).connection;
      const onRow = () => {
        rows++;
        if (rows === SQL_LIMITS.maxRows + 1) void this.cancel(session);
      };
      connection?.on('dataRow', onRow);
      try {
        const raw = (await query) as QueryResult<unknown[]> | Array<QueryResult<unknown[]>>;
        const sets = resultSets(raw);
        const total = sets.reduce((sum, set) => sum + set.values.length, 0);
        if (total > SQL_LIMITS.maxRows)
          throw new BridgeError({ message: `The query returned more than ${SQL_LIMITS.maxRows} rows.`, code: '54000' });
        return sets;
      } catch (error) {
        if (rows > SQL_LIMITS.maxRows)
          throw new BridgeError({ message: `The query returned more than ${SQL_LIMITS.maxRows} rows.`, code: '54000' });
        throw error;
      } finally {
        (connection as unknown as { off?(event: string, f: () => void): void } | undefined)?.off?.('dataRow', onRow);
      }
    });
  }

  /** Closes the extra sessions and ends any transaction the main one left open. */
  async finish(): Promise<void> {
    for (const session of this.sessions.splice(1)) await session.client.end().catch(() => {});
    const main = this.sessions[0];
    if (!main) return;
    // A statement the cancel did not stop must not hold the child: drop the session (the grader's reset
    // terminates its backend) rather than wait.
    let timer: NodeJS.Timeout | undefined;
    const ended = await Promise.race([
      main.client.query('ROLLBACK').then(
        () => true,
        () => false,
      ),
      new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), 500))),
    ]);
    clearTimeout(timer);
    if (!ended && mainSession?.session === main) {
      mainSession = null;
      void main.client.end().catch(() => {});
    }
  }
}
