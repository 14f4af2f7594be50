// The grader: a pool of supervised sandbox child processes and a FIFO queue in front of them.
// `grade()` never throws for anything learner code does; every outcome is a GradeResult.
import path from 'node:path';
import { effectiveLimits, SANDBOX_DEFAULTS } from './limits';
import { locateSandboxDir } from './locate';
import type { ChildJob } from './protocol';
import { SqlSlots } from './sql/sql-slots';
import { SupervisedChild, type SupervisedJob } from './supervised-child';
import type { GradeHooks, GradeRequest, GradeResult } from './types';
import { errorResult, sandboxErrorResult } from './verdict';
import type { TypecheckOptions } from '@questline/contracts';
import { CheckerProcess, checkVerdict } from './typecheck/checker-process';
import { typecheckOptions } from './typecheck/options';

export interface GraderOptions {
  /** Child processes, each grading one job at a time. Default 1. */
  poolSize?: number;
  /** RSS ceiling per child; above it the child is killed and the job gets `memory_limit`. Default 896 MB. */
  childRssLimitMb?: number;
  /** Replace a child after this many jobs, so slow leaks in the host process never accumulate. Default 1000. */
  maxJobsPerChild?: number;
  /** Where harness.js and child.js live (default: located from the project root or QUESTLINE_SANDBOX_DIR). */
  sandboxDir?: string;
  /** RSS ceiling of the type-checker process (TypeScript gradings); over it, `memory_limit`. Default 768 MB. */
  checkerRssLimitMb?: number;
  /**
   * Administrator URL of the sandbox PostgreSQL for exercises with a database (SANDBOX_DATABASE_URL):
   * a cluster or database holding nothing else, never the application's (docs/sql.md). Without it,
   * such gradings end in sandbox_error.
   */
  sqlDatabaseUrl?: string;
}

export interface Grader {
  grade(request: GradeRequest, hooks?: GradeHooks): Promise<GradeResult>;
  close(): Promise<void>;
}

/** The child answers by itself within the time limit plus ~0.3 s; this is the backstop. */
const KILL_MARGIN_MS = 1500;
const RSS_POLL_MS = 50;
/**
 * Node + isolated-vm in the child is 60-80 MB before a job, and an isolate may overshoot its own limit
 * 2-3x before isolated-vm stops it, so the default leaves room for the largest isolate (256 MB).
 */
const DEFAULT_RSS_LIMIT_MB = 128 + 3 * SANDBOX_DEFAULTS.maxMemoryMb;
const MIN_RSS_LIMIT_MB = 160;
/** The compiler with the standard library parsed is ~160 MB of RSS; a check of a normal file adds a few MB. */
const DEFAULT_CHECKER_RSS_LIMIT_MB = 768;
const MIN_CHECKER_RSS_LIMIT_MB = 256;
/**
 * What checking costs depends on the types (the tests' as much as the learner's), not on how long the code
 * may run: a first check of an exercise's tests took 0.8 s on the busy 2-core VM, so an exercise with a
 * short run budget still gets this long to type-check.
 */
const MIN_CHECK_BUDGET_MS = 5000;
/** Test files are written by exercise authors, not learners, and may be larger than a solution. */
const MAX_TEST_SOURCE_BYTES = 16 * SANDBOX_DEFAULTS.maxSourceBytes;

