// Quests, gems and the shop, boss battles and weekly leagues on a real api and database. Submits are
// recorded the way the worker records them: recordSubmitOutcome then recordMotivation in one transaction.
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { recordMotivation, recordSubmitOutcome, settleEndedBosses } from '@questline/data';
import { GEMS_PER_ACHIEVEMENT, advanceQuest, questByKey, weekKey, type QuestSubmitFacts } from '@questline/gamification';
import { UserRole } from '@questline/data';
import { LIVE_EVENTS, type BossView, type LeagueView, type QuestView, type WalletView } from '@questline/contracts';
import { startApi, type TestApi } from '../fixtures/api';
import { bearer, createUserWithRole, registerUser, type TestUser } from '../fixtures/users';
import { connectLive, nextEvent } from './live';
import { seedCourse, type SeededCourse } from './seed';

let api: TestApi;
let db: DataSource;
let course: SeededCourse;
const sockets: Socket[] = [];

beforeAll(async () => {
  api = await startApi({ env: { QUEUE_PREFIX: `{ql-gam-motivation-${process.pid}}` } });
  db = api.app.get(DataSource);
  course = await seedCourse(db, { chapters: [4, 2], xp: 100 });
});

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await api?.close();
});

/** One graded Submit, recorded as the worker records it. */
function submit(userId: string, exerciseId: string, options: { passed?: boolean; at?: Date; submissionId?: string } = {}) {
  const input = {
    submissionId: options.submissionId ?? randomUUID(),
    userId,
    exerciseId,
    passed: options.passed ?? true,
    at: options.at ?? new Date(),
  };
  return db.transaction(async (manager) => {
    const outcome = await recordSubmitOutcome(manager, input);
    const motivation = await recordMotivation(manager, input);
    return { outcome, motivation };
  });
}

const get = <T>(user: TestUser, path: string) =>
  request(api.url)
    .get(path)
    .set('Authorization', bearer(user))
    .expect(200)
    .then((res) => res.body as T);

const gemsOf = async (userId: string) =>
  ((await db.query(`SELECT coalesce(sum(delta), 0)::int AS g FROM gem_ledger WHERE user_id = $1`, [userId])) as Array<{ g: number }>)[0].g;

