// recordSubmitOutcome against real Postgres: XP, achievements and the solve counted exactly once under
// concurrency, whichever connection (worker) records them, and the rules' inputs loaded correctly.
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions, recordSubmitOutcome, runMigrationsLocked, type SubmitOutcomeInput } from '@questline/data';
import type { SubmitOutcome } from '@questline/contracts';
import { createTestDatabase, type TestDatabase } from '../fixtures/database';
import { seedCourse, seedUser, type SeededCourse } from './seed';

let db: TestDatabase;
// Two data sources stand for two worker processes, each with its own connection pool.
let workerA: DataSource;
let workerB: DataSource;
let course: SeededCourse;

beforeAll(async () => {
  db = await createTestDatabase();
  workerA = new DataSource(buildDataSourceOptions({ databaseUrl: db.url }, { poolSize: 16 }));
  workerB = new DataSource(buildDataSourceOptions({ databaseUrl: db.url }, { poolSize: 16 }));
  await workerA.initialize();
  await workerB.initialize();
  await runMigrationsLocked(workerA);
  course = await seedCourse(workerA, { chapters: [2, 1], xp: 100 });
});

afterAll(async () => {
  await workerA?.destroy();
  await workerB?.destroy();
  await db?.drop();
});

function submit(
  worker: DataSource,
  input: Partial<SubmitOutcomeInput> & Pick<SubmitOutcomeInput, 'userId' | 'exerciseId'>,
): Promise<SubmitOutcome> {
  return worker.transaction((manager) =>
    recordSubmitOutcome(manager, { submissionId: randomUUID(), passed: true, at: new Date('2026-03-10T12:00:00Z'), ...input }),
  );
}

async function count(sql: string, params: unknown[]): Promise<number> {
  const [row]: Array<{ n: number }> = await workerA.query(`SELECT count(*)::int AS n FROM (${sql}) q`, params);
  return row.n;
}

