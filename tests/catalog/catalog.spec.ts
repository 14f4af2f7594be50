import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { loadBuiltInPacks } from '@questline/data';
import { hintCost, resolveXpRules } from '@questline/gamification';
import { CatalogService } from '../../apps/api/src/catalog';
import { DomainError } from '../../apps/api/src/common/errors/domain-error';
import { startApi, type TestApi } from '../fixtures/api';
import { bearer, registerUser, type TestUser } from '../fixtures/users';
import { writePack } from '../packs/pack-fixture';
import { getGradableExercise } from './gradable-exercise';

// Built-in packs for this file only: a good pack with prerequisites and a broken one.
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ql-builtin-'));
writePack(
  {
    slug: 'demo',
    xp: { hintCostPercent: 20 },
    chapters: [
      {
        slug: 'basics',
        exercises: [
          { slug: 'hello', xp: 10, hints: ['h1', 'h2'] },
          { slug: 'sum', requires: { exercises: ['hello'] } },
        ],
      },
      {
        slug: 'loops',
        requires: { chapters: ['basics'] },
        exercises: [{ slug: 'fizz', kind: 'refactor', support: { 'fizz-words.js': "export const words = ['Fizz', 'Buzz'];\n" } }],
      },
    ],
  },
  path.join(root, 'demo'),
);
fs.mkdirSync(path.join(root, 'broken'));
fs.writeFileSync(path.join(root, 'broken', 'pack.yaml'), 'slug: broken\ntitle: [unclosed\n');

let api: TestApi;
let learner: TestUser;
const log = { info: () => undefined, warn: () => undefined };

beforeAll(async () => {
  process.env.EXERCISES_DIR = root;
  api = await startApi();
  learner = await registerUser(api);
});
afterAll(async () => {
  await api?.close();
  fs.rmSync(root, { recursive: true, force: true });
});

const get = (url: string, user: TestUser = learner) => request(api.url).get(url).set('Authorization', bearer(user));
const post = (url: string, user: TestUser = learner) => request(api.url).post(url).set('Authorization', bearer(user));

async function course(user: TestUser = learner) {
  const res = await get('/api/courses/demo', user).expect(200);
  const exercises: Array<{ id: string; slug: string; status: string }> = res.body.chapters.flatMap(
    (c: { exercises: unknown[] }) => c.exercises,
  );
  const id = (slug: string) => exercises.find((e) => e.slug === slug)?.id ?? '';
  return { body: res.body, exercises, id };
}

async function complete(user: TestUser, exerciseId: string) {
  const userId = user.id;
  await api.app
    .get(DataSource)
    .query(
      `INSERT INTO exercise_completions (user_id, exercise_id, tests_hash, course_version) SELECT $1, id, tests_hash, '1.0.0' FROM exercises WHERE id = $2`,
      [userId, exerciseId],
    );
  return userId;
}