function requestProblem(request: GradeRequest): string | null {
  if (!request || typeof request !== 'object' || !request.solution || !Array.isArray(request.tests))
    return 'The grading request is malformed.';
  if (typeof request.solution.code !== 'string' || typeof request.solution.fileName !== 'string') return 'The solution is missing.';
  const extension = request.language === 'sql' ? /^[\w.-]+\.sql$/ : /^[\w.-]+\.[mc]?[jt]s$/;
  if (!extension.test(request.solution.fileName)) return `Unsupported solution file name: ${request.solution.fileName}`;
  if (request.language === 'sql' && typeof request.database?.setup !== 'string') return 'An SQL exercise needs its database (schema.sql).';
  if (request.database !== undefined && typeof request.database?.setup !== 'string') return 'The exercise database is malformed.';
  if (Buffer.byteLength(request.solution.code) > SANDBOX_DEFAULTS.maxSourceBytes) {
    return `Your file is too large (over ${SANDBOX_DEFAULTS.maxSourceBytes / 1024} KB).`;
  }
  let testBytes = 0;
  // File names identify code inside the isolate (stack frames shown to learners, the harness's caller
  // checks): each must be distinct, and none may pass for the solution, the harness or run-time code.
  const names = new Set([request.solution.fileName, 'questline-harness.js', 'questline-dynamic-code', '@jest/globals']);
  if (request.supportFiles !== undefined && !Array.isArray(request.supportFiles)) return 'The support files are malformed.';
  const stems = new Set([request.solution.fileName.replace(/\.[mc]?[jt]s$/, '')]);
  for (const file of request.supportFiles ?? []) {
    if (typeof file?.code !== 'string' || typeof file.fileName !== 'string') return 'A support file is malformed.';
    // Imports name a file by its stem (`./lib`), so two files may not share one.
    const fileStem = file.fileName.replace(/\.[mc]?[jt]s$/, '');
    // A data file (read through the in-memory `fs`): a plain relative path, at most one folder deep.
    const isData = !/\.[mc]?[jt]s$/.test(file.fileName);
    const nameOk = isData ? /^(?:[\w-][\w.-]*\/)?[\w-][\w.-]*$/.test(file.fileName) : /^[\w.-]+\.[mc]?[jt]s$/.test(file.fileName);
    if (names.has(file.fileName) || (!isData && stems.has(fileStem)) || !nameOk)
      return `Support file name not allowed or used twice: ${file.fileName.slice(0, 100)}`;
    names.add(file.fileName);
    stems.add(fileStem);
    testBytes += Buffer.byteLength(file.code);
  }
  for (const test of request.tests) {
    if (typeof test?.code !== 'string' || typeof test.fileName !== 'string') return 'A test file is malformed.';
    if (names.has(test.fileName) || !/^[\w./@-]+$/.test(test.fileName))
      return `Test file name not allowed or used twice: ${test.fileName.slice(0, 100)}`;
    names.add(test.fileName);
    testBytes += Buffer.byteLength(test.code);
  }
  if (testBytes > MAX_TEST_SOURCE_BYTES) return 'The test files are too large.';
  if (request.tests.length === 0) return 'No test files were given.';
  return null;
}

class ChildProcessGrader implements Grader {
  private readonly children: SupervisedChild[] = [];
  private readonly queue: SupervisedJob[] = [];
  private nextId = 1;
  private closed = false;
  /** Started on the first TypeScript grading (typecheck/checker-process.ts). */
  private readonly checker: CheckerProcess;
  private readonly checkerRssLimitMb: number;
  private readonly sql: SqlSlots<SupervisedChild> | null;

  constructor(options: GraderOptions) {
    const sandboxDir = options.sandboxDir ?? locateSandboxDir();
    const childPath = path.join(sandboxDir, 'child.js');
    this.checkerRssLimitMb = Math.max(options.checkerRssLimitMb ?? DEFAULT_CHECKER_RSS_LIMIT_MB, MIN_CHECKER_RSS_LIMIT_MB);
    this.checker = new CheckerProcess({
      checkerPath: path.join(sandboxDir, 'typecheck.js'),
      rssLimitMb: this.checkerRssLimitMb,
      killMarginMs: KILL_MARGIN_MS,
      rssPollMs: RSS_POLL_MS,
    });
    this.sql = options.sqlDatabaseUrl ? new SqlSlots(options.sqlDatabaseUrl) : null;
    const poolSize = Math.max(1, Math.floor(options.poolSize ?? 1));
    const rssLimitMb = Math.max(options.childRssLimitMb ?? DEFAULT_RSS_LIMIT_MB, MIN_RSS_LIMIT_MB);
    for (let i = 0; i < poolSize; i++) {
      const child = new SupervisedChild(
        { childPath, rssLimitMb, killMarginMs: KILL_MARGIN_MS, rssPollMs: RSS_POLL_MS, maxJobs: options.maxJobsPerChild ?? 1000 },
        () => this.dispatch(),
      );
      this.children.push(child);
      child.start();
    }
  }

