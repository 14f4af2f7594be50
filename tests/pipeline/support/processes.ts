// Real api and worker processes for the pipeline suites, spawned from the TypeScript sources.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { freePort } from '../../fixtures/net';

export const ROOT = path.resolve(__dirname, '../../..');
const REGISTER = path.join(__dirname, 'register-ts.cjs');
/** Preloaded when the env sets SQL_COUNT_FILE: counts the process's SQL statements (statements-per-submit.spec). */
const COUNT_SQL = path.join(__dirname, 'count-sql.cjs');

export { freePort };

export class Proc {
  private output = '';
  /** The exit code, or the signal that ended it. */
  readonly exited: Promise<number | string | null>;

  constructor(
    readonly name: string,
    readonly child: ChildProcess,
  ) {
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-20_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  }

  logs(): string {
    return `--- ${this.name} ---\n${this.output}`;
  }

  /** Resolves when the output matches (sleeping on data events, never polling); rejects on exit or timeout. */
  waitForOutput(pattern: RegExp, timeoutMs = 30_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (pattern.test(this.output)) done(null);
      };
      const timer = setTimeout(() => done(new Error(`${this.name}: no ${pattern} within ${timeoutMs} ms\n${this.logs()}`)), timeoutMs);
      const onExit = (code: number | null) => done(new Error(`${this.name} exited (${code}) before ${pattern}\n${this.logs()}`));
      const done = (error: Error | null) => {
        clearTimeout(timer);
        this.child.stdout?.off('data', check);
        this.child.stderr?.off('data', check);
        this.child.off('exit', onExit);
        if (error) reject(error);
        else resolve();
      };
      this.child.stdout?.on('data', check);
      this.child.stderr?.on('data', check);
      this.child.once('exit', onExit);
      check();
    });
  }

  /** SIGTERM (graceful) or SIGKILL, then wait for the exit code. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | string | null> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    return this.exited;
  }
}

function spawnTs(name: string, entry: string, env: Record<string, string | undefined>): Proc {
  const child = spawn(
    process.execPath,
    [
      '--no-node-snapshot',
      '-r',
      REGISTER,
      ...(env.SQL_COUNT_FILE ? ['-r', COUNT_SQL] : []),
      '-e',
      `require(${JSON.stringify(path.join(ROOT, entry))})`,
    ],
    {
      cwd: ROOT,
      env: { ...process.env, NODE_OPTIONS: '', LOG_LEVEL: 'info', NODE_ENV: 'test', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Proc(name, child);
}

/** A worker process; resolves once it consumes the queue. */
export async function startWorker(env: Record<string, string | undefined>, name = 'worker'): Promise<Proc> {
  const proc = spawnTs(name, 'apps/worker/src/main.ts', env);
  await proc.waitForOutput(/worker ready/);
  return proc;
}

/** A second (third…) api process on a free port; the database must already be migrated. */
export async function startApiProcess(env: Record<string, string | undefined>, name = 'api'): Promise<{ proc: Proc; url: string }> {
  const port = await freePort();
  const proc = spawnTs(name, 'apps/api/src/main.ts', { ...env, PORT: String(port), HOST: '127.0.0.1' });
  await proc.waitForOutput(/api listening/, 60_000);
  return { proc, url: `http://127.0.0.1:${port}` };
}
