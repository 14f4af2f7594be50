// Issue 12 item 7: a pack owner's statistics group failures by the test's declared identity (the harness
// assigns `file:line:column` of the `test()` call), never by the runtime name. A test file may build a
// name from a learner's value (`test(\`greets ${nickname()}\`)`); grouped by name, each learner's value
// became a row of the owner's "most failed tests", carrying one learner's data to the owner.
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { INestApplicationContext } from '@nestjs/common';
import { importPack, UserRole } from '@questline/data';
import { loadPack } from '@questline/exercise-format';
import { startApi, type TestApi } from '../fixtures/api';
import { bearer, createUserWithRole, registerUser, type TestUser } from '../fixtures/users';
import { ownQueueEnv, startInProcessWorker } from '../fixtures/worker';
import { writePack } from '../packs/pack-fixture';

jest.setTimeout(60_000);

const SLUG = `named-${process.pid}`;
let api: TestApi;
let worker: INestApplicationContext | undefined;
let owner: TestUser;
let exerciseId: string;
let dir: string;

const TEST_FILE = `import { answer, nickname } from './price';\n\ntest(\`greets \${nickname()}\`, () => {\n  expect(answer()).toBe(42);\n});\n`;
const learnerCode = (secret: string) => `export function nickname() { return '${secret}'; }\nexport function answer() { return 1; }\n`;

async function submitAndWait(learner: TestUser, code: string): Promise<string> {
  const res = await request(api.url).post(`/api/exercises/${exerciseId}/submissions`).set('Authorization', bearer(learner)).send({ code });
  expect(res.status).toBe(202);
  const id: string = res.body.id;
  for (let i = 0; i < 600; i++) {
    const view = await request(api.url).get(`/api/submissions/${id}`).set('Authorization', bearer(learner)).expect(200);
    if (view.body.status === 'completed') return id;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('submission never completed');
}

beforeAll(async () => {
  api = await startApi({ env: ownQueueEnv('declared-id') });
  worker = await startInProcessWorker(api);
  owner = await createUserWithRole(api, UserRole.Instructor);
  dir = writePack({ slug: SLUG, chapters: [{ slug: 'basics', exercises: [{ slug: 'price' }] }] });
  const exerciseDir = fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .find((f) => f.endsWith(path.join('tests', 'price.test.js')));
  fs.writeFileSync(path.join(dir, exerciseDir!), TEST_FILE);
  const ds = api.app.get(DataSource);
  await ds.transaction((m) => importPack(m, loadPack(dir), { ownerId: owner.id }));
  [{ id: exerciseId }] = await ds.query(
    `SELECT e.id FROM exercises e JOIN courses c ON c.id = e.course_id WHERE c.slug = $1 AND e.slug = 'price'`,
    [SLUG],
  );
});
afterAll(async () => {
  await worker?.close();
  await api?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it("groups the owner's failed tests by declared identity; no learner's value reaches the owner", async () => {
  const secrets = ['LEARNER-SECRET-alice-7f3a', 'LEARNER-SECRET-bob-91c2'];
  const ids: string[] = [];
  for (const secret of secrets) ids.push(await submitAndWait(await registerUser(api), learnerCode(secret)));

  // The learner's own result still names the test as it ran (their value, their screen).
  const rows: Array<{ result: { tests: Array<{ name: string; id?: string; status: string }> } }> = await api.app
    .get(DataSource)
    .query(`SELECT result FROM submissions WHERE id = ANY($1) ORDER BY created_at`, [ids]);
  const visible = rows.map((row) => row.result.tests.find((t) => t.name.startsWith('greets'))!);
  expect(visible.map((t) => t.name)).toEqual(secrets.map((s) => `greets ${s}`));
  // Same declaration, same identity, whatever the learner's value.
  expect(visible[0]!.id).toMatch(/^price\.test\.js:3:\d+$/);
  expect(visible[1]!.id).toBe(visible[0]!.id);

  const stats = await request(api.url).get(`/api/packs/${SLUG}/stats`).set('Authorization', bearer(owner)).expect(200);
  expect(JSON.stringify(stats.body)).not.toContain('LEARNER-SECRET');
  const [exercise] = stats.body.exercises;
  // One group for both learners (by runtime name there were two), labelled from the pack's own source.
  expect(exercise.mostFailedTests[0]).toEqual({ id: visible[0]!.id, name: 'price.test.js:3 "greets ${nickname()}"', failures: 2 });
});
