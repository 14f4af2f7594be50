#!/usr/bin/env node
// End-to-end benchmark of the grading pipeline (not a test): the BUILT api processes and worker(s) in
// production shape on the local Postgres (fresh database) and Redis (own queue prefix), learners on
// socket.io. Two rows, each measured the same way (scripts/bench/mixes.mjs says what they submit):
//   light  — one 10-test exercise, 50/50 passing and failing (the old benchmark);
//   course — every reference and wrong/ solution of the backend-roadmap course, 1 passing : 2 failing.
// Per row, in one run: the grader alone on the same submissions (its throughput is the ceiling), the
// platform at maximum rate (closed loop) with CPU per submission per component, then a fixed rate of half
// that maximum with p50/p95/p99 from POST to `submission.completed`, and lost/duplicated completions.
// The ratios the throughput targets are stated in (README "Performance") are printed at the end.
//
//   npm run build && npm run bench:e2e
//   env: BENCH_ROWS=light,course BENCH_RATE=<fixed rate; default half the measured maximum>
//        BENCH_FIXED_SECONDS=10 BENCH_MAX_SECONDS=15 BENCH_GRADER_SECONDS=5 BENCH_MAX_INFLIGHT=64
//        BENCH_LEARNERS=40 BENCH_API_PROCESSES=2 BENCH_WORKERS=1 WORKER_CONCURRENCY=2
//        BENCH_SCALING=1,2,4 (course row at maximum rate with 1, 2 and 4 worker processes; `npm run bench:scaling`)
//        DATABASE_URL REDIS_URL
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { loadMixes, graderThroughput } from './bench/mixes.mjs';
import { cpuByComponent, cpuSnapshot, dropQueueKeys, fmt, freePort, median, start, stop } from './bench/platform.mjs';
import { Learners } from './bench/learners.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const API_ENTRY = path.join(ROOT, 'dist/apps/api/apps/api/src/main.js');
const WORKER_ENTRY = path.join(ROOT, 'dist/apps/worker/apps/worker/src/main.js');
const env = process.env;
const num = (name, fallback) => (env[name] ? Number(env[name]) : fallback);
const ROWS = (env.BENCH_ROWS ?? 'light,course').split(',').filter(Boolean);
const FIXED_SECONDS = num('BENCH_FIXED_SECONDS', 10);
const MAX_SECONDS = num('BENCH_MAX_SECONDS', 15);
const GRADER_SECONDS = num('BENCH_GRADER_SECONDS', 5);
const MAX_INFLIGHT = num('BENCH_MAX_INFLIGHT', 64);
const LEARNERS = num('BENCH_LEARNERS', 40);
const API_PROCESSES = num('BENCH_API_PROCESSES', 2);
const WORKERS = num('BENCH_WORKERS', 1);
const WORKER_CONCURRENCY = num('WORKER_CONCURRENCY', 2);
const SCALING = env.BENCH_SCALING ? env.BENCH_SCALING.split(',').map(Number) : [];
const log = (...args) => console.log(...args);

