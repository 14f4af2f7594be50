// The grader's side of type checking: one supervised type-checker process (checker-main.ts), started on
// the first TypeScript grading and kept warm, with the same guards as a sandbox child: a wall-clock
// watchdog (the grading's time limit plus a margin, counted from when the check is sent to a ready
// process) and an RSS ceiling polled every 50 ms. Either one SIGKILLs the process; the grading gets a
// limit verdict and the next check starts a fresh process. Checks run one at a time, in order.
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import type { TypecheckOptions } from '@questline/contracts';
import type { CheckOutcome } from './checker';
import type { CheckerMessage, CheckRequestMessage } from './checker-protocol';
import type { GradeResult, SourceFile, TestFile } from '../types';
import { errorResult, limitResult, sandboxErrorResult } from '../verdict';
import { compileErrorResult, parseDiagnostics } from './diagnostics';

export interface CheckerSettings {
  checkerPath: string;
  rssLimitMb: number;
  killMarginMs: number;
  rssPollMs: number;
}

export interface CheckJob {
  solution: SourceFile;
  tests: TestFile[];
  options: TypecheckOptions;
  timeMs: number;
}

/** What a check came to: the checker's own answer, or why the process had to be stopped. */
export type CheckAnswer = CheckOutcome | { kind: 'killed'; reason: 'time' | 'memory' | 'crash' } | { kind: 'unavailable' };

const PAGE_SIZE = 4096;

function rssBytes(pid: number): number | undefined {
  try {
    const pages = Number(fs.readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]);
    return Number.isFinite(pages) ? pages * PAGE_SIZE : undefined;
  } catch {
    return undefined;
  }
}

/** The parent re-checks what the process sends (it read hostile input). */
function parseOutcome(value: unknown): CheckOutcome {
  const outcome = value as CheckOutcome;
  const durationMs = typeof outcome?.durationMs === 'number' ? outcome.durationMs : 0;
  switch (outcome?.kind) {
    case 'ok':
    case 'time':
      return { kind: outcome.kind, durationMs };
    case 'crashed':
      return { kind: 'crashed', message: String(outcome.message).slice(0, 500), durationMs };
    case 'errors':
      return {
        kind: 'errors',
        diagnostics: parseDiagnostics(outcome.diagnostics),
        total: Number.isInteger(outcome.total) ? outcome.total : 0,
        durationMs,
      };
    default:
      throw new Error('bad checker outcome');
  }
}

interface Pending {
  id: number;
  job: CheckJob;
  resolve(answer: CheckAnswer): void;
}

export class CheckerProcess {
  private process: ChildProcess | null = null;
  private ready = false;
  private readonly queue: Pending[] = [];
  private current: { pending: Pending; timers: NodeJS.Timeout[]; killed?: 'time' | 'memory' } | null = null;
  private nextId = 1;
  private startFailures = 0;
  private closed = false;

  constructor(private readonly settings: CheckerSettings) {}

  check(job: CheckJob): Promise<CheckAnswer> {
    if (this.closed) return Promise.resolve({ kind: 'unavailable' });
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, job, resolve });
      this.pump();
    });
  }

  private start(): void {
    this.ready = false;
    const child = fork(this.settings.checkerPath, [], {
      // A V8 heap larger than the RSS ceiling: a type that allocates without end meets the ceiling
      // (memory_limit) rather than V8's own out-of-memory abort (a crash).
      execArgv: ['--no-node-snapshot', `--max-old-space-size=${this.settings.rssLimitMb * 2}`],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
      env: {},
    });
    this.process = child;
    child.on('message', (message: CheckerMessage) => this.onMessage(child, message));
    child.on('exit', () => this.onExit(child));
    child.on('error', () => {
      // 'exit' follows
    });
  }

  private pump(): void {
    if (this.current || this.queue.length === 0 || this.closed) return;
    if (!this.process) {
      this.start();
      return;
    }
    if (!this.ready) return;
    const child = this.process;
    const pending = this.queue.shift()!;
    const timers = [
      setTimeout(() => this.kill(child, 'time'), pending.job.timeMs + this.settings.killMarginMs),
      setInterval(() => {
        const rss = child.pid === undefined ? undefined : rssBytes(child.pid);
        if (rss !== undefined && rss > this.settings.rssLimitMb * 1024 * 1024) this.kill(child, 'memory');
      }, this.settings.rssPollMs),
    ];
    this.current = { pending, timers };
    const message: CheckRequestMessage = {
      type: 'check',
      id: pending.id,
      solution: pending.job.solution,
      tests: pending.job.tests,
      options: pending.job.options,
      budgetMs: pending.job.timeMs,
    };
    try {
      child.send(message);
    } catch {
      child.kill('SIGKILL');
    }
  }

  private kill(child: ChildProcess, reason: 'time' | 'memory'): void {
    if (child !== this.process || !this.current) return;
    this.current.killed ??= reason;
    child.kill('SIGKILL');
  }

  private finish(answer: CheckAnswer): void {
    const current = this.current;
    if (!current) return;
    for (const timer of current.timers) clearTimeout(timer);
    this.current = null;
    current.pending.resolve(answer);
  }

  private onMessage(child: ChildProcess, message: CheckerMessage): void {
    if (child !== this.process) return;
    if (message?.type === 'ready') {
      this.ready = true;
      this.startFailures = 0;
      this.pump();
      return;
    }
    if (message?.type === 'checked' && this.current && message.id === this.current.pending.id) {
      let answer: CheckAnswer;
      try {
        answer = parseOutcome(message.outcome);
      } catch {
        answer = { kind: 'killed', reason: 'crash' };
      }
      this.finish(answer);
      // A compiler that failed on hostile input may be left in a bad state: replace the process.
      if (answer.kind === 'crashed' || answer.kind === 'killed') {
        this.process = null;
        this.ready = false;
        child.kill('SIGKILL');
      }
      this.pump();
    }
  }

  private onExit(child: ChildProcess): void {
    if (child !== this.process) return;
    const wasReady = this.ready;
    this.process = null;
    this.ready = false;
    if (this.current) this.finish({ kind: 'killed', reason: this.current.killed ?? 'crash' });
    if (this.closed) return;
    if (!wasReady) {
      // Died before it was ready (broken build, typescript missing): fail what waits rather than loop.
      if (++this.startFailures >= 3) {
        this.startFailures = 0;
        for (const pending of this.queue.splice(0)) pending.resolve({ kind: 'unavailable' });
        return;
      }
    }
    this.pump();
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0)) pending.resolve({ kind: 'unavailable' });
    this.finish({ kind: 'unavailable' });
    const child = this.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }
}

/** The verdict a check decides on its own (undefined: the files type-check, run the tests). */
export function checkVerdict(answer: CheckAnswer, timeMs: number, rssLimitMb: number): GradeResult | undefined {
  switch (answer.kind) {
    case 'ok':
      return undefined;
    case 'errors':
      return compileErrorResult(answer.diagnostics, answer.total);
    case 'time':
      return limitResult('time', [], undefined, `type checking took longer than ${timeMs} ms.`);
    case 'crashed':
      return errorResult(answer.message);
    case 'killed':
      if (answer.reason === 'time')
        return limitResult('time', [], undefined, `type checking took longer than ${timeMs} ms and was stopped.`);
      if (answer.reason === 'memory') return limitResult('memory', [], undefined, `type checking went over ${rssLimitMb} MB.`);
      return sandboxErrorResult('The type checker crashed.');
    case 'unavailable':
      return sandboxErrorResult('The type checker is not available; see the worker log.');
  }
}
