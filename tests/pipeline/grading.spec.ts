// End to end: real Postgres, real Redis, the api in-process plus a REAL worker process (and a second api
// process), learners on socket.io. Covers Submit/Run, live events, idempotency, ownership, a worker
// SIGKILLed mid-grading, and delivery across two api processes.
import fs from 'node:fs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startApi, type TestApi } from '../fixtures/api';
import { UserRole } from '@questline/data';
import { bearer, registerUser, setRole, type TestUser } from '../fixtures/users';
import { LiveClient } from './support/live';
import { FAILING, PASSING, SLOW_PASSING, writePipelinePack } from './support/pack';
import { startApiProcess, startWorker, type Proc } from './support/processes';
import { LIVE_EVENTS } from '@questline/contracts';

jest.setTimeout(60_000);

const packs = writePipelinePack();
const QUEUE_PREFIX = `{ql-pipeline-${process.pid}}`;
let api: TestApi;
let worker: Proc;
let exerciseId: string;
const clients: LiveClient[] = [];
const procs: Proc[] = [];

function sharedEnv(): Record<string, string> {
  return {
    DATABASE_URL: api.db.url,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_BACKEND: 'redis',
    QUEUE_PREFIX,
    JWT_SECRET: api.config.jwt.secret,
    EXERCISES_DIR: packs,
    WORKER_CONCURRENCY: '2',
    GRADING_STALL_INTERVAL_MS: '1500',
    GRADING_SWEEP_INTERVAL_MS: '0',
  };
}

async function live(user: TestUser, baseUrl = api.url): Promise<LiveClient> {
  const client = await LiveClient.connect(baseUrl, user.accessToken);
  clients.push(client);
  return client;
}

const post = (user: TestUser, path: string, body: object, baseUrl = api.url) =>
  request(baseUrl).post(path).set('Authorization', bearer(user)).send(body);
const get = (user: TestUser, path: string) => request(api.url).get(path).set('Authorization', bearer(user));
const db = () => api.app.get(DataSource);

beforeAll(async () => {
  process.env.EXERCISES_DIR = packs;
  api = await startApi({
    env: {
      QUEUE_BACKEND: 'redis',
      QUEUE_PREFIX,
      GRADING_STALL_INTERVAL_MS: '1500',
      GRADING_SWEEP_INTERVAL_MS: '0',
      MAX_PENDING_GRADINGS: '20',
    },
  });
  const rows: Array<{ id: string }> = await db().query(`SELECT id FROM exercises WHERE slug = 'answer'`);
  exerciseId = rows[0].id;
  worker = await startWorker(sharedEnv());
  procs.push(worker);
});

afterAll(async () => {
  for (const client of clients) client.close();
  await Promise.all(procs.map((p) => p.stop('SIGKILL')));
  await api?.close();
  fs.rmSync(packs, { recursive: true, force: true });
});

