import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { recordSubmitOutcome, UserRole } from '@questline/data';
import type { INestApplicationContext } from '@nestjs/common';
import { startApi, type TestApi } from '../fixtures/api';
import { ownQueueEnv, startInProcessWorker } from '../fixtures/worker';
import { bearer, createUserWithRole, registerUser, type TestUser } from '../fixtures/users';
import { rawTarball, tarball, writePack, type PackSpec } from './pack-fixture';

// Grading every reference solution with the real sandbox takes a few seconds per publish.
jest.setTimeout(120_000);

const builtIns = fs.mkdtempSync(path.join(os.tmpdir(), 'ql-builtin-'));
writePack({ slug: 'built-in-demo', chapters: [{ slug: 'one', exercises: [{ slug: 'alpha' }] }] }, path.join(builtIns, 'built-in-demo'));

let api: TestApi;
let worker: INestApplicationContext | undefined;
let owner: TestUser;

beforeAll(async () => {
  process.env.EXERCISES_DIR = builtIns;
  api = await startApi({ env: { ...ownQueueEnv('publish'), PACK_PUBLISH_WAIT_MS: '60000' } });
  worker = await startInProcessWorker(api);
  owner = await createUserWithRole(api, UserRole.Instructor);
});
afterAll(async () => {
  await worker?.close();
  await api?.close();
  fs.rmSync(builtIns, { recursive: true, force: true });
});

const upload = (user: TestUser, archive: Buffer) =>
  request(api.url)
    .post('/api/packs')
    .set('Authorization', bearer(user))
    .attach('pack', archive, { filename: 'pack.tar.gz', contentType: 'application/gzip' });
/** Upload a pack written from `spec` and assert the status (the body is in the failure message). */
async function uploadPack(user: TestUser, spec: PackSpec, status: number) {
  const res = await upload(user, await tarball(writePack(spec)));
  expect({ status: res.status, body: res.body }).toMatchObject({ status });
  return res;
}

const shop = (version: string): PackSpec => ({ slug: 'shop', version, chapters: [{ slug: 'basics', exercises: [{ slug: 'price' }] }] });

