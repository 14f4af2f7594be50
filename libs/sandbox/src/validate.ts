// Everything that comes out of an isolate is a JSON string produced next to hostile code. Parse it
// into fresh host objects field by field (never merge it into anything), with types and sizes checked.
import type { SqlRowsComparison, SqlTableView } from '@questline/contracts';
import type { GradeResult, LimitKind, TestResult, TestStatus, Verdict } from './types';
import { parseDiagnostics } from './typecheck/diagnostics';

const MAX_TESTS = 1000;
const MAX_NAME = 1000;
const MAX_TEXT = 8000;

export class InvalidOutputError extends Error {}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown, max: number, field: string): string {
  if (typeof value !== 'string') throw new InvalidOutputError(`${field} is not a string`);
  return value.length > max ? value.slice(0, max) : value;
}

function optionalText(value: unknown, max: number, field: string): string | undefined {
  return value === undefined ? undefined : text(value, max, field);
}

const MAX_TABLE_COLUMNS = 100;
const MAX_TABLE_ROWS = 20;
const MAX_CELL = 200;

function tableView(value: unknown, field: string): SqlTableView {
  if (!isObject(value) || !Array.isArray(value.columns) || !Array.isArray(value.rows))
    throw new InvalidOutputError(`${field} is not a table`);
  if (value.columns.length > MAX_TABLE_COLUMNS || value.rows.length > MAX_TABLE_ROWS) throw new InvalidOutputError(`${field} is too big`);
  const columns = value.columns.map((name) => text(name, MAX_NAME, `${field}.columns`));
  const rows = value.rows.map((row) => {
    if (!Array.isArray(row) || row.length !== columns.length) throw new InvalidOutputError(`${field} has a bad row`);
    return row.map((cell) => (cell === null ? null : text(cell, MAX_CELL, `${field}.rows`)));
  });
  const rowCount = value.rowCount;
  if (!Number.isInteger(rowCount) || (rowCount as number) < rows.length) throw new InvalidOutputError(`${field}.rowCount is bad`);
  return { columns, rows, rowCount: rowCount as number };
}

/** A failed `expectRows` (TestResult.rows): rebuilt field by field, sizes capped. */
export function parseRowsComparison(value: unknown): SqlRowsComparison {
  if (!isObject(value) || typeof value.ordered !== 'boolean') throw new InvalidOutputError('rows is not a comparison');
  return {
    problem: text(value.problem, MAX_NAME, 'rows.problem'),
    ordered: value.ordered,
    expected: tableView(value.expected, 'rows.expected'),
    received: tableView(value.received, 'rows.received'),
  };
}

const TEST_STATUSES: readonly TestStatus[] = ['pass', 'fail', 'error'];

export function parseTestResult(value: unknown): TestResult {
  if (!isObject(value)) throw new InvalidOutputError('test result is not an object');
  const status = value.status as TestStatus;
  if (!TEST_STATUSES.includes(status)) throw new InvalidOutputError('bad test status');
  const durationMs = value.durationMs;
  if (typeof durationMs !== 'number' || !Number.isFinite(durationMs) || durationMs < 0) {
    throw new InvalidOutputError('bad durationMs');
  }
  const result: TestResult = { name: text(value.name, MAX_NAME, 'name'), status, durationMs: Math.round(durationMs) };
  const id = optionalText(value.id, MAX_NAME, 'id');
  if (id !== undefined) result.id = id;
  const message = optionalText(value.message, MAX_TEXT, 'message');
  if (message !== undefined) result.message = message;
  const output = optionalText(value.output, MAX_TEXT, 'output');
  if (output !== undefined) result.output = output;
  const testCode = optionalText(value.testCode, MAX_TEXT, 'testCode');
  if (testCode !== undefined) result.testCode = testCode;
  if (value.hidden === true) result.hidden = true;
  // Only a failed test has tables; a malformed comparison is dropped (the message still tells the story).
  if (value.rows !== undefined && status === 'fail') {
    try {
      result.rows = parseRowsComparison(value.rows);
    } catch (error) {
      if (!(error instanceof InvalidOutputError)) throw error;
    }
  }
  return result;
}

export interface HarnessOutput {
  tests: TestResult[];
  limit?: { kind: LimitKind; testName?: string };
}

