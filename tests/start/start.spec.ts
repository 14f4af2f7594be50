// `npm start` for real: scripts/start.mjs as a child process with its own data folder and ports,
// on the embedded PostgreSQL (no DATABASE_URL). Register, Ctrl-C (SIGINT), check that no postgres
// is left, start again, log in with the same user. Builds first only if dist is out of date.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../fixtures/net';

const root = path.resolve(__dirname, '../..');
const BOOT_TIMEOUT_MS = 240_000; // includes a build when dist is stale, on a 2-core machine
const STOP_TIMEOUT_MS = 60_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `promise`, or null after `ms`; the timer never outlives the race (no open handle for Jest). */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    // A zombie (exited, not yet reaped by init) is not running.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return true;
  }
}

/** Running (non-zombie) processes whose command line mentions `needle`: `pgrep -f needle`. */
function processesMentioning(needle: string): string[] {
  const found: string[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      const cmdline = fs.readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0').join(' ');
      if (cmdline.includes(needle) && isAlive(Number(name))) found.push(`${name} ${cmdline}`);
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

class Launcher {
  readonly child: ChildProcess;
  output = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(env: NodeJS.ProcessEnv) {
    this.child = spawn(process.execPath, [path.join(root, 'scripts/start.mjs')], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const collect = (chunk: Buffer) => {
      this.output += chunk.toString('utf8');
      if (this.output.length > 200_000) this.output = this.output.slice(-100_000);
    };
    this.child.stdout!.on('data', collect);
    this.child.stderr!.on('data', collect);
    this.exited = new Promise((resolve) => this.child.on('exit', (code, signal) => resolve({ code, signal })));
  }

  lastLines(count = 40): string {
    return this.output.trimEnd().split('\n').slice(-count).join('\n');
  }

  async waitForHealth(baseUrl: string): Promise<void> {
    let done = false;
    void this.exited.then(() => (done = true));
    const deadline = Date.now() + BOOT_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (done) throw new Error(`npm start exited before /api/health answered:\n${this.lastLines()}`);
      try {
        const res = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(3000) });
        if (res.status === 200 && this.output.includes('Questline is running at')) return;
      } catch {
        // not up yet
      }
      await sleep(500);
    }
    throw new Error(`/api/health did not answer 200 within ${BOOT_TIMEOUT_MS / 1000} s:\n${this.lastLines()}`);
  }

  /** Ctrl-C; resolves to the exit code. SIGKILLs (and fails) when it does not stop in time. */
  async stop(): Promise<number | null> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return this.child.exitCode;
    this.child.kill('SIGINT');
    const result = await within(this.exited, STOP_TIMEOUT_MS);
    if (!result) {
      this.child.kill('SIGKILL');
      throw new Error(`npm start did not stop within ${STOP_TIMEOUT_MS / 1000} s of SIGINT:\n${this.lastLines()}`);
    }
    return result.code;
  }
}

