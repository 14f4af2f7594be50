// Gamification under concurrency, end to end: real Postgres, real Redis, the api in-process and TWO real worker
// processes. One learner fires 50 concurrent passing Submits of the same built-in exercise (some sharing an
// Idempotency-Key), and every accepted submission is also delivered a second time (an extra job for the same
// submission id, as after a retry), so the two workers race on the same rows. XP must be counted exactly once,
// `first-solve` unlock once, each submission must complete exactly once on the socket, and the leaderboard must
// agree with Postgres (also after a rebuild).
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Redis from 'ioredis';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { GRADE_JOB } from '@questline/jobs';
import { UserRole } from '@questline/data';
import { GradingQueue } from '../../apps/api/src/submissions/grading-queue';
import { startApi, type TestApi } from '../fixtures/api';
import { bearer, createUserWithRole, registerUser, type TestUser } from '../fixtures/users';
import { LiveClient, sleep } from '../pipeline/support/live';
import { ROOT, startWorker, type Proc } from '../pipeline/support/processes';
import { LIVE_EVENTS } from '@questline/contracts';

jest.setTimeout(300_000);

const SUBMITS = 50;
/** Posts 0..SHARED-1 go out in pairs with the same Idempotency-Key (so SHARED / 2 keys); the rest carry none. */
const SHARED = 20;
const DISTINCT = SUBMITS - SHARED / 2;

const QUEUE_PREFIX = `{ql-gam-concurrent-${process.pid}-${randomUUID().slice(0, 8)}}`;
// Only the built-in getting-started pack, copied, so the api does not load packs other engineers are editing.
const packs = fs.mkdtempSync(path.join(os.tmpdir(), 'ql-gam-concurrent-'));
fs.cpSync(path.join(ROOT, 'exercises', 'getting-started'), path.join(packs, 'getting-started'), { recursive: true });
const SOLUTION = path.join(packs, 'getting-started', 'first-steps', 'two-fer', 'solution', 'two-fer.js');

let api: TestApi;
const workers: Proc[] = [];
const clients: LiveClient[] = [];

const get = (user: TestUser, url: string) => request(api.url).get(url).set('Authorization', bearer(user));
const db = () => api.app.get(DataSource);
const queue = () => api.app.get(GradingQueue).queue;

function workerEnv(): Record<string, string> {
  return {
    DATABASE_URL: api.db.url,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_BACKEND: 'redis',
    QUEUE_PREFIX,
    JWT_SECRET: api.config.jwt.secret,
    EXERCISES_DIR: packs,
    WORKER_CONCURRENCY: '2',
    GRADING_SWEEP_INTERVAL_MS: '0',
  };
}

beforeAll(async () => {
  process.env.EXERCISES_DIR = packs;
  api = await startApi({
    env: { QUEUE_BACKEND: 'redis', QUEUE_PREFIX, MAX_PENDING_GRADINGS: '100', GRADING_SWEEP_INTERVAL_MS: '0' },
  });
  // One after the other: two TypeScript boots at once on a small machine only make both slower.
  workers.push(await startWorker(workerEnv(), 'worker-a'));
  workers.push(await startWorker(workerEnv(), 'worker-b'));
});

afterAll(async () => {
  for (const client of clients) client.close();
  await Promise.all(workers.map((w) => w.stop('SIGKILL')));
  if (api) {
    await queue()
      .obliterate({ force: true })
      .catch(() => undefined);
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    try {
      const keys: string[] = [];
      const stream = redis.scanStream({ match: `${QUEUE_PREFIX}*`, count: 500 });
      for await (const batch of stream) keys.push(...(batch as string[]));
      if (keys.length > 0) await redis.del(...keys);
    } finally {
      redis.disconnect();
    }
    await api.close();
  }
  fs.rmSync(packs, { recursive: true, force: true });
});

/** Bounded wait until nothing is waiting or being graded (the duplicate deliveries included). */
async function drained(timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const counts = await queue().getJobCounts('wait', 'active', 'delayed', 'prioritized', 'waiting-children');
    if (Object.values(counts).every((n) => n === 0)) return;
    if (Date.now() > deadline)
      throw new Error(`queue not drained within ${timeoutMs} ms: ${JSON.stringify(counts)}\n${workers.map((w) => w.logs()).join('\n')}`);
    await sleep(250);
  }
}

interface Board {
  entries: Array<{ userId: string; xp: number; rank: number }>;
  me: { userId: string; xp: number; rank: number } | null;
  total: number;
}

/** The board, polled (bounded) until the learner's entry shows `xp`: the Redis update follows the completion event. */
async function boardShowing(user: TestUser, query: string, xp: number): Promise<Board> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const board: Board = (await get(user, `/api/leaderboards?${query}`).expect(200)).body;
    if (board.me?.xp === xp || Date.now() > deadline) return board;
    await sleep(250);
  }
}

