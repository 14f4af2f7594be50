import { Writable } from 'node:stream';
import request from 'supertest';
import { startApi, type TestApi } from '../fixtures/api';
import { uniqueEmail } from '../fixtures/users';

describe('structured logs', () => {
  let api: TestApi;
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });

  beforeAll(async () => {
    api = await startApi({ env: { LOG_LEVEL: 'info' }, logStream: sink });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('logs JSON with the request id and never the password or token', async () => {
    const password = `Sup3r-Secret-${Date.now()}`;
    const email = uniqueEmail();
    const reg = await request(api.url)
      .post('/api/auth/register')
      .set('x-request-id', 'log-test-1')
      .send({ email, password, displayName: 'Logged' })
      .expect(201);
    await request(api.url)
      .post('/api/auth/login')
      .send({ email, password: `${password}-wrong` })
      .expect(401);
    await request(api.url).post('/api/auth/login').send({ email, password }).expect(200);
    await request(api.url).get('/api/me').set('Authorization', `Bearer ${reg.body.accessToken}`).expect(200);
    await request(api.url).post('/api/auth/login').set('Content-Type', 'application/json').send(`{"password":"${password}"`).expect(400);

    expect(lines.length).toBeGreaterThan(3);
    const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const completed = parsed.find(
      (entry) => typeof entry.req === 'object' && entry.req !== null && (entry.req as { id?: unknown }).id === 'log-test-1',
    );
    expect(completed).toMatchObject({ res: { statusCode: 201 }, req: { method: 'POST', url: '/api/auth/register' } });

    const all = lines.join('\n');
    expect(all).not.toContain(password);
    expect(all).not.toContain(reg.body.accessToken);
    expect(all).not.toMatch(/\$argon2/);
  });
});
