// The body of scripts/start.mjs (see the comment there).
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { API_ENTRY, WORKER_ENTRY, buildIfNeeded, stopActiveBuild } from './build.mjs';
import { startEmbeddedPostgres } from './embedded-postgres.mjs';
import { formatLogLine } from './logs.mjs';
import { bold, cmdlineOf, fail, green, groupMembers, isAlive, portProblem, say, signal, sleep, Tail, waitForExit, warn } from './util.mjs';

const STOP_GRACE_MS = 10000;

export async function main(root) {
  // QUESTLINE_DATA_DIR is the launcher's name; the apps' config (libs/config) reads DATA_DIR.
  const dataDir = path.resolve(root, process.env.QUESTLINE_DATA_DIR || process.env.DATA_DIR || '.data');
  const port = Number(process.env.PORT || 3000);
  const pgPort = Number(process.env.QUESTLINE_PG_PORT || 54329);
  const startTimeoutMs = Number(process.env.QUESTLINE_START_TIMEOUT_MS || 90000);
  const runFile = path.join(dataDir, 'start.json');
  const apiEntry = path.resolve(root, process.env.QUESTLINE_API_ENTRY || API_ENTRY);
  const workerEntry = path.resolve(root, process.env.QUESTLINE_WORKER_ENTRY || WORKER_ENTRY);

  const children = new Map(); // name -> { child, tail, exited: Promise }
  let pg = null;
  let stopping = false;
  let firstSignalAt = 0;

  const writeRunFile = () => {
    const pids = Object.fromEntries([...children].map(([name, { child }]) => [name, child.pid]));
    fs.writeFileSync(runFile, JSON.stringify({ pid: process.pid, ...pids, postgres: pg?.pid ?? null }, null, 2));
  };

  async function stopChild(name, { child, exited }) {
    if (child.exitCode === null && child.signalCode === null) {
      signal(child.pid, 'SIGTERM');
      const timedOut = await Promise.race([exited.then(() => false), sleep(STOP_GRACE_MS).then(() => true)]);
      if (timedOut) {
        warn(`${name} did not stop within ${STOP_GRACE_MS / 1000} s; killing it.`);
        signal(-child.pid, 'SIGKILL');
        await exited;
      }
    }
    signal(-child.pid, 'SIGKILL'); // anything it left behind in its process group
  }

  async function shutdown(exitCode, reason) {
    if (stopping) return;
    stopping = true;
    if (reason) say(reason);
    stopActiveBuild();
    await Promise.all([...children].map(([name, entry]) => stopChild(name, entry)));
    if (pg) {
      say('stopping PostgreSQL…');
      await pg.stop();
      if (isAlive(pg.pid) || groupMembers(pg.pid).length > 0) warn(`PostgreSQL (pid ${pg.pid}) is still running!`);
      pg = null;
    }
    fs.rmSync(runFile, { force: true });
    say(exitCode === 0 ? 'stopped.' : `stopped (exit ${exitCode}).`);
    process.exit(exitCode);
  }

  // npm forwards the terminal's Ctrl-C to us, which then arrives twice within a few ms: only a
  // second Ctrl-C more than a second later means "hurry up".
  const onSignal = (sig) => {
    if (!stopping) {
      firstSignalAt = Date.now();
      void shutdown(0, `${sig} received, stopping…`);
    } else if (Date.now() - firstSignalAt > 1000) {
      warn('second signal: killing everything now.');
      for (const { child } of children.values()) signal(-child.pid, 'SIGKILL');
    }
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, onSignal);
  process.on('exit', () => {
    // Last resort if we die some other way: no orphans.
    for (const { child } of children.values()) signal(-child.pid, 'SIGKILL');
    pg?.stopSync();
  });
  const crash = (err) => {
    fail(err?.stack ?? String(err));
    void shutdown(1);
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);

  function spawnApp(name, entry, env) {
    const tail = new Tail(30);
    const child = spawn(process.execPath, ['--no-node-snapshot', entry], {
      cwd: root,
      env,
      detached: true, // own process group: Ctrl-C reaches only us, and we stop things in order
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const pipe = (stream, out) => {
      let buffer = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk) => {
        buffer += chunk;
        const lines = buffer.split('\n');
        buffer = lines.pop();
        for (const line of lines) {
          tail.push(line);
          out.write(`${formatLogLine(name, line)}\n`);
        }
      });
      stream.on('end', () => buffer && out.write(`${formatLogLine(name, buffer)}\n`));
    };
    pipe(child.stdout, process.stdout);
    pipe(child.stderr, process.stderr);
    const exited = new Promise((resolve) => child.on('exit', (code, sig) => resolve({ code, sig })));
    child.on('error', (err) => crash(new Error(`could not start ${name}: ${err.message}`)));
    exited.then(({ code, sig }) => {
      if (stopping) return;
      fail(
        `${name} exited unexpectedly (${sig ? `signal ${sig}` : `exit code ${code}`}). ${tail.lines.length ? `Its last lines:\n${tail}` : 'It printed nothing.'}`,
      );
      void shutdown(1, 'stopping everything.');
    });
    children.set(name, { child, tail, exited });
    writeRunFile();
    return children.get(name);
  }

  // ---- 1. one Questline per data folder; clean up after a launcher that was SIGKILLed
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    const previous = JSON.parse(fs.readFileSync(runFile, 'utf8'));
    if (previous.pid !== process.pid && isAlive(previous.pid) && /start\.mjs/.test(cmdlineOf(previous.pid))) {
      fail(
        `Questline is already running (pid ${previous.pid}) with its data in ${dataDir}. Stop it first (Ctrl-C in its terminal, or kill ${previous.pid}).`,
      );
      process.exit(1);
    }
    for (const [name, entry] of [
      ['api', apiEntry],
      ['worker', workerEntry],
    ]) {
      const pid = previous[name];
      if (isAlive(pid) && cmdlineOf(pid).includes(entry)) {
        warn(`stopping the ${name} (pid ${pid}) left over from an earlier run`);
        signal(pid, 'SIGTERM');
        if (!(await waitForExit(pid, 5000))) signal(-pid, 'SIGKILL');
      }
    }
  } catch {}

  const portIssue = await portProblem(port, '::').then((issue) => (issue === 'EAFNOSUPPORT' ? portProblem(port, '0.0.0.0') : issue));
  if (portIssue) {
    fail(
      portIssue === 'EADDRINUSE'
        ? `Port ${port} is already taken by another program. Stop it, or choose another port: PORT=3001 npm start`
        : `Cannot listen on port ${port} (${portIssue}). Choose another port with PORT=…`,
    );
    process.exit(1);
  }

  // ---- 2. build
  try {
    await buildIfNeeded(root);
  } catch (err) {
    if (!stopping) {
      fail(err.message);
      process.exit(1);
    }
    return;
  }
  for (const entry of [apiEntry, workerEntry]) {
    if (!fs.existsSync(entry)) {
      fail(`${path.relative(root, entry)} does not exist after the build.`);
      process.exit(1);
    }
  }
  if (stopping) return;

  // ---- 3. database and queue
  // A local start serves this machine only unless HOST says otherwise (HOST=0.0.0.0 for the network).
  const env = { ...process.env, PORT: String(port), HOST: process.env.HOST || '127.0.0.1', QUESTLINE_DATA_DIR: dataDir, DATA_DIR: dataDir };
  let dbDescription;
  if (!process.env.DATABASE_URL) {
    try {
      const started = Date.now();
      pg = await startEmbeddedPostgres({ dataDir, port: pgPort });
      writeRunFile();
      say(`embedded PostgreSQL is up on 127.0.0.1:${pgPort} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    } catch (err) {
      fail(err.message);
      process.exit(1);
    }
    if (stopping) return;
    env.DATABASE_URL = pg.databaseUrl;
    env.QUEUE_BACKEND = process.env.QUEUE_BACKEND || 'postgres';
    dbDescription = `embedded PostgreSQL ${pg.databaseUrl.replace(/:[^:@/]*@/, ':***@')} (data in ${pg.pgDir}, log in ${pg.logFile})`;
  } else {
    dbDescription = `PostgreSQL ${process.env.DATABASE_URL.replace(/:[^:@/]*@/, ':***@')}`;
  }
  const queueBackend = env.QUEUE_BACKEND || (env.REDIS_URL ? 'redis' : 'postgres');
  const queueDescription =
    queueBackend === 'redis' ? `Redis ${env.REDIS_URL ?? 'redis://127.0.0.1:6379'}` : 'PostgreSQL (BullMQ PostgreSQL backend)';

  // ---- 4. api, then (once healthy) the worker
  const api = spawnApp('api', apiEntry, env);
  const healthUrl = `http://127.0.0.1:${port}/api/health`;
  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    if (stopping) return;
    try {
      const response = await fetch(healthUrl, { signal: AbortSignal.timeout(2000) });
      if (response.status === 200) break;
    } catch {}
    if (Date.now() > deadline) {
      fail(
        `The api did not answer ${healthUrl} with 200 within ${startTimeoutMs / 1000} s. ${api.tail.lines.length ? `Its last lines:\n${api.tail}` : 'It printed nothing.'}`,
      );
      await shutdown(1);
      return;
    }
    await sleep(250);
  }
  if (stopping) return;
  spawnApp('worker', workerEntry, env);

  const url = `http://localhost:${port}`;
  process.stdout.write(
    `\n${green(bold(`  Questline is running at ${url}`))}\n` +
      `  API health:  ${url}/api/health\n` +
      `  Database:    ${dbDescription}\n` +
      `  Queue:       ${queueDescription}\n` +
      `  Data folder: ${dataDir}  (reset: stop, then delete it)\n` +
      // The embedded database's credentials are a fixed local default (it listens on 127.0.0.1 only), so the
      // exact command to promote a user can be shown.
      (pg ? `  Promote a user: DATABASE_URL=${pg.databaseUrl} npx questline users set-role <email> instructor\n` : '') +
      `  Press Ctrl-C to stop.\n\n`,
  );
}
