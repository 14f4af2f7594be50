// Issue 12 item 2: the publish check is a job on the workers, not work inside the api: POST /api/packs
// answers 202 with a check its owner follows; the check has an overall budget, serves instructors in turn
// (one pending check each) and can be cancelled, after which the pack is never published.
import type { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { UserRole } from '@questline/data';
import { runPackPublish } from '../../apps/cli/src/commands/publish';
import { memoryOutput } from '../../apps/cli/src/output';
import { startApi, type TestApi } from '../fixtures/api';
import { bearer, createUserWithRole, registerUser, type TestUser } from '../fixtures/users';
import { ownQueueEnv, startInProcessWorker } from '../fixtures/worker';
import { tarball, writePack, type PackSpec } from '../packs/pack-fixture';

jest.setTimeout(120_000);

let api: TestApi;
let worker: INestApplicationContext | undefined;
let owner: TestUser;

beforeAll(async () => {
  // No waiting in POST: every upload answers 202 and is followed, as a long check would be.
  api = await startApi({ env: { ...ownQueueEnv('pack-check'), PACK_PUBLISH_WAIT_MS: '0', PACK_CHECK_BUDGET_MS: '8000' } });
  worker = await startInProcessWorker(api);
  owner = await createUserWithRole(api, UserRole.Instructor);
});
afterAll(async () => {
  await worker?.close();
  await api?.close();
});

const upload = async (user: TestUser, spec: PackSpec) =>
  request(api.url)
    .post('/api/packs')
    .set('Authorization', bearer(user))
    .attach('pack', await tarball(writePack(spec)), { filename: 'pack.tar.gz', contentType: 'application/gzip' });

const getCheck = (user: TestUser, id: string) => request(api.url).get(`/api/packs/checks/${id}`).set('Authorization', bearer(user));

/** Follows a check like the CLI and the web page do, until it finishes. */
async function follow(user: TestUser, id: string, timeoutMs = 60_000): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await getCheck(user, id).expect(200);
    if (!['queued', 'running'].includes(res.body.status)) return res.body;
    if (Date.now() > deadline) throw new Error(`check ${id} still ${res.body.status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** wrong/ files that loop until their time limit: each grading costs the full 3 s. */
const looping = (slug: string, wrongs: number): PackSpec => ({
  slug,
  chapters: [{ slug: 'basics', exercises: [{ slug: 'slow', limits: { timeMs: 3000 } }] }],
  wrongFiles: Object.fromEntries(Array.from({ length: wrongs }, (_, i) => [`loop-${i}.js`, 'for (;;) {}\n'])),
});

describe('publish check on the workers', () => {
  it('answers 202 with a check the owner follows to its published result', async () => {
    const res = await upload(owner, { slug: 'queued-pack', chapters: [{ slug: 'basics', exercises: [{ slug: 'one' }] }] });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ id: expect.any(String), slug: 'queued-pack', version: '1.0.0', status: 'queued' });
    expect(res.body.progress).toEqual({ graded: 0, gradings: 3 });
    const done = await follow(owner, res.body.id as string);
    expect(done).toMatchObject({ status: 'published', result: { slug: 'queued-pack', version: '1.0.0', exerciseCount: 1 } });
    expect(done.progress).toEqual({ graded: 3, gradings: 3 });
    const learner = await registerUser(api);
    await request(api.url).get('/api/courses/queued-pack').set('Authorization', bearer(learner)).expect(200);
    // Nobody else sees the check.
    await getCheck(learner, res.body.id as string).expect(403);
    const other = await createUserWithRole(api, UserRole.Instructor);
    await getCheck(other, res.body.id as string).expect(404);
  });

  it('refuses a failing reference solution with the report on the check', async () => {
    const res = await upload(owner, {
      slug: 'queued-broken',
      chapters: [{ slug: 'basics', exercises: [{ slug: 'bad', solution: 'export function answer() { return 41; }\n' }] }],
    });
    expect(res.status).toBe(202);
    const done = await follow(owner, res.body.id as string);
    expect(done).toMatchObject({
      status: 'refused',
      report: [expect.objectContaining({ exercise: 'bad', message: expect.stringMatching(/reference solution must pass/) })],
    });
  });

  it('stops at the overall budget: looping wrong/ files cannot hold a worker', async () => {
    const started = Date.now();
    const res = await upload(owner, looping('budgeted', 6));
    expect(res.status).toBe(202);
    const done = await follow(owner, res.body.id as string);
    // 6 wrong files x 3 s would be 18 s of sandbox time; the budget is 8 s.
    expect(Date.now() - started).toBeLessThan(16_000);
    expect(done).toMatchObject({
      status: 'refused',
      report: [expect.objectContaining({ message: expect.stringMatching(/whole budget of 8 s/) })],
    });
    await request(api.url).get('/api/courses/budgeted').set('Authorization', bearer(owner)).expect(404);
  });

  it('is fair: one pending check per instructor (409), while another instructor is served', async () => {
    const first = await upload(owner, looping('fair-a', 1));
    expect(first.status).toBe(202);
    const second = await upload(owner, { slug: 'fair-b', chapters: [{ slug: 'basics', exercises: [{ slug: 'one' }] }] });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'PACK_CHECK_PENDING', check: { id: first.body.id } });
    const other = await createUserWithRole(api, UserRole.Instructor);
    const theirs = await upload(other, { slug: 'fair-c', chapters: [{ slug: 'basics', exercises: [{ slug: 'one' }] }] });
    expect(theirs.status).toBe(202);
    expect(['published', 'refused']).toContain((await follow(owner, first.body.id as string)).status);
    expect(await follow(other, theirs.body.id as string)).toMatchObject({ status: 'published' });
  });

  it('cancels a running check: the grading stops and the pack is never published', async () => {
    const res = await upload(owner, looping('cancelled', 6));
    const id = res.body.id as string;
    // Wait until the worker is grading it.
    for (let i = 0; i < 100 && (await getCheck(owner, id)).body.status !== 'running'; i++) await new Promise((r) => setTimeout(r, 50));
    const cancelled = await request(api.url).post(`/api/packs/checks/${id}/cancel`).set('Authorization', bearer(owner)).expect(200);
    expect(cancelled.body.status).toBe('cancelled');
    await request(api.url).post(`/api/packs/checks/${id}/cancel`).set('Authorization', bearer(owner)).expect(409);
    // The worker is free again within a grading's kill time: the next check runs and publishes.
    const next = await upload(owner, { slug: 'after-cancel', chapters: [{ slug: 'basics', exercises: [{ slug: 'one' }] }] });
    expect(next.status).toBe(202);
    expect(await follow(owner, next.body.id as string, 20_000)).toMatchObject({ status: 'published' });
    await new Promise((r) => setTimeout(r, 500));
    await request(api.url).get('/api/courses/cancelled').set('Authorization', bearer(owner)).expect(404);
    expect((await getCheck(owner, id)).body.status).toBe('cancelled');
  });

  it('`questline pack publish` follows a 202 to the outcome, printing the progress', async () => {
    const author = await createUserWithRole(api, UserRole.Instructor);
    const out = memoryOutput();
    const dir = writePack({ slug: 'cli-followed', chapters: [{ slug: 'basics', exercises: [{ slug: 'one' }, { slug: 'two' }] }] });
    const outcome = await runPackPublish(dir, { api: api.url, token: author.accessToken, out, skipTests: true, pollMs: 100 });
    expect({ outcome, text: out.text() }).toMatchObject({ outcome: { ok: true, status: 201 } });
    expect(out.text()).toMatch(/checking the pack \(check [0-9a-f-]{36}\); following it/);
    expect(out.text()).toMatch(/\d\/6 gradings/);
    expect(out.text()).toMatch(/Published cli-followed 1\.0\.0 \(2 exercises\)/);

    const broken = memoryOutput();
    const bad = writePack({
      slug: 'cli-followed-bad',
      chapters: [{ slug: 'basics', exercises: [{ slug: 'one', solution: 'export function answer() { return 1; }\n' }] }],
    });
    const refused = await runPackPublish(bad, { api: api.url, token: author.accessToken, out: broken, skipTests: true, pollMs: 100 });
    expect(refused).toMatchObject({ ok: false, status: 422 });
    expect(broken.text()).toMatch(/basics\/one\/solution\/one\.js: the reference solution must pass/);
  });

  it('400s a malformed check id', async () => {
    await getCheck(owner, 'not-a-uuid').expect(400);
  });
});
