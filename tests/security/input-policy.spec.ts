// Issue 12 item 4: one input policy. A NUL byte anywhere (body, key, path, query, socket.io message) is a 400
// with a clear message, never PostgreSQL's "invalid byte sequence" as a 500; JSON nested 5,000 levels deep
// is a 400 too.
import { io } from 'socket.io-client';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { UserRole } from '@questline/data';
import { startApi, type TestApi } from '../fixtures/api';
import { bearer, createUserWithRole, registerUser, type TestUser } from '../fixtures/users';

let api: TestApi;
let learner: TestUser;
let admin: TestUser;
let exerciseId: string;

beforeAll(async () => {
  api = await startApi();
  learner = await registerUser(api);
  admin = await createUserWithRole(api, UserRole.Admin);
  const rows: Array<{ id: string }> = await api.app.get(DataSource).query(`SELECT id FROM exercises ORDER BY id LIMIT 1`);
  exerciseId = rows[0].id;
});
afterAll(async () => {
  await api?.close();
});

const NUL = '\u0000';
const expectNulRefused = (res: request.Response) => {
  expect({ status: res.status, body: res.body as unknown }).toEqual({
    status: 400,
    body: { statusCode: 400, error: 'Bad Request', code: 'INVALID_INPUT', message: 'Text must not contain NUL characters (\\u0000)' },
  });
};

it('refuses NUL in every text a client sends, with 400', async () => {
  const auth = (req: request.Test, user = learner) => req.set('Authorization', bearer(user));
  expectNulRefused(
    await request(api.url)
      .post('/api/auth/register')
      .send({ email: `a${NUL}@example.test`, password: 'x'.repeat(12), displayName: 'A' }),
  );
  expectNulRefused(
    await request(api.url)
      .post('/api/auth/register')
      .send({ email: 'b@example.test', password: 'x'.repeat(12), displayName: `B${NUL}` }),
  );
  expectNulRefused(
    await request(api.url)
      .post('/api/auth/login')
      .send({ email: learner.email, password: `${NUL}` }),
  );
  expectNulRefused(
    await request(api.url)
      .post('/api/auth/login')
      .send({ [`email${NUL}`]: learner.email, password: 'x' }),
  );
  expectNulRefused(await auth(request(api.url).post(`/api/exercises/${exerciseId}/runs`)).send({ code: `module.exports = 1;${NUL}` }));
  expectNulRefused(await auth(request(api.url).post(`/api/exercises/${exerciseId}/submissions`)).send({ code: `//${NUL}` }));
  expectNulRefused(await auth(request(api.url).get('/api/courses/getting%00started')));
  expectNulRefused(await auth(request(api.url).get('/api/packs/some%00pack/stats'), admin));
  expectNulRefused(await auth(request(api.url).get('/api/leaderboards?period=daily&course=x%00')));
  expectNulRefused(await auth(request(api.url).post('/api/leaderboards/rebuild'), admin).send({ course: `c${NUL}` }));
  // Form-encoded bodies go through the same policy.
  expectNulRefused(
    await request(api.url)
      .post('/api/auth/login')
      .type('form')
      .send(`email=${encodeURIComponent(learner.email)}&password=%00`),
  );
});

it('refuses JSON nested deeper than the limit, with 400, and accepts ordinary bodies', async () => {
  const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
  const res = await request(api.url).post('/api/auth/login').set('Content-Type', 'application/json').send(deep);
  expect(res.status).toBe(400);
  expect(res.body).toMatchObject({ code: 'INVALID_INPUT', message: 'JSON nested deeper than 32 levels' });
  const arrays = `{"email":${'['.repeat(5000)}${']'.repeat(5000)}}`;
  expect((await request(api.url).post('/api/auth/login').set('Content-Type', 'application/json').send(arrays)).status).toBe(400);
  await request(api.url).post('/api/auth/login').send({ email: learner.email, password: learner.password }).expect(200);
});

it('answers a NUL in a socket.io message with a 400 exception, not a 500', async () => {
  const socket = io(`${api.url}/live`, {
    auth: { token: learner.accessToken },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('ready', () => resolve());
      socket.once('connect_error', reject);
    });
    const exception = new Promise<{ statusCode: number; code?: string; message: string }>((resolve) => socket.once('exception', resolve));
    socket.emit('leaderboard.subscribe', { period: 'daily', course: `x${NUL}` });
    expect(await exception).toMatchObject({ statusCode: 400, code: 'INVALID_INPUT' });
  } finally {
    socket.disconnect();
  }
});
