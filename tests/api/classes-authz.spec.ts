// Classrooms (issue 15): every new route for anonymous, a learner of the class, another class's learner,
// the instructor (owner), another instructor and an admin; then what the board, the gradebook and the
// live board event actually contain, on a real api, database and socket.io client.
import request from 'supertest';
import type { Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { LIVE_EVENTS, type ClassBoard, type ClassBoardUpdatedEvent, type Gradebook } from '@questline/contracts';
import { UserRole } from '@questline/data';
import { AppEvents } from '../../apps/api/src/common/app-events';
import { startApi, type TestApi } from '../fixtures/api';
import { bearer, createUserWithRole, registerUser, type TestUser } from '../fixtures/users';
import { connectLive, nextEvent } from '../gamification/live';
import { seedCourse, type SeededCourse } from '../gamification/seed';

type Actor = 'anon' | 'learner' | 'otherLearner' | 'instructor' | 'otherInstructor' | 'admin';
const ACTORS: Actor[] = ['anon', 'learner', 'otherLearner', 'instructor', 'otherInstructor', 'admin'];

let api: TestApi;
let db: DataSource;
let course: SeededCourse;
const users = {} as Record<Exclude<Actor, 'anon'>, TestUser>;
let classId: string;
let otherClassId: string;
let assignmentId: string;
const sockets: Socket[] = [];

const call = (actor: Actor, method: 'get' | 'post' | 'delete', path: string, body?: object) => {
  let req = request(api.url)[method](`/api${path}`);
  if (actor !== 'anon') req = req.set('Authorization', bearer(users[actor]));
  return body ? req.send(body) : req;
};

const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

beforeAll(async () => {
  api = await startApi({ env: { QUEUE_PREFIX: `{ql-classes-${process.pid}}` } });
  db = api.app.get(DataSource);
  course = await seedCourse(db, { chapters: [2, 1] });
  users.learner = await registerUser(api, { displayName: 'Ada Learner' });
  users.otherLearner = await registerUser(api, { displayName: 'Other Learner' });
  users.instructor = await createUserWithRole(api, UserRole.Instructor);
  users.otherInstructor = await createUserWithRole(api, UserRole.Instructor);
  users.admin = await createUserWithRole(api, UserRole.Admin);

  classId = (await call('instructor', 'post', '/classes', { name: 'CS101', timeZone: 'Europe/Paris' }).expect(201)).body.id;
  otherClassId = (await call('otherInstructor', 'post', '/classes', { name: 'Other', timeZone: 'UTC' }).expect(201)).body.id;
  const code = (await call('instructor', 'post', `/classes/${classId}/invites`, {}).expect(201)).body.code;
  const otherCode = (await call('otherInstructor', 'post', `/classes/${otherClassId}/invites`, {}).expect(201)).body.code;
  await call('learner', 'post', `/classes/join/${code}`).expect(200);
  await call('otherLearner', 'post', `/classes/join/${otherCode}`).expect(200);
  assignmentId = (
    await call('instructor', 'post', `/classes/${classId}/assignments`, {
      courseId: course.id,
      chapterId: undefined,
      opensAt: inHours(-1),
      dueAt: inHours(48),
    }).expect(201)
  ).body.id;
});

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await api?.close();
});

/** Expected status per actor; a "make" builds a fresh target for the actors allowed to destroy one. */
interface RouteCase {
  name: string;
  method: 'get' | 'post' | 'delete';
  path: (actor: Actor) => Promise<string> | string;
  body?: object;
  expect: Record<Actor, number>;
}

const instructorOnly = (ok: number): Record<Actor, number> => ({
  anon: 401,
  learner: 403,
  otherLearner: 404,
  instructor: ok,
  otherInstructor: 404,
  admin: ok,
});
const members = (ok: number): Record<Actor, number> => ({ ...instructorOnly(ok), learner: ok });

async function freshLearnerId(): Promise<string> {
  const extra = await registerUser(api);
  const code = (await call('instructor', 'post', `/classes/${classId}/invites`, {}).expect(201)).body.code;
  await request(api.url).post(`/api/classes/join/${code}`).set('Authorization', bearer(extra)).expect(200);
  return extra.id;
}