describe('built-in packs and the catalog', () => {
  it('loads good built-in packs at boot and skips a broken one', async () => {
    const res = await get('/api/courses').expect(200);
    expect(res.body).toEqual([
      { slug: 'demo', title: 'Demo', description: 'The demo pack', version: '1.0.0', exerciseCount: 3, solvedCount: 0 },
    ]);
  });

  it('re-loading unchanged packs writes nothing', async () => {
    const outcomes = await loadBuiltInPacks(api.app.get(DataSource), root, log);
    expect(outcomes.find((o) => o.dir.endsWith('demo'))?.result?.status).toBe('unchanged');
    expect(outcomes.find((o) => o.dir.endsWith('broken'))?.skipped).toMatch(/problem/);
  });

  it('lists the gentlest course first, whatever its title', async () => {
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'ql-order-'));
    writePack(
      { slug: 'aa-advanced', title: 'Advanced Topics', chapters: [{ slug: 'one', exercises: [{ slug: 'deep', difficulty: 4 }] }] },
      path.join(other, 'aa-advanced'),
    );
    writePack(
      { slug: 'zz-warmup', title: 'Zero to One', chapters: [{ slug: 'one', exercises: [{ slug: 'hi', difficulty: 1 }] }] },
      path.join(other, 'zz-warmup'),
    );
    await loadBuiltInPacks(api.app.get(DataSource), other, log);
    const slugs: string[] = (await get('/api/courses').expect(200)).body.map((c: { slug: string }) => c.slug);
    expect(slugs.indexOf('zz-warmup')).toBeGreaterThanOrEqual(0);
    expect(slugs.indexOf('zz-warmup')).toBeLessThan(slugs.indexOf('aa-advanced'));
    fs.rmSync(other, { recursive: true, force: true });
  });

  it('two processes loading at once create the course once', async () => {
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'ql-race-'));
    writePack({ slug: 'race', chapters: [{ slug: 'one', exercises: [{ slug: 'alpha' }] }] }, path.join(other, 'race'));
    const ds = api.app.get(DataSource);
    const [a, b] = await Promise.all([loadBuiltInPacks(ds, other, log), loadBuiltInPacks(ds, other, log)]);
    expect([a[0].result?.status, b[0].result?.status].sort()).toEqual(['created', 'unchanged']);
    const [{ count }] = await ds.query(`SELECT count(*)::int AS count FROM courses WHERE slug = 'race'`);
    expect(count).toBe(1);
    fs.rmSync(other, { recursive: true, force: true });
  });

  it('shows chapters and exercises in order with locked/available status', async () => {
    const { body } = await course();
    expect(body).toMatchObject({ slug: 'demo', version: '1.0.0', exerciseCount: 3, solvedCount: 0 });
    expect(body.chapters.map((c: { slug: string; status: string }) => [c.slug, c.status])).toEqual([
      ['basics', 'available'],
      ['loops', 'locked'],
    ]);
    expect(body.chapters[0].exercises.map((e: { slug: string; status: string }) => [e.slug, e.status])).toEqual([
      ['hello', 'available'],
      ['sum', 'locked'],
    ]);
    expect(body.chapters[0].exercises[0]).toEqual({
      id: expect.any(String),
      slug: 'hello',
      title: 'Hello',
      difficulty: 1,
      xp: 10,
      status: 'available',
    });
    // Locked chapters and exercises say what unlocks them.
    expect(body.chapters[1].lockedBy).toEqual(['chapter "Basics"']);
    expect(body.chapters[0].exercises[1].lockedBy).toEqual(['"Hello"']);
    expect(body.chapters[0]).not.toHaveProperty('lockedBy');
  });

  it('404s an unknown course with a message', async () => {
    const res = await get('/api/courses/nope').expect(404);
    expect(res.body.message).toMatch(/nope/);
  });

  it('requires a token', async () => {
    await request(api.url).get('/api/courses').expect(401);
  });
});