async function main() {
  for (const entry of [API_ENTRY, WORKER_ENTRY]) {
    if (!fs.existsSync(entry)) throw new Error(`${path.relative(ROOT, entry)} is missing: run \`npm run build\` first.`);
  }
  const mixes = loadMixes(ROOT);
  // The ceiling first, on an otherwise idle platform: the grader alone on each row's submissions.
  const grader = {};
  for (const row of ROWS) {
    grader[row] = await graderThroughput(ROOT, mixes[row], GRADER_SECONDS);
    log(
      `grader alone, ${row} mix: ${grader[row].perSecond.toFixed(1)} gradings/s, sandbox CPU ${fmt(grader[row].sandboxCpuMs)} per grading`,
    );
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
    ...env,
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
  const apiProcs = [];
  let workerProcs = [];
  const startWorkers = async (count) => {
    await stop(workerProcs);
    workerProcs = Array.from({ length: count }, (_, i) =>
      start(`worker-${i}`, WORKER_ENTRY, { cwd: ROOT, env: { ...common, LOG_LEVEL: 'info' } }, /worker ready/),
    );
    await Promise.all(workerProcs.map((p) => p.ready));
  };
  const db = new pg.Client({ connectionString: dbUrl.toString() });
  const learners = new Learners();
  try {
    // The first api migrates and loads the built-in packs; the others start after it.
    const apis = [];
    for (let i = 0; i < API_PROCESSES; i++) {
      const port = await freePort();
      const proc = start(
        `api-${i}`,
        API_ENTRY,
        { cwd: ROOT, env: { ...common, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info' } },
        /api listening/,
      );
      apiProcs.push(proc);
      await proc.ready;
      apis.push(`http://127.0.0.1:${port}`);
    }
    await startWorkers(WORKERS);
    await db.connect();
    log(`platform up: ${API_PROCESSES} api process(es), ${WORKERS} worker(s) x concurrency ${WORKER_CONCURRENCY}, database ${dbName}`);
    await learners.register(apis, LEARNERS);

    const results = [];
    for (const row of ROWS) {
      const mix = mixes[row];
      const ids = await learners.exerciseIds(mix.course);
      if (mix.unlock.length > 0) {
        const t0 = performance.now();
        await learners.solveInOrder(mix.unlock.map((u) => ({ id: ids.get(u.slug), code: u.code })));
        log(
          `${row}: ${learners.size} learners solved the course in order (unlocks every chapter) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
        );
      }
      const submissions = mix.entries.map((e) => ({ exerciseId: ids.get(e.slug), code: e.code }));
      await learners.warmUp(submissions, 20);
      const procs = () => [...apiProcs, ...workerProcs];
      const cpuBefore = cpuSnapshot();
      const max = await learners.maxRate(submissions, MAX_INFLIGHT, MAX_SECONDS);
      const cpu = cpuByComponent(cpuBefore, cpuSnapshot(), procs());
      const rate = num('BENCH_RATE', Math.max(1, Math.round(max.completedPerSecond / 2)));
      const fixed = await learners.fixedRate(submissions, rate, FIXED_SECONDS);
      // Median time inside the sandbox at that rate, from the rows themselves (a measurement, read-only).
      const { rows: timing } = await db.query(`SELECT (result->>'durationMs')::float AS sandbox_ms FROM submissions WHERE id = ANY($1)`, [
        fixed.ids,
      ]);
      const gradingMedian = median(timing.map((r) => Number(r.sandbox_ms)));
      const perSubmission = Object.fromEntries(Object.entries(cpu).map(([k, v]) => [k, v / Math.max(1, max.completed)]));
      const outside = perSubmission.api + perSubmission.worker + perSubmission.postgres + perSubmission.redis;
      results.push({ row, grader: grader[row], max, fixed, rate, perSubmission, outside, gradingMedian });
    }

    const scaling = [];
    if (SCALING.length > 0) {
      const mix = mixes.course;
      const ids = await learners.exerciseIds(mix.course);
      if (!ROWS.includes('course')) await learners.solveInOrder(mix.unlock.map((u) => ({ id: ids.get(u.slug), code: u.code })));
      const submissions = mix.entries.map((e) => ({ exerciseId: ids.get(e.slug), code: e.code }));
      for (const workers of SCALING) {
        await startWorkers(workers);
        await learners.warmUp(submissions, 20);
        const max = await learners.maxRate(submissions, MAX_INFLIGHT, MAX_SECONDS);
        scaling.push({
          workers,
          'completed/s': +max.completedPerSecond.toFixed(1),
          p50: fmt(max.p50),
          lost: max.lost,
          duplicates: max.duplicates,
        });
      }
    }
    report(results, scaling);
  } finally {
    learners.close();
    await stop([...apiProcs, ...workerProcs]);
    await db.end().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    await dropQueueKeys(redisUrl, prefix).catch(() => undefined);
  }
}

function report(results, scaling) {
  log('');
  console.table(
    results.flatMap(({ row, max, fixed, rate }) => [
      {
        row,
        phase: `max (${MAX_INFLIGHT} in flight)`,
        'completed/s': +max.completedPerSecond.toFixed(1),
        p50: fmt(max.p50),
        p95: fmt(max.p95),
        p99: fmt(max.p99),
        lost: max.lost,
        duplicates: max.duplicates,
      },
      {
        row,
        phase: `fixed ${rate}/s`,
        'completed/s': +fixed.completedPerSecond.toFixed(1),
        p50: fmt(fixed.p50),
        p95: fmt(fixed.p95),
        p99: fmt(fixed.p99),
        lost: fixed.lost,
        duplicates: fixed.duplicates,
      },
    ]),
  );
  log('CPU per completed submission at maximum rate (ms; PostgreSQL counts every session on the machine):');
  console.table(
    Object.fromEntries(
      results.map((r) => [r.row, Object.fromEntries(Object.entries(r.perSubmission).map(([k, v]) => [k, +v.toFixed(2)]))]),
    ),
  );
  log('Targets, as ratios from this run (README "Performance"):');
  console.table(
    Object.fromEntries(
      results.map((r) => [
        r.row,
        {
          'CPU outside sandbox / sandbox (≤ 0.5)': +(r.outside / r.perSubmission.sandbox).toFixed(2),
          'platform / grader alone (≥ 0.7)': +(r.max.completedPerSecond / r.grader.perSecond).toFixed(2),
          'p99 at half max / median grading (≤ 10)': +(r.fixed.p99 / r.gradingMedian).toFixed(1),
          'grader alone /s': +r.grader.perSecond.toFixed(1),
          'median grading': fmt(r.gradingMedian),
        },
      ]),
    ),
  );
  if (scaling.length > 0) {
    log('Scaling (course mix, maximum rate, by worker processes):');
    console.table(scaling);
  }
  log(`machine load: ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')} (other tenants included)`);
  const json = results.map(({ row, max, fixed, rate, perSubmission, outside, grader, gradingMedian }) => ({
    row,
    graderPerSecond: grader.perSecond,
    max: { completedPerSecond: max.completedPerSecond, p50: max.p50, p99: max.p99, lost: max.lost, duplicates: max.duplicates },
    fixed: { rate, p50: fixed.p50, p95: fixed.p95, p99: fixed.p99, lost: fixed.lost, duplicates: fixed.duplicates },
    cpuMsPerSubmission: perSubmission,
    outsideOverSandbox: outside / perSubmission.sandbox,
    gradingMedianMs: gradingMedian,
  }));
  log(`\nJSON ${JSON.stringify({ rows: json, scaling })}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
