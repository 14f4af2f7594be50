import request from 'supertest';
import { startApi, type TestApi } from '../fixtures/api';
import { uniqueEmail } from '../fixtures/users';

// Bad input must always be a 4xx JSON body whose message says what is wrong: never a 500, never a stack.
describe('request validation and body parsing', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => {
    await api?.close();
  });

  const register = (body: unknown) =>
    request(api.url)
      .post('/api/auth/register')
      .send(body as object);

  function expectCleanError(res: request.Response, status: number): void {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.body).toMatchObject({ statusCode: status, error: expect.any(String), message: expect.any(String) });
    expect(JSON.stringify(res.body)).not.toMatch(/\bat .+\.(js|ts):\d+/); // no stack frames
  }

  it('names every missing field', async () => {
    const res = await register({});
    expectCleanError(res, 400);
    expect(res.body.message).toMatch(/email/);
    expect(res.body.message).toMatch(/password/);
    expect(res.body.message).toMatch(/displayName/);
    expect(res.body.details).toEqual(expect.arrayContaining([expect.stringMatching(/^email /)]));
  });

  it('names fields with the wrong type', async () => {
    const res = await register({ email: 42, password: ['x'], displayName: { a: 1 } });
    expectCleanError(res, 400);
    expect(res.body.details).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^email must be a string/),
        expect.stringMatching(/^password must be a string/),
        expect.stringMatching(/^displayName must be a string/),
      ]),
    );
  });

  it('rejects unknown fields by name', async () => {
    const res = await register({ email: uniqueEmail(), password: 'long enough', displayName: 'X', role: 'admin' });
    expectCleanError(res, 400);
    expect(res.body.message).toBe('property role should not exist');
  });

  it('rejects a short password and says how long it must be', async () => {
    const res = await register({ email: uniqueEmail(), password: 'short', displayName: 'X' });
    expectCleanError(res, 400);
    expect(res.body.message).toMatch(/password must be longer than or equal to 8 characters/);
  });

  it('rejects an invalid email and an unknown time zone', async () => {
    const bad = await register({ email: 'not-an-email', password: 'long enough', displayName: 'X' });
    expectCleanError(bad, 400);
    expect(bad.body.message).toMatch(/email must be a valid email address/);
    const tz = await register({ email: uniqueEmail(), password: 'long enough', displayName: 'X', timezone: 'Mars/Olympus' });
    expectCleanError(tz, 400);
    expect(tz.body.message).toMatch(/timezone must be a valid IANA time zone/);
  });

  it('rejects a JSON array or scalar body', async () => {
    const arr = await register([{ email: 'a@b.c' }]);
    expectCleanError(arr, 400);
    const scalar = await request(api.url).post('/api/auth/login').set('Content-Type', 'application/json').send('"hello"');
    expectCleanError(scalar, 400);
  });

  it('answers malformed JSON with 400', async () => {
    const res = await request(api.url)
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email": "a@b.c", "password": ');
    expectCleanError(res, 400);
    expect(res.body.message).toBe('Malformed JSON in request body');
    expect(res.headers['x-request-id']).toEqual(expect.any(String));
  });

  it('answers a 2 MB body with 413', async () => {
    const res = await register({ email: uniqueEmail(), password: 'x'.repeat(2 * 1024 * 1024), displayName: 'Big' });
    expectCleanError(res, 413);
    expect(res.body.message).toMatch(/too large/);
  });

  it('answers an unknown route with a JSON 404', async () => {
    const res = await request(api.url).get('/api/no-such-route').expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });

  it('sets x-request-id, keeping a plain one sent by the client', async () => {
    const generated = await request(api.url).get('/api/health');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await request(api.url).get('/api/health').set('x-request-id', 'trace-abc.123');
    expect(kept.headers['x-request-id']).toBe('trace-abc.123');
    const replaced = await request(api.url).get('/api/health').set('x-request-id', 'bad id with spaces?');
    expect(replaced.headers['x-request-id']).not.toBe('bad id with spaces?');
  });

  it('sends helmet security headers', async () => {
    const res = await request(api.url).get('/api/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});