describe('Submit', () => {
  it('grades passing code: queued, started, one event per test in order, completed; XP counted once', async () => {
    const learner = await registerUser(api);
    const socket = await live(learner);
    const res = await post(learner, `/api/exercises/${exerciseId}/submissions`, { code: PASSING }).expect(202);
    expect(res.body).toEqual({ id: expect.any(String), status: 'queued', kind: 'submit' });
    const id: string = res.body.id;

    const completed = await socket.waitFor(LIVE_EVENTS.submissionCompleted, id);
    const sequence = socket.of(id).map((e) => e.event);
    expect(sequence).toEqual([
      LIVE_EVENTS.submissionQueued,
      LIVE_EVENTS.submissionStarted,
      ...Array(4).fill(LIVE_EVENTS.submissionTest),
      LIVE_EVENTS.submissionCompleted,
    ]);
    const tests = socket.of(id).filter((e) => e.event === LIVE_EVENTS.submissionTest);
    expect(tests.map((e) => [e.payload.index, e.payload.total])).toEqual([
      [0, 4],
      [1, 4],
      [2, 4],
      [3, 4],
    ]);
    expect(tests.map((e) => (e.payload.test as { name: string }).name)).toEqual(['answers 42', 'is even', 'is stable', 'Hidden test 1']);

    expect(completed).toMatchObject({
      submissionId: id,
      verdict: 'passed',
      xpAwarded: expect.any(Number),
      achievements: expect.any(Array),
    });
    expect(completed.xpAwarded).toBeGreaterThan(0);
    expect(completed.progress).toMatchObject({ xp: completed.xpAwarded, level: expect.any(Number), leveledUp: expect.any(Boolean) });
    expect(completed.tests).toHaveLength(4);
    expect(JSON.stringify(completed)).not.toContain('SECRET-HIDDEN');

    const state = await get(learner, `/api/submissions/${id}`).expect(200);
    expect(state.body).toMatchObject({
      id,
      kind: 'submit',
      exerciseId,
      status: 'completed',
      verdict: 'passed',
      xpAwarded: completed.xpAwarded,
    });
    expect(state.body.tests[3]).toEqual({ name: 'Hidden test 1', status: 'pass', durationMs: expect.any(Number), hidden: true });

    const [row] = await db().query(`SELECT status, attempt, xp_awarded FROM submissions WHERE id = $1`, [id]);
    expect(row).toEqual({ status: 'completed', attempt: 1, xp_awarded: completed.xpAwarded });
    const solved = await db().query(`SELECT submission_id FROM exercise_completions WHERE user_id = $1`, [learner.id]);
    expect(solved).toEqual([{ submission_id: id }]);
  });

  it('grades failing code with messages for visible tests and a masked hidden test', async () => {
    const learner = await registerUser(api);
    const socket = await live(learner);
    const res = await post(learner, `/api/exercises/${exerciseId}/submissions`, { code: FAILING }).expect(202);
    const completed = await socket.waitFor(LIVE_EVENTS.submissionCompleted, res.body.id);
    expect(completed).toMatchObject({ verdict: 'failed', xpAwarded: 0 });
    const tests = completed.tests as Array<{ name: string; status: string; message?: string }>;
    expect(tests.map((t) => [t.name, t.status])).toEqual([
      ['answers 42', 'fail'],
      ['is even', 'fail'],
      ['is stable', 'pass'],
      ['Hidden test 1', 'pass'],
    ]);
    expect(tests[0].message).toMatch(/42/);
    expect(
      socket
        .of(res.body.id)
        .filter((e) => e.event === LIVE_EVENTS.submissionTest)
        .map((e) => e.payload.index),
    ).toEqual([0, 1, 2, 3]);
    const solved = await db().query(`SELECT 1 FROM exercise_completions WHERE user_id = $1`, [learner.id]);
    expect(solved).toHaveLength(0);
  });

  it('answers 4xx with a message for oversized code, an unknown exercise and a malformed body', async () => {
    const learner = await registerUser(api);
    const big = await post(learner, `/api/exercises/${exerciseId}/submissions`, { code: 'x'.repeat(65 * 1024) }).expect(413);
    expect(big.body).toMatchObject({ code: 'CODE_TOO_LARGE', message: expect.stringContaining('64 KB') });
    await post(learner, `/api/exercises/00000000-0000-4000-8000-000000000000/submissions`, { code: PASSING }).expect(404);
    const bad = await post(learner, `/api/exercises/${exerciseId}/submissions`, { source: PASSING }).expect(400);
    expect(JSON.stringify(bad.body.message)).toMatch(/code/);
    const none = await db().query(`SELECT 1 FROM submissions WHERE user_id = $1`, [learner.id]);
    expect(none).toHaveLength(0);
  });
});

describe('Run', () => {
  it('grades visible tests only and awards nothing', async () => {
    const learner = await registerUser(api);
    const socket = await live(learner);
    const res = await post(learner, `/api/exercises/${exerciseId}/runs`, { code: PASSING }).expect(202);
    expect(res.body).toMatchObject({ status: 'queued', kind: 'run' });
    const completed = await socket.waitFor(LIVE_EVENTS.submissionCompleted, res.body.id);
    expect(completed).toMatchObject({ verdict: 'passed', xpAwarded: 0, progress: null, achievements: [] });
    expect((completed.tests as unknown[]).length).toBe(3);

    const state = await get(learner, `/api/submissions/${res.body.id}`).expect(200);
    expect(state.body).toMatchObject({ kind: 'run', status: 'completed', verdict: 'passed' });
    expect(state.body.xpAwarded).toBeUndefined();
    const [row] = await db().query(`SELECT xp_awarded, outcome FROM submissions WHERE id = $1`, [res.body.id]);
    expect(row).toEqual({ xp_awarded: null, outcome: null });
    expect(await db().query(`SELECT 1 FROM exercise_completions WHERE user_id = $1`, [learner.id])).toHaveLength(0);
    expect(await db().query(`SELECT 1 FROM xp_awards WHERE user_id = $1`, [learner.id])).toHaveLength(0);
    expect(await db().query(`SELECT 1 FROM graded_submits WHERE user_id = $1`, [learner.id])).toHaveLength(0);
  });
});

