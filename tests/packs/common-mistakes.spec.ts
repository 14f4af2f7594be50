// Issue 16 item 3: failing Submits grouped per exercise by signature (which tests failed, by declared
// identity, with failure messages normalised), the owner's view of the biggest groups with example code
// and no learner names, a note per group, the tip in a later learner's live completion, and "needs review"
// once a new version changes the tests.
import fs from 'node:fs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { INestApplicationContext } from '@nestjs/common';
import { importPack, UserRole } from '@questline/data';
import { loadPack } from '@questline/exercise-format';
import { startApi, type TestApi } from '../fixtures/api';
import { bearer, createUserWithRole, registerUser, type TestUser } from '../fixtures/users';
import { ownQueueEnv, startInProcessWorker } from '../fixtures/worker';
import { LiveClient } from '../pipeline/support/live';
import { writePack } from './pack-fixture';

jest.setTimeout(90_000);

const SLUG = `mistakes-${process.pid}`;
let api: TestApi;
let worker: INestApplicationContext | undefined;
let owner: TestUser;
let exerciseId: string;
const dirs: string[] = [];
const clients: LiveClient[] = [];

const returns = (value: string) => `export function answer() {\n  return ${value};\n}\n`;
const THROWS = `export function answer() {\n  throw new Error('not today');\n}\n`;

async function publish(version: string, hiddenTestNote?: string) {
  const dir = writePack({
    slug: SLUG,
    version,
    chapters: [{ slug: 'basics', exercises: [{ slug: 'price', ...(hiddenTestNote ? { hiddenTestNote } : {}) }] }],
  });
  dirs.push(dir);
  const ds = api.app.get(DataSource);
  await ds.transaction((m) => importPack(m, loadPack(dir), { ownerId: owner.id }));
  [{ id: exerciseId }] = await ds.query(
    `SELECT e.id FROM exercises e JOIN courses c ON c.id = e.course_id WHERE c.slug = $1 AND e.slug = 'price'`,
    [SLUG],
  );
}

/** Submits and waits for the live completion event. */
async function submit(learner: TestUser, code: string): Promise<Record<string, unknown>> {
  const client = await LiveClient.connect(api.url, learner.accessToken);
  clients.push(client);
  const res = await request(api.url).post(`/api/exercises/${exerciseId}/submissions`).set('Authorization', bearer(learner)).send({ code });
  expect(res.status).toBe(202);
  return client.waitFor('submission.completed', res.body.id, 30_000);
}

const mistakes = async (user: TestUser = owner) =>
  (await request(api.url).get(`/api/packs/${SLUG}/mistakes`).set('Authorization', bearer(user)).expect(200)).body;
const noteUrl = (signature: string) => `/api/packs/${SLUG}/mistakes/price/${signature}/note`;

beforeAll(async () => {
  api = await startApi({ env: ownQueueEnv('mistakes') });
  worker = await startInProcessWorker(api);
  owner = await createUserWithRole(api, UserRole.Instructor);
  await publish('1.0.0');
});
afterAll(async () => {
  for (const client of clients) client.close();
  await worker?.close();
  await api?.close();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

it('groups the same mistake made with different values, shows the biggest groups without learner names, and delivers the tip live', async () => {
  const learners = [await registerUser(api), await registerUser(api), await registerUser(api), await registerUser(api)];
  // Two learners return a wrong number (different numbers: one mistake); one throws; one passes.
  const first = await submit(learners[0]!, returns('7'));
  expect(first.verdict).toBe('failed');
  expect(first.tip).toBeUndefined();
  await submit(learners[1]!, returns('9'));
  await submit(learners[1]!, returns('-3'));
  await submit(learners[2]!, THROWS);
  expect((await submit(learners[3]!, returns('42'))).verdict).toBe('passed');

  const body = await mistakes();
  const [exercise] = body.exercises;
  expect(exercise.slug).toBe('price');
  expect(exercise.groups.map((g: { submits: number; learners: number }) => [g.submits, g.learners])).toEqual([
    [3, 2],
    [1, 1],
  ]);
  const biggest = exercise.groups[0];
  expect(biggest.signature).toMatch(/^[0-9a-f]{64}$/);
  expect(biggest.verdict).toBe('failed');
  // Which test failed, by declared identity and source label; the learner's values are placeholders.
  expect(biggest.tests).toHaveLength(1);
  expect(biggest.tests[0].id).toMatch(/^price\.test\.js:3:\d+$/);
  expect(biggest.tests[0].label).toBe('price.test.js:3 "answers 42"');
  expect(biggest.tests[0].message).toContain('<num>');
  expect(biggest.tests[0].message).not.toMatch(/\b(7|9|3)\b/);
  expect(biggest.examples.map((e: { code: string }) => e.code)).toEqual([returns('-3'), returns('9'), returns('7')]);
  expect(biggest.note).toBeNull();
  // No learner's identity anywhere in the owner's view.
  const text = JSON.stringify(body);
  for (const learner of learners) {
    expect(text).not.toContain(learner.id);
    expect(text).not.toContain(learner.email);
  }

  // Only the owner may write a note, for a group that exists, within the size limit.
  const other = await createUserWithRole(api, UserRole.Instructor);
  await request(api.url).get(`/api/packs/${SLUG}/mistakes`).set('Authorization', bearer(other)).expect(403);
  await request(api.url).put(noteUrl(biggest.signature)).set('Authorization', bearer(other)).send({ note: 'x' }).expect(403);
  await request(api.url).put(noteUrl(biggest.signature)).set('Authorization', bearer(learners[0]!)).send({ note: 'x' }).expect(403);
  const tooLong = await request(api.url)
    .put(noteUrl(biggest.signature))
    .set('Authorization', bearer(owner))
    .send({ note: 'x'.repeat(1001) });
  expect(tooLong.status).toBe(400);
  expect(tooLong.body.message).toMatch(/at most 1000/);
  expect((await request(api.url).put(noteUrl(biggest.signature)).set('Authorization', bearer(owner)).send({ note: 42 })).status).toBe(400);
  expect(
    (
      await request(api.url)
        .put(noteUrl('f'.repeat(64)))
        .set('Authorization', bearer(owner))
        .send({ note: 'x' })
    ).status,
  ).toBe(404);
  expect((await request(api.url).put(noteUrl('nope')).set('Authorization', bearer(owner)).send({ note: 'x' })).status).toBe(400);

  const TIP = 'Read the task again: answer() must return the answer to everything, not any number.';
  await request(api.url).put(noteUrl(biggest.signature)).set('Authorization', bearer(owner)).send({ note: TIP }).expect(204);
  expect((await mistakes()).exercises[0].groups[0]).toMatchObject({ signature: biggest.signature, note: TIP, needsReview: false });

  // A later learner making the same mistake (yet another value) gets the tip in the live completion.
  const later = await registerUser(api);
  expect((await submit(later, returns('1000'))).tip).toEqual({ note: TIP });
  // Another mistake gets no tip.
  expect((await submit(later, THROWS)).tip).toBeUndefined();

  // A new version whose tests changed: the note needs review and is no longer shown.
  await publish('1.1.0', 'stricter now');
  const reviewed = (await mistakes()).exercises[0].groups.find((g: { signature: string }) => g.signature === biggest.signature);
  expect(reviewed).toMatchObject({ note: TIP, needsReview: true });
  expect((await submit(await registerUser(api), returns('5'))).tip).toBeUndefined();
});
