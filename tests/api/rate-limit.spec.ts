import request from 'supertest';
import { startApi, type TestApi } from '../fixtures/api';

describe('rate limiting on auth routes', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startApi({ env: { AUTH_RATE_LIMIT: '3' } });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('answers 429 after AUTH_RATE_LIMIT requests a minute, and leaves other routes alone', async () => {
    const attempt = () => request(api.url).post('/api/auth/login').send({ email: 'x@example.test', password: 'whatever1' });
    for (let i = 0; i < 3; i += 1) await attempt().expect(401);
    const limited = await attempt().expect(429);
    expect(limited.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
    expect(limited.body.message).toEqual(expect.any(String));
    expect(limited.headers['retry-after']).toBeDefined();
    // Each auth route has its own budget per IP; the limit applies before validation.
    for (let i = 0; i < 3; i += 1) await request(api.url).post('/api/auth/register').send({}).expect(400);
    await request(api.url).post('/api/auth/register').send({}).expect(429);
    // Not an auth route: not limited.
    for (let i = 0; i < 5; i += 1) await request(api.url).get('/api/health').expect(200);
  });
});