describe('GET /api/exercises/:id', () => {
  it('returns what a learner needs and never hidden tests, the solution or wrong/ files', async () => {
    const { id } = await course();
    for (const slug of ['hello', 'sum', 'fizz']) {
      const res = await get(`/api/exercises/${id(slug)}`).expect(200);
      const text = JSON.stringify(res.body);
      expect(text).not.toMatch(/SECRET/);
      expect(text).not.toMatch(/hidden: answer is a number/);
      expect(res.body.visibleTests).toEqual([{ fileName: `${slug}.test.js`, code: expect.stringContaining(`from './${slug}'`) }]);
    }
    const hello = (await get(`/api/exercises/${id('hello')}`).expect(200)).body;
    expect(hello).toMatchObject({
      slug: 'hello',
      language: 'javascript',
      fileName: 'hello.js',
      starterCode: expect.stringContaining('not yet'),
      instructions: expect.stringContaining('# Hello'),
      hintCount: 2,
      revealedHints: [],
      nextHintCost: 2,
      solutionCost: 10,
      solutionRevealed: false,
      solved: false,
      solvedAgainstOlderVersion: false,
      course: { slug: 'demo', title: 'Demo' },
      chapter: { slug: 'basics', title: 'Basics' },
      previousId: null,
      nextId: id('sum'),
    });
    expect(hello).toMatchObject({ kind: 'implement', supportFiles: [] });
    // A refactoring exercise with a support file: both reach the learner (the file read-only, to show).
    expect((await get(`/api/exercises/${id('fizz')}`).expect(200)).body).toMatchObject({
      previousId: id('sum'),
      nextId: null,
      kind: 'refactor',
      supportFiles: [{ fileName: 'fizz-words.js', code: "export const words = ['Fizz', 'Buzz'];\n" }],
    });
  });

  it('400s a malformed id and 404s an unknown one', async () => {
    await get('/api/exercises/not-a-uuid').expect(400);
    await get('/api/exercises/00000000-0000-4000-8000-000000000000').expect(404);
  });

  it('a locked exercise says what to solve first and which exercise to open', async () => {
    const { id } = await course();
    const sum = (await get(`/api/exercises/${id('sum')}`).expect(200)).body;
    expect(sum).toMatchObject({ status: 'locked', locked: { requires: ['"Hello"'], unlockAt: { id: id('hello'), title: 'Hello' } } });
    const fizz = (await get(`/api/exercises/${id('fizz')}`).expect(200)).body;
    expect(fizz.locked).toEqual({ requires: ['chapter "Basics"'], unlockAt: { id: id('hello'), title: 'Hello' } });
    expect((await get(`/api/exercises/${id('hello')}`).expect(200)).body).not.toHaveProperty('locked');
  });
});

