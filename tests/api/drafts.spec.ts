// Server-side drafts and the workspace (GET /api/exercises/:id/workspace, PUT /api/exercises/:id/draft)
// on a real api and database: per learner and exercise, newest save wins, other tabs told live,
// size-capped, locked and unknown exercises refused with 4xx.
import request from 'supertest';
import type { Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { LIVE_EVENTS, type Draft, type Workspace } from '@questline/contracts';
import { startApi, type TestApi } from '../fixtures/api';
import { bearer, registerUser, type TestUser } from '../fixtures/users';
import { connectLive, nextEvent } from '../gamification/live';
import { seedCourse, type SeededCourse } from '../gamification/seed';

let api: TestApi;
let course: SeededCourse;
let db: DataSource;
const sockets: Socket[] = [];

beforeAll(async () => {
  api = await startApi({ env: { QUEUE_PREFIX: `{ql-drafts-${process.pid}}` } });
  db = api.app.get(DataSource);
  course = await seedCourse(db, { chapters: [2, 1] });
  // The second chapter needs the first: its exercise is locked for a new learner.
  await db.query(`UPDATE chapters SET requires = $2 WHERE course_id = $1 AND slug = 'chapter-1'`, [
    course.id,
    JSON.stringify({ chapters: ['chapter-0'] }),
  ]);
});

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await api?.close();
});

const save = (user: TestUser, exerciseId: string, body: object) =>
  request(api.url).put(`/api/exercises/${exerciseId}/draft`).set('Authorization', bearer(user)).send(body);
const workspace = async (user: TestUser, exerciseId: string): Promise<Workspace> =>
  (await request(api.url).get(`/api/exercises/${exerciseId}/workspace`).set('Authorization', bearer(user)).expect(200)).body as Workspace;

