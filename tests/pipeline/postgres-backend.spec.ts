// The same pipeline on BullMQ's PostgreSQL backend (the local one-command start, no Redis): a real
// worker process, two api processes, live events delivered exactly once on each learner socket.
import fs from 'node:fs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startApi, type TestApi } from '../fixtures/api';
import { bearer, registerUser } from '../fixtures/users';
import { LiveClient } from './support/live';
import { FAILING, PASSING, writePipelinePack } from './support/pack';
import { startApiProcess, startWorker, type Proc } from './support/processes';
import { LIVE_EVENTS } from '@questline/contracts';

jest.setTimeout(90_000);

const packs = writePipelinePack();
let api: TestApi;
const procs: Proc[] = [];
const clients: LiveClient[] = [];

beforeAll(async () => {
  process.env.EXERCISES_DIR = packs;
  api = await startApi({ env: { QUEUE_BACKEND: 'postgres', REDIS_URL: undefined, GRADING_SWEEP_INTERVAL_MS: '0' } });
});

afterAll(async () => {
  for (const client of clients) client.close();
  await Promise.all(procs.map((p) => p.stop('SIGKILL')));
  await api?.close();
  fs.rmSync(packs, { recursive: true, force: true });
});

it('grades and streams across two api processes without Redis', async () => {
  const env = {
    DATABASE_URL: api.db.url,
    REDIS_URL: '',
    QUEUE_BACKEND: 'postgres',
    JWT_SECRET: api.config.jwt.secret,
    EXERCISES_DIR: packs,
    GRADING_SWEEP_INTERVAL_MS: '0',
  };
  procs.push(await startWorker(env));
  const b = await startApiProcess(env, 'api-b');
  procs.push(b.proc);
  const [{ id: exerciseId }] = await api.app.get(DataSource).query(`SELECT id FROM exercises WHERE slug = 'answer'`);

  const learner = await registerUser(api);
  const onA = await LiveClient.connect(api.url, learner.accessToken);
  const onB = await LiveClient.connect(b.url, learner.accessToken);
  clients.push(onA, onB);

  const expected = [
    LIVE_EVENTS.submissionQueued,
    LIVE_EVENTS.submissionStarted,
    ...Array(4).fill(LIVE_EVENTS.submissionTest),
    LIVE_EVENTS.submissionCompleted,
  ];
  for (const [code, verdict] of [
    [PASSING, 'passed'],
    [FAILING, 'failed'],
  ]) {
    const res = await request(api.url)
      .post(`/api/exercises/${exerciseId}/submissions`)
      .set('Authorization', bearer(learner))
      .send({ code })
      .expect(202);
    const [a, bb] = await Promise.all([
      onA.waitFor(LIVE_EVENTS.submissionCompleted, res.body.id),
      onB.waitFor(LIVE_EVENTS.submissionCompleted, res.body.id),
    ]);
    expect(a).toMatchObject({ verdict });
    expect(bb).toEqual(a);
    expect(onA.of(res.body.id).map((e) => e.event)).toEqual(expected);
    expect(onB.of(res.body.id).map((e) => e.event)).toEqual(expected);
  }
});