const CASES: RouteCase[] = [
  {
    name: 'POST /classes',
    method: 'post',
    path: () => '/classes',
    body: { name: 'New', timeZone: 'UTC' },
    expect: { anon: 401, learner: 403, otherLearner: 403, instructor: 201, otherInstructor: 201, admin: 201 },
  },
  {
    name: 'GET /classes',
    method: 'get',
    path: () => '/classes',
    expect: { anon: 401, learner: 200, otherLearner: 200, instructor: 200, otherInstructor: 200, admin: 200 },
  },
  {
    name: 'GET /me/assignments',
    method: 'get',
    path: () => '/me/assignments',
    expect: { anon: 401, learner: 200, otherLearner: 200, instructor: 200, otherInstructor: 200, admin: 200 },
  },
  { name: 'GET /classes/:id', method: 'get', path: () => `/classes/${classId}`, expect: members(200) },
  { name: 'GET /classes/:id/members', method: 'get', path: () => `/classes/${classId}/members`, expect: instructorOnly(200) },
  {
    name: 'POST /classes/:id/instructors',
    method: 'post',
    path: () => `/classes/${classId}/instructors`,
    body: { email: '' },
    expect: { anon: 401, learner: 400, otherLearner: 400, instructor: 400, otherInstructor: 400, admin: 400 },
  },
  {
    name: 'DELETE /classes/:id/members/:userId',
    method: 'delete',
    path: async (actor) =>
      `/classes/${classId}/members/${actor === 'instructor' || actor === 'admin' ? await freshLearnerId() : users.learner.id}`,
    expect: instructorOnly(204),
  },
  { name: 'GET /classes/:id/invites', method: 'get', path: () => `/classes/${classId}/invites`, expect: instructorOnly(200) },
  {
    name: 'POST /classes/:id/invites',
    method: 'post',
    path: () => `/classes/${classId}/invites`,
    body: { expiresInHours: 2 },
    expect: instructorOnly(201),
  },
  {
    name: 'DELETE /classes/:id/invites/:code',
    method: 'delete',
    path: async () =>
      `/classes/${classId}/invites/${(await call('instructor', 'post', `/classes/${classId}/invites`, {}).expect(201)).body.code}`,
    expect: instructorOnly(204),
  },
  {
    name: 'POST /classes/:id/invites/regenerate',
    method: 'post',
    path: () => `/classes/${classId}/invites/regenerate`,
    body: {},
    expect: instructorOnly(201),
  },
  { name: 'GET /classes/:id/assignments', method: 'get', path: () => `/classes/${classId}/assignments`, expect: members(200) },
  {
    name: 'POST /classes/:id/assignments',
    method: 'post',
    path: () => `/classes/${classId}/assignments`,
    body: { courseId: '', opensAt: 'x', dueAt: 'y' },
    expect: { anon: 401, learner: 400, otherLearner: 400, instructor: 400, otherInstructor: 400, admin: 400 },
  },
  {
    name: 'DELETE /classes/:id/assignments/:assignmentId',
    method: 'delete',
    path: async () => {
      const created = await call('instructor', 'post', `/classes/${classId}/assignments`, {
        courseId: course.id,
        exerciseId: course.chapters[1][0],
        opensAt: inHours(-1),
        dueAt: inHours(1),
      }).expect(201);
      return `/classes/${classId}/assignments/${created.body.id}`;
    },
    expect: instructorOnly(204),
  },
  { name: 'GET /classes/:id/board', method: 'get', path: () => `/classes/${classId}/board`, expect: instructorOnly(200) },
  {
    name: 'GET /classes/:id/board/:userId/:exerciseId',
    method: 'get',
    path: () => `/classes/${classId}/board/${users.learner.id}/${course.chapters[0][0]}`,
    expect: instructorOnly(200),
  },
  { name: 'GET /classes/:id/gradebook', method: 'get', path: () => `/classes/${classId}/gradebook`, expect: instructorOnly(200) },
  { name: 'GET /classes/:id/gradebook.csv', method: 'get', path: () => `/classes/${classId}/gradebook.csv`, expect: instructorOnly(200) },
];

