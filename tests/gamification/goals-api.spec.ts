// GET /api/me/goals on a real api and database: every achievement with progress toward it, and what the
// next level and title need, from the same rows the XP rules write.
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { Goals } from '@questline/contracts';
import { recordSubmitOutcome, type SubmitOutcomeInput } from '@questline/data';
import { ACHIEVEMENTS, totalXpForLevel } from '@questline/gamification';
import { startApi, type TestApi } from '../fixtures/api';
import { bearer, registerUser } from '../fixtures/users';
import { seedCourse, type SeededCourse } from './seed';

let api: TestApi;
let course: SeededCourse;

beforeAll(async () => {
  api = await startApi({ env: { QUEUE_PREFIX: `{ql-gam-goals-${process.pid}}` } });
  course = await seedCourse(api.app.get(DataSource), { chapters: [3], xp: 100 });
});

afterAll(async () => {
  await api?.close();
});

const grade = (input: Pick<SubmitOutcomeInput, 'userId' | 'exerciseId'> & Partial<SubmitOutcomeInput>) =>
  api.app
    .get(DataSource)
    .transaction((manager) => recordSubmitOutcome(manager, { submissionId: randomUUID(), passed: true, at: new Date(), ...input }));

describe('GET /api/me/goals', () => {
  it('needs a token', async () => {
    await request(api.url).get('/api/me/goals').expect(401);
  });

  it('lists every achievement with progress, and the next level and title, for a new and a graded learner', async () => {
    const learner = await registerUser(api);
    const fresh = (await request(api.url).get('/api/me/goals').set('Authorization', bearer(learner)).expect(200)).body as Goals;
    expect(fresh.achievements.map((a) => a.id)).toEqual(ACHIEVEMENTS.map((a) => a.id));
    expect(fresh.achievements.every((a) => a.unlockedAt === null)).toBe(true);
    expect(fresh.nextLevel).toEqual({ level: 2, xpNeeded: totalXpForLevel(2) });
    expect(fresh.nextTitle).toEqual({ level: 10, title: 'Journeyman', xpNeeded: totalXpForLevel(10) });

    const [a, b] = course.chapters[0];
    await grade({ userId: learner.id, exerciseId: a });
    await grade({ userId: learner.id, exerciseId: b });
    const goals = (await request(api.url).get('/api/me/goals').set('Authorization', bearer(learner)).expect(200)).body as Goals;
    const byId = new Map(goals.achievements.map((x) => [x.id, x]));
    expect(byId.get('first-solve')).toMatchObject({ unlockedAt: expect.any(String), progress: { current: 1, target: 1 } });
    expect(byId.get('solves-10')).toMatchObject({ unlockedAt: null, progress: { current: 2, target: 10, unit: 'exercises' } });
    expect(byId.get('streak-7')).toMatchObject({ unlockedAt: null, progress: { current: 1, target: 7, unit: 'days' } });
    expect(byId.get('spree-5')?.progress).toEqual({ current: 2, target: 5, unit: 'Submits in a row' });
    expect(byId.get('first-try-10')?.progress).toEqual({ current: 2, target: 10, unit: 'first-try solves' });
    const progress = (await request(api.url).get('/api/me/progress').set('Authorization', bearer(learner)).expect(200)).body as {
      xp: number;
      level: number;
    };
    expect(goals.nextLevel).toEqual({ level: progress.level + 1, xpNeeded: totalXpForLevel(progress.level + 1) - progress.xp });
  });
});