describe('POST /api/packs', () => {
  it('publishes a valid pack for an instructor (201) and lists it under mine', async () => {
    const res = await uploadPack(owner, shop('1.0.0'), 201);
    expect(res.body).toEqual({
      slug: 'shop',
      version: '1.0.0',
      exerciseCount: 1,
      // `return 42` has two mutants (42 → 43, and `return undefined`); the fixture's tests kill both.
      mutation: {
        lowestScore: 100,
        // (On a very busy machine a killed mutant may be stopped by its time budget instead: `timeout` counts as killed.)
        exercises: [expect.objectContaining({ exercise: 'basics/price', mutants: 2, survived: 0, errors: 0, score: 100, survivors: [] })],
      },
    });
    const mine = await request(api.url).get('/api/packs/mine').set('Authorization', bearer(owner)).expect(200);
    expect(mine.body).toEqual([{ slug: 'shop', title: 'Shop', version: '1.0.0' }]);
    const learner = await registerUser(api);
    const course = await request(api.url).get('/api/courses/shop').set('Authorization', bearer(learner)).expect(200);
    expect(course.body).toMatchObject({ version: '1.0.0', exerciseCount: 1 });
  });

  it('refuses a learner (403) before reading the upload', async () => {
    const learner = await registerUser(api);
    const res = await uploadPack(learner, { ...shop('9.0.0'), slug: 'learner-pack' }, 403);
    expect(res.body.statusCode).toBe(403);
    await request(api.url).get('/api/packs/mine').set('Authorization', bearer(learner)).expect(403);
  });

  it("refuses someone else's pack (403) and a built-in slug (403)", async () => {
    const other = await createUserWithRole(api, UserRole.Instructor);
    const res = await uploadPack(other, shop('2.0.0'), 403);
    expect(res.body.message).toMatch(/another instructor/);
    const builtIn = await uploadPack(
      owner,
      { slug: 'built-in-demo', version: '5.0.0', chapters: [{ slug: 'one', exercises: [{ slug: 'alpha' }] }] },
      403,
    );
    expect(builtIn.body.message).toMatch(/built-in/);
  });

  it('refuses the same version twice (409) and a lower one (409)', async () => {
    const same = await uploadPack(owner, shop('1.0.0'), 409);
    expect(same.body.code).toBe('PACK_VERSION_CONFLICT');
    await uploadPack(owner, shop('0.9.0'), 409);
  });

  it('refuses a pack whose reference solution fails, with a report (422)', async () => {
    const res = await uploadPack(
      owner,
      {
        slug: 'broken',
        chapters: [
          {
            slug: 'basics',
            exercises: [
              { slug: 'good' },
              { slug: 'bad-solution', solution: 'export function answer() { return 41; }\n' },
              { slug: 'free-xp', starter: 'export function answer() { return 42; }\n' },
            ],
          },
        ],
      },
      422,
    );
    expect(res.body).toMatchObject({ statusCode: 422, code: 'PACK_INVALID', message: expect.stringMatching(/refused/) });
    expect(res.body.report).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          exercise: 'bad-solution',
          file: 'basics/bad-solution/solution/bad-solution.js',
          message: expect.stringMatching(/reference solution must pass.*answers 42/),
        }),
        expect.objectContaining({
          exercise: 'free-xp',
          file: 'basics/free-xp/starter/free-xp.js',
          message: expect.stringMatching(/starter passes/),
        }),
      ]),
    );
    expect(res.body.report.some((r: { exercise: string }) => r.exercise === 'good')).toBe(false);
    await request(api.url).get('/api/courses/broken').set('Authorization', bearer(owner)).expect(404);
  });

  it('refuses an invalid pack folder with file and field (422)', async () => {
    const dir = writePack({ slug: 'invalid', chapters: [{ slug: 'basics', exercises: [{ slug: 'one' }] }] });
    fs.rmSync(path.join(dir, 'basics', 'one', 'README.md'));
    const res = await upload(owner, await tarball(dir)).expect(422);
    expect(res.body.report).toContainEqual({ exercise: 'one', file: 'basics/one/README.md', message: expect.stringMatching(/missing/) });
  });

  it('refuses hostile archives: "..", absolute paths, links, garbage (422)', async () => {
    const manifest = { name: 'pack.yaml', body: 'slug: x\n' };
    for (const [entries, pattern] of [
      [[manifest, { name: '../escape.txt', body: 'x' }], /\.\./],
      [[manifest, { name: '/etc/evil.txt', body: 'x' }], /absolute/],
      [[manifest, { name: 'link', type: '2', linkName: '/etc/passwd' }], /links/],
    ] as const) {
      const res = await upload(owner, rawTarball([...entries])).expect(422);
      expect(res.body.report[0].message).toMatch(pattern);
    }
    const garbage = await upload(owner, Buffer.from('not a tarball at all')).expect(422);
    expect(garbage.body.report[0].message).toMatch(/tar\.gz/);
    expect(fs.existsSync(path.join(os.tmpdir(), 'escape.txt'))).toBe(false);
  });

  it('400s a request without the pack field', async () => {
    await request(api.url).post('/api/packs').set('Authorization', bearer(owner)).field('other', 'x').expect(400);
  });

  it('accepts a pack wrapped in one top-level folder', async () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'ql-wrap-'));
    writePack({ slug: 'wrapped', chapters: [{ slug: 'basics', exercises: [{ slug: 'one' }] }] }, path.join(parent, 'wrapped'));
    const res = await upload(owner, await tarball(parent)).expect(201);
    expect(res.body.slug).toBe('wrapped');
  });
});