describe('classes: authorization of every route', () => {
  for (const route of CASES) {
    it(route.name, async () => {
      for (const actor of ACTORS) {
        const res = await call(actor, route.method, await route.path(actor), route.body);
        expect({ actor, status: res.status }).toEqual({ actor, status: route.expect[actor] });
        expect(res.status).toBeLessThan(500);
      }
    });
  }

  it('valid bodies: POST instructors and assignments by the owner, admin; refused for others', async () => {
    const colleague = await createUserWithRole(api, UserRole.Instructor);
    const body = { email: colleague.email };
    const statuses: Record<string, number> = {};
    for (const actor of ACTORS) statuses[actor] = (await call(actor, 'post', `/classes/${classId}/instructors`, body)).status;
    expect(statuses).toEqual({ anon: 401, learner: 403, otherLearner: 404, instructor: 200, otherInstructor: 404, admin: 200 });
    // The co-instructor now sees the board, but may not add instructors (owner only).
    await request(api.url).get(`/api/classes/${classId}/board`).set('Authorization', bearer(colleague)).expect(200);
    await request(api.url).post(`/api/classes/${classId}/instructors`).set('Authorization', bearer(colleague)).send(body).expect(403);

    const assignment = { courseId: course.id, chapterId: undefined, opensAt: inHours(-1), dueAt: inHours(24) };
    for (const actor of ACTORS) statuses[actor] = (await call(actor, 'post', `/classes/${classId}/assignments`, assignment)).status;
    expect(statuses).toEqual({ ...instructorOnly(201) });
  });

  it('join codes: unknown 404, revoked and expired 409, regenerate revokes the old codes', async () => {
    await call('otherLearner', 'post', '/classes/join/no-such-code').expect(404);
    const code = (await call('instructor', 'post', `/classes/${classId}/invites`, {}).expect(201)).body.code;
    const regenerated = await call('instructor', 'post', `/classes/${classId}/invites/regenerate`, {}).expect(201);
    const revoked = await call('otherLearner', 'post', `/classes/join/${code}`).expect(409);
    expect(revoked.body.message).toMatch(/revoked/);
    await db.query(`UPDATE class_invites SET expires_at = now() - interval '1 minute' WHERE code = $1`, [regenerated.body.code]);
    expect((await call('otherLearner', 'post', `/classes/join/${regenerated.body.code}`).expect(409)).body.message).toMatch(/expired/);
    // Bad input is a 4xx with a message.
    const badZone = await call('instructor', 'post', '/classes', { name: 'X', timeZone: 'Mars/Olympus' }).expect(400);
    expect(JSON.stringify(badZone.body.message)).toMatch(/timeZone must be an IANA time zone/);
    await call('instructor', 'get', '/classes/not-a-uuid').expect(404);
  });

  it('a learner sees only their own classes and assignments', async () => {
    const mine = (await call('learner', 'get', '/classes').expect(200)).body as Array<{ id: string; role: string }>;
    expect(mine.map((c) => c.id)).toEqual([classId]);
    expect(mine[0].role).toBe('learner');
    const assigned = (await call('learner', 'get', '/me/assignments').expect(200)).body as Array<{ id: string; exerciseIds: string[] }>;
    expect(assigned.map((a) => a.id)).toContain(assignmentId);
    expect(assigned.find((a) => a.id === assignmentId)?.exerciseIds).toHaveLength(3);
    const other = (await call('otherLearner', 'get', '/me/assignments').expect(200)).body as Array<{ id: string }>;
    expect(other.map((a) => a.id)).not.toContain(assignmentId);
  });
});

