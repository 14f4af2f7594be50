// GET /api/leaderboards on Redis (the test default) and on the no-Redis store, over the same database: ranks,
// ties, the caller's own rank, per-course and per-period boards, Redis equal to a Postgres rebuild, and the
// throttled `leaderboard.updated` push.
import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import request from 'supertest';
import type { Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { applyAwardToBoards, findAwardScope, leaderboardRowsFromPostgres, RedisBoardStore } from '@questline/data';
import type { AwardData } from '@questline/jobs';
import { leaderboardKey, rankEntries } from '@questline/gamification';
import { AppEvents } from '../../apps/api/src/common/app-events';
import { startApi, type TestApi } from '../fixtures/api';
import { bearer, registerUser, type TestUser } from '../fixtures/users';
import { connectLive, nextEvent } from './live';
import { seedCourse, type SeededCourse } from './seed';
import { LIVE_EVENTS, LIVE_REQUESTS } from '@questline/contracts';

const PREFIX = `{ql-gam-lb-${process.pid}-${randomUUID().slice(0, 8)}}`;
let api: TestApi;
/** The same database served without Redis (the local one-command start). */
let noRedis: TestApi;
let redis: Redis;
let ds: DataSource;
let js: SeededCourse;
let py: SeededCourse;
let learners: TestUser[];
const sockets: Socket[] = [];

// Awards are placed inside today's UTC day so the daily, weekly and all-time boards all hold them.
const today = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
const atSecond = (s: number) => new Date(today.getTime() + s * 1000);
const longAgo = new Date(today.getTime() - 30 * 86_400_000);

async function award(userId: string, exerciseId: string, courseId: string, xp: number, at: Date): Promise<void> {
  await ds.query(
    `INSERT INTO xp_awards (user_id, exercise_id, course_id, xp, base_xp, bonus_xp, hint_penalty, forfeited, awarded_at)
     VALUES ($1, $2, $3, $4, $4, 0, 0, false, $5)`,
    [userId, exerciseId, courseId, xp, at],
  );
}

beforeAll(async () => {
  api = await startApi({ env: { QUEUE_PREFIX: PREFIX } });
  noRedis = await startApi({ db: api.db, env: { QUEUE_PREFIX: PREFIX, REDIS_URL: undefined, QUEUE_BACKEND: 'postgres' } });
  redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  ds = api.app.get(DataSource);
  js = await seedCourse(ds, { chapters: [6], slug: `js-${process.pid}` });
  py = await seedCourse(ds, { chapters: [6], slug: `py-${process.pid}` });
  learners = [];
  for (let i = 0; i < 10; i += 1) learners.push(await registerUser(api, { displayName: `L${i}` }));
  // L0..L7 on js with 800, 700, ... 100 XP; L8 and L9 tie on 250 in py, L9 arrived first.
  for (let i = 0; i < 8; i += 1) await award(learners[i].id, js.chapters[0][0], js.id, 800 - i * 100, atSecond(10 + i));
  await award(learners[8].id, py.chapters[0][0], py.id, 250, atSecond(100));
  await award(learners[9].id, py.chapters[0][0], py.id, 250, atSecond(50));
  // Old XP: all-time only. A forfeited (0 XP) solve places nowhere.
  await award(learners[7].id, py.chapters[0][1], py.id, 1000, longAgo);
  await award(learners[6].id, py.chapters[0][2], py.id, 0, atSecond(5));
});

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  redis?.disconnect();
  await noRedis?.close();
  await api?.close();
});

/** Each api signs its own tokens: log in to the one asked. */
const tokens = new Map<string, string>();
async function tokenFor(target: TestApi, user: TestUser): Promise<string> {
  if (target === api) return user.accessToken;
  const key = `${target.url} ${user.id}`;
  if (!tokens.has(key)) {
    const res = await request(target.url).post('/api/auth/login').send({ email: user.email, password: user.password }).expect(200);
    tokens.set(key, res.body.accessToken);
  }
  return tokens.get(key) ?? '';
}

const board = async (target: TestApi, as: TestUser, query: Record<string, string | number>, status = 200) =>
  request(target.url)
    .get('/api/leaderboards')
    .query(query)
    .set('Authorization', `Bearer ${await tokenFor(target, as)}`)
    .expect(status);

const names = (entries: Array<{ displayName: string }>) => entries.map((e) => e.displayName);

