// Weak passwords are refused with a 400 that says why, on registration and on password change (issue 12 item 9).
import request from 'supertest';
import { startApi, type TestApi } from '../fixtures/api';
import { bearer, registerUser, uniqueEmail } from '../fixtures/users';

describe('password strength', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => {
    await api?.close();
  });

  it('refuses 12345678 at registration with WEAK_PASSWORD and the reason, and creates no account', async () => {
    const email = uniqueEmail('weak');
    const res = await request(api.url).post('/api/auth/register').send({ email, password: '12345678', displayName: 'Weak' }).expect(400);
    expect(res.body.code).toBe('WEAK_PASSWORD');
    expect(res.body.message).toMatch(/too easy to guess: it is on the list of commonly used passwords/);
    // The address is still free: a strong password registers it.
    await request(api.url)
      .post('/api/auth/register')
      .send({ email, password: 'tangerine lighthouse quietly', displayName: 'Weak' })
      .expect(201);
  });

  it('refuses a password made of the learner’s own email', async () => {
    const email = uniqueEmail('margaret.hamilton');
    const local = email.split('@')[0];
    const res = await request(api.url).post('/api/auth/register').send({ email, password: local, displayName: 'Margaret' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('WEAK_PASSWORD');
  });

  it('changes a password: wrong current 401, weak new 400 with the reason, strong new 204 and only it signs in', async () => {
    const user = await registerUser(api);
    const change = (body: object) => request(api.url).post('/api/auth/password').set('Authorization', bearer(user)).send(body);
    await request(api.url)
      .post('/api/auth/password')
      .send({ currentPassword: user.password, newPassword: 'tangerine lighthouse quietly' })
      .expect(401);
    const wrong = await change({ currentPassword: 'not the password', newPassword: 'tangerine lighthouse quietly' }).expect(401);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    const weak = await change({ currentPassword: user.password, newPassword: '12345678' }).expect(400);
    expect(weak.body).toMatchObject({ code: 'WEAK_PASSWORD', message: expect.stringMatching(/commonly used passwords/) });
    // The weak attempt changed nothing.
    await request(api.url).post('/api/auth/login').send({ email: user.email, password: user.password }).expect(200);
    await change({ currentPassword: user.password, newPassword: 'tangerine lighthouse quietly' }).expect(204);
    await request(api.url).post('/api/auth/login').send({ email: user.email, password: user.password }).expect(401);
    await request(api.url).post('/api/auth/login').send({ email: user.email, password: 'tangerine lighthouse quietly' }).expect(200);
  });
});
