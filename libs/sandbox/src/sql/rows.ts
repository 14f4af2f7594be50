// Comparing and printing result sets: pure functions, used inside the isolate by the `db` module
// (sql/isolate-module.ts) so a failing SQL test reads as an expected table beside a received one.
import type { SqlRowsComparison, SqlTableView, SqlValue } from '@questline/contracts';

export type Row = Record<string, SqlValue>;

export interface RowsOptions {
  /** Compare in order (default true: a query with ORDER BY). `false` for a set of rows. */
  ordered?: boolean;
}

const MAX_SHOWN_ROWS = 20;
const MAX_CELL = 40;

function cellText(value: unknown, max: number): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

function cell(value: unknown): string {
  return value === null || value === undefined ? 'NULL' : cellText(value, MAX_CELL);
}

const MAX_VIEW_CELL = 200;

/** The table as the web renders it (SqlTableView): at most 20 rows, cells as text, NULL as null. */
export function tableView(rows: readonly Row[], columns: readonly string[] = rows[0] ? Object.keys(rows[0]) : []): SqlTableView {
  return {
    columns: [...columns],
    rows: rows
      .slice(0, MAX_SHOWN_ROWS)
      .map((row) => columns.map((name) => (row[name] === null || row[name] === undefined ? null : cellText(row[name], MAX_VIEW_CELL)))),
    rowCount: rows.length,
  };
}

/** A psql-style table of at most 20 rows; `columns` fixes the order (default: the first row's keys). */
export function formatTable(rows: readonly Row[], columns: readonly string[] = rows[0] ? Object.keys(rows[0]) : []): string {
  if (columns.length === 0) return rows.length === 0 ? '(no rows)' : `(${rows.length} rows with no columns)`;
  const shown = rows.slice(0, MAX_SHOWN_ROWS).map((row) => columns.map((name) => cell(row[name])));
  const widths = columns.map((name, i) => Math.max(name.length, ...shown.map((cells) => cells[i]!.length)));
  const line = (cells: readonly string[]) => ` ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')}`.trimEnd();
  const out = [line(columns), `-${widths.map((w) => '-'.repeat(w)).join('-+-')}-`, ...shown.map(line)];
  if (rows.length > MAX_SHOWN_ROWS) out.push(` … ${rows.length - MAX_SHOWN_ROWS} more`);
  out.push(`(${rows.length} ${rows.length === 1 ? 'row' : 'rows'})`);
  return out.join('\n');
}

/** Canonical text of a value: key order and number formatting never decide equality. */
function canonical(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.keys(value)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`);
  return `{${entries.join(',')}}`;
}

function rowKey(row: Row, columns: readonly string[]): string {
  return canonical(columns.map((name) => row[name]));
}

/**
 * Why `received` is not `expected` (null when they match): columns by name and order, then rows.
 * `ordered: false` compares them as multisets.
 */
export function compareRows(
  received: readonly Row[],
  receivedColumns: readonly string[],
  expected: readonly Row[],
  options: RowsOptions = {},
): string | null {
  return compareRowsDetailed(received, receivedColumns, expected, options)?.text ?? null;
}

/** compareRows with the comparison as data too (TestResult.rows), for the web's expected/received tables. */
export function compareRowsDetailed(
  received: readonly Row[],
  receivedColumns: readonly string[],
  expected: readonly Row[],
  options: RowsOptions = {},
): { text: string; comparison: SqlRowsComparison } | null {
  const ordered = options.ordered ?? true;
  const expectedColumns = expected[0] ? Object.keys(expected[0]) : receivedColumns;
  const problems: string[] = [];
  if (canonical(receivedColumns) !== canonical(expectedColumns)) {
    problems.push(
      `The columns differ: expected ${expectedColumns.join(', ') || '(none)'}, received ${receivedColumns.join(', ') || '(none)'}.`,
    );
  } else if (received.length !== expected.length) {
    problems.push(`Expected ${expected.length} ${expected.length === 1 ? 'row' : 'rows'}, received ${received.length}.`);
  } else if (ordered) {
    const index = expected.findIndex((row, i) => rowKey(row, expectedColumns) !== rowKey(received[i]!, expectedColumns));
    if (index >= 0) {
      const sameSet =
        canonical(expected.map((r) => rowKey(r, expectedColumns)).sort()) ===
        canonical(received.map((r) => rowKey(r, expectedColumns)).sort());
      problems.push(sameSet ? 'The rows are right but in the wrong order (check ORDER BY).' : `Row ${index + 1} differs.`);
    }
  } else {
    const counts = new Map<string, number>();
    for (const row of expected) counts.set(rowKey(row, expectedColumns), (counts.get(rowKey(row, expectedColumns)) ?? 0) + 1);
    let missing = 0;
    for (const row of received) {
      const key = rowKey(row, expectedColumns);
      const left = counts.get(key) ?? 0;
      if (left === 0) missing++;
      else counts.set(key, left - 1);
    }
    if (missing > 0) problems.push(`${missing} received ${missing === 1 ? 'row is' : 'rows are'} not expected.`);
  }
  if (problems.length === 0) return null;
  const comparison: SqlRowsComparison = {
    problem: problems.join(' '),
    ordered,
    expected: tableView(expected, expectedColumns),
    received: tableView(received, receivedColumns),
  };
  const text = [
    problems.join(' '),
    '',
    `Expected${ordered ? '' : ' (in any order)'}:`,
    formatTable(expected, expectedColumns),
    '',
    'Received:',
    formatTable(received, receivedColumns),
  ].join('\n');
  return { text, comparison };
}
