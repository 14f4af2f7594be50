import net from 'node:net';
import request from 'supertest';
import { startApi, type TestApi } from '../fixtures/api';

/** A TCP port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('health and OpenAPI', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => {
    await api?.close();
  });

  it('reports ok when the database and Redis answer', async () => {
    const res = await request(api.url).get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', checks: { database: 'up', queue: 'up' } });
  });

  it('reports 503 naming the queue when Redis is unreachable', async () => {
    const port = await closedPort();
    // Same database, second api instance pointed at a dead Redis.
    const broken = await startApi({ db: api.db, env: { REDIS_URL: `redis://127.0.0.1:${port}`, QUEUE_BACKEND: 'redis' } });
    try {
      const res = await request(broken.url).get('/api/health').expect(503);
      expect(res.body).toMatchObject({
        statusCode: 503,
        status: 'error',
        checks: { database: 'up', queue: 'down' },
      });
      expect(res.body.message).toMatch(/queue is down/);
    } finally {
      await broken.close();
    }
  });

  it('checks the database as the queue on the PostgreSQL backend', async () => {
    const pg = await startApi({ db: api.db, env: { QUEUE_BACKEND: 'postgres', REDIS_URL: undefined } });
    try {
      expect(pg.config.queue.backend).toBe('postgres');
      const res = await request(pg.url).get('/api/health').expect(200);
      expect(res.body.checks).toEqual({ database: 'up', queue: 'up' });
    } finally {
      await pg.close();
    }
  });

  it('serves the OpenAPI document with the auth routes and their DTOs', async () => {
    const res = await request(api.url).get('/api/docs-json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/auth/register', '/api/auth/login', '/api/me', '/api/health']),
    );
    expect(res.body.paths['/api/auth/register'].post.responses['201']).toBeDefined();
    const register = res.body.components.schemas.RegisterDto;
    expect(register.required).toEqual(expect.arrayContaining(['email', 'password', 'displayName']));
    expect(register.properties.password.minLength).toBe(8);
    expect(res.body.components.securitySchemes.bearer).toBeDefined();
  });

  it('serves the Swagger UI at /api/docs', async () => {
    const res = await request(api.url).get('/api/docs').redirects(1).expect(200);
    expect(res.text).toMatch(/swagger-ui/i);
  });
});