  grade(request: GradeRequest, hooks?: GradeHooks): Promise<GradeResult> {
    const started = Date.now();
    if (this.closed) return Promise.resolve(sandboxErrorResult('The grader is closed.'));
    const problem = requestProblem(request);
    if (problem !== null) return Promise.resolve(errorResult(problem));
    const job: ChildJob = {
      id: this.nextId++,
      language: request.language === 'typescript' || request.language === 'sql' ? request.language : 'javascript',
      solution: { fileName: request.solution.fileName, code: request.solution.code },
      supportFiles: (request.supportFiles ?? []).map((file) => ({ fileName: file.fileName, code: file.code })),
      tests: request.tests.map((test) => ({ fileName: test.fileName, code: test.code, hidden: test.hidden === true })),
      limits: effectiveLimits(request),
      maxSourceBytes: SANDBOX_DEFAULTS.maxSourceBytes,
      maxOutputBytes: SANDBOX_DEFAULTS.maxOutputBytes,
      // The slot (url, schema) is filled in when a child takes the job.
      ...(request.database ? { database: { url: '', schema: '', setup: request.database.setup } } : {}),
      ...(request.bail === true ? { bail: true } : {}),
    };
    const typecheck = typecheckOptions(request);
    if (typecheck) return this.checkThenRun(job, typecheck, hooks, started);
    return this.run(job, hooks, started);
  }

  /**
   * TypeScript: type checked first, in the checker process, on a time budget of its own (the grading's
   * limit, at least MIN_CHECK_BUDGET_MS), then run. A type error ends the grading as `compile_error`.
   */
  private async checkThenRun(
    job: ChildJob,
    options: TypecheckOptions,
    hooks: GradeHooks | undefined,
    started: number,
  ): Promise<GradeResult> {
    const timeMs = Math.max(job.limits.timeMs, MIN_CHECK_BUDGET_MS);
    const answer = await this.checker.check({ solution: job.solution, tests: job.tests, options, timeMs });
    const verdict = checkVerdict(answer, timeMs, this.checkerRssLimitMb);
    if (verdict) return { ...verdict, durationMs: Date.now() - started };
    if (this.closed) return sandboxErrorResult('The grader was closed.');
    return this.run(job, hooks, started);
  }

  private run(job: ChildJob, hooks: GradeHooks | undefined, started: number): Promise<GradeResult> {
    if (job.database && !this.sql) {
      return Promise.resolve(
        sandboxErrorResult('This exercise needs the sandbox database, and none is configured (SANDBOX_DATABASE_URL).'),
      );
    }
    if (job.database) this.sql?.retryFailed();
    return new Promise<GradeResult>((resolve) => {
      this.queue.push({
        job,
        onTest: hooks?.onTest,
        resolve: (result) => resolve({ ...result, durationMs: Date.now() - started }),
      });
      this.dispatch();
    });
  }

  private dispatch(): void {
    if (this.children.every((child) => child.isBroken)) {
      for (const job of this.queue.splice(0)) job.resolve(sandboxErrorResult('The sandbox cannot start; see the worker log.'));
      return;
    }
    const sql = this.sql;
    if (sql?.failing) {
      for (const job of this.queue.filter((queued) => queued.job.database)) {
        this.queue.splice(this.queue.indexOf(job), 1);
        job.resolve(sandboxErrorResult('The sandbox database is not available; see the worker log.'));
      }
    }
    for (const child of this.children) {
      if (!child.isIdle) continue;
      // A job with a database waits for this child's slot (provisioned on first use, reset after each use).
      const index = this.queue.findIndex((queued) => !queued.job.database || sql?.ready(child, () => this.dispatch()) !== undefined);
      if (index < 0) continue;
      const next = this.queue.splice(index, 1)[0]!;
      const database = next.job.database;
      const slot = database ? sql?.ready(child, () => this.dispatch()) : undefined;
      if (database && slot && sql) {
        next.job.database = { ...database, url: slot.url, schema: slot.schema };
        const queued = { ...next };
        next.resolve = (result) => {
          queued.resolve(result);
          sql.used(child, () => this.dispatch());
        };
      }
      child.run(next);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.resolve(sandboxErrorResult('The grader was closed.'));
    await Promise.all([...this.children.map((child) => child.close()), this.checker.close()]);
    await Promise.all(this.children.map((child) => child.close()));
    await this.sql?.close();
  }
}

/** Starts `poolSize` sandbox child processes. Call `close()` when done. */
export function createGrader(options: GraderOptions = {}): Grader {
  return new ChildProcessGrader(options);
}
