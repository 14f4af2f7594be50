// Runs once before the suite: fail at once, with a clear message, when Postgres or Redis is not
// answering (rather than letting every test hang until its timeout), and build the sandbox bundles.
import net from 'node:net';
import { execFileSync } from 'node:child_process';
import path from 'node:path';

function probe(url: string, defaultPort: number): Promise<string | null> {
  const parsed = new URL(url);
  const port = Number(parsed.port || defaultPort);
  const host = parsed.hostname || '127.0.0.1';
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (error: string | null) => {
      socket.destroy();
      resolve(error);
    };
    socket.setTimeout(2000, () => done('timed out after 2 s'));
    socket.once('connect', () => done(null));
    socket.once('error', (err) => done(err.message));
  });
}

export default async function globalSetup(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const problems: string[] = [];
  const db = await probe(databaseUrl, 5432);
  if (db) {
    problems.push(
      `PostgreSQL at DATABASE_URL=${databaseUrl} is not answering (${db}).\n` +
        `  Start it: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`,
    );
  }
  const redis = await probe(redisUrl, 6379);
  if (redis) {
    problems.push(
      `Redis at REDIS_URL=${redisUrl} is not answering (${redis}).\n` +
        `  Start it: redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no`,
    );
  }
  if (problems.length > 0) {
    throw new Error(`The test suite needs real services:\n${problems.join('\n')}`);
  }
  // The sandbox runs a pre-built harness bundle inside each isolate and a bundled child-process host.
  const root = path.resolve(__dirname, '..');
  execFileSync(process.execPath, [path.join(root, 'scripts/build-sandbox.mjs')], { stdio: 'inherit', cwd: root });
}