describe('classes: board, gradebook and live updates', () => {
  it('board and gradebook derive solved / late from the submissions, and the CSV has the row', async () => {
    const learner = await registerUser(api, { displayName: 'Late Larry' });
    const code = (await call('instructor', 'post', `/classes/${classId}/invites`, {}).expect(201)).body.code;
    await request(api.url).post(`/api/classes/join/${code}`).set('Authorization', bearer(learner)).expect(200);
    const due = new Date(Date.now() + 60_000);
    // Its own course: the board judges an exercise against the latest due date of the assignments covering it.
    const own = await seedCourse(db, { chapters: [1] });
    const klass = (
      await call('instructor', 'post', `/classes/${classId}/assignments`, {
        courseId: own.id,
        exerciseId: own.chapters[0][0],
        opensAt: inHours(-2),
        dueAt: due.toISOString(),
      }).expect(201)
    ).body;
    const ex = own.chapters[0][0];
    const insert = (kind: string, verdict: string, at: Date) =>
      db.query(
        `INSERT INTO submissions (user_id, exercise_id, kind, code, status, verdict, result, course_version, tests_hash, created_at, completed_at)
         VALUES ($1, $2, $3, 'x', 'completed', $4, $5, '1.0.0', 'th', $6, $6)`,
        [learner.id, ex, kind, verdict, JSON.stringify({ verdict, tests: [] }), at],
      );
    await insert('submit', 'failed', new Date(due.getTime() - 30_000));
    await insert('run', 'passed', new Date(due.getTime() - 20_000));
    await insert('submit', 'passed', new Date(due.getTime() + 3_600_000));

    const board = (await call('instructor', 'get', `/classes/${classId}/board`).expect(200)).body as ClassBoard;
    expect(board.cells[learner.id][ex]).toMatchObject({ state: 'solved_late', attempts: 2 });
    expect(board.cells[users.learner.id]?.[ex]).toBeUndefined();

    const book = (await call('instructor', 'get', `/classes/${classId}/gradebook`).expect(200)).body as Gradebook;
    const row = book.rows.find((r) => r.userId === learner.id);
    expect(row?.assignments[klass.id]).toMatchObject({ solved: true, attempts: 2, late: true });
    expect(row?.assignments[assignmentId]).toMatchObject({ solved: false, late: false });

    const csv = await call('instructor', 'get', `/classes/${classId}/gradebook.csv`).expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text).toMatch(/^Late Larry,/m);

    const attempts = await call('instructor', 'get', `/classes/${classId}/board/${learner.id}/${ex}`).expect(200);
    expect(attempts.body.attempts).toHaveLength(3);
    expect(attempts.body.attempts[0]).toMatchObject({ kind: 'submit', verdict: 'passed', late: true, code: 'x' });
    // Another instructor cannot read this learner's attempts.
    await call('otherInstructor', 'get', `/classes/${classId}/board/${learner.id}/${ex}`).expect(404);
  });

  it("a completed grading turns the cell green live in the instructors' sockets, without a query per cell", async () => {
    const learner = await registerUser(api, { displayName: 'Live Lin' });
    const code = (await call('instructor', 'post', `/classes/${classId}/invites`, {}).expect(201)).body.code;
    await request(api.url).post(`/api/classes/join/${code}`).set('Authorization', bearer(learner)).expect(200);
    const socket = await connectLive(api, users.instructor.accessToken);
    sockets.push(socket);
    const outsider = await connectLive(api, users.otherInstructor.accessToken);
    sockets.push(outsider);
    let outsiderGot = 0;
    outsider.on(LIVE_EVENTS.classBoardUpdated, () => (outsiderGot += 1));
    await call('instructor', 'get', `/classes/${classId}/board`).expect(200);

    const ex = course.chapters[0][0];
    const events = api.app.get(AppEvents);
    const received = nextEvent<ClassBoardUpdatedEvent>(socket, LIVE_EVENTS.classBoardUpdated);
    const queries = jest.spyOn(db, 'query');
    // Two gradings in a row are pushed together, in one event.
    events.submissionCompleted.next({
      submissionId: 's1',
      userId: learner.id,
      exerciseId: ex,
      kind: 'submit',
      verdict: 'failed',
      submittedAt: new Date().toISOString(),
    });
    events.submissionCompleted.next({
      submissionId: 's2',
      userId: learner.id,
      exerciseId: ex,
      kind: 'submit',
      verdict: 'passed',
      submittedAt: new Date().toISOString(),
    });
    // A learner outside the class changes nothing.
    events.submissionCompleted.next({
      submissionId: 's3',
      userId: users.otherLearner.id,
      exerciseId: ex,
      kind: 'submit',
      verdict: 'passed',
    });
    const update = await received;
    expect(queries).not.toHaveBeenCalled();
    queries.mockRestore();
    expect(update.classId).toBe(classId);
    expect(update.cells).toEqual([{ userId: learner.id, exerciseId: ex, cell: expect.objectContaining({ state: 'solved', attempts: 2 }) }]);
    expect(outsiderGot).toBe(0);
  });
});