/** The harness's final (or snapshot) JSON. */
export function parseHarnessOutput(json: string): HarnessOutput {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new InvalidOutputError('harness output is not JSON');
  }
  if (!isObject(value) || !Array.isArray(value.tests) || value.tests.length > MAX_TESTS) {
    throw new InvalidOutputError('harness output has no test list');
  }
  const output: HarnessOutput = { tests: value.tests.map(parseTestResult) };
  if (value.limit !== undefined) {
    if (!isObject(value.limit) || value.limit.kind !== 'time') throw new InvalidOutputError('bad limit');
    output.limit = { kind: 'time' };
    const testName = optionalText(value.limit.testName, MAX_NAME, 'limit.testName');
    if (testName !== undefined) output.limit.testName = testName;
  }
  return output;
}

/** A progress event from the harness callback: either the registered test names or one finished test. */
export interface TestProgressEvent {
  index: number;
  total: number;
  test: TestResult;
}

function parseTestProgress(value: unknown): TestProgressEvent {
  if (!isObject(value)) throw new InvalidOutputError('progress event is not an object');
  const { index, total } = value;
  if (
    !Number.isInteger(index) ||
    !Number.isInteger(total) ||
    (index as number) < 0 ||
    (index as number) >= (total as number) ||
    (total as number) > MAX_TESTS
  ) {
    throw new InvalidOutputError('bad progress index');
  }
  return { index: index as number, total: total as number, test: parseTestResult(value.test) };
}

/** A report from the harness: the registered tests, or a batch of finished tests in order. */
export function parseProgressEvent(
  json: unknown,
): { kind: 'registered'; names: string[]; ids?: string[]; hidden: boolean[] } | { kind: 'tests'; tests: TestProgressEvent[] } {
  if (typeof json !== 'string') throw new InvalidOutputError('progress event is not a string');
  const value: unknown = JSON.parse(json);
  if (!isObject(value)) throw new InvalidOutputError('progress event is not an object');
  if (Array.isArray(value.registered)) {
    if (value.registered.length > MAX_TESTS) throw new InvalidOutputError('too many tests');
    const names = value.registered.map((name) => text(name, MAX_NAME, 'name'));
    const hidden = Array.isArray(value.hidden) ? value.hidden.map((flag) => flag === true) : names.map(() => false);
    if (!Array.isArray(value.ids)) return { kind: 'registered', names, hidden };
    const ids = value.ids.slice(0, names.length).map((id) => text(id, MAX_NAME, 'id'));
    return { kind: 'registered', names, ids, hidden };
  }
  if (!Array.isArray(value.batch) || value.batch.length > MAX_TESTS) throw new InvalidOutputError('progress event has no batch');
  return { kind: 'tests', tests: value.batch.map(parseTestProgress) };
}

const VERDICTS: readonly Verdict[] = ['passed', 'failed', 'error', 'compile_error', 'time_limit', 'memory_limit', 'sandbox_error'];

/** The parent re-checks what a child sends: a child is trusted code, but it ran hostile code. */
export function parseGradeResult(value: unknown): GradeResult {
  if (!isObject(value) || !Array.isArray(value.tests) || value.tests.length > MAX_TESTS) {
    throw new InvalidOutputError('grade result has no test list');
  }
  const status = value.status as GradeResult['status'];
  const verdict = value.verdict as Verdict;
  if (!['pass', 'fail', 'error'].includes(status) || !VERDICTS.includes(verdict)) throw new InvalidOutputError('bad verdict');
  const durationMs = typeof value.durationMs === 'number' && Number.isFinite(value.durationMs) ? value.durationMs : 0;
  const result: GradeResult = { status, verdict, tests: value.tests.map(parseTestResult), durationMs };
  const message = optionalText(value.message, MAX_TEXT, 'message');
  if (message !== undefined) result.message = message;
  if (isObject(value.limit)) {
    const kind = value.limit.kind as LimitKind;
    if (!['time', 'memory', 'output'].includes(kind)) throw new InvalidOutputError('bad limit kind');
    result.limit = { kind };
    const testName = optionalText(value.limit.testName, MAX_NAME, 'limit.testName');
    if (testName !== undefined) result.limit.testName = testName;
  }
  if (value.diagnostics !== undefined) result.diagnostics = parseDiagnostics(value.diagnostics);
  return result;
}
