#!/usr/bin/env node
// End-to-end benchmark of the grading pipeline (not a test): the BUILT api (2 processes) and worker in
// production shape on the local Postgres (fresh database) and Redis (own queue prefix), learners on
// socket.io, a mix of passing and failing Submits at a fixed rate and at maximum rate. Prints sustained
// submissions/s, p50/p95/p99 from POST to `submission.completed`, lost and duplicated completions, and
// where the time goes (from the submissions' own timestamps).
//
//   npm run build && npm run bench:e2e
//   env: BENCH_RATE=100 BENCH_FIXED_SECONDS=10 BENCH_MAX_SECONDS=15 BENCH_MAX_INFLIGHT=64 BENCH_LEARNERS=40
//        BENCH_API_PROCESSES=2 WORKER_CONCURRENCY=2 BENCH_WORKERS=1 DATABASE_URL REDIS_URL
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { io } from 'socket.io-client';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const API_ENTRY = path.join(ROOT, 'dist/apps/api/apps/api/src/main.js');
const WORKER_ENTRY = path.join(ROOT, 'dist/apps/worker/apps/worker/src/main.js');
// Live event names from the built contracts library (the one place they are declared).
const { LIVE_EVENTS, LIVE_NAMESPACE } = createRequire(import.meta.url)(path.join(ROOT, 'dist/apps/api/libs/contracts/src/index.js'));
const env = process.env;
const num = (name, fallback) => (env[name] ? Number(env[name]) : fallback);
const RATE = num('BENCH_RATE', 100);
const FIXED_SECONDS = num('BENCH_FIXED_SECONDS', 10);
const MAX_SECONDS = num('BENCH_MAX_SECONDS', 15);
const MAX_INFLIGHT = num('BENCH_MAX_INFLIGHT', 64);
const LEARNERS = num('BENCH_LEARNERS', 40);
const API_PROCESSES = num('BENCH_API_PROCESSES', 2);
const WORKERS = num('BENCH_WORKERS', 1);
const WORKER_CONCURRENCY = num('WORKER_CONCURRENCY', 2);
const GRACE_MS = 30_000;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (...args) => console.log(...args);

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function start(name, entry, extraEnv, readyPattern) {
  const child = spawn(process.execPath, ['--no-node-snapshot', entry], {
    cwd: ROOT,
    env: { ...env, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output = (output + chunk).slice(-10_000);
      if (readyPattern.test(output)) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${name} exited (${code}):\n${output}`)));
  });
  return { name, child, ready, logs: () => output };
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** CPU ms (user+sys) of every process, by pid, with its parent and command name (Linux /proc). */
function cpuSnapshot() {
  const snap = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      const fields = stat.slice(close + 2).split(' ');
      // fields[1] = ppid, [11] utime, [12] stime (clock ticks, 100 Hz on Linux)
      snap.set(Number(entry), { comm, ppid: Number(fields[1]), ms: (Number(fields[11]) + Number(fields[12])) * 10 });
    } catch {
      // the process exited meanwhile
    }
  }
  return snap;
}

/** CPU ms spent between two snapshots by each of our processes (with their sandbox children), Postgres and Redis. */
function cpuBreakdown(before, after, procs) {
  const delta = (pid) => (after.get(pid)?.ms ?? 0) - (before.get(pid)?.ms ?? 0);
  const rows = {};
  for (const proc of procs) {
    rows[proc.name] = delta(proc.child.pid);
    let children = 0;
    for (const [pid, info] of after) if (info.ppid === proc.child.pid) children += delta(pid);
    // The worker's children are its sandbox processes (one isolate per grading inside each).
    if (children > 0) rows[`${proc.name} sandbox children`] = children;
  }
  let postgres = 0;
  let redis = 0;
  for (const [pid, info] of after) {
    if (info.comm.startsWith('postgres')) postgres += delta(pid);
    if (info.comm.startsWith('redis-server')) redis += delta(pid);
  }
  rows['postgres (all sessions)'] = postgres;
  rows['redis-server'] = redis;
  return rows;
}

const fmt = (ms) => (Number.isFinite(ms) ? `${ms.toFixed(1)} ms` : 'n/a');

async function main() {
  for (const entry of [API_ENTRY, WORKER_ENTRY]) {
    if (!fs.existsSync(entry)) throw new Error(`${path.relative(ROOT, entry)} is missing: run \`npm run build\` first.`);
  }
  const base = new URL(env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const dbName = `questline_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  const dbUrl = new URL(base);
  dbUrl.pathname = `/${dbName}`;
  const redisUrl = env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const prefix = `{ql-bench-${process.pid}}`;
  const common = {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    DATABASE_URL: dbUrl.toString(),
    REDIS_URL: redisUrl,
    QUEUE_BACKEND: 'redis',
    QUEUE_PREFIX: prefix,
    JWT_SECRET: randomBytes(32).toString('hex'),
    AUTH_RATE_LIMIT: '100000',
    // Bench learners keep many submissions in flight; the per-learner flood guard is not under test.
    MAX_PENDING_GRADINGS: '1000',
    WORKER_CONCURRENCY: String(WORKER_CONCURRENCY),
    WEB_DIR: '/nonexistent',
  };
  const procs = [];
  const db = new pg.Client({ connectionString: dbUrl.toString() });
  try {
    // The first api migrates and loads the built-in packs; the others start after it.
    const apis = [];
    for (let i = 0; i < API_PROCESSES; i++) {
      const port = await freePort();
      const proc = start(`api-${i}`, API_ENTRY, { ...common, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info' }, /api listening/);
      procs.push(proc);
      await proc.ready;
      apis.push(`http://127.0.0.1:${port}`);
    }
    for (let i = 0; i < WORKERS; i++) {
      const proc = start(`worker-${i}`, WORKER_ENTRY, { ...common, LOG_LEVEL: 'info' }, /worker ready/);
      procs.push(proc);
      await proc.ready;
    }
    await db.connect();
    log(
      `platform up: ${API_PROCESSES} api process(es), ${WORKERS} worker(s) x concurrency ${WORKER_CONCURRENCY}, database ${dbName}, queue prefix ${prefix}`,
    );

    const exerciseDir = path.join(ROOT, 'exercises/getting-started/first-steps/two-fer');
    const passing = fs.readFileSync(path.join(exerciseDir, 'solution/two-fer.js'), 'utf8');
    const failing = fs.readFileSync(path.join(exerciseDir, 'wrong/forgets-default.js'), 'utf8');
    const [{ id: exerciseId }] = (await db.query(`SELECT id FROM exercises WHERE slug = 'two-fer'`)).rows;

    // Learners, each with one socket on one api process (round robin).
    const learners = [];
    const completions = new Map(); // submissionId -> [receive times]
    for (let i = 0; i < LEARNERS; i++) {
      const apiUrl = apis[i % apis.length];
      const res = await fetch(`${apiUrl}/api/auth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          email: `bench-${process.pid}-${i}@example.test`,
          password: `pw-${randomBytes(6).toString('hex')}`,
          displayName: `Bench ${i}`,
        }),
      });
      if (res.status !== 201) throw new Error(`register: ${res.status} ${await res.text()}`);
      const { accessToken } = await res.json();
      const socket = io(`${apiUrl}${LIVE_NAMESPACE}`, {
        auth: { token: accessToken },
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
      });
      await new Promise((resolve, reject) => {
        socket.once(LIVE_EVENTS.ready, resolve);
        socket.once('connect_error', reject);
      });
      socket.on(LIVE_EVENTS.submissionCompleted, (event) => {
        const list = completions.get(event.submissionId) ?? [];
        list.push(performance.now());
        completions.set(event.submissionId, list);
      });
      learners.push({ token: accessToken, socket });
    }
    log(`${LEARNERS} learners registered and connected`);

    const sent = new Map(); // submissionId -> { t0, postMs }
    let seq = 0;
    let refused = 0;
    async function submitOne() {
      const n = seq++;
      const learner = learners[n % learners.length];
      const apiUrl = apis[n % apis.length];
      const t0 = performance.now();
      const res = await fetch(`${apiUrl}/api/exercises/${exerciseId}/submissions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${learner.token}` },
        body: JSON.stringify({ code: n % 2 === 0 ? passing : failing }),
      });
      const body = await res.json();
      if (res.status !== 202) {
        refused += 1;
        return null;
      }
      sent.set(body.id, { t0, postMs: performance.now() - t0 });
      return body.id;
    }
    const waitCompleted = async (id, timeoutMs) => {
      const deadline = performance.now() + timeoutMs;
      while (!completions.has(id) && performance.now() < deadline) await sleep(5);
    };

    function report(label, ids, elapsedS) {
      const latencies = [];
      let lost = 0;
      let duplicates = 0;
      for (const id of ids) {
        const got = completions.get(id);
        if (!got) lost += 1;
        else {
          latencies.push(got[0] - sent.get(id).t0);
          if (got.length > 1) duplicates += got.length - 1;
        }
      }
      latencies.sort((a, b) => a - b);
      const postMs = ids.map((id) => sent.get(id).postMs).sort((a, b) => a - b);
      const row = {
        phase: label,
        submissions: ids.length,
        'completed/s': +(latencies.length / elapsedS).toFixed(1),
        p50: fmt(percentile(latencies, 50)),
        p95: fmt(percentile(latencies, 95)),
        p99: fmt(percentile(latencies, 99)),
        'POST p50': fmt(percentile(postMs, 50)),
        lost,
        duplicates,
      };
      return row;
    }

    // Warm-up: sandbox children, JIT, connection pools.
    const warm = [];
    for (let i = 0; i < 20; i++) warm.push(await submitOne());
    for (const id of warm) if (id) await waitCompleted(id, GRACE_MS);

    // Phase 1: a fixed rate (open loop: submissions are sent on schedule whatever the latency).
    const fixedIds = [];
    const fixedStart = performance.now();
    const total = RATE * FIXED_SECONDS;
    const pending = [];
    for (let i = 0; i < total; i++) {
      const due = fixedStart + (i * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      pending.push(submitOne().then((id) => id && fixedIds.push(id)));
    }
    await Promise.all(pending);
    for (const id of fixedIds) await waitCompleted(id, GRACE_MS);
    const fixedElapsed = (performance.now() - fixedStart) / 1000;
    const fixedRow = report(`fixed ${RATE}/s`, fixedIds, Math.max(FIXED_SECONDS, fixedElapsed));

    // Phase 2: maximum rate (closed loop: MAX_INFLIGHT submissions always in flight, each slot submits
    // again as soon as its previous submission completed). Sustained rate = completions / wall time.
    const maxIds = [];
    const cpuBefore = cpuSnapshot();
    const clientBefore = process.cpuUsage();
    const maxStart = performance.now();
    const stopAt = maxStart + MAX_SECONDS * 1000;
    await Promise.all(
      Array.from({ length: MAX_INFLIGHT }, async () => {
        while (performance.now() < stopAt) {
          const id = await submitOne();
          if (!id) {
            await sleep(50);
            continue;
          }
          maxIds.push(id);
          await waitCompleted(id, GRACE_MS);
        }
      }),
    );
    const maxElapsed = (performance.now() - maxStart) / 1000;
    const maxRow = report(`max (${MAX_INFLIGHT} in flight)`, maxIds, maxElapsed);
    const cpu = cpuBreakdown(cpuBefore, cpuSnapshot(), procs);
    const client = process.cpuUsage(clientBefore);
    cpu['bench client (this process)'] = (client.user + client.system) / 1000;

    log('');
    console.table([fixedRow, maxRow]);
    log(`refused POSTs (non-202): ${refused}`);

    // Where the time goes, from the rows themselves (database clock) for the fixed-rate phase.
    const { rows } = await db.query(
      `SELECT id, extract(epoch FROM started_at - created_at) * 1000 AS queued_ms,
              extract(epoch FROM completed_at - started_at) * 1000 AS running_ms,
              (result->>'durationMs')::float AS sandbox_ms
         FROM submissions WHERE id = ANY($1)`,
      [fixedIds],
    );
    const med = (key) =>
      percentile(
        rows.map((r) => Number(r[key])).sort((a, b) => a - b),
        50,
      );
    const e2e = fixedIds
      .filter((id) => completions.has(id))
      .map((id) => completions.get(id)[0] - sent.get(id).t0)
      .sort((a, b) => a - b);
    const post = fixedIds.map((id) => sent.get(id).postMs).sort((a, b) => a - b);
    log(`\nwhere a submission's time goes at ${RATE}/s (medians):`);
    log(`  POST → 202 (auth, exercise lookup, INSERT, publish + enqueue):  ${fmt(percentile(post, 50))}`);
    log(`  row created → worker claimed it (queue wait + pickup):          ${fmt(med('queued_ms'))}`);
    log(`  claimed → completed (sandbox + result/gamification tx):         ${fmt(med('running_ms'))}`);
    log(`    of which inside the sandbox:                                  ${fmt(med('sandbox_ms'))}`);
    log(`  POST → submission.completed on the socket (total):               ${fmt(percentile(e2e, 50))}`);
    log(`  (the remainder is HTTP response, the relay through the event stream and socket.io delivery)`);
    log(`\nCPU per completed submission during the max-rate phase (ms of CPU; the machine has 2 cores = 2000 ms/s):`);
    const completedMax = maxIds.filter((id) => completions.has(id)).length || 1;
    for (const [name, ms] of Object.entries(cpu)) log(`  ${name.padEnd(26)} ${(ms / completedMax).toFixed(2)} ms`);
    log(
      `  machine load while measuring: ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')} (other tenants included)`,
    );
    log(
      `\nJSON ${JSON.stringify({ fixed: fixedRow, max: maxRow, refused, cpuMsPerSubmission: Object.fromEntries(Object.entries(cpu).map(([k, v]) => [k, +(v / completedMax).toFixed(2)])), medians: { postMs: percentile(post, 50), queuedMs: med('queued_ms'), runningMs: med('running_ms'), sandboxMs: med('sandbox_ms'), e2eMs: percentile(e2e, 50) } })}`,
    );
    for (const learner of learners) learner.socket.disconnect();
  } finally {
    for (const proc of procs) proc.child.kill('SIGTERM');
    await Promise.all(
      procs.map((proc) => new Promise((resolve) => (proc.child.exitCode !== null ? resolve() : proc.child.once('exit', resolve)))),
    );
    await db.end().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    await dropQueueKeys(redisUrl, prefix).catch(() => undefined);
  }
}

/** Removes this run's queue keys (its own prefix) from the shared Redis. */
async function dropQueueKeys(redisUrl, prefix) {
  const { default: Redis } = await import('ioredis');
  const redis = new Redis(redisUrl);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await redis.del(...keys);
  } while (cursor !== '0');
  redis.disconnect();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