describe.each([
  ['Redis', () => api],
  ['PostgreSQL only', () => noRedis],
])('GET /api/leaderboards (%s)', (_name, target) => {
  it('ranks today’s global board, ties going to whoever got there first', async () => {
    const res = await board(target(), learners[0], { period: 'daily' }, 200);
    expect(res.body.period).toBe('daily');
    expect(res.body.periodKey).toBe(today.toISOString().slice(0, 10));
    expect(names(res.body.entries)).toEqual(['L0', 'L1', 'L2', 'L3', 'L4', 'L5', 'L9', 'L8', 'L6', 'L7']);
    expect(res.body.total).toBe(10);
    expect(res.body.entries[0]).toEqual({
      rank: 1,
      userId: learners[0].id,
      displayName: 'L0',
      xp: 800,
      reachedAt: atSecond(10).toISOString(),
      isMe: true,
    });
    expect(res.body.me).toEqual(res.body.entries[0]);
  });

  it("includes the caller's own rank when outside the top", async () => {
    const res = await board(target(), learners[8], { period: 'weekly', limit: 3 }, 200);
    expect(names(res.body.entries)).toEqual(['L0', 'L1', 'L2']);
    expect(res.body.me).toMatchObject({ rank: 8, displayName: 'L8', xp: 250, isMe: true });
  });

  it('all-time counts older XP; per-course boards count only that course', async () => {
    const all = await board(target(), learners[7], { period: 'all', limit: 2 }, 200);
    expect(all.body.period).toBe('all-time');
    expect(all.body.entries.map((e: { displayName: string; xp: number }) => [e.displayName, e.xp])).toEqual([
      ['L7', 1100],
      ['L0', 800],
    ]);
    const course = await board(target(), learners[7], { period: 'daily', course: py.slug }, 200);
    expect(course.body.course).toEqual({ slug: py.slug, title: py.slug });
    expect(names(course.body.entries)).toEqual(['L9', 'L8']);
    expect(course.body.me).toBeNull();
    // A course by id works too.
    const byId = await board(target(), learners[7], { period: 'all-time', course: py.id }, 200);
    expect(names(byId.body.entries)).toEqual(['L7', 'L9', 'L8']);
  });

  it('refuses a bad period and an unknown course', async () => {
    await board(target(), learners[0], { period: 'monthly' }, 400);
    const res = await board(target(), learners[0], { period: 'daily', course: 'nope' }, 404);
    expect(res.body.code).toBe('NOT_FOUND');
    await request(target().url).get('/api/leaderboards?period=daily').expect(401);
  });
});

/** What the worker does once after an award committed (post-commit.ts): write the boards, and say which. */
async function publishAward(userId: string, exerciseId: string): Promise<AwardData> {
  const scope = await findAwardScope(ds.manager, userId, exerciseId);
  if (!scope) throw new Error('no award row');
  await applyAwardToBoards(new RedisBoardStore(redis, ds.manager, PREFIX), scope, userId);
  return { course: scope.course, awardedAt: scope.awardedAt.toISOString() };
}

