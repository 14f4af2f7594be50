import request from 'supertest';
import { startApi, type TestApi } from '../fixtures/api';
import { bearer, registerUser, uniqueEmail } from '../fixtures/users';

describe('auth: register, login, /api/me', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => {
    await api?.close();
  });

  it('registers, logs in and reads the profile', async () => {
    const email = uniqueEmail('Ada');
    const reg = await request(api.url)
      .post('/api/auth/register')
      .send({ email: `  ${email.toUpperCase()} `, password: 'long enough pw', displayName: 'Ada', timezone: 'Europe/London' })
      .expect(201);
    expect(reg.body.accessToken).toEqual(expect.any(String));
    expect(reg.body.user).toEqual({
      id: expect.any(String),
      email: email.toLowerCase(),
      displayName: 'Ada',
      timezone: 'Europe/London',
      role: 'learner',
      createdAt: expect.any(String),
    });
    expect(JSON.stringify(reg.body)).not.toMatch(/password/i);

    const login = await request(api.url)
      .post('/api/auth/login')
      .send({ email: email.toUpperCase(), password: 'long enough pw' })
      .expect(200);
    expect(login.body.user.id).toBe(reg.body.user.id);

    const me = await request(api.url).get('/api/me').set('Authorization', `Bearer ${login.body.accessToken}`).expect(200);
    expect(me.body).toEqual(reg.body.user);
  });

  it('defaults the timezone to UTC', async () => {
    const user = await registerUser(api);
    const me = await request(api.url).get('/api/me').set('Authorization', bearer(user)).expect(200);
    expect(me.body.timezone).toBe('UTC');
  });

  it('refuses a duplicate email, whatever its case, with 409', async () => {
    const user = await registerUser(api);
    const res = await request(api.url)
      .post('/api/auth/register')
      .send({ email: user.email.toUpperCase(), password: 'another password', displayName: 'Dup' })
      .expect(409);
    expect(res.body).toMatchObject({ statusCode: 409, error: 'Conflict', code: 'EMAIL_TAKEN' });
    expect(res.body.message).toMatch(/already exists/);
  });

  it('answers 401 with the same message for a wrong password and an unknown email', async () => {
    const user = await registerUser(api);
    const wrong = await request(api.url).post('/api/auth/login').send({ email: user.email, password: 'not the password' }).expect(401);
    const unknown = await request(api.url)
      .post('/api/auth/login')
      .send({ email: uniqueEmail('nobody'), password: 'whatever123' })
      .expect(401);
    expect(wrong.body.message).toBe('Invalid email or password');
    expect(unknown.body).toEqual(wrong.body);
  });

  it('requires a valid bearer token for /api/me', async () => {
    const none = await request(api.url).get('/api/me').expect(401);
    expect(none.body.message).toMatch(/bearer token/i);
    const bad = await request(api.url).get('/api/me').set('Authorization', 'Bearer not.a.jwt').expect(401);
    expect(bad.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
  });
});
