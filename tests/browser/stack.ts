// The real Questline stack for browser tests: the built api and worker as child processes (Node 24,
// --no-node-snapshot) on a fresh database, Redis with a unique queue prefix, a free port, and the
// built web app served by the api at `/`. Also launches Debian's Chromium through playwright-core.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Redis from 'ioredis';
import { chromium, type Browser } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '../fixtures/database';
import { freePort } from '../fixtures/net';

export const ROOT = path.resolve(__dirname, '../..');
export const API_ENTRY = path.join(ROOT, 'dist/apps/api/apps/api/src/main.js');
export const WORKER_ENTRY = path.join(ROOT, 'dist/apps/worker/apps/worker/src/main.js');
export const WEB_DIR = path.join(ROOT, 'dist/web');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Stack {
  baseUrl: string;
  /** The fresh test database the api and worker use (e.g. to give a user a role). */
  databaseUrl: string;
  /** Recent output of the api and worker, for failure messages. */
  logs(): string;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Build the web app when dist/web is missing or older than apps/web. */
export function ensureWebBuild(): void {
  const index = path.join(WEB_DIR, 'index.html');
  const src = path.join(ROOT, 'apps/web');
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= newestMtime(src)) return;
  execFileSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'apps/web/vite.config.ts', '--logLevel', 'warn'],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
}

/** Fail loudly (never skip) when something the browser tests need is missing. */
export function checkPrerequisites(): void {
  const missing: string[] = [];
  if (!fs.existsSync(API_ENTRY)) missing.push(`the built api (${path.relative(ROOT, API_ENTRY)})`);
  if (!fs.existsSync(WORKER_ENTRY)) missing.push(`the built worker (${path.relative(ROOT, WORKER_ENTRY)})`);
  if (missing.length) {
    throw new Error(`Browser tests need ${missing.join(' and ')}. Run \`npm run build\` first (and \`npm run build:web\`).`);
  }
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Browser tests need Chromium at ${CHROMIUM}: \`apt-get install -y chromium\` (Debian), or set CHROMIUM_PATH.`);
  }
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

class Child {
  private readonly lines: string[] = [];
  readonly proc: ChildProcess;
  exited: { code: number | null; signal: NodeJS.Signals | null } | null = null;

  constructor(
    readonly name: string,
    entry: string,
    env: NodeJS.ProcessEnv,
  ) {
    this.proc = spawn(process.execPath, ['--no-node-snapshot', entry], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line.trim()) continue;
        this.lines.push(`[${name}] ${line}`);
        if (this.lines.length > 200) this.lines.shift();
      }
    };
    this.proc.stdout?.on('data', keep);
    this.proc.stderr?.on('data', keep);
    this.proc.on('exit', (code, signal) => (this.exited = { code, signal }));
  }

  logs(): string {
    return this.lines.join('\n');
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    const done = new Promise<void>((resolve) => this.proc.once('exit', () => resolve()));
    this.proc.kill('SIGTERM');
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), 10_000);
    await done;
    clearTimeout(timer);
  }
}

/** Remove this run's keys (queue, leaderboards) from the shared Redis. */
async function dropQueueKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    const pattern = `${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`;
    for await (const keys of redis.scanStream({ match: pattern, count: 500 }) as AsyncIterable<string[]>) {
      if (keys.length) await redis.del(...keys);
    }
  } finally {
    redis.disconnect();
  }
}

export interface StackOptions {
  /** Give the api and worker a sandbox PostgreSQL (a fresh database of the local server) for SQL exercises. */
  sqlSandbox?: boolean;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  checkPrerequisites();
  ensureWebBuild();
  const db: TestDatabase = await createTestDatabase('ql_browser');
  const sandboxDb: TestDatabase | null = options.sqlSandbox ? await createTestDatabase('ql_browser_sbx') : null;
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_URL: db.url,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_BACKEND: 'redis',
    QUEUE_PREFIX: `{ql-browser-${process.pid}-${randomBytes(3).toString('hex')}}`,
    JWT_SECRET: randomBytes(32).toString('hex'),
    AUTH_RATE_LIMIT: '10000',
    LOG_LEVEL: process.env.QL_BROWSER_LOG_LEVEL ?? 'warn',
    WEB_DIR,
    ...(sandboxDb ? { SANDBOX_DATABASE_URL: sandboxDb.url } : {}),
  };
  const children: Child[] = [];
  const logs = () => children.map((c) => c.logs()).join('\n');
  const stop = async () => {
    for (const child of [...children].reverse()) await child.stop().catch(() => undefined);
    await db.drop().catch(() => undefined);
    await sandboxDb?.drop().catch(() => undefined);
    await dropQueueKeys(env.REDIS_URL!, env.QUEUE_PREFIX!).catch(() => undefined);
  };
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    const api = new Child('api', API_ENTRY, env);
    children.push(api);
    const deadline = Date.now() + 90_000;
    for (;;) {
      if (api.exited) throw new Error(`The api exited (code ${api.exited.code}) before it was healthy:\n${logs()}`);
      if (Date.now() > deadline) throw new Error(`The api was not healthy within 90 s:\n${logs()}`);
      const status = await fetch(`${baseUrl}/api/health`).then(
        (r) => r.status,
        () => 0,
      );
      if (status === 200) break;
      await sleep(300);
    }
    const worker = new Child('worker', WORKER_ENTRY, env);
    children.push(worker);
    await sleep(500);
    if (worker.exited) throw new Error(`The worker exited (code ${worker.exited.code}):\n${logs()}`);
    const index = await fetch(`${baseUrl}/`, { headers: { Accept: 'text/html' } }).then((r) => r.text());
    if (!index.includes('<div id="app">')) throw new Error(`The api does not serve the web app at / (WEB_DIR=${WEB_DIR}).`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, databaseUrl: db.url, logs, stop };
}