describe('versions', () => {
  const v1: PackSpec = {
    slug: 'evolving',
    version: '1.0.0',
    chapters: [{ slug: 'basics', exercises: [{ slug: 'same' }, { slug: 'changed' }, { slug: 'dropped' }] }],
  };
  const v2: PackSpec = {
    slug: 'evolving',
    version: '1.1.0',
    chapters: [
      {
        slug: 'basics',
        exercises: [{ slug: 'same', title: 'Same, retitled' }, { slug: 'changed', hiddenTestNote: 'v2' }, { slug: 'added' }],
      },
    ],
  };

  it('keeps progress across versions: ids, solved state; flags changed tests; hides removed exercises', async () => {
    await uploadPack(owner, v1, 201);
    const learner = await registerUser(api);
    const ds = api.app.get(DataSource);
    const before = await request(api.url).get('/api/courses/evolving').set('Authorization', bearer(learner)).expect(200);
    const ids: Record<string, string> = Object.fromEntries(
      before.body.chapters[0].exercises.map((e: { slug: string; id: string }) => [e.slug, e.id]),
    );
    for (const slug of ['same', 'changed', 'dropped']) {
      await ds.query(
        `INSERT INTO exercise_completions (user_id, exercise_id, tests_hash, course_version) SELECT $1, id, tests_hash, '1.0.0' FROM exercises WHERE id = $2`,
        [learner.id, ids[slug]],
      );
    }

    await uploadPack(owner, v2, 201);
    const after = await request(api.url).get('/api/courses/evolving').set('Authorization', bearer(learner)).expect(200);
    expect(after.body).toMatchObject({ version: '1.1.0', exerciseCount: 3, solvedCount: 2 });
    expect(
      after.body.chapters[0].exercises.map((e: { slug: string; id: string; status: string; title: string }) => [e.slug, e.id, e.status]),
    ).toEqual([
      ['same', ids.same, 'solved'],
      ['changed', ids.changed, 'solved'],
      ['added', expect.any(String), 'available'],
    ]);
    const same = await request(api.url).get(`/api/exercises/${ids.same}`).set('Authorization', bearer(learner)).expect(200);
    expect(same.body).toMatchObject({ title: 'Same, retitled', solved: true, solvedAgainstOlderVersion: false });
    const changed = await request(api.url).get(`/api/exercises/${ids.changed}`).set('Authorization', bearer(learner)).expect(200);
    expect(changed.body).toMatchObject({ solved: true, solvedAgainstOlderVersion: true });
    await request(api.url).get(`/api/exercises/${ids.dropped}`).set('Authorization', bearer(learner)).expect(404);

    // History stays: the removed exercise and the learner's completion of it are still there.
    const [dropped] = await ds.query(`SELECT removed_at, version FROM exercises WHERE id = $1`, [ids.dropped]);
    expect(dropped.removed_at).toBeInstanceOf(Date);
    const completions = await ds.query(`SELECT exercise_id FROM exercise_completions WHERE user_id = $1`, [learner.id]);
    expect(completions).toHaveLength(3);
    const versions = await ds.query(
      `SELECT v.version, v.published_by FROM course_versions v JOIN courses c ON c.id = v.course_id WHERE c.slug = 'evolving' ORDER BY v.created_at`,
    );
    expect(versions).toEqual([
      { version: '1.0.0', published_by: owner.id },
      { version: '1.1.0', published_by: owner.id },
    ]);
    const [row] = await ds.query(`SELECT version FROM exercises WHERE id = $1`, [ids.changed]);
    expect(row.version).toBe('1.1.0');
  });

  it("keeps a learner's XP, level and solved state across an upgrade, and awards no XP twice", async () => {
    const spec = (version: string, note: string): PackSpec => ({
      slug: 'upgrading',
      version,
      chapters: [
        {
          slug: 'basics',
          exercises: [
            { slug: 'first', xp: 30 },
            { slug: 'second', xp: 50, hiddenTestNote: note },
          ],
        },
      ],
    });
    await uploadPack(owner, spec('1.0.0', 'v1'), 201);
    const learner = await registerUser(api);
    const ds = api.app.get(DataSource);
    const course = await request(api.url).get('/api/courses/upgrading').set('Authorization', bearer(learner)).expect(200);
    const ids: Record<string, string> = Object.fromEntries(
      course.body.chapters[0].exercises.map((e: { slug: string; id: string }) => [e.slug, e.id]),
    );
    // Earn XP through the real award path (the one the worker runs when a Submit passes).
    const solve = (exerciseId: string) =>
      ds.transaction((manager) =>
        recordSubmitOutcome(manager, { submissionId: randomUUID(), userId: learner.id, exerciseId, passed: true, at: new Date() }),
      );
    const first = await solve(ids.first);
    const second = await solve(ids.second);
    expect(first.xpAwarded).toBeGreaterThanOrEqual(30);
    expect(second.xpAwarded).toBeGreaterThanOrEqual(50);
    const progress = async () => (await request(api.url).get('/api/me/progress').set('Authorization', bearer(learner)).expect(200)).body;
    const before = await progress();
    expect(before).toMatchObject({ xp: first.xpAwarded + second.xpAwarded, solvedCount: 2 });

    await uploadPack(owner, spec('2.0.0', 'v2: the hidden tests changed'), 201);
    const after = await progress();
    expect(after).toMatchObject({ xp: before.xp, level: before.level, solvedCount: 2 });
    const upgraded = await request(api.url).get('/api/courses/upgrading').set('Authorization', bearer(learner)).expect(200);
    expect(upgraded.body).toMatchObject({ version: '2.0.0', solvedCount: 2 });
    expect(upgraded.body.chapters[0].exercises.map((e: { id: string; status: string }) => [e.id, e.status])).toEqual([
      [ids.first, 'solved'],
      [ids.second, 'solved'],
    ]);
    const changed = await request(api.url).get(`/api/exercises/${ids.second}`).set('Authorization', bearer(learner)).expect(200);
    expect(changed.body).toMatchObject({ solved: true, solvedAgainstOlderVersion: true });
    // Passing the changed exercise again against the new version is not a second award.
    expect((await solve(ids.second)).xpAwarded).toBe(0);
    expect((await progress()).xp).toBe(before.xp);
  });

  it("lets an admin publish a new version of an instructor's pack, keeping the owner", async () => {
    const admin = await createUserWithRole(api, UserRole.Admin);
    await uploadPack(admin, { ...v2, version: '1.2.0' }, 201);
    const mine = await request(api.url).get('/api/packs/mine').set('Authorization', bearer(owner)).expect(200);
    expect(mine.body).toContainEqual({ slug: 'evolving', title: 'Evolving', version: '1.2.0' });
  });
});
