// Plumbing shared by the end-to-end benchmarks: start the built apps, measure CPU per process from /proc,
// percentiles, and clean up the run's Redis keys. Not a test: see scripts/bench-e2e.mjs.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export const fmt = (ms) => (Number.isFinite(ms) ? `${ms.toFixed(1)} ms` : 'n/a');

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Spawns a built app; `ready` resolves when its output matches readyPattern. */
export function start(name, entry, { cwd, env }, readyPattern) {
  const child = spawn(process.execPath, ['--no-node-snapshot', entry], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
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
  ready.catch(() => undefined); // reported by whoever awaits it
  return { name, child, ready, logs: () => output };
}

export async function stop(procs) {
  for (const proc of procs) proc.child.kill('SIGTERM');
  await Promise.all(
    procs.map((proc) => new Promise((resolve) => (proc.child.exitCode !== null ? resolve() : proc.child.once('exit', resolve)))),
  );
}

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export const median = (values) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );

/** CPU ms (user+sys) of every process, by pid, with its parent and command name (Linux /proc). */
export function cpuSnapshot() {
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

/**
 * CPU ms spent between two snapshots, grouped by component: api processes, worker processes, their sandbox
 * children, PostgreSQL (every backend of the machine: other tenants' sessions count too) and Redis.
 */
export function cpuByComponent(before, after, procs) {
  const delta = (pid) => (after.get(pid)?.ms ?? 0) - (before.get(pid)?.ms ?? 0);
  const rows = { api: 0, worker: 0, sandbox: 0, postgres: 0, redis: 0 };
  for (const proc of procs) {
    const component = proc.name.startsWith('api') ? 'api' : 'worker';
    rows[component] += delta(proc.child.pid);
    // A worker's children are its sandbox processes (one isolate per grading inside each).
    for (const [pid, info] of after) if (info.ppid === proc.child.pid) rows[component === 'worker' ? 'sandbox' : 'api'] += delta(pid);
  }
  for (const [pid, info] of after) {
    if (info.comm.startsWith('postgres')) rows.postgres += delta(pid);
    if (info.comm.startsWith('redis-server')) rows.redis += delta(pid);
  }
  return rows;
}

/** Removes this run's queue keys (its own prefix) from the shared Redis. */
export async function dropQueueKeys(redisUrl, prefix) {
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