describe('npm start (embedded PostgreSQL, no DATABASE_URL)', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let baseUrl: string;
  const launchers: Launcher[] = [];

  beforeAll(async () => {
    // World-traversable (mkdtemp gives 0700): as root, Postgres runs as the `postgres` user.
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'questline-start-test-'));
    fs.chmodSync(dataDir, 0o755);
    const port = await freePort();
    let pgPort = await freePort();
    while (pgPort === port) pgPort = await freePort();
    let sandboxPgPort = await freePort();
    while (sandboxPgPort === port || sandboxPgPort === pgPort) sandboxPgPort = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    env = { ...process.env };
    // What a developer's `npm start` sees: none of the test suite's service URLs or Node flags.
    for (const key of ['DATABASE_URL', 'SANDBOX_DATABASE_URL', 'REDIS_URL', 'QUEUE_BACKEND', 'DATA_DIR', 'NODE_OPTIONS', 'JWT_SECRET']) {
      delete env[key];
    }
    Object.assign(env, {
      NODE_ENV: 'development',
      PORT: String(port),
      QUESTLINE_PG_PORT: String(pgPort),
      QUESTLINE_SANDBOX_PG_PORT: String(sandboxPgPort),
      QUESTLINE_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      NO_COLOR: '1',
    });
  });

  afterAll(async () => {
    // Whatever happened: no launcher, app or postgres of ours may survive the test.
    for (const launcher of launchers) {
      if (launcher.child.exitCode === null && launcher.child.signalCode === null) {
        launcher.child.kill('SIGINT');
        await within(launcher.exited, 20_000);
        launcher.child.kill('SIGKILL');
      }
    }
    try {
      const run = JSON.parse(fs.readFileSync(path.join(dataDir, 'start.json'), 'utf8'));
      for (const pid of [run.api, run.worker]) if (pid && isAlive(pid)) process.kill(-pid, 'SIGKILL');
    } catch {
      // no run file: nothing left running
    }
    // The data cluster and the sandbox cluster of SQL exercises.
    for (const folder of ['pg', 'sandbox-pg']) {
      try {
        const pid = Number(fs.readFileSync(path.join(dataDir, folder, 'postmaster.pid'), 'utf8').split('\n')[0]);
        if (pid && isAlive(pid)) {
          process.kill(pid, 'SIGINT');
          for (let i = 0; i < 100 && isAlive(pid); i++) await sleep(100);
          if (isAlive(pid)) process.kill(-pid, 'SIGKILL');
        }
      } catch {
        // no postmaster.pid: postgres is not running
      }
    }
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it(
    'starts, keeps a registered user across a restart, and leaves no postgres behind',
    async () => {
      const email = `start-${process.pid}-${Date.now()}@example.test`;
      const password = 'correct horse battery staple';

      // First run: fresh cluster, register.
      const first = new Launcher(env);
      launchers.push(first);
      await first.waitForHealth(baseUrl);
      expect(first.output).toContain(`Questline is running at http://localhost:${env.PORT}`);
      const register = await fetch(`${baseUrl}/api/auth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password, displayName: 'Start Test' }),
      });
      expect(register.status).toBe(201);
      const { accessToken } = (await register.json()) as { accessToken: string };
      const me = await fetch(`${baseUrl}/api/me`, { headers: { authorization: `Bearer ${accessToken}` } });
      expect(me.status).toBe(200);
      expect(((await me.json()) as { email: string }).email).toBe(email);

      const postmasterPid = Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
      expect(isAlive(postmasterPid)).toBe(true);
      const sandboxPid = Number(fs.readFileSync(path.join(dataDir, 'sandbox-pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
      expect(isAlive(sandboxPid)).toBe(true);

      // Ctrl-C: exit 0, nothing left (the postmaster, its backends, the api, the worker).
      expect(await first.stop()).toBe(0);
      expect(isAlive(postmasterPid)).toBe(false);
      expect(isAlive(sandboxPid)).toBe(false);
      expect(processesMentioning(path.join(dataDir, 'pg'))).toEqual([]);
      expect(processesMentioning(path.join(dataDir, 'sandbox-pg'))).toEqual([]);
      expect(fs.existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
      expect(first.output).toContain('stopped.');

      // Second run on the same data folder: the user is still there.
      const second = new Launcher(env);
      launchers.push(second);
      await second.waitForHealth(baseUrl);
      const login = await fetch(`${baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      expect(login.status).toBe(200);
      const again = (await login.json()) as { accessToken: string };
      const meAgain = await fetch(`${baseUrl}/api/me`, { headers: { authorization: `Bearer ${again.accessToken}` } });
      expect(meAgain.status).toBe(200);
      expect(await second.stop()).toBe(0);
      expect(processesMentioning(path.join(dataDir, 'pg'))).toEqual([]);
    },
    2 * BOOT_TIMEOUT_MS + 4 * STOP_TIMEOUT_MS,
  );
});
