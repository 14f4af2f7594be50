// SubmissionsRepository and GradingExerciseRepository against a fresh PostgreSQL database: the guards the
// pipeline's exactly-once promise rests on (pending limit, idempotency key, claim, guarded complete), the
// reads (owned, paged, completed) and the sweep's statements.
import { DataSource } from 'typeorm';
import {
  buildDataSourceOptions,
  GradingExerciseRepository,
  runMigrationsLocked,
  SubmissionsRepository,
  type NewSubmission,
} from '@questline/data';
import type { GradeResult } from '@questline/sandbox';
import type { MotivationUpdatedEvent, SubmitOutcome } from '@questline/contracts';
import { completionResult } from '@questline/jobs';
import { createTestDatabase, type TestDatabase } from '../fixtures/database';
import { seedCourse, seedUser, type SeededCourse } from '../gamification/seed';

let db: TestDatabase;
let dataSource: DataSource;
let repo: SubmissionsRepository;
let course: SeededCourse;

const passed: GradeResult = { status: 'pass', verdict: 'passed', tests: [{ name: 't', status: 'pass', durationMs: 1 }], durationMs: 3 };

const learner = () => seedUser(dataSource);

const submission = (userId: string, overrides: Partial<NewSubmission> = {}): NewSubmission => ({
  userId,
  exerciseId: course.chapters[0][0],
  kind: 'run',
  code: 'export const x = 1;',
  courseVersion: '1.0.0',
  testsHash: 'th',
  idempotencyKey: null,
  ...overrides,
});

beforeAll(async () => {
  db = await createTestDatabase('ql_submissions_repo');
  dataSource = await new DataSource(buildDataSourceOptions({ databaseUrl: db.url })).initialize();
  await runMigrationsLocked(dataSource);
  repo = new SubmissionsRepository(dataSource);
  course = await seedCourse(dataSource, { chapters: [2] });
});

afterAll(async () => {
  await dataSource?.destroy();
  await db?.drop();
});

it('inserts under the pending limit and answers null over it; completed rows do not count', async () => {
  const userId = await learner();
  const first = await repo.insertUnderPendingLimit(submission(userId), 2);
  expect(await repo.insertUnderPendingLimit(submission(userId), 2)).toEqual(expect.any(String));
  expect(await repo.insertUnderPendingLimit(submission(userId), 2)).toBeNull();
  await repo.claim(first!);
  await dataSource.transaction((m) => repo.complete(m, first!, passed));
  expect(await repo.insertUnderPendingLimit(submission(userId), 2)).toEqual(expect.any(String));
});

it('keeps one row per idempotency key and finds it by key, for its owner only', async () => {
  const userId = await learner();
  const other = await learner();
  const id = await repo.insertUnderPendingLimit(submission(userId, { idempotencyKey: 'k1', kind: 'submit' }), 10);
  expect(await repo.insertUnderPendingLimit(submission(userId, { idempotencyKey: 'k1' }), 10)).toBeNull();
  expect(await repo.findByIdempotencyKey(userId, 'k1')).toMatchObject({
    id,
    kind: 'submit',
    status: 'queued',
    exerciseId: course.chapters[0][0],
  });
  expect(await repo.findByIdempotencyKey(other, 'k1')).toBeNull();
  // Another learner may use the same key.
  expect(await repo.insertUnderPendingLimit(submission(other, { idempotencyKey: 'k1' }), 10)).toEqual(expect.any(String));
});

it('claims with the code, completes once, and loads the completion for a replay', async () => {
  const userId = await learner();
  const id = (await repo.insertUnderPendingLimit(submission(userId, { kind: 'submit', code: 'CODE' }), 10))!;
  expect(await repo.loadCompleted(id)).toBeNull();

  const claimed = await repo.claim(id);
  expect(claimed).toMatchObject({
    id,
    userId,
    kind: 'submit',
    status: 'running',
    attempt: 1,
    code: 'CODE',
    testsHash: 'th',
    revealHiddenTestNames: false,
  });
  expect((await repo.claim(id))?.attempt).toBe(2); // a redelivery may claim a running row again

  const outcome: SubmitOutcome = {
    xpAwarded: 7,
    progress: { xp: 7, level: 1, levelTitle: 'Novice', leveledUp: false, streak: { current: 1, longest: 1, freezes: 0 } },
    achievements: [],
    leaderboardCourses: [],
  };
  // The quests and gems it moved: stored with the completion, so a replayed delivery announces them too.
  const motivation: MotivationUpdatedEvent = {
    quests: [],
    completedQuests: [{ key: 'solve-1', title: 'Solve one', rewardGems: 5 }],
    gemsEarned: 5,
    gems: 5,
  };
  const times = await dataSource.transaction(async (m) => {
    const stored = await repo.complete(m, id, passed);
    if (stored) await repo.storeOutcome(m, id, outcome, motivation);
    return stored;
  });
  expect(times?.completedAt.getTime()).toBeGreaterThanOrEqual(times!.createdAt.getTime());
  // The guard: a second completion (another delivery) stores nothing and says so.
  expect(await dataSource.transaction((m) => repo.complete(m, id, { ...passed, verdict: 'failed', status: 'fail' }))).toBeNull();
  expect(await repo.claim(id)).toBeNull();

  expect(await repo.loadCompleted(id)).toMatchObject({
    status: 'completed',
    verdict: 'passed',
    result: passed,
    outcome,
    xpAwarded: 7,
    motivation,
    completedAt: times!.completedAt,
  });
  // What a redelivered job (or the relay's reconciliation) sends: the same rewards, no boss bars.
  const replayed = completionResult((await repo.loadCompleted(id))!, false);
  expect(replayed.motivation).toEqual({ update: motivation, bosses: [] });
  expect(replayed.payload).toMatchObject({ submissionId: id, verdict: 'passed', xpAwarded: 7 });
});