describe('idempotency and ownership', () => {
  it('returns the same submission for a repeated Idempotency-Key and grades it once', async () => {
    const learner = await registerUser(api);
    const socket = await live(learner);
    const send = () =>
      post(learner, `/api/exercises/${exerciseId}/submissions`, { code: PASSING }).set('Idempotency-Key', 'attempt-1').expect(202);
    const [a, b] = await Promise.all([send(), send()]);
    const c = await send();
    expect(b.body.id).toBe(a.body.id);
    expect(c.body.id).toBe(a.body.id);
    await socket.waitFor(LIVE_EVENTS.submissionCompleted, a.body.id);
    const rows = await db().query(`SELECT attempt FROM submissions WHERE user_id = $1`, [learner.id]);
    expect(rows).toEqual([{ attempt: 1 }]);
    // The same key for another kind is refused rather than silently answered with the Submit.
    await post(learner, `/api/exercises/${exerciseId}/runs`, { code: PASSING }).set('Idempotency-Key', 'attempt-1').expect(422);
    expect(socket.count(LIVE_EVENTS.submissionCompleted, a.body.id)).toBe(1);
  });

  it('does not let another learner read a submission or see it in their history', async () => {
    const owner = await registerUser(api);
    const other = await registerUser(api);
    const otherSocket = await live(other);
    const res = await post(owner, `/api/exercises/${exerciseId}/runs`, { code: PASSING }).expect(202);
    await get(other, `/api/submissions/${res.body.id}`).expect(404);
    await get(other, `/api/submissions/not-a-uuid`).expect(404);
    const history = await get(other, `/api/exercises/${exerciseId}/submissions`).expect(200);
    expect(history.body).toEqual({ items: [], page: 1, total: 0 });
    const mine = await get(owner, `/api/exercises/${exerciseId}/submissions?page=1`).expect(200);
    expect(mine.body.items.map((i: { id: string }) => i.id)).toEqual([res.body.id]);
    const recent = await get(owner, `/api/me/submissions`).expect(200);
    expect(recent.body.items[0]).toMatchObject({ id: res.body.id, exerciseTitle: 'Answer' });
    // The other learner's socket never hears about it.
    await get(owner, `/api/submissions/${res.body.id}`).expect(200);
    expect(otherSocket.of(res.body.id)).toEqual([]);
  });
});

