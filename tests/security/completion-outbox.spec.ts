// Issue 12 item 6: a completion committed while Redis restarts (BullMQ's moveToFinished then fails with
// "Missing key for job", so its `completed` event never reaches the stream) still reaches the learner's
// socket, once: the relay reads it back from the committed row. Against a Redis of this suite's own (the
// shared one must not be restarted), with a real worker process.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startApi, type TestApi } from '../fixtures/api';
import { bearer, registerUser } from '../fixtures/users';
import { LiveClient } from '../pipeline/support/live';
import { SLOW_PASSING, writePipelinePack } from '../pipeline/support/pack';
import { freePort, Proc, startWorker } from '../pipeline/support/processes';

jest.setTimeout(90_000);

const packs = writePipelinePack();
const QUEUE_PREFIX = `{ql-outbox-${process.pid}}`;
let redisPort: number;
let redis: Proc | undefined;
let worker: Proc | undefined;
let api: TestApi;
let exerciseId: string;
let client: LiveClient | undefined;

async function startRedis(): Promise<Proc> {
  const child = spawn('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const proc = new Proc('redis', child);
  await proc.waitForOutput(/Ready to accept connections/);
  return proc;
}

beforeAll(async () => {
  redisPort = await freePort();
  redis = await startRedis();
  process.env.EXERCISES_DIR = packs;
  const env = { REDIS_URL: `redis://127.0.0.1:${redisPort}`, QUEUE_BACKEND: 'redis', QUEUE_PREFIX };
  // The sweep stays out of the way: the completion is already committed, there is nothing to re-grade.
  api = await startApi({ env: { ...env, GRADING_SWEEP_INTERVAL_MS: '0' } });
  const rows: Array<{ id: string }> = await api.app.get(DataSource).query(`SELECT id FROM exercises WHERE slug = 'answer'`);
  exerciseId = rows[0].id;
  worker = await startWorker({ ...env, DATABASE_URL: api.db.url, JWT_SECRET: api.config.jwt.secret, WORKER_CONCURRENCY: '1' });
});

afterAll(async () => {
  client?.close();
  await worker?.stop('SIGKILL');
  await api?.close();
  await redis?.stop('SIGKILL');
  fs.rmSync(packs, { recursive: true, force: true });
});

it('delivers a completion committed while Redis restarted, exactly once', async () => {
  const learner = await registerUser(api);
  client = await LiveClient.connect(api.url, learner.accessToken);
  const res = await request(api.url)
    .post(`/api/exercises/${exerciseId}/submissions`)
    .set('Authorization', bearer(learner))
    .send({ code: SLOW_PASSING })
    .expect(202);
  const id: string = res.body.id;
  await client.waitFor('submission.started', id);

  // Redis restarts empty while the worker is still grading (SLOW_PASSING spins for 1.2 s).
  await redis?.stop('SIGKILL');
  redis = await startRedis();

  const completed = await client.waitFor('submission.completed', id, 30_000);
  expect(completed).toMatchObject({ submissionId: id, verdict: 'passed', xpAwarded: expect.any(Number) });
  const [row] = await api.app.get(DataSource).query(`SELECT status, verdict FROM submissions WHERE id = $1`, [id]);
  expect(row).toEqual({ status: 'completed', verdict: 'passed' });
  // Whichever path brought it, the learner gets it once.
  await new Promise((resolve) => setTimeout(resolve, 3000));
  expect(client.count('submission.completed', id)).toBe(1);
});