it('serves a learner only their own submission, and pages their history newest first with a total', async () => {
  const userId = await learner();
  const other = await learner();
  const [a, b] = course.chapters[0];
  const ids: string[] = [];
  for (const exerciseId of [a, b, a]) ids.push((await repo.insertUnderPendingLimit(submission(userId, { exerciseId }), 10))!);

  expect(await repo.findOwned(userId, ids[0])).toMatchObject({ id: ids[0], code: 'export const x = 1;' });
  expect(await repo.findOwned(other, ids[0])).toBeNull();

  const all = await repo.page({ userId, page: 1, pageSize: 2, withExerciseTitle: true });
  expect(all.total).toBe(3);
  expect(all.items.map((s) => s.id)).toEqual([ids[2], ids[1]]);
  expect(all.items[0]).toMatchObject({ exerciseTitle: 'ex-0-0' });
  expect(all.items[0]).not.toHaveProperty('code');
  const second = await repo.page({ userId, page: 2, pageSize: 2 });
  expect(second.items.map((s) => s.id)).toEqual([ids[0]]);
  expect(second.items[0]).not.toHaveProperty('exerciseTitle');
  const one = await repo.page({ userId, exerciseId: a, page: 1, pageSize: 10 });
  expect({ total: one.total, ids: one.items.map((s) => s.id) }).toEqual({ total: 2, ids: [ids[2], ids[0]] });
  expect((await repo.page({ userId: other, page: 1, pageSize: 10 })).total).toBe(0);
});

it('sweeps: one locker at a time, stuck rows oldest first, exhausted rows completed as sandbox_error', async () => {
  const userId = await learner();
  const stuck = (await repo.insertUnderPendingLimit(submission(userId), 10))!;
  const exhausted = (await repo.insertUnderPendingLimit(submission(userId, { kind: 'submit' }), 10))!;
  const fresh = (await repo.insertUnderPendingLimit(submission(userId), 10))!;
  await dataSource.query(`UPDATE submissions SET created_at = now() - interval '1 hour' WHERE id = ANY($1)`, [[stuck, exhausted]]);
  await dataSource.query(`UPDATE submissions SET created_at = created_at - interval '1 minute' WHERE id = $1`, [stuck]);
  await dataSource.query(`UPDATE submissions SET attempt = 5 WHERE id = $1`, [exhausted]);

  const runner = dataSource.createQueryRunner();
  await runner.startTransaction();
  try {
    expect(await repo.tryLockSweep(runner.manager)).toBe(true);
    expect(await dataSource.transaction((m) => repo.tryLockSweep(m))).toBe(false);
    const found = await repo.findStuck(runner.manager, 30_000, 200);
    expect(found.indexOf(stuck)).toBeLessThan(found.indexOf(exhausted));
    expect(found).not.toContain(fresh);
    expect(await repo.giveUpExhausted(runner.manager, 5, 30_000)).toBeGreaterThanOrEqual(1);
    const afterGiveUp = await repo.findStuck(runner.manager, 30_000, 200);
    expect(afterGiveUp).toContain(stuck);
    expect(afterGiveUp).not.toContain(exhausted);
    await runner.commitTransaction();
  } finally {
    await runner.release();
  }
  expect(await repo.loadCompleted(exhausted)).toMatchObject({
    verdict: 'sandbox_error',
    xpAwarded: 0,
    result: { verdict: 'sandbox_error', tests: [] },
  });
  expect(await dataSource.transaction((m) => repo.tryLockSweep(m))).toBe(true);
});

it('GradingExerciseRepository: the exercise as graded, and the submission target facts', async () => {
  const exercises = new GradingExerciseRepository(dataSource);
  const [a, b] = course.chapters[0];
  await dataSource.query(
    `UPDATE exercises SET visible_tests = $2, hidden_tests = $3, limits = $4, reveal_hidden_test_names = true, support_files = $5 WHERE id = $1`,
    [
      a,
      JSON.stringify([{ fileName: 'v.test.js', code: 'V' }]),
      JSON.stringify([{ fileName: 'hidden/h.test.js', code: 'H' }]),
      JSON.stringify({ timeMs: 3000 }),
      JSON.stringify([{ fileName: 'lib.js', code: 'L' }]),
    ],
  );
  expect(await exercises.find(a)).toEqual({
    id: a,
    language: 'javascript',
    fileName: 'solution.js',
    visibleTests: [{ fileName: 'v.test.js', code: 'V', hidden: false }],
    hiddenTests: [{ fileName: 'hidden/h.test.js', code: 'H', hidden: true }],
    supportFiles: [{ fileName: 'lib.js', code: 'L' }],
    limits: { timeMs: 3000 },
    revealHiddenTestNames: true,
    testsHash: 'th',
  });
  expect(await exercises.find('00000000-0000-4000-8000-000000000000')).toBeNull();

  const userId = await learner();
  const facts = await exercises.findSubmissionTarget(userId, b);
  expect(facts).toMatchObject({ id: b, courseVersion: '1.0.0', testsHash: 'th', solved: false, solvedIds: [] });
  expect(facts?.exercises.map((e) => e.id)).toEqual([a, b]);
  expect(facts?.chapters).toHaveLength(1);
  await dataSource.query(`UPDATE exercises SET removed_at = now() WHERE id = $1`, [b]);
  expect(await exercises.findSubmissionTarget(userId, b)).toBeNull();
  await dataSource.query(`UPDATE exercises SET removed_at = NULL WHERE id = $1`, [b]);
});
