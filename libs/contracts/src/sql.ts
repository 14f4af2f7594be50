// SQL exercises (docs/sql.md): what travels between the sandbox child, which runs the learner's SQL in
// the sandbox PostgreSQL, and the isolate where the tests run (as JSON), and what the web shows.

/** One column of a result set, in select-list order. */
export interface SqlColumn {
  name: string;
  /** PostgreSQL type name (`int4`, `text`, `numeric`, ...), or the type's oid as text when unknown. */
  type: string;
}

/** Scalar values as the tests see them: int8 and numeric are numbers, dates and timestamps ISO-like text. */
export type SqlValue = string | number | boolean | null | SqlValue[] | { [key: string]: SqlValue };

/** The result of one statement. */
export interface SqlResultSet {
  /** `SELECT`, `INSERT`, `CREATE`, ... */
  command: string;
  /** Rows returned, or affected by INSERT/UPDATE/DELETE. */
  rowCount: number;
  columns: SqlColumn[];
  /** Rows as arrays, in column order (duplicate column names survive here). */
  values: SqlValue[][];
}

/** A call from the isolate's `db` handle to the sandbox child. `session` 0 is the main session. */
export type SqlBridgeRequest =
  | { op: 'query'; session: number; sql: string; params?: SqlValue[] }
  | { op: 'explain'; session: number; sql: string; analyze?: boolean }
  | { op: 'session' };

/** The child's answer: a value, or the PostgreSQL error as the learner should read it. */
export type SqlBridgeReply =
  { ok: true; results: SqlResultSet[] } | { ok: true; plan: unknown } | { ok: true; session: number } | { ok: false; error: SqlErrorInfo };

export interface SqlErrorInfo {
  message: string;
  /** SQLSTATE, e.g. `42P01` (undefined table), `57014` (canceled: a time limit). */
  code?: string;
  /** 1-based character offset into the statement text, when PostgreSQL gives one. */
  position?: number;
  detail?: string;
  hint?: string;
}

/** One column of a table in an exercise's schema, as the exercise's schema.sql declares it. */
export interface SqlSchemaColumn {
  name: string;
  /** The declared type as written, lower-cased (`int`, `numeric(8, 2)`, `text`, `serial`). */
  type: string;
}

/**
 * A table the exercise's schema.sql creates (parsed once when the pack is imported; never from the
 * hidden tests or the reference solution). The web shows these beside the instructions and completes them.
 */
export interface SqlSchemaTable {
  name: string;
  columns: SqlSchemaColumn[];
}

/** A result set as a failing test shows it: cells as text (`null` for SQL NULL), at most 20 rows. */
export interface SqlTableView {
  columns: string[];
  rows: Array<Array<string | null>>;
  /** Rows the result had, shown or not. */
  rowCount: number;
}

/** `expectRows` that failed: why, and the expected and received tables (TestResult.rows). */
export interface SqlRowsComparison {
  problem: string;
  /** False when the rows were compared as a multiset (`ordered: false`). */
  ordered: boolean;
  expected: SqlTableView;
  received: SqlTableView;
}