describe('quests', () => {
  it('needs a token', async () => {
    await request(api.url).get('/api/me/quests').expect(401);
  });

  it('gives three daily quests and one weekly quest, the same on every look, resetting at local midnight', async () => {
    const learner = await registerUser(api, { timezone: 'Asia/Tokyo' });
    const quests = await get<QuestView[]>(learner, '/api/me/quests');
    expect(quests.filter((q) => q.period === 'daily')).toHaveLength(3);
    expect(quests.filter((q) => q.period === 'weekly')).toHaveLength(1);
    expect(quests.every((q) => q.progress === 0 && !q.completed && q.rewardGems > 0)).toBe(true);
    expect(await get<QuestView[]>(learner, '/api/me/quests')).toEqual(quests);
    // Tokyo has no DST: its midnight is 15:00 UTC.
    const daily = quests.find((q) => q.period === 'daily')!;
    expect(new Date(daily.resetsAt).getUTCHours()).toBe(15);
    expect(new Date(daily.resetsAt).getTime()).toBeGreaterThan(Date.now());
  });

  it('moves every quest by what a Submit did, pays each completed quest and each new achievement once', async () => {
    const learner = await registerUser(api);
    const quests = await get<QuestView[]>(learner, '/api/me/quests');
    const { motivation } = await submit(learner.id, course.chapters[0][0]);

    // What the rules say this first-try, hint-free, first-of-the-day, first-in-chapter solve of 120 XP does.
    const facts: QuestSubmitFacts = {
      newSolve: true,
      firstTry: true,
      hintsRevealed: 0,
      streakExtended: true,
      firstSolveInChapter: true,
      language: 'javascript',
      xpAwarded: 120,
    };
    const expected = quests.map((q) => advanceQuest(questByKey(q.key)!, { key: q.key, progress: 0, completed: false }, facts).next);
    const after = await get<QuestView[]>(learner, '/api/me/quests');
    expect(after.map((q) => ({ key: q.key, progress: q.progress, completed: q.completed }))).toEqual(
      expected.map((e) => ({ key: e.key, progress: e.progress, completed: e.completed })),
    );
    const questGems = after.filter((q) => q.completed).reduce((sum, q) => sum + q.rewardGems, 0);
    // first-solve and first-try-1 unlock on this Submit.
    const achievementGems = 2 * GEMS_PER_ACHIEVEMENT;
    expect(await gemsOf(learner.id)).toBe(questGems + achievementGems);
    expect(motivation.update).toMatchObject({ gemsEarned: questGems + achievementGems, gems: questGems + achievementGems });
    expect(motivation.update!.completedQuests.map((q) => q.key).sort()).toEqual(
      after
        .filter((q) => q.completed)
        .map((q) => q.key)
        .sort(),
    );

    const wallet = await get<WalletView>(learner, '/api/me/wallet');
    expect(wallet.gems).toBe(questGems + achievementGems);
    expect(wallet.recent.length).toBeGreaterThanOrEqual(2);
  });

  it('applies a Submit delivered twice, or concurrently by two workers, once', async () => {
    const learner = await registerUser(api);
    await get<QuestView[]>(learner, '/api/me/quests');
    const submissionId = randomUUID();
    const at = new Date();
    const once = async () =>
      db.transaction(async (manager) => {
        const input = { submissionId, userId: learner.id, exerciseId: course.chapters[0][1], passed: true, at };
        await recordSubmitOutcome(manager, input);
        return recordMotivation(manager, input);
      });
    const results = await Promise.allSettled([once(), once()]);
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    const gems = await gemsOf(learner.id);
    expect(gems).toBeGreaterThan(0);
    const replay = await once();
    expect(replay.update).toBeNull();
    expect(await gemsOf(learner.id)).toBe(gems);
    const rows: Array<{ n: number }> = await db.query(`SELECT count(*)::int AS n FROM gem_ledger WHERE user_id = $1 AND reason = 'quest'`, [
      learner.id,
    ]);
    const quests = await get<QuestView[]>(learner, '/api/me/quests');
    expect(rows[0].n).toBe(quests.filter((q) => q.completed).length);
  });
});

describe('shop', () => {
  it('sells an item once per idempotency key and refuses what the learner cannot buy', async () => {
    const learner = await registerUser(api);
    const buy = (item: string, idempotencyKey: string) =>
      request(api.url).post('/api/me/shop/purchases').set('Authorization', bearer(learner)).send({ item, idempotencyKey });

    expect((await buy('spree-armor', 'key-00000001')).status).toBe(409);
    await db.query(`INSERT INTO gem_ledger (user_id, delta, reason, ref, note) VALUES ($1, 100, 'boss', 'test-grant', 'test')`, [
      learner.id,
    ]);
    const first = await buy('spree-armor', 'key-00000002').expect(201);
    expect((first.body as WalletView).gems).toBe(70);
    expect((first.body as WalletView).items.find((i) => i.key === 'spree-armor')!.held).toBe(1);
    // The same key again (a double click): nothing charged twice.
    const again = await Promise.all([buy('spree-armor', 'key-00000002'), buy('spree-armor', 'key-00000002')]);
    expect(again.map((r) => r.status)).toEqual([201, 201]);
    expect((await get<WalletView>(learner, '/api/me/wallet')).gems).toBe(70);

    expect((await buy('free-xp', 'key-00000003')).status).toBe(400);
    const bad = await buy('spree-armor', 'no spaces allowed');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/idempotencyKey/);

    // A streak freeze is the streak's own counter, capped by the streak rules (2).
    await db.query(`INSERT INTO gem_ledger (user_id, delta, reason, ref, note) VALUES ($1, 500, 'boss', 'test-grant-2', 'test')`, [
      learner.id,
    ]);
    await buy('streak-freeze', 'key-freeze-1').expect(201);
    await buy('streak-freeze', 'key-freeze-2').expect(201);
    const third = await buy('streak-freeze', 'key-freeze-3');
    expect(third.status).toBe(409);
    const [progress]: Array<{ streak_freezes: number }> = await db.query(`SELECT streak_freezes FROM learner_progress WHERE user_id = $1`, [
      learner.id,
    ]);
    expect(progress.streak_freezes).toBe(2);
  });
});

