// Reliability against a Redis of this suite's own (the shared one must not be stopped): 503 while Redis
// is down, every accepted submission still graded once after Redis comes back empty (the sweep),
// graceful worker shutdown on SIGTERM, and the per-learner pending limit.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startApi, type TestApi } from '../fixtures/api';
import { bearer, registerUser, type TestUser } from '../fixtures/users';
import { LiveClient } from './support/live';
import { PASSING, SLOW_PASSING, writePipelinePack } from './support/pack';
import { freePort, Proc, startWorker } from './support/processes';
import { LIVE_EVENTS } from '@questline/contracts';

jest.setTimeout(90_000);

const packs = writePipelinePack();
const QUEUE_PREFIX = `{ql-reliability-${process.pid}}`;
let redisPort: number;
let redis: Proc | undefined;
let api: TestApi;
let exerciseId: string;
let worker: Proc | undefined;
const clients: LiveClient[] = [];

/** A throwaway redis-server without persistence: a restart loses every queue key, like a wiped Redis. */
async function startRedis(): Promise<Proc> {
  const child = spawn('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const proc = new Proc('redis', child);
  await proc.waitForOutput(/Ready to accept connections/);
  return proc;
}

function workerEnv(): Record<string, string> {
  return {
    DATABASE_URL: api.db.url,
    REDIS_URL: `redis://127.0.0.1:${redisPort}`,
    QUEUE_BACKEND: 'redis',
    QUEUE_PREFIX,
    JWT_SECRET: api.config.jwt.secret,
    WORKER_CONCURRENCY: '1',
    GRADING_STALL_INTERVAL_MS: '1500',
  };
}

const submit = (user: TestUser, code = PASSING) =>
  request(api.url).post(`/api/exercises/${exerciseId}/submissions`).set('Authorization', bearer(user)).send({ code });
const state = async (user: TestUser, id: string) =>
  (await request(api.url).get(`/api/submissions/${id}`).set('Authorization', bearer(user)).expect(200)).body;

/** Bounded wait that sleeps inside its loop. */
async function eventually(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

beforeAll(async () => {
  redisPort = await freePort();
  redis = await startRedis();
  process.env.EXERCISES_DIR = packs;
  api = await startApi({
    env: {
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      QUEUE_BACKEND: 'redis',
      QUEUE_PREFIX,
      MAX_PENDING_GRADINGS: '3',
      GRADING_SWEEP_INTERVAL_MS: '500',
      GRADING_SWEEP_AFTER_MS: '1000',
    },
  });
  const rows: Array<{ id: string }> = await api.app.get(DataSource).query(`SELECT id FROM exercises WHERE slug = 'answer'`);
  exerciseId = rows[0].id;
});

afterAll(async () => {
  for (const client of clients) client.close();
  await worker?.stop('SIGKILL');
  await api?.close();
  await redis?.stop('SIGKILL');
  fs.rmSync(packs, { recursive: true, force: true });
});

it('answers 503 (never 500) while Redis is down and grades every accepted submission once it is back', async () => {
  const learner = await registerUser(api);
  const socket = await LiveClient.connect(api.url, learner.accessToken);
  clients.push(socket);
  // Accepted while no worker runs: the jobs sit in Redis...
  const accepted = [(await submit(learner).expect(202)).body.id, (await submit(learner).expect(202)).body.id];
  // ...and Redis dies, taking them with it (no persistence).
  await redis?.stop('SIGKILL');
  const started = Date.now();
  const refused = await submit(learner).expect(503);
  expect(Date.now() - started).toBeLessThan(2000);
  expect(refused.body).toMatchObject({ code: 'QUEUE_UNAVAILABLE', message: expect.stringMatching(/temporarily unavailable/) });
  // Nothing half-stored for the refused one.
  const stored = await api.app.get(DataSource).query(`SELECT id FROM submissions WHERE user_id = $1`, [learner.id]);
  expect(stored.map((r: { id: string }) => r.id).sort()).toEqual([...accepted].sort());

  redis = await startRedis();
  worker = await startWorker(workerEnv());
  await eventually(async () => {
    const states = await Promise.all(accepted.map((id) => state(learner, id)));
    return states.every((s) => s.status === 'completed');
  });
  for (const id of accepted) expect(await state(learner, id)).toMatchObject({ verdict: 'passed' });
  const attempts = await api.app.get(DataSource).query(`SELECT attempt FROM submissions WHERE id = ANY($1)`, [accepted]);
  expect(attempts).toEqual([{ attempt: 1 }, { attempt: 1 }]);
  // New submissions are accepted again once the producer has reconnected, and live events flow again
  // (the api's event listener reconnected too).
  let id = '';
  await eventually(async () => {
    const res = await submit(learner);
    id = res.body.id;
    return res.status === 202;
  });
  expect(await socket.waitFor(LIVE_EVENTS.submissionCompleted, id)).toMatchObject({ verdict: 'passed' });
});

it('refuses with 429 a learner who already has MAX_PENDING_GRADINGS gradings pending', async () => {
  await worker?.stop('SIGTERM');
  worker = undefined;
  const learner = await registerUser(api);
  for (let i = 0; i < 3; i++) await submit(learner).expect(202);
  const refused = await submit(learner).expect(429);
  expect(refused.body).toMatchObject({ code: 'TOO_MANY_PENDING_GRADINGS', limit: 3 });
  // Another learner is not affected.
  await submit(await registerUser(api)).expect(202);
  worker = await startWorker(workerEnv());
  await eventually(async () => {
    const rows = await api.app
      .get(DataSource)
      .query(`SELECT 1 FROM submissions WHERE user_id = $1 AND status <> 'completed'`, [learner.id]);
    return rows.length === 0;
  });
  await submit(learner).expect(202);
});

it('finishes the current grading before exiting on SIGTERM', async () => {
  const learner = await registerUser(api);
  const socket = await LiveClient.connect(api.url, learner.accessToken);
  clients.push(socket);
  const id: string = (await submit(learner, SLOW_PASSING).expect(202)).body.id;
  await socket.waitFor(LIVE_EVENTS.submissionStarted, id);
  const exitCode = await worker?.stop('SIGTERM');
  worker = undefined;
  // Nest closes the app on SIGTERM, then re-raises the signal: a clean exit shows as SIGTERM (or 0).
  expect([0, 'SIGTERM']).toContain(exitCode);
  // Completed by the stopping worker itself (no other worker runs), exactly once.
  const [row] = await api.app.get(DataSource).query(`SELECT status, verdict, attempt FROM submissions WHERE id = $1`, [id]);
  expect(row).toEqual({ status: 'completed', verdict: 'passed', attempt: 1 });
});