describe('drafts', () => {
  it('needs a token', async () => {
    await request(api.url).get(`/api/exercises/${course.chapters[0][0]}/workspace`).expect(401);
    await request(api.url).put(`/api/exercises/${course.chapters[0][0]}/draft`).send({ code: 'x' }).expect(401);
  });

  it('starts empty, keeps the newest save, and counts revisions per learner and exercise', async () => {
    const learner = await registerUser(api);
    const [a, b] = course.chapters[0];
    expect(await workspace(learner, a)).toEqual({ draft: null, lastPassing: null });

    const first = (await save(learner, a, { code: 'let x = 1;', tabId: 'tab-1' }).expect(200)).body as Draft;
    expect(first).toMatchObject({ exerciseId: a, code: 'let x = 1;', revision: 1, tabId: 'tab-1' });
    const second = (await save(learner, a, { code: 'let x = 2;', tabId: 'tab-2' }).expect(200)).body as Draft;
    expect(second).toMatchObject({ code: 'let x = 2;', revision: 2, tabId: 'tab-2' });
    expect(Date.parse(second.updatedAt)).toBeGreaterThanOrEqual(Date.parse(first.updatedAt));

    expect((await workspace(learner, a)).draft).toEqual(second);
    expect((await workspace(learner, b)).draft).toBeNull();
    // Another learner sees none of it.
    const other = await registerUser(api);
    expect((await workspace(other, a)).draft).toBeNull();
  });

  it("tells the learner's other tabs (and no one else) with the saved draft", async () => {
    const learner = await registerUser(api);
    const stranger = await registerUser(api);
    const tab = await connectLive(api, learner.accessToken);
    const strangerTab = await connectLive(api, stranger.accessToken);
    sockets.push(tab, strangerTab);
    let strangerHeard = false;
    strangerTab.on(LIVE_EVENTS.draftUpdated, () => (strangerHeard = true));
    const heard = nextEvent<Draft>(tab, LIVE_EVENTS.draftUpdated);
    const saved = (await save(learner, course.chapters[0][1], { code: 'const y = 3;', tabId: 'phone' }).expect(200)).body as Draft;
    expect(await heard).toEqual(saved);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(strangerHeard).toBe(false);
  });

  it('refuses bad input with a clear 4xx and stores nothing', async () => {
    const learner = await registerUser(api);
    const [a] = course.chapters[0];
    const tooBig = await save(learner, a, { code: 'x'.repeat(64 * 1024 + 1) }).expect(413);
    expect(tooBig.body).toMatchObject({ code: 'CODE_TOO_LARGE', message: 'Code is larger than 64 KB; the draft was not saved' });
    expect((await save(learner, a, { code: 42 }).expect(400)).body.message).toBe('code must be a string');
    expect((await save(learner, a, { code: '', tabId: 'no spaces!' }).expect(400)).body.message).toBe(
      'tabId must be 1 to 64 letters, digits, - or _',
    );
    await save(learner, '00000000-0000-4000-8000-000000000000', { code: 'x' }).expect(404);
    await save(learner, 'not-a-uuid', { code: 'x' }).expect(400);
    await request(api.url).get('/api/exercises/not-a-uuid/workspace').set('Authorization', bearer(learner)).expect(400);
    const locked = await save(learner, course.chapters[1][0], { code: 'x' }).expect(403);
    expect(locked.body.message).toBe('Exercise is locked: solve chapter "chapter-0" first');
    expect((await workspace(learner, a)).draft).toBeNull();
  });

  it('answers the newest passing Submit as the last passing code', async () => {
    const learner = await registerUser(api);
    const [a] = course.chapters[0];
    const insert = (code: string, verdict: string, kind: string, createdAt: string) =>
      db.query(
        `INSERT INTO submissions (user_id, exercise_id, kind, code, status, verdict, result, completed_at, course_version, tests_hash,
                                  created_at, xp_awarded)
         VALUES ($1, $2, $3, $4, 'completed', $5, '{"verdict":"passed","tests":[],"status":"ok","durationMs":1}', now(), '1.0.0', 'th',
                 $6, $7) RETURNING id`,
        [learner.id, a, kind, code, verdict, createdAt, kind === 'submit' ? 0 : null],
      ) as Promise<Array<{ id: string }>>;
    await insert('old pass', 'passed', 'submit', '2026-01-01T10:00:00Z');
    const [newest] = await insert('new pass', 'passed', 'submit', '2026-01-02T10:00:00Z');
    await insert('later fail', 'failed', 'submit', '2026-01-03T10:00:00Z');
    await insert('later run', 'passed', 'run', '2026-01-04T10:00:00Z');
    expect((await workspace(learner, a)).lastPassing).toEqual({
      submissionId: newest.id,
      code: 'new pass',
      createdAt: '2026-01-02T10:00:00.000Z',
    });
  });
});

describe('Submit with nothing to grade', () => {
  it('refuses an empty editor and the untouched starter with 422 and a message, and stores no submission', async () => {
    const learner = await registerUser(api);
    const [, b] = course.chapters[0];
    await db.query(`UPDATE exercises SET starter_code = $2 WHERE id = $1`, [b, 'export function answer() {\n  // your code\n}\n']);
    const submit = (code: string) =>
      request(api.url).post(`/api/exercises/${b}/submissions`).set('Authorization', bearer(learner)).send({ code });
    expect((await submit('  \n\t').expect(422)).body).toMatchObject({
      code: 'NOTHING_TO_GRADE',
      message: 'Your code is empty: write a solution first, then Submit',
    });
    expect((await submit('export function answer() {\n  // your code\n}').expect(422)).body).toMatchObject({
      code: 'NOTHING_TO_GRADE',
      message: 'This is still the starter code: change it first (Run it for free to see what fails)',
    });
    const [{ count }] = (await db.query(`SELECT count(*)::int AS count FROM submissions WHERE user_id = $1`, [learner.id])) as Array<{
      count: number;
    }>;
    expect(count).toBe(0);
  });
});
