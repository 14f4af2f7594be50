// The auth rate limit is one budget across api processes when Redis is configured (issue 12 item 9).
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { startApi, type TestApi } from '../fixtures/api';
import { startApiProcess, type Proc } from '../pipeline/support/processes';

const LIMIT = 4;
const QUEUE_PREFIX = `{ql-rate-${process.pid}-${randomBytes(3).toString('hex')}}`;
let a: TestApi;
let b: { proc: Proc; url: string };

beforeAll(async () => {
  a = await startApi({ env: { AUTH_RATE_LIMIT: String(LIMIT), QUEUE_BACKEND: 'redis', QUEUE_PREFIX, GRADING_SWEEP_INTERVAL_MS: '0' } });
  b = await startApiProcess(
    {
      DATABASE_URL: a.db.url,
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      QUEUE_BACKEND: 'redis',
      QUEUE_PREFIX,
      JWT_SECRET: a.config.jwt.secret,
      AUTH_RATE_LIMIT: String(LIMIT),
      GRADING_SWEEP_INTERVAL_MS: '0',
    },
    'api-b',
  );
}, 120_000);

afterAll(async () => {
  await b?.proc.stop('SIGKILL');
  await a?.close();
});

it('counts sign-in attempts on two api processes against one budget', async () => {
  const email = `nobody-${randomBytes(4).toString('hex')}@example.test`;
  const attempt = (url: string) => request(url).post('/api/auth/login').send({ email, password: 'whatever it is' });
  // Two attempts on each process: four in all, the limit. Each process alone has seen only two.
  for (const url of [a.url, b.url, a.url, b.url]) await attempt(url).expect(401);
  // The fifth is refused by whichever process gets it: they share the counter.
  const onA = await attempt(a.url).expect(429);
  expect(onA.headers['retry-after']).toBeDefined();
  await attempt(b.url).expect(429);
  // Another route keeps its own budget (as with one process).
  await request(b.url).post('/api/auth/register').send({}).expect(400);
});
