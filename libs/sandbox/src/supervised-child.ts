// One sandbox child process under supervision. While a job runs, the parent enforces a hard wall-clock
// budget and an RSS ceiling; when either is exceeded, or the child crashes, it SIGKILLs the child and
// reports a verdict for that job (never a retry: the job that killed the child gets its verdict).
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import type { ChildJob, ChildMessage } from './protocol';
import type { GradeResult, TestProgress, TestResult } from './types';
import { parseGradeResult } from './validate';
import { fillUnfinished, limitResult, runningTestName, sandboxErrorResult, type Registered } from './verdict';

export interface SupervisedJob {
  job: ChildJob;
  onTest?: (progress: TestProgress) => void;
  resolve(result: GradeResult): void;
}

export interface ChildSettings {
  childPath: string;
  /** RSS ceiling for the child process. */
  rssLimitMb: number;
  /** Beyond the job's own time limit before the parent kills the child. */
  killMarginMs: number;
  rssPollMs: number;
  /** Replace the process after this many jobs. */
  maxJobs: number;
}

const PAGE_SIZE = 4096;

/** Resident set size of another process, from /proc (Linux). Undefined when unavailable. */
function rssBytes(pid: number): number | undefined {
  try {
    const pages = Number(fs.readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]);
    return Number.isFinite(pages) ? pages * PAGE_SIZE : undefined;
  } catch {
    return undefined;
  }
}

export class SupervisedChild {
  private process: ChildProcess | null = null;
  private ready = false;
  private current: { job: SupervisedJob; registered: Registered; finished: Map<number, TestResult>; timers: NodeJS.Timeout[] } | null =
    null;
  private jobsServed = 0;
  private stderrTail = '';

  constructor(
    private readonly settings: ChildSettings,
    /** Called whenever this child can take a job. */
    private readonly onIdle: () => void,
  ) {}

  get isIdle(): boolean {
    return this.ready && this.current === null;
  }

  start(): void {
    this.ready = false;
    this.stderrTail = '';
    this.jobsServed = 0;
    const child = fork(this.settings.childPath, [], {
      execArgv: ['--no-node-snapshot', '--disable-warning=ExperimentalWarning'],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', process.env.QUESTLINE_SANDBOX_TIMING ? 'inherit' : 'pipe', 'ipc'],
      // Nothing from the parent's environment (database URLs, secrets) is needed in the sandbox.
      env: process.env.QUESTLINE_SANDBOX_TIMING ? { QUESTLINE_SANDBOX_TIMING: process.env.QUESTLINE_SANDBOX_TIMING } : {},
    });
    this.process = child;
    child.stderr?.on('data', (chunk: Buffer) => {
      this.stderrTail = (this.stderrTail + chunk.toString()).slice(-2000);
    });
    child.on('message', (message: ChildMessage) => this.onMessage(child, message));
    child.on('exit', (code, signal) => this.onExit(child, code, signal));
    child.on('error', () => {
      // 'exit' follows (or the fork failed); handled there.
    });
  }

