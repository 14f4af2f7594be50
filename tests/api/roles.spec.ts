import { UserRole } from '@questline/data';
import request from 'supertest';
import { runSetRole } from '../../apps/cli/src/commands/users';
import { memoryOutput } from '../../apps/cli/src/output';
import { startApi, type TestApi } from '../fixtures/api';
import { createTestDatabase } from '../fixtures/database';
import { bearer, createUserWithRole, registerUser } from '../fixtures/users';

describe('roles: guard and `questline users set-role`', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => {
    await api?.close();
  });

  it('lets only admins through an admin-only route', async () => {
    const learner = await registerUser(api);
    const instructor = await createUserWithRole(api, UserRole.Instructor);
    const admin = await createUserWithRole(api, UserRole.Admin);

    const denied = await request(api.url).get('/api/admin/ping').set('Authorization', bearer(learner)).expect(403);
    expect(denied.body).toMatchObject({ statusCode: 403, error: 'Forbidden', code: 'FORBIDDEN' });
    expect(denied.body.message).toMatch(/requires role: admin/);
    await request(api.url).get('/api/admin/ping').set('Authorization', bearer(instructor)).expect(403);
    await request(api.url).get('/api/admin/ping').set('Authorization', bearer(admin)).expect(200, { pong: true });
    await request(api.url).get('/api/admin/ping').expect(401);
  });

  it('promotes a user by email, and the existing token sees the new role', async () => {
    const user = await registerUser(api);
    await request(api.url).get('/api/admin/ping').set('Authorization', bearer(user)).expect(403);

    const out = memoryOutput();
    const code = await runSetRole(user.email.toUpperCase(), 'admin', { databaseUrl: api.db.url, out });
    expect(code).toBe(0);
    expect(out.text()).toContain(`${user.email}: learner → admin`);

    await request(api.url).get('/api/admin/ping').set('Authorization', bearer(user)).expect(200);
    const me = await request(api.url).get('/api/me').set('Authorization', bearer(user)).expect(200);
    expect(me.body.role).toBe('admin');
  });

  it('refuses an unknown role or email with exit code 1 and a message', async () => {
    const user = await registerUser(api);
    const badRole = memoryOutput();
    expect(await runSetRole(user.email, 'superuser', { databaseUrl: api.db.url, out: badRole })).toBe(1);
    expect(badRole.text()).toMatch(/unknown role "superuser" \(expected one of: learner, instructor, admin\)/);

    const unknown = memoryOutput();
    expect(await runSetRole('nobody@example.test', 'admin', { databaseUrl: api.db.url, out: unknown })).toBe(1);
    expect(unknown.text()).toMatch(/no user with email nobody@example.test/);

    const me = await request(api.url).get('/api/me').set('Authorization', bearer(user)).expect(200);
    expect(me.body.role).toBe('learner');
  });

  it('refuses to touch a database that has not been migrated', async () => {
    const empty = await createTestDatabase();
    try {
      const out = memoryOutput();
      expect(await runSetRole('a@b.c', 'admin', { databaseUrl: empty.url, out })).toBe(1);
      expect(out.text()).toMatch(/not migrated .*Start the api once/);
    } finally {
      await empty.drop();
    }
  });
});