describe('reliability', () => {
  it('completes once, without double XP, when the worker is SIGKILLed mid-grading', async () => {
    const learner = await registerUser(api);
    const socket = await live(learner);
    const res = await post(learner, `/api/exercises/${exerciseId}/submissions`, { code: SLOW_PASSING }).expect(202);
    const id: string = res.body.id;
    await socket.waitFor(LIVE_EVENTS.submissionStarted, id);
    expect(await worker.stop('SIGKILL')).toBe('SIGKILL');
    const [running] = await db().query(`SELECT status FROM submissions WHERE id = $1`, [id]);
    expect(running.status).toBe('running');

    worker = await startWorker(sharedEnv(), 'worker-2');
    procs.push(worker);
    const completed = await socket.waitFor(LIVE_EVENTS.submissionCompleted, id, 30_000);
    expect(completed).toMatchObject({ verdict: 'passed' });
    const [row] = await db().query(`SELECT status, attempt FROM submissions WHERE id = $1`, [id]);
    expect(row).toEqual({ status: 'completed', attempt: 2 });
    expect(socket.count(LIVE_EVENTS.submissionCompleted, id)).toBe(1);

    // A redelivery after the commit (worker killed between commit and ack) replays, never re-awards.
    const before = await db().query(`SELECT count(*)::int AS n FROM xp_awards WHERE user_id = $1`, [learner.id]);
    expect(before).toEqual([{ n: 1 }]);
    const queue = (await import('bullmq')).Queue;
    const q = new queue('grading', { prefix: QUEUE_PREFIX, connection: { url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' } });
    try {
      await q.add('grade', { submissionId: id }, { jobId: `replay-${id}` });
      await waitUntil(async () => (await q.getJobState(`replay-${id}`)) === 'completed');
    } finally {
      await q.close();
    }
    const [after] = await db().query(`SELECT status, attempt FROM submissions WHERE id = $1`, [id]);
    expect(after).toEqual({ status: 'completed', attempt: 2 });
    expect(await db().query(`SELECT count(*)::int AS n FROM xp_awards WHERE user_id = $1`, [learner.id])).toEqual(before);
    expect(await db().query(`SELECT count(*)::int AS n FROM graded_submits WHERE submission_id = $1`, [id])).toEqual([{ n: 1 }]);
  });
});

describe('several api processes', () => {
  it('delivers every event exactly once to sockets on another api process than the one that took the POST', async () => {
    const { proc, url } = await startApiProcess(sharedEnv(), 'api-b');
    procs.push(proc);
    const learner = await registerUser(api);
    const onB = await live(learner, url);
    const onA = await live(learner);
    const bystander = await live(await registerUser(api), url);

    const res = await post(learner, `/api/exercises/${exerciseId}/submissions`, { code: FAILING }).expect(202);
    const id: string = res.body.id;
    await Promise.all([onA.waitFor(LIVE_EVENTS.submissionCompleted, id), onB.waitFor(LIVE_EVENTS.submissionCompleted, id)]);
    const expected = [
      LIVE_EVENTS.submissionQueued,
      LIVE_EVENTS.submissionStarted,
      ...Array(4).fill(LIVE_EVENTS.submissionTest),
      LIVE_EVENTS.submissionCompleted,
    ];
    expect(onB.of(id).map((e) => e.event)).toEqual(expected);
    expect(onA.of(id).map((e) => e.event)).toEqual(expected);
    expect(bystander.of(id)).toEqual([]);

    // And the other way round: POST through B, listen on A.
    const viaB = await post(learner, `/api/exercises/${exerciseId}/runs`, { code: PASSING }, url).expect(202);
    await onA.waitFor(LIVE_EVENTS.submissionCompleted, viaB.body.id);
    expect(onA.count(LIVE_EVENTS.submissionCompleted, viaB.body.id)).toBe(1);
    expect(onA.count(LIVE_EVENTS.submissionQueued, viaB.body.id)).toBe(1);
  });
});

describe('operations', () => {
  it('exposes Prometheus metrics at /metrics: queue depth, gradings by verdict, latency histograms', async () => {
    const res = await request(api.url).get('/metrics').expect(200);
    expect(res.headers['content-type']).toMatch(/text\/plain/);
    const value = (line: RegExp) =>
      Number(
        res.text
          .split('\n')
          .find((l) => line.test(l))
          ?.split(' ')
          .pop(),
      );
    // Earlier tests in this file completed passing and failing Submits.
    expect(value(/^questline_gradings_total\{kind="submit",verdict="passed"\}/)).toBeGreaterThanOrEqual(2);
    expect(value(/^questline_gradings_total\{kind="submit",verdict="failed"\}/)).toBeGreaterThanOrEqual(1);
    expect(value(/^questline_submission_e2e_seconds_count\{kind="submit"\}/)).toBeGreaterThanOrEqual(3);
    expect(value(/^questline_grading_duration_seconds_count\{kind="run"\}/)).toBeGreaterThanOrEqual(1);
    expect(res.text).toMatch(/^questline_grading_queue_jobs\{state="waiting"\} \d+/m);
  });

  it('serves the queue dashboard to admins only', async () => {
    const learner = await registerUser(api);
    const admin = await registerUser(api);
    await setRole(api, admin.email, UserRole.Admin);
    await request(api.url).get('/api/admin/queues').expect(401);
    await request(api.url).get('/api/admin/queues').set('Authorization', bearer(learner)).expect(403);
    const queues = await request(api.url).get('/api/admin/queues/api/queues').set('Authorization', bearer(admin)).expect(200);
    expect(queues.body.queues.map((q: { name: string }) => q.name)).toEqual(['grading']);
    // A browser signs in with a POST form (tests/security/queue-dashboard.spec.ts); a token in the URL is not read.
    const inUrl = await request(api.url).get(`/api/admin/queues?token=${admin.accessToken}`).expect(401);
    expect(inUrl.headers['set-cookie']).toBeUndefined();
  });
});

/** Bounded wait that sleeps inside its loop. */
async function waitUntil(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
