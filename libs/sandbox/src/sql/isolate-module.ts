// The `@questline/sql` module inside the isolate (bundled to dist/sandbox/sql-module.js): the `db`
// handle tests use to run SQL in the learner's scratch schema, plan helpers and result-set checks.
// Each call crosses to the sandbox child synchronously (isolated-vm's applySyncPromise: the isolate
// waits while the child talks to PostgreSQL), so the harness never sees a promise only the host can
// settle; the API is still async, as a test reads it (`await db.query(sql)`).
import type { SqlBridgeReply, SqlBridgeRequest, SqlErrorInfo, SqlResultSet, SqlValue } from '@questline/contracts';
import { compareRows, compareRowsDetailed, formatTable, type Row, type RowsOptions } from './rows';

/** isolated-vm's Reference as seen from inside the isolate (only the call used here). */
interface BridgeReference {
  applySyncPromise(receiver: undefined, args: [string]): string;
}

let bridge: BridgeReference | null = null;

/** Called once by the sandbox child, before any test file exists. */
export function install(reference: BridgeReference): void {
  if (bridge) throw new Error('already installed');
  bridge = reference;
}

export class SqlError extends Error {
  readonly code: string | undefined;
  constructor(info: SqlErrorInfo) {
    const extra = [info.detail ? `DETAIL: ${info.detail}` : '', info.hint ? `HINT: ${info.hint}` : ''].filter(Boolean);
    super([info.message, ...extra].join('\n'));
    this.name = 'SqlError';
    this.code = info.code;
  }
}

function call(request: SqlBridgeRequest): SqlBridgeReply & { ok: true } {
  if (!bridge) throw new Error('This exercise has no database (schema.sql).');
  const reply = JSON.parse(bridge.applySyncPromise(undefined, [JSON.stringify(request)])) as SqlBridgeReply;
  if (!reply.ok) throw new SqlError(reply.error);
  return reply;
}

export interface QueryResult {
  command: string;
  rowCount: number;
  /** Column names in select-list order. */
  columns: string[];
  /** PostgreSQL type names, by column. */
  types: string[];
  /** Rows as objects (a repeated column name keeps its last value; `values` keeps them all). */
  rows: Row[];
  values: SqlValue[][];
}

function toResult(set: SqlResultSet): QueryResult {
  const columns = set.columns.map((c) => c.name);
  return {
    command: set.command,
    rowCount: set.rowCount,
    columns,
    types: set.columns.map((c) => c.type),
    rows: set.values.map((values) => Object.fromEntries(columns.map((name, i) => [name, values[i] ?? null]))),
    values: set.values,
  };
}

const EMPTY: QueryResult = { command: '', rowCount: 0, columns: [], types: [], rows: [], values: [] };

export interface PlanNode {
  /** `Seq Scan`, `Index Scan`, `Index Only Scan`, `Bitmap Heap Scan`, `Hash Join`, ... */
  type: string;
  relation?: string;
  index?: string;
  depth: number;
}

/** A query plan from EXPLAIN (FORMAT JSON), with the questions exercises ask of it. */
export class Plan {
  readonly nodes: PlanNode[] = [];
  constructor(readonly root: Record<string, unknown>) {
    const walk = (node: Record<string, unknown>, depth: number) => {
      const entry: PlanNode = { type: String(node['Node Type']), depth };
      if (typeof node['Relation Name'] === 'string') entry.relation = node['Relation Name'];
      if (typeof node['Index Name'] === 'string') entry.index = node['Index Name'];
      this.nodes.push(entry);
      for (const child of (node.Plans as Array<Record<string, unknown>> | undefined) ?? []) walk(child, depth + 1);
    };
    walk(root, 0);
  }

  /** Whether some node has this type (and reads this table, when given). */
  uses(type: string, relation?: string): boolean {
    return this.nodes.some((n) => n.type === type && (relation === undefined || n.relation === relation));
  }

  /** Whether some node reads `relation` through an index (Index Scan, Index Only Scan or Bitmap Index/Heap Scan). */
  usesIndexOn(relation: string): boolean {
    return this.nodes.some(
      (n, i) =>
        ((n.type === 'Index Scan' || n.type === 'Index Only Scan') && n.relation === relation) ||
        (n.type === 'Bitmap Heap Scan' && n.relation === relation && this.nodes[i + 1]?.type === 'Bitmap Index Scan'),
    );
  }

  /** One line per node, indented: what a failure message shows. */
  get text(): string {
    return this.nodes
      .map((n) => `${'  '.repeat(n.depth)}${n.type}${n.relation ? ` on ${n.relation}` : ''}${n.index ? ` using ${n.index}` : ''}`)
      .join('\n');
  }
}

/** One database session: `db` is the main one; `await db.session()` opens another (at most two more). */
export class Session {
  constructor(private readonly index: number) {}

  /** Runs the SQL (one or more statements); resolves to the last statement's result. */
  async query(sql: string, params?: SqlValue[]): Promise<QueryResult> {
    const results = await this.queryAll(sql, params);
    return results[results.length - 1] ?? EMPTY;
  }

  /** Runs the SQL; one result per statement. */
  async queryAll(sql: string, params?: SqlValue[]): Promise<QueryResult[]> {
    await Promise.resolve();
    const reply = call({ op: 'query', session: this.index, sql: String(sql), ...(params ? { params } : {}) });
    return 'results' in reply ? reply.results.map(toResult) : [];
  }

  /** EXPLAIN (FORMAT JSON) of one statement; `analyze: true` also runs it. */
  async explain(sql: string, options: { analyze?: boolean } = {}): Promise<Plan> {
    await Promise.resolve();
    const reply = call({ op: 'explain', session: this.index, sql: String(sql), analyze: options.analyze === true });
    return new Plan(('plan' in reply ? reply.plan : {}) as Record<string, unknown>);
  }

  /** Another connection to the same schema (for transactions seen from two sessions). */
  async session(): Promise<Session> {
    await Promise.resolve();
    const reply = call({ op: 'session' });
    return new Session('session' in reply ? reply.session : -1);
  }
}

export const db = new Session(0);

function rowsOf(received: QueryResult | readonly Row[]): { rows: readonly Row[]; columns: string[] } {
  if (Array.isArray(received)) return { rows: received, columns: received[0] ? Object.keys(received[0] as Row) : [] };
  const result = received as QueryResult;
  return { rows: result.rows ?? [], columns: result.columns ?? [] };
}

/**
 * Throws, with the expected and received tables, unless `received` (a query result or rows) has the
 * expected columns and rows. In order by default; `{ ordered: false }` for a set.
 */
export function expectRows(received: QueryResult | readonly Row[], expected: readonly Row[], options: RowsOptions = {}): void {
  const { rows, columns } = rowsOf(received);
  const problem = compareRowsDetailed(rows, columns, expected, options);
  if (problem !== null) {
    // Jest's mark of an assertion failure: the test fails (rather than errors) and the message is shown as is;
    // `sqlRows` carries the two tables as data (TestResult.rows) for the web.
    throw Object.assign(new Error(problem.text), {
      matcherResult: { pass: false, message: problem.text },
      sqlRows: problem.comparison,
    });
  }
}

/** A result's rows as a table, for messages of the test's own. */
export function table(received: QueryResult | readonly Row[]): string {
  const { rows, columns } = rowsOf(received);
  return formatTable(rows, columns);
}

export { compareRows, formatTable };