describe('shop items at work', () => {
  const grant = (userId: string, gems: number) =>
    db.query(`INSERT INTO gem_ledger (user_id, delta, reason, ref, note) VALUES ($1, $2, 'boss', $3, 'test')`, [
      userId,
      gems,
      randomUUID(),
    ]);

  it('armor keeps the accuracy spree through one failed Submit, then is used up', async () => {
    const learner = await registerUser(api);
    await grant(learner.id, 100);
    const [a, b, c] = course.chapters[0];
    await submit(learner.id, a);
    await submit(learner.id, b);
    await request(api.url)
      .post('/api/me/shop/purchases')
      .set('Authorization', bearer(learner))
      .send({ item: 'spree-armor', idempotencyKey: 'armor-001' })
      .expect(201);
    const spree = async () =>
      (
        (await db.query(`SELECT spree_current FROM learner_progress WHERE user_id = $1`, [learner.id])) as Array<{ spree_current: number }>
      )[0].spree_current;
    expect(await spree()).toBe(2);
    await submit(learner.id, c, { passed: false });
    expect(await spree()).toBe(2);
    expect((await get<WalletView>(learner, '/api/me/wallet')).items.find((i) => i.key === 'spree-armor')!.held).toBe(0);
    await submit(learner.id, c, { passed: false });
    expect(await spree()).toBe(0);
  });

  it('a hint discount halves the next hint, and the XP a solve loses for it', async () => {
    const learner = await registerUser(api);
    await grant(learner.id, 100);
    const [, , , d] = course.chapters[0];
    await request(api.url)
      .post('/api/me/shop/purchases')
      .set('Authorization', bearer(learner))
      .send({ item: 'hint-discount', idempotencyKey: 'hint-001' })
      .expect(201);
    // 15 % of 100 XP is 15; the discounted first hint costs 7, the second one full price.
    const first = await request(api.url).post(`/api/exercises/${d}/hints`).set('Authorization', bearer(learner)).expect(201);
    expect(first.body.cost).toBe(7);
    const second = await request(api.url).post(`/api/exercises/${d}/hints`).set('Authorization', bearer(learner)).expect(201);
    expect(second.body.cost).toBe(15);
    expect((await get<WalletView>(learner, '/api/me/wallet')).items.find((i) => i.key === 'hint-discount')!.held).toBe(0);
    const { outcome } = await submit(learner.id, d);
    // 100 + 20 first-try bonus − (7 + 15).
    expect(outcome.xpAwarded).toBe(98);
  });
});

