// GET /api/me/progress and the `progress.updated` push, on a real api and database.
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { loadLearnerProgress, recordSubmitOutcome, type SubmitOutcomeInput } from '@questline/data';
import { AppEvents } from '../../apps/api/src/common/app-events';
import { startApi, type TestApi } from '../fixtures/api';
import { bearer, registerUser } from '../fixtures/users';
import { connectLive, nextEvent } from './live';
import { seedCourse, type SeededCourse } from './seed';
import { LIVE_EVENTS } from '@questline/contracts';

let api: TestApi;
let course: SeededCourse;
const sockets: Socket[] = [];

beforeAll(async () => {
  api = await startApi({ env: { QUEUE_PREFIX: `{ql-gam-progress-${process.pid}}` } });
  course = await seedCourse(api.app.get(DataSource), { chapters: [3], xp: 100 });
});

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await api?.close();
});

function grade(input: Pick<SubmitOutcomeInput, 'userId' | 'exerciseId'> & Partial<SubmitOutcomeInput>) {
  return api.app
    .get(DataSource)
    .transaction((manager) => recordSubmitOutcome(manager, { submissionId: randomUUID(), passed: true, at: new Date(), ...input }));
}

describe('GET /api/me/progress', () => {
  it('needs a token', async () => {
    await request(api.url).get('/api/me/progress').expect(401);
  });

  it('shows a new learner at level 1 with nothing yet', async () => {
    const learner = await registerUser(api);
    const res = await request(api.url).get('/api/me/progress').set('Authorization', bearer(learner)).expect(200);
    expect(res.body).toEqual({
      xp: 0,
      level: 1,
      levelTitle: 'Apprentice',
      xpIntoLevel: 0,
      xpForNextLevel: 400,
      streak: { current: 0, longest: 0, freezes: 0, atRisk: false, solvedToday: false },
      spree: { current: 0, best: 0 },
      solvedCount: 0,
      achievements: [],
    });
  });

  it('reflects graded Submits: XP, level, streak, spree and achievements with their unlock time', async () => {
    const learner = await registerUser(api, { timezone: 'Asia/Tokyo' });
    const [a, b, c] = course.chapters[0];
    await grade({ userId: learner.id, exerciseId: a });
    await grade({ userId: learner.id, exerciseId: b, passed: false });
    await grade({ userId: learner.id, exerciseId: b });
    // Already solved: no XP, spree unchanged.
    await grade({ userId: learner.id, exerciseId: a });
    const res = await request(api.url).get('/api/me/progress').set('Authorization', bearer(learner)).expect(200);
    expect(res.body).toMatchObject({
      xp: 220,
      level: 1,
      xpIntoLevel: 220,
      streak: { current: 1, longest: 1, freezes: 0, solvedToday: true },
      spree: { current: 1, best: 1 },
      solvedCount: 2,
    });
    const ids = res.body.achievements.map((x: { id: string }) => x.id);
    expect(ids).toEqual(expect.arrayContaining(['first-solve', 'first-try-1']));
    expect(ids).not.toContain('course-complete');
    expect(new Date(res.body.achievements[0].unlockedAt).getTime()).toBeLessThanOrEqual(Date.now());

    // The third exercise completes the course; 3 × 100 + 2 × 20 = 340, still level 1.
    await grade({ userId: learner.id, exerciseId: c });
    const after = await request(api.url).get('/api/me/progress').set('Authorization', bearer(learner)).expect(200);
    expect(after.body.xp).toBe(340);
    expect(after.body.achievements.map((x: { id: string }) => x.id)).toEqual(
      expect.arrayContaining(['chapter-complete', 'course-complete']),
    );
  });

  it('pushes progress.updated to the learner after a completed Submit, equal to GET', async () => {
    const learner = await registerUser(api);
    const other = await registerUser(api);
    const socket = await connectLive(api, learner.accessToken);
    const otherSocket = await connectLive(api, other.accessToken);
    sockets.push(socket, otherSocket);
    const otherGot: unknown[] = [];
    otherSocket.on(LIVE_EVENTS.progressUpdated, (p) => otherGot.push(p));

    const exerciseId = course.chapters[0][0];
    const submissionId = randomUUID();
    const outcome = await grade({ userId: learner.id, exerciseId, submissionId });
    const pushed = nextEvent<{ xp: number }>(socket, LIVE_EVENTS.progressUpdated);
    // What the pipeline's relay publishes once the Submit's transaction has committed, with the progress the
    // worker computes after the commit (apps/worker/src/grading/post-commit.ts).
    const progress = await loadLearnerProgress(api.app.get(DataSource).manager, learner.id, new Date());
    api.app
      .get(AppEvents)
      .submissionCompleted.next({ submissionId, userId: learner.id, exerciseId, kind: 'submit', verdict: 'passed', outcome, progress });
    const payload = await pushed;
    expect(payload.xp).toBe(120);
    const res = await request(api.url).get('/api/me/progress').set('Authorization', bearer(learner)).expect(200);
    expect(payload).toEqual(res.body);
    expect(otherGot).toEqual([]);
  });

  it('pushes nothing for a Run', async () => {
    const learner = await registerUser(api);
    const socket = await connectLive(api, learner.accessToken);
    sockets.push(socket);
    const got: unknown[] = [];
    socket.on(LIVE_EVENTS.progressUpdated, (p) => got.push(p));
    api.app.get(AppEvents).submissionCompleted.next({
      submissionId: randomUUID(),
      userId: learner.id,
      exerciseId: course.chapters[0][0],
      kind: 'run',
      verdict: 'passed',
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(got).toEqual([]);
  });
});