describe('recordSubmitOutcome', () => {
  it('counts 50 concurrent passing Submits of one exercise, from two workers, exactly once', async () => {
    const userId = await seedUser(workerA);
    const exerciseId = course.chapters[0][0];
    // A failing Submit elsewhere first, so the learner's progress row exists and the racers do not simply queue
    // behind the one that creates it: only the row lock keeps them apart.
    await submit(workerA, { userId, exerciseId: course.chapters[1][0], passed: false });
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, (_, i) => submit(i % 2 === 0 ? workerA : workerB, { userId, exerciseId })),
    );

    const rewarded = outcomes.filter((o) => o.xpAwarded > 0);
    expect(rewarded).toHaveLength(1);
    // The first Submit recorded is the first try: 100 + 20% bonus.
    expect(rewarded[0].xpAwarded).toBe(120);
    expect(rewarded[0].xpBreakdown).toEqual({ base: 100, bonus: 20, hintPenalty: 0, total: 120, forfeited: false });
    expect(outcomes.filter((o) => o.xpAwarded === 0).every((o) => o.xpBreakdown === null)).toBe(true);
    expect(rewarded[0].leaderboardCourses).toEqual([course.slug]);
    expect(outcomes.flatMap((o) => o.achievements.map((a) => a.id)).filter((id) => id === 'first-solve')).toHaveLength(1);
    expect(outcomes.map((o) => o.progress.xp)).toEqual(Array(50).fill(120));

    expect(await count(`SELECT 1 FROM xp_awards WHERE user_id = $1`, [userId])).toBe(1);
    expect(await count(`SELECT 1 FROM exercise_completions WHERE user_id = $1`, [userId])).toBe(1);
    expect(await count(`SELECT 1 FROM learner_achievements WHERE user_id = $1 AND achievement_id = 'first-solve'`, [userId])).toBe(1);
    expect(await count(`SELECT 1 FROM graded_submits WHERE user_id = $1`, [userId])).toBe(51);
    const [progress] = await workerA.query(
      `SELECT xp, solved_count, first_try_solves, spree_current, streak_current FROM learner_progress WHERE user_id = $1`,
      [userId],
    );
    expect(progress).toEqual({ xp: 120, solved_count: 1, first_try_solves: 1, spree_current: 1, streak_current: 1 });
  });

  it('records the same submission delivered to two workers once and answers both the same', async () => {
    const userId = await seedUser(workerA);
    const exerciseId = course.chapters[0][0];
    const submissionId = randomUUID();
    const [a, b] = await Promise.all([
      submit(workerA, { userId, exerciseId, submissionId }),
      submit(workerB, { userId, exerciseId, submissionId }),
    ]);
    expect(a).toEqual(expect.objectContaining({ xpAwarded: 120 }));
    expect(b.xpAwarded).toBe(120);
    expect(b.achievements.map((x) => x.id)).toEqual(a.achievements.map((x) => x.id));
    // Only the first recording changes boards.
    expect([a.leaderboardCourses, b.leaderboardCourses].sort()).toEqual([[], [course.slug]]);
    expect(await count(`SELECT 1 FROM graded_submits WHERE submission_id = $1`, [submissionId])).toBe(1);
    const [progress] = await workerA.query(`SELECT xp, solved_count, spree_current FROM learner_progress WHERE user_id = $1`, [userId]);
    expect(progress).toEqual({ xp: 120, solved_count: 1, spree_current: 1 });
  });

  it('gives no first-try bonus after a failing Submit, and a failing Submit breaks the spree', async () => {
    const userId = await seedUser(workerA);
    const [first, second] = course.chapters[0];
    await submit(workerA, { userId, exerciseId: first });
    const failed = await submit(workerA, { userId, exerciseId: second, passed: false });
    expect(failed.xpAwarded).toBe(0);
    const passed = await submit(workerA, { userId, exerciseId: second });
    expect(passed.xpAwarded).toBe(100);
    // Both exercises of chapter 0 are solved now.
    expect(passed.achievements.map((a) => a.id)).toContain('chapter-complete');
    expect(passed.achievements.map((a) => a.id)).not.toContain('course-complete');
    const [progress] = await workerA.query(`SELECT xp, spree_current, spree_best FROM learner_progress WHERE user_id = $1`, [userId]);
    expect(progress).toEqual({ xp: 220, spree_current: 1, spree_best: 1 });
    const finished = await submit(workerA, { userId, exerciseId: course.chapters[1][0] });
    expect(finished.achievements.map((a) => a.id)).toContain('course-complete');
  });

  it('charges hints revealed before the solve and forfeits XP when the solution was revealed', async () => {
    const userId = await seedUser(workerA);
    const [hinted, revealed] = course.chapters[0];
    await workerA.query(`INSERT INTO hint_reveals (user_id, exercise_id, hint_index, cost) VALUES ($1, $2, 0, 15), ($1, $2, 1, 15)`, [
      userId,
      hinted,
    ]);
    await workerA.query(`INSERT INTO solution_reveals (user_id, exercise_id, forfeited_xp) VALUES ($1, $2, 100)`, [userId, revealed]);
    // First try (+20) minus two hints (-30).
    expect((await submit(workerA, { userId, exerciseId: hinted })).xpAwarded).toBe(90);
    const forfeited = await submit(workerA, { userId, exerciseId: revealed });
    expect(forfeited.xpAwarded).toBe(0);
    expect(forfeited.leaderboardCourses).toEqual([]);
    const awards = await workerA.query(`SELECT exercise_id, xp, forfeited FROM xp_awards WHERE user_id = $1 ORDER BY xp`, [userId]);
    expect(awards).toEqual([
      { exercise_id: revealed, xp: 0, forfeited: true },
      { exercise_id: hinted, xp: 90, forfeited: false },
    ]);
    const [progress] = await workerA.query(
      `SELECT solved_count, hint_free_solves, first_try_solves FROM learner_progress WHERE user_id = $1`,
      [userId],
    );
    expect(progress).toEqual({ solved_count: 2, hint_free_solves: 0, first_try_solves: 1 });
  });

  it('counts the streak on the learner’s own calendar day', async () => {
    const userId = await seedUser(workerA, { timezone: 'America/Los_Angeles' });
    const [a, b] = course.chapters[0];
    // 2026-03-10 23:00 and 2026-03-11 06:30 UTC are both 2026-03-10 in Los Angeles (PDT, UTC-7).
    await submit(workerA, { userId, exerciseId: a, at: new Date('2026-03-10T23:00:00Z') });
    const later = await submit(workerA, { userId, exerciseId: b, at: new Date('2026-03-11T06:30:00Z') });
    expect(later.progress.streak).toEqual({ current: 1, longest: 1, freezes: 0 });
    const [row] = await workerA.query(`SELECT streak_last_day::text AS day FROM learner_progress WHERE user_id = $1`, [userId]);
    expect(row.day).toBe('2026-03-10');
    // The next local day extends it.
    const next = await submit(workerA, { userId, exerciseId: course.chapters[1][0], at: new Date('2026-03-11T20:00:00Z') });
    expect(next.progress.streak.current).toBe(2);
  });

  it('refuses to run outside a transaction', async () => {
    const userId = await seedUser(workerA);
    await expect(
      recordSubmitOutcome(workerA.manager, {
        submissionId: randomUUID(),
        userId,
        exerciseId: course.chapters[0][0],
        passed: true,
        at: new Date(),
      }),
    ).rejects.toThrow(/inside the transaction/);
    expect(await count(`SELECT 1 FROM learner_progress WHERE user_id = $1`, [userId])).toBe(0);
  });
});