describe('boss battles', () => {
  it('only an admin starts one; XP earned during it damages it; everyone sees the bar move live', async () => {
    const learner = await registerUser(api);
    const watcher = await registerUser(api);
    const admin = await createUserWithRole(api, UserRole.Admin);
    const body = {
      title: 'The Off-by-One Ogre',
      health: 1000,
      startsAt: new Date(Date.now() - 1000).toISOString(),
      endsAt: new Date(Date.now() + 3_600_000).toISOString(),
    };
    await request(api.url).post('/api/admin/boss').set('Authorization', bearer(learner)).send(body).expect(403);
    await request(api.url)
      .post('/api/admin/boss')
      .set('Authorization', bearer(admin))
      .send({ ...body, health: 0 })
      .expect(400);
    const socket = await connectLive(api, watcher.accessToken);
    sockets.push(socket);
    const created = nextEvent<BossView>(socket, LIVE_EVENTS.bossUpdated);
    const boss = (await request(api.url).post('/api/admin/boss').set('Authorization', bearer(admin)).send(body).expect(201))
      .body as BossView;
    expect((await created).id).toBe(boss.id);

    const { motivation } = await submit(learner.id, course.chapters[0][2]);
    expect(motivation.bosses).toEqual([expect.objectContaining({ id: boss.id, damage: 120, remaining: 880, phase: 'active' })]);
    const seen = await get<BossView>(learner, '/api/boss');
    expect(seen).toMatchObject({ id: boss.id, damage: 120, yourDamage: 120, yourTier: 'fighter' });
    expect((await get<BossView>(watcher, '/api/boss')).yourDamage).toBe(0);
  });

  it('pays each contributor once when it ends, whoever settles it and however often', async () => {
    const a = await registerUser(api);
    const b = await registerUser(api);
    const [event]: Array<{ id: string }> = await db.query(
      `INSERT INTO boss_events (title, health, starts_at, ends_at) VALUES ('Ended', 100, now() - interval '2 hours', now() - interval '1 hour') RETURNING id`,
    );
    await db.query(`INSERT INTO boss_damage (event_id, user_id, damage) VALUES ($1, $2, 150), ($1, $3, 5)`, [event.id, a.id, b.id]);
    const settle = () => db.transaction((manager) => settleEndedBosses(manager, new Date()));
    await Promise.all([settle(), settle(), settle()]);
    await settle();
    const rows: Array<{ user_id: string; delta: number }> = await db.query(
      `SELECT user_id, delta FROM gem_ledger WHERE reason = 'boss' AND ref = $1`,
      [event.id],
    );
    // Defeated (150 ≥ 100): fighter 20 + 10 bonus, participant 5 + 10 bonus.
    expect(rows.map((r) => [r.user_id, r.delta]).sort()).toEqual(
      [
        [a.id, 30],
        [b.id, 15],
      ].sort(),
    );
  });
});

describe('weekly leagues', () => {
  it('puts a learner in a league on their first XP of the week and ranks it by weekly XP', async () => {
    const early = await registerUser(api, { displayName: 'League Early' });
    expect((await get<LeagueView>(early, '/api/me/league')).standings).toBeNull();
    await submit(early.id, course.chapters[1][0]);
    const view = await get<LeagueView>(early, '/api/me/league');
    expect(view.tier).toBe('bronze');
    expect(view.week).toBe(weekKey(new Date()));
    expect(view.standings!.find((s) => s.isYou)).toMatchObject({ displayName: 'League Early', weeklyXp: 120 });
    expect(new Date(view.endsAt).getUTCDay()).toBe(1);
  });

  it("settles last week's league once: the top promote to the next tier", async () => {
    const learner = await registerUser(api);
    const lastWeek = new Date(Date.now() - 7 * 86_400_000);
    await submit(learner.id, course.chapters[1][1], { at: lastWeek });
    const view = await get<LeagueView>(learner, '/api/me/league');
    expect(view.lastWeek).toMatchObject({ week: weekKey(lastWeek), tier: 'bronze', zone: 'promotion', nextTier: 'silver' });
    expect(view.tier).toBe('silver');
    await submit(learner.id, course.chapters[0][3]);
    expect((await get<LeagueView>(learner, '/api/me/league')).standings!.find((s) => s.isYou)!.weeklyXp).toBeGreaterThan(0);
    const [member]: Array<{ tier: string }> = await db.query(`SELECT tier FROM league_members WHERE user_id = $1 AND week = $2`, [
      learner.id,
      weekKey(new Date()),
    ]);
    expect(member.tier).toBe('silver');
  });
});