  private onMessage(child: ChildProcess, message: ChildMessage): void {
    if (child !== this.process) return;
    const current = this.current;
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.onIdle();
        return;
      case 'registered':
        if (current && message.id === current.job.job.id)
          current.registered = { names: message.names, hidden: message.hidden, ...(message.ids ? { ids: message.ids } : {}) };
        return;
      case 'progress':
        if (current && message.id === current.job.job.id) {
          for (const progress of message.progress) {
            current.finished.set(progress.index, progress.test);
            try {
              current.job.onTest?.(progress);
            } catch {
              // A failing listener must not take the grader down.
            }
          }
        }
        return;
      case 'result': {
        if (!current || message.id !== current.job.job.id) return;
        let result: GradeResult;
        try {
          result = parseGradeResult(message.result);
        } catch {
          result = sandboxErrorResult('The sandbox returned an invalid result.');
          message.recycle = true;
        }
        this.finish(result);
        if (message.recycle || this.jobsServed >= this.settings.maxJobs) this.recycle();
        else this.onIdle();
        return;
      }
      case 'catastrophic':
        this.stderrTail += `\ncatastrophic: ${message.message}`;
        return;
    }
  }

  run(job: SupervisedJob): void {
    if (!this.isIdle || !this.process) throw new Error('child is not idle');
    const child = this.process;
    const current = {
      job,
      registered: { names: [], hidden: [] } as Registered,
      finished: new Map<number, TestResult>(),
      timers: [] as NodeJS.Timeout[],
    };
    this.current = current;
    this.jobsServed++;
    const killAfter = job.job.limits.timeMs + this.settings.killMarginMs;
    current.timers.push(setTimeout(() => this.kill(child, 'time'), killAfter));
    const ceiling = this.settings.rssLimitMb * 1024 * 1024;
    current.timers.push(
      setInterval(() => {
        const rss = child.pid === undefined ? undefined : rssBytes(child.pid);
        if (rss !== undefined && rss > ceiling) this.kill(child, 'memory');
      }, this.settings.rssPollMs),
    );
    try {
      child.send({ type: 'job', job: job.job });
    } catch {
      // The channel closed under us: the child is exiting, and onExit reports this job as sandbox_error.
      child.kill('SIGKILL');
    }
  }

  private killReason: 'time' | 'memory' | null = null;

  private kill(child: ChildProcess, reason: 'time' | 'memory'): void {
    if (child !== this.process || child.exitCode !== null || child.signalCode !== null) return;
    this.killReason ??= reason;
    child.kill('SIGKILL');
  }

  private finish(result: GradeResult): void {
    const current = this.current;
    if (!current) return;
    for (const timer of current.timers) clearTimeout(timer);
    this.current = null;
    current.job.resolve(result);
  }

  private onExit(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (child !== this.process) return;
    const current = this.current;
    const reason = this.killReason;
    const wasReady = this.ready || current !== null || this.recycling;
    this.recycling = false;
    this.killReason = null;
    this.process = null;
    this.ready = false;
    if (current) {
      const tests = fillUnfinished(current.registered, current.finished);
      const running = runningTestName(tests);
      const { timeMs } = current.job.job.limits;
      if (reason === 'time') {
        this.finish(limitResult('time', tests, running, `the run took longer than ${timeMs} ms and was stopped.`));
      } else if (reason === 'memory') {
        this.finish(limitResult('memory', tests, running, `the sandbox process went over ${this.settings.rssLimitMb} MB.`));
      } else if (/catastrophic: .*out-of-memory/i.test(this.stderrTail)) {
        this.finish(limitResult('memory', tests, running, 'the isolate ran out of memory.'));
      } else {
        console.error(`[sandbox] child exited during a job (code ${code}, signal ${signal}): ${this.stderrTail.slice(-500)}`);
        this.finish(sandboxErrorResult('The sandbox process crashed while grading.', tests));
      }
    }
    if (this.closed) return;
    // A child that dies before it is ready (broken build, no memory) is restarted with a growing delay.
    if (wasReady) {
      this.startFailures = 0;
      this.start();
    } else {
      this.startFailures++;
      console.error(`[sandbox] child failed to start (code ${code}, signal ${signal}): ${this.stderrTail.slice(-500)}`);
      setTimeout(() => !this.closed && this.start(), Math.min(10_000, 500 * this.startFailures)).unref();
      // Let the grader fail queued jobs rather than leave them waiting for a child that cannot start.
      this.onIdle();
    }
  }

  private startFailures = 0;

  /** Three starts in a row died before the child was ready: the sandbox build or host is broken. */
  get isBroken(): boolean {
    return this.startFailures >= 3;
  }

  /** Replace the process (after an anomaly, or after maxJobs). */
  recycle(): void {
    const child = this.process;
    if (child && child.exitCode === null && child.signalCode === null) {
      this.ready = false;
      this.recycling = true;
      child.kill('SIGKILL');
      // onExit starts the replacement.
    }
  }

  private closed = false;
  private recycling = false;

  async close(): Promise<void> {
    this.closed = true;
    const child = this.process;
    if (this.current) this.finish(sandboxErrorResult('The grader was closed.'));
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }
}