describe('prerequisites and getGradableExercise', () => {
  it('refuses a locked exercise with what to solve first, then unlocks it', async () => {
    const user = await registerUser(api);
    const { id } = await course(user);
    const catalog = api.app.get(CatalogService);
    const userId = user.id;

    const locked = await getGradableExercise(catalog, userId, id('sum')).catch((e: unknown) => e);
    expect(locked).toBeInstanceOf(DomainError);
    expect((locked as DomainError).message).toBe('Exercise is locked: solve "Hello" first');
    await expect(getGradableExercise(catalog, userId, id('fizz'))).rejects.toThrow(/chapter "Basics"/);

    const hello = await getGradableExercise(catalog, userId, id('hello'));
    expect(hello.hiddenTests).toEqual([
      { fileName: 'hidden/hello-more.test.js', code: expect.stringContaining('SECRET-HIDDEN'), hidden: true },
    ]);
    expect(hello).toMatchObject({
      courseSlug: 'demo',
      courseVersion: '1.0.0',
      testsHash: expect.any(String),
      solved: false,
      language: 'javascript',
    });

    await complete(user, id('hello'));
    await expect(getGradableExercise(catalog, userId, id('sum'))).resolves.toMatchObject({ slug: 'sum' });
    let state = await course(user);
    expect(state.exercises.map((e) => e.status)).toEqual(['solved', 'available', 'locked']);
    expect(state.body.solvedCount).toBe(1);

    await complete(user, id('sum'));
    state = await course(user);
    expect(state.body.chapters.map((c: { status: string }) => c.status)).toEqual(['solved', 'available']);
    expect(state.exercises.map((e) => e.status)).toEqual(['solved', 'solved', 'available']);
    const list = await get('/api/courses', user).expect(200);
    expect(list.body.find((c: { slug: string }) => c.slug === 'demo').solvedCount).toBe(2);
    // Other learners are unaffected.
    expect((await course()).exercises.map((e) => e.status)).toEqual(['available', 'locked', 'locked']);
  });

  it('the POST path (getSubmissionTarget, one query) decides exactly like getGradableExercise', async () => {
    const user = await registerUser(api);
    const { id } = await course(user);
    const catalog = api.app.get(CatalogService);
    type Gradable = { id: string; courseVersion: string; testsHash: string };
    // Either side may be absent, so a test can read `.ok` or `.error` of whichever it got.
    type Outcome = { ok?: Gradable; error?: unknown };
    const outcome = (promise: Promise<Gradable>): Promise<Outcome> =>
      promise.then(
        (e) => ({ ok: { id: e.id, courseVersion: e.courseVersion, testsHash: e.testsHash } }),
        (e: unknown) => ({ error: e instanceof DomainError ? { code: e.code, message: e.message, details: e.details } : String(e) }),
      );
    const compare = async (exerciseId: string) => {
      const expected = await outcome(getGradableExercise(catalog, user.id, exerciseId));
      expect(await outcome(catalog.getSubmissionTarget(user.id, exerciseId))).toEqual(expected);
      return expected;
    };
    const slugs = ['hello', 'sum', 'fizz'];
    expect((await compare(id('sum'))).error).toMatchObject({ code: 'EXERCISE_LOCKED', details: { requires: ['"Hello"'] } });
    expect((await compare(id('fizz'))).error).toMatchObject({ code: 'EXERCISE_LOCKED', details: { requires: ['chapter "Basics"'] } });
    expect((await compare(id('hello'))).ok).toBeDefined();
    await complete(user, id('hello'));
    for (const slug of slugs) await compare(id(slug));
    expect((await compare(id('sum'))).ok).toBeDefined();
    await complete(user, id('sum'));
    for (const slug of slugs) expect((await compare(id(slug))).ok).toBeDefined();
    // Bad id, unknown id.
    expect((await compare('nope')).error).toMatchObject({ code: 'INVALID_INPUT' });
    expect((await compare('00000000-0000-4000-8000-000000000000')).error).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('hints and solution reveals', () => {
  it("reveals hints in order at the pack's cost, then 409", async () => {
    const user = await registerUser(api);
    const { id } = await course(user);
    const cost = hintCost(10, resolveXpRules({ hintCostPercent: 20 }), 0);
    expect(cost).toBe(2);
    const first = await post(`/api/exercises/${id('hello')}/hints`, user).expect(200);
    expect(first.body).toEqual({ index: 0, hint: 'h1', cost, nextHintCost: hintCost(10, resolveXpRules({ hintCostPercent: 20 }), 1) });
    const second = await post(`/api/exercises/${id('hello')}/hints`, user).expect(200);
    expect(second.body).toMatchObject({ index: 1, hint: 'h2', nextHintCost: null });
    const none = await post(`/api/exercises/${id('hello')}/hints`, user).expect(409);
    expect(none.body.code).toBe('NO_HINTS_LEFT');
    const view = await get(`/api/exercises/${id('hello')}`, user).expect(200);
    expect(view.body).toMatchObject({ revealedHints: ['h1', 'h2'], nextHintCost: null });
  });

  it('hints are free once solved', async () => {
    const user = await registerUser(api);
    const { id } = await course(user);
    await complete(user, id('hello'));
    const res = await post(`/api/exercises/${id('hello')}/hints`, user).expect(200);
    expect(res.body).toMatchObject({ index: 0, cost: 0, nextHintCost: 0 });
  });

  it('reveals the solution idempotently, forfeiting XP once', async () => {
    const user = await registerUser(api);
    const { id } = await course(user);
    const first = await post(`/api/exercises/${id('hello')}/solution`, user).expect(200);
    expect(first.body).toEqual({ code: expect.stringContaining('return 42'), forfeitedXp: 10 });
    await complete(user, id('hello'));
    const again = await post(`/api/exercises/${id('hello')}/solution`, user).expect(200);
    expect(again.body.forfeitedXp).toBe(10);
    const view = await get(`/api/exercises/${id('hello')}`, user).expect(200);
    expect(view.body).toMatchObject({ solutionRevealed: true, solutionCost: 0, solved: true });
  });

  it('refuses hints and the solution of a locked exercise', async () => {
    const user = await registerUser(api);
    const { id } = await course(user);
    await post(`/api/exercises/${id('sum')}/hints`, user).expect(403);
    const res = await post(`/api/exercises/${id('fizz')}/solution`, user).expect(403);
    expect(res.body.code).toBe('EXERCISE_LOCKED');
  });
});
