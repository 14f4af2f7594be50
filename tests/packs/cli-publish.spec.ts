import request from 'supertest';
import { UserRole } from '@questline/data';
import { runPackPublish } from '../../apps/cli/src/commands/publish';
import { memoryOutput } from '../../apps/cli/src/output';
import type { INestApplicationContext } from '@nestjs/common';
import { startApi, type TestApi } from '../fixtures/api';
import { ownQueueEnv, startInProcessWorker } from '../fixtures/worker';
import { bearer, createUserWithRole, type TestUser } from '../fixtures/users';
import { writePack } from './pack-fixture';

jest.setTimeout(120_000);

let api: TestApi;
let worker: INestApplicationContext | undefined;
let instructor: TestUser;

beforeAll(async () => {
  api = await startApi({ env: { ...ownQueueEnv('cli-publish'), PACK_PUBLISH_WAIT_MS: '60000' } });
  worker = await startInProcessWorker(api);
  instructor = await createUserWithRole(api, UserRole.Instructor);
});
afterAll(async () => {
  await worker?.close();
  await api?.close();
});

describe('questline pack publish', () => {
  it('validates, tests locally, uploads with progress, and reports a refusal', async () => {
    const dir = writePack({ slug: 'cli-pack', chapters: [{ slug: 'basics', exercises: [{ slug: 'one' }] }] });
    const out = memoryOutput();
    const progress: number[] = [];
    const outcome = await runPackPublish(dir, {
      api: api.url,
      token: instructor.accessToken,
      out,
      progress: (sent, total) => progress.push(sent / total),
    });
    expect(outcome).toMatchObject({ ok: true, status: 201 });
    expect(out.text()).toMatch(/1 passed, 0 failed/);
    expect(out.text()).toMatch(/Published cli-pack 1\.0\.0 \(1 exercises\)/);
    expect(progress.at(-1)).toBe(1);
    const course = await request(api.url).get('/api/courses/cli-pack').set('Authorization', bearer(instructor)).expect(200);
    expect(course.body.version).toBe('1.0.0');

    const again = memoryOutput();
    const refused = await runPackPublish(dir, { api: api.url, token: instructor.accessToken, out: again, skipTests: true });
    expect(refused).toMatchObject({ ok: false, status: 409 });
    expect(again.text()).toMatch(/Refused \(409\): Version 1\.0\.0 of "cli-pack" is already published/);
  });

  it('does not upload a pack that fails local checks', async () => {
    const dir = writePack({
      slug: 'cli-broken',
      chapters: [{ slug: 'basics', exercises: [{ slug: 'one', solution: 'export function answer() { return 1; }\n' }] }],
    });
    const out = memoryOutput();
    const outcome = await runPackPublish(dir, { api: api.url, token: instructor.accessToken, out });
    expect(outcome.ok).toBe(false);
    expect(outcome.status).toBeUndefined();
    expect(out.text()).toMatch(/Not uploaded/);
    await request(api.url).get('/api/courses/cli-broken').set('Authorization', bearer(instructor)).expect(404);
  });
});