describe('Redis boards and PostgreSQL', () => {
  it('keeps Redis equal to a rebuild from PostgreSQL as awards arrive, and rebuilds a lost board', async () => {
    const key = `${PREFIX}:${leaderboardKey({ period: 'weekly', at: new Date() })}`;
    await board(api, learners[0], { period: 'weekly' }, 200);
    // Two new awards, applied and published the way the pipeline does after commit.
    const events = api.app.get(AppEvents);
    await award(learners[9].id, js.chapters[0][1], js.id, 600, atSecond(200));
    await award(learners[5].id, js.chapters[0][1], js.id, 20, atSecond(201));
    await publishAward(learners[9].id, js.chapters[0][1]);
    const second = await publishAward(learners[5].id, js.chapters[0][1]);
    events.submissionCompleted.next({
      submissionId: randomUUID(),
      userId: learners[5].id,
      exerciseId: js.chapters[0][1],
      kind: 'submit',
      verdict: 'passed',
      outcome: {
        xpAwarded: 20,
        progress: { xp: 0, level: 1, levelTitle: 'Apprentice', leveledUp: false, streak: { current: 0, longest: 0, freezes: 0 } },
        achievements: [],
        leaderboardCourses: [js.slug],
      },
      award: second,
    });

    const fromPostgres = rankEntries(await leaderboardRowsFromPostgres(ds.manager, { period: 'weekly', courseId: null, at: new Date() }));
    const expected = fromPostgres.map((e) => [e.learnerId, String(e.score)]);
    await waitFor(async () => pairs(await redis.zrevrange(key, 0, -1, 'WITHSCORES')), expected);
    const res = await board(api, learners[9], { period: 'weekly', limit: 100 }, 200);
    expect(res.body.me).toMatchObject({ rank: 1, xp: 850 });
    expect(res.body.entries.map((e: { userId: string }) => e.userId)).toEqual(fromPostgres.map((e) => e.learnerId));

    // Redis lost the board (flushed, expired): the next read rebuilds it from PostgreSQL.
    await redis.del(key, `${key}:built`);
    const again = await board(api, learners[9], { period: 'weekly', limit: 100 }, 200);
    expect(again.body).toEqual(res.body);
    expect(pairs(await redis.zrevrange(key, 0, -1, 'WITHSCORES'))).toEqual(expected);
  });

  it('lets an admin rebuild every board from PostgreSQL, replacing drifted scores', async () => {
    const key = `${PREFIX}:${leaderboardKey({ period: 'all-time', at: new Date() })}`;
    await board(api, learners[0], { period: 'all' }, 200);
    await redis.zadd(key, '9', randomUUID());
    const admin = await registerUser(api);
    await request(api.url).post('/api/leaderboards/rebuild').set('Authorization', bearer(admin)).send({}).expect(403);
    await ds.query(`UPDATE users SET role = 'admin' WHERE id = $1`, [admin.id]);
    const res = await request(api.url).post('/api/leaderboards/rebuild').set('Authorization', bearer(admin)).send({}).expect(200);
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM courses`);
    // Three periods, for the global board and each course.
    expect(res.body.boards).toBe(3 * (n + 1));
    const fromPostgres = rankEntries(await leaderboardRowsFromPostgres(ds.manager, { period: 'all-time', courseId: null, at: new Date() }));
    expect(pairs(await redis.zrevrange(key, 0, -1, 'WITHSCORES'))).toEqual(fromPostgres.map((e) => [e.learnerId, String(e.score)]));
  });
});

describe(LIVE_EVENTS.leaderboardUpdated, () => {
  it('answers a subscription with the board and pushes changes to subscribers, throttled', async () => {
    const watcher = await connectLive(api, learners[1].accessToken);
    const bystander = await connectLive(api, learners[2].accessToken);
    sockets.push(watcher, bystander);
    const initial = await watcher.emitWithAck(LIVE_REQUESTS.leaderboardSubscribe, { period: 'daily', course: js.slug });
    expect(initial.course.slug).toBe(js.slug);
    expect(initial.me).toMatchObject({ displayName: 'L1' });
    // The bystander watches another board.
    await bystander.emitWithAck(LIVE_REQUESTS.leaderboardSubscribe, { period: 'daily', course: py.slug });
    const bystanderGot: unknown[] = [];
    bystander.on(LIVE_EVENTS.leaderboardUpdated, (b) => bystanderGot.push(b));
    const watcherGot: Array<{ entries: Array<{ displayName: string; xp: number }> }> = [];
    watcher.on(LIVE_EVENTS.leaderboardUpdated, (b) => watcherGot.push(b));

    const first = nextEvent<{ entries: Array<{ displayName: string; xp: number }> }>(watcher, LIVE_EVENTS.leaderboardUpdated, 4000);
    const events = api.app.get(AppEvents);
    for (const [i, xp] of [
      [3, 900],
      [4, 950],
    ] as const) {
      const exerciseId = js.chapters[0][2];
      await award(learners[i].id, exerciseId, js.id, xp, atSecond(300 + i));
      const awarded = await publishAward(learners[i].id, exerciseId);
      events.submissionCompleted.next({
        submissionId: randomUUID(),
        userId: learners[i].id,
        exerciseId,
        kind: 'submit',
        verdict: 'passed',
        outcome: {
          xpAwarded: xp,
          progress: { xp, level: 1, levelTitle: 'Apprentice', leveledUp: false, streak: { current: 1, longest: 1, freezes: 0 } },
          achievements: [],
          leaderboardCourses: [js.slug],
        },
        award: awarded,
      });
    }
    const pushed = await first;
    // Both awards in one push.
    expect(pushed.entries.slice(0, 2).map((e) => [e.displayName, e.xp])).toEqual([
      ['L3', 1400],
      ['L4', 1350],
    ]);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(watcherGot).toHaveLength(1);
    expect(bystanderGot).toEqual([]);
  });

  it('refuses a bad subscription', async () => {
    const socket = await connectLive(api, learners[0].accessToken);
    sockets.push(socket);
    const error = nextEvent<{ message: string }>(socket, 'exception');
    socket.emit(LIVE_REQUESTS.leaderboardSubscribe, { period: 'hourly' });
    expect((await error).message).toMatch(/period must be one of/);
  });
});

function pairs(flat: string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < flat.length; i += 2) out.push([flat[i], flat[i + 1]]);
  return out;
}

async function waitFor<T>(read: () => Promise<T>, expected: T, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (Date.now() < deadline) {
    last = await read();
    if (JSON.stringify(last) === JSON.stringify(expected)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(last).toEqual(expected);
}
