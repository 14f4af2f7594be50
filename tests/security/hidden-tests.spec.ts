// Issue 12 item 7: hidden tests expose pass/fail only. Learner code that spends time in proportion to its
// input would read hidden inputs back from per-test durations; none reaches the learner (live events,
// completion, GET), while the stored result keeps the real timings for the platform.
import fs from 'node:fs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startApi, type TestApi } from '../fixtures/api';
import { bearer, registerUser } from '../fixtures/users';
import { LiveClient } from '../pipeline/support/live';
import { writePipelinePack } from '../pipeline/support/pack';
import { startWorker, type Proc } from '../pipeline/support/processes';

jest.setTimeout(60_000);

const packs = writePipelinePack();
const QUEUE_PREFIX = `{ql-hidden-${process.pid}}`;
let api: TestApi;
let worker: Proc | undefined;
let client: LiveClient | undefined;

/** Every call spins ~150 ms, so each test's duration says how often it called answer(). */
const TIMED = `export function answer() {\n  const end = Date.now() + 150;\n  while (Date.now() < end) {}\n  return 42;\n}\n`;

beforeAll(async () => {
  process.env.EXERCISES_DIR = packs;
  const env = { QUEUE_BACKEND: 'redis', QUEUE_PREFIX, GRADING_SWEEP_INTERVAL_MS: '0' };
  api = await startApi({ env });
  worker = await startWorker({ ...env, DATABASE_URL: api.db.url, REDIS_URL: process.env.REDIS_URL, JWT_SECRET: api.config.jwt.secret });
});
afterAll(async () => {
  client?.close();
  await worker?.stop('SIGKILL');
  await api?.close();
  fs.rmSync(packs, { recursive: true, force: true });
});

it('reports no duration for hidden tests anywhere a learner looks', async () => {
  const [{ id: exerciseId }]: Array<{ id: string }> = await api.app.get(DataSource).query(`SELECT id FROM exercises WHERE slug = 'answer'`);
  const learner = await registerUser(api);
  client = await LiveClient.connect(api.url, learner.accessToken);
  const res = await request(api.url)
    .post(`/api/exercises/${exerciseId}/submissions`)
    .set('Authorization', bearer(learner))
    .send({ code: TIMED });
  expect(res.status).toBe(202);
  const id: string = res.body.id;
  const completed = await client.waitFor('submission.completed', id, 30_000);
  const view = (await request(api.url).get(`/api/submissions/${id}`).set('Authorization', bearer(learner)).expect(200)).body;

  type Shown = { hidden?: boolean; durationMs: number };
  const live = client.of(id).flatMap((e) => (e.event === 'submission.test' ? [e.payload.test as Shown] : []));
  for (const tests of [live, completed.tests as Shown[], view.tests as Shown[]]) {
    const hidden = tests.filter((t) => t.hidden);
    expect(hidden.length).toBeGreaterThan(0);
    expect(hidden.map((t) => t.durationMs)).toEqual(hidden.map(() => 0));
    // Visible tests keep theirs (the learner's own code, their own tests).
    expect(tests.filter((t) => !t.hidden).some((t) => t.durationMs >= 100)).toBe(true);
  }
  // The platform still has the real timings (the masking is on the way out, not a lost measurement).
  const [row]: Array<{ result: { tests: Shown[] } }> = await api.app
    .get(DataSource)
    .query(`SELECT result FROM submissions WHERE id = $1`, [id]);
  expect(row.result.tests.filter((t) => t.hidden).some((t) => t.durationMs >= 100)).toBe(true);
});
