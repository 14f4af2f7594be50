// Issue 12 item 5: with PostgreSQL gone, authenticated requests answer 503 DATABASE_UNAVAILABLE (never 401,
// which would sign the learner out, nor 500), sockets are refused with the same code, and the outage is
// logged once at warn rather than once per request with a stack. The api reaches the shared PostgreSQL
// through a TCP proxy of this suite, so "stopping" it means cutting the proxy.
import { Writable } from 'node:stream';
import { io, type Socket } from 'socket.io-client';
import request from 'supertest';
import { startApi, type TestApi } from '../fixtures/api';
import { createTestDatabase, type TestDatabase } from '../fixtures/database';
import { startTcpProxy, type TcpProxy } from '../fixtures/tcp-proxy';
import { bearer, registerUser, type TestUser } from '../fixtures/users';

jest.setTimeout(60_000);

interface LogLine {
  level: number;
  msg?: string;
  context?: string;
  err?: unknown;
}

let db: TestDatabase;
let proxy: TcpProxy;
let api: TestApi;
let learner: TestUser;
const lines: LogLine[] = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as LogLine);
    done();
  },
});

beforeAll(async () => {
  db = await createTestDatabase();
  const target = new URL(db.url);
  proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
  api = await startApi({ db: { ...db, url: proxy.urlFor(db.url) }, env: { LOG_LEVEL: 'warn' }, logStream: sink });
  learner = await registerUser(api);
});

afterAll(async () => {
  await proxy?.restore().catch(() => undefined);
  await api?.close();
  await proxy?.close();
  await db?.drop();
});

function refusal(socket: Socket): Promise<{ message: string; data?: { code?: string } }> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => reject(new Error('connected, expected a refusal')));
    socket.once('connect_error', (error: Error & { data?: { code?: string } }) => resolve({ message: error.message, data: error.data }));
  });
}

it('answers 503 DATABASE_UNAVAILABLE while PostgreSQL is gone, logs it once at warn, and recovers', async () => {
  await request(api.url).get('/api/me').set('Authorization', bearer(learner)).expect(200);
  const before = lines.length;
  await proxy.cut();

  for (let i = 0; i < 3; i++) {
    const me = await request(api.url).get('/api/me').set('Authorization', bearer(learner));
    expect(me.status).toBe(503);
    expect(me.body).toEqual({
      statusCode: 503,
      error: 'Service Unavailable',
      code: 'DATABASE_UNAVAILABLE',
      message: expect.stringMatching(/database is temporarily unavailable/),
    });
  }
  // The queue dashboard's own guard too: an outage, not a sign-in form or a 401.
  const dashboard = await request(api.url).get('/api/admin/queues').set('Authorization', bearer(learner));
  expect({ status: dashboard.status, code: dashboard.body.code }).toEqual({ status: 503, code: 'DATABASE_UNAVAILABLE' });
  const login = await request(api.url).post('/api/auth/login').send({ email: learner.email, password: learner.password });
  expect(login.status).toBe(503);
  expect(login.body.code).toBe('DATABASE_UNAVAILABLE');
  const register = await request(api.url)
    .post('/api/auth/register')
    .send({ email: `x${learner.email}`, password: learner.password, displayName: 'X' });
  expect(register.body.code).toBe('DATABASE_UNAVAILABLE');

  const socket = io(`${api.url}/live`, {
    auth: { token: learner.accessToken },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  try {
    const refused = await refusal(socket);
    expect(refused.data?.code).toBe('DATABASE_UNAVAILABLE');
    expect(refused.message).not.toMatch(/Invalid or expired token/);
  } finally {
    socket.disconnect();
  }

  const during = lines.slice(before);
  // One outage line at warn for all six failures; no error-level line and no stack.
  const outage = during.filter((line) => line.context === 'Dependencies');
  expect(outage).toHaveLength(1);
  expect(outage[0]).toMatchObject({ level: 40, msg: expect.stringMatching(/^database unavailable/) });
  expect(during.filter((line) => line.level >= 50)).toEqual([]);
  expect(JSON.stringify(during)).not.toMatch(/\n\s+at /);

  await proxy.restore();
  const deadline = Date.now() + 15_000;
  let status = 0;
  while (Date.now() < deadline) {
    status = (await request(api.url).get('/api/me').set('Authorization', bearer(learner))).status;
    if (status === 200) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  expect(status).toBe(200);
});