it(`${SUBMITS} concurrent passing Submits (duplicates included, two workers): XP once, first-solve once, board = Postgres`, async () => {
  const learner = await registerUser(api, { displayName: 'Racer' });
  const admin = await createUserWithRole(api, UserRole.Admin);
  const socket = await LiveClient.connect(api.url, learner.accessToken);
  clients.push(socket);

  // The first exercise of the built-in getting-started course, and its reference solution.
  const courses = await get(learner, '/api/courses').expect(200);
  expect(courses.body[0].slug).toBe('getting-started');
  const course = await get(learner, `/api/courses/${courses.body[0].slug}`).expect(200);
  const exercise: { id: string; slug: string; xp: number; status: string } = course.body.chapters[0].exercises[0];
  expect(exercise).toMatchObject({ slug: 'two-fer', status: 'available' });
  expect(exercise.xp).toBeGreaterThan(0);
  const code = fs.readFileSync(SOLUTION, 'utf8');

  // One failing Submit first, so the learner has a progress row: the very first recording of a learner creates that
  // row, and the insert alone would serialise the burst, hiding a missing row lock.
  const warmUp = await request(api.url)
    .post(`/api/exercises/${exercise.id}/submissions`)
    .set('Authorization', bearer(learner))
    .send({ code: `export function twoFer() {\n  return '';\n}\n` })
    .expect(202);
  expect(await socket.waitFor(LIVE_EVENTS.submissionCompleted, warmUp.body.id, 60_000)).toMatchObject({ verdict: 'failed', xpAwarded: 0 });
  const before = (await get(learner, '/api/me/progress').expect(200)).body;
  expect(before).toMatchObject({ xp: 0, solvedCount: 0, achievements: [] });

  // Fire them all at once. As soon as a POST is accepted, deliver its submission a second time (an extra job
  // for the same submission id), so both workers may grade and record the same submission concurrently.
  const keyOf = (i: number) => (i < SHARED ? `race-${Math.floor(i / 2)}` : undefined);
  const responses = await Promise.all(
    Array.from({ length: SUBMITS }, async (_, i) => {
      let req = request(api.url).post(`/api/exercises/${exercise.id}/submissions`).set('Authorization', bearer(learner));
      const key = keyOf(i);
      if (key) req = req.set('Idempotency-Key', key);
      const res = await req.send({ code });
      if (res.status === 202) {
        await queue().add(
          GRADE_JOB,
          { submissionId: res.body.id },
          { jobId: `dup-${res.body.id}`, removeOnComplete: true, removeOnFail: true },
        );
      }
      return res;
    }),
  );
  expect(responses.map((r) => r.status)).toEqual(Array(SUBMITS).fill(202));
  for (const res of responses) expect(res.body).toMatchObject({ id: expect.any(String), kind: 'submit' });
  // The same key gave the same submission; everything else is distinct.
  for (let i = 0; i < SHARED; i += 2) expect(responses[i + 1].body.id).toBe(responses[i].body.id);
  const ids = [...new Set(responses.map((r) => r.body.id as string))];
  expect(ids).toHaveLength(DISTINCT);

  // Every accepted submission completes (event-driven, bounded), then let the duplicate deliveries finish too.
  const completed = await Promise.all(ids.map((id) => socket.waitFor(LIVE_EVENTS.submissionCompleted, id, 240_000)));
  await drained(120_000);
  await sleep(1500); // events already published but still in flight to the socket
  expect(completed.map((c) => c.verdict)).toEqual(Array(DISTINCT).fill('passed'));
  const failed = await queue().getFailed();
  expect(failed.map((j) => `${j.id}: ${j.failedReason}`)).toEqual([]);

  // Per submission: the stored state agrees with the event; exactly one submission earned XP.
  const awards = new Map<string, number>();
  for (const id of ids) {
    const state = await get(learner, `/api/submissions/${id}`).expect(200);
    expect(state.body).toMatchObject({ id, kind: 'submit', status: 'completed', verdict: 'passed', xpAwarded: expect.any(Number) });
    expect(socket.of(id).find((e) => e.event === LIVE_EVENTS.submissionCompleted)?.payload.xpAwarded).toBe(state.body.xpAwarded);
    awards.set(id, state.body.xpAwarded);
  }
  const earning = [...awards].filter(([, xp]) => xp > 0);
  expect(earning).toHaveLength(1);
  const [awardedId, awarded] = earning[0];
  expect(awarded).toBeGreaterThanOrEqual(exercise.xp); // the exercise's XP, plus a first-try bonus if the rules give one

  // The learner's progress: counted once.
  const after = (await get(learner, '/api/me/progress').expect(200)).body;
  const sum = [...awards.values()].reduce((a, b) => a + b, 0);
  expect(sum).toBe(awarded);
  expect(after.xp - before.xp).toBe(sum);
  expect(after.solvedCount).toBe(1);
  expect(after.achievements.filter((a: { id: string }) => a.id === 'first-solve')).toHaveLength(1);

  // Postgres: one award, one first-solve, one solve; each submission recorded once; no extra rows.
  const q = (sql: string) => db().query(sql, [learner.id]);
  const xpRows = await q(`SELECT submission_id, xp FROM xp_awards WHERE user_id = $1`);
  expect(xpRows).toEqual([{ submission_id: awardedId, xp: awarded }]);
  const firstSolve = await q(`SELECT submission_id FROM learner_achievements WHERE user_id = $1 AND achievement_id = 'first-solve'`);
  expect(firstSolve).toEqual([{ submission_id: awardedId }]);
  expect(await q(`SELECT submission_id FROM exercise_completions WHERE user_id = $1`)).toEqual([{ submission_id: awardedId }]);
  const graded = await q(`SELECT submission_id, count(*)::int AS n FROM graded_submits WHERE user_id = $1 GROUP BY submission_id`);
  expect(graded).toHaveLength(DISTINCT + 1); // + the warm-up
  expect(graded.every((g: { n: number }) => g.n === 1)).toBe(true);
  expect(await q(`SELECT count(*)::int AS n FROM submissions WHERE user_id = $1`)).toEqual([{ n: DISTINCT + 1 }]);
  const [progressRow] = await q(`SELECT xp, solved_count FROM learner_progress WHERE user_id = $1`);
  expect(progressRow).toEqual({ xp: awarded, solved_count: 1 });

  // The socket: exactly one completion per submission, nothing for unknown ids, first-solve announced once.
  for (const id of ids) expect(socket.count(LIVE_EVENTS.submissionCompleted, id)).toBe(1);
  const completions = socket.events.filter((e) => e.event === LIVE_EVENTS.submissionCompleted && e.payload.submissionId !== warmUp.body.id);
  expect(completions).toHaveLength(DISTINCT);
  expect(socket.count(LIVE_EVENTS.submissionCompleted, warmUp.body.id)).toBe(1);
  const withFirstSolve = completions.filter((e) => (e.payload.achievements as Array<{ id: string }>).some((a) => a.id === 'first-solve'));
  expect(withFirstSolve.map((e) => e.payload.submissionId)).toEqual([awardedId]);
  // ...and only there: the learner's socket gets no other kind of event that could announce it again.
  const submissionEvents = [
    LIVE_EVENTS.ready,
    LIVE_EVENTS.submissionQueued,
    LIVE_EVENTS.submissionStarted,
    LIVE_EVENTS.submissionTest,
    LIVE_EVENTS.submissionCompleted,
    LIVE_EVENTS.progressUpdated,
    // Quests and gems (issue 17): allowed, but each reward announced once and exactly what the ledger paid.
    LIVE_EVENTS.motivationUpdated,
  ] as string[];
  expect(socket.events.filter((e) => !submissionEvents.includes(e.event))).toEqual([]);
  const motivation = socket.events.filter((e) => e.event === LIVE_EVENTS.motivationUpdated);
  const completedQuests = motivation.flatMap((e) => (e.payload.completedQuests as Array<{ key: string }>).map((x) => x.key));
  expect(new Set(completedQuests).size).toBe(completedQuests.length);
  const [{ gems }] = await q(`SELECT COALESCE(SUM(delta), 0)::int AS gems FROM gem_ledger WHERE user_id = $1`);
  expect(motivation.reduce((n, e) => n + (e.payload.gemsEarned as number), 0)).toBe(gems);

  // Leaderboards (Redis) agree with Postgres, globally and for the course, before and after a rebuild.
  const [{ total }] = await q(`SELECT COALESCE(SUM(xp), 0)::int AS total FROM xp_awards WHERE user_id = $1`);
  expect(total).toBe(awarded);
  for (const query of ['period=all', `period=all&course=${courses.body[0].slug}`]) {
    const board = await boardShowing(learner, query, total);
    expect(board.me).toMatchObject({ userId: learner.id, xp: total, rank: 1 });
    expect(board.entries).toEqual([expect.objectContaining({ userId: learner.id, xp: total, rank: 1 })]);
    expect(board.total).toBe(1);
  }
  const rebuilt = await request(api.url).post('/api/leaderboards/rebuild').set('Authorization', bearer(admin)).send({}).expect(200);
  expect(rebuilt.body.boards).toBeGreaterThan(0);
  for (const query of ['period=all', `period=all&course=${courses.body[0].slug}`]) {
    const board: Board = (await get(learner, `/api/leaderboards?${query}`).expect(200)).body;
    expect(board.me).toMatchObject({ userId: learner.id, xp: total, rank: 1 });
    expect(board.entries).toEqual([expect.objectContaining({ userId: learner.id, xp: total, rank: 1 })]);
    expect(board.total).toBe(1);
  }

  // Both worker processes survived the race (which one graded what is not observable from outside).
  for (const worker of workers) expect(worker.child.exitCode).toBeNull();
});
