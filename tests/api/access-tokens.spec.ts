// Personal access tokens (issue 15 item 6) on a real api and database: created by a signed-in instructor,
// shown once and stored hashed, listed without the secret, accepted only on the pack routes of their scopes,
// refused everywhere else (password change, token management, learner routes, sockets), and dead once revoked.
import { createHash } from 'node:crypto';
import request from 'supertest';
import { io } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { ACCESS_TOKEN_PREFIX, LIVE_EVENTS, type AccessTokenView, type CreatedAccessToken } from '@questline/contracts';
import { UserRole } from '@questline/data';
import { startApi, type TestApi } from '../fixtures/api';
import { bearer, createUserWithRole, registerUser, type TestUser } from '../fixtures/users';
import { seedCourse } from '../gamification/seed';

let api: TestApi;
let db: DataSource;

beforeAll(async () => {
  api = await startApi({ env: { QUEUE_PREFIX: `{ql-pat-${process.pid}}` } });
  db = api.app.get(DataSource);
});
afterAll(async () => {
  await api?.close();
});

const auth = (token: string) => `Bearer ${token}`;
async function createToken(user: TestUser, body: object): Promise<CreatedAccessToken> {
  const res = await request(api.url).post('/api/access-tokens').set('Authorization', bearer(user)).send(body);
  expect({ status: res.status, body: res.body as unknown }).toMatchObject({ status: 201 });
  return res.body as CreatedAccessToken;
}
/** A course owned by `owner`, so its stats route answers 200 to them. */
async function ownedCourse(owner: TestUser): Promise<string> {
  const course = await seedCourse(db, { chapters: [1] });
  await db.query(`UPDATE courses SET owner_id = $1 WHERE id = $2`, [owner.id, course.id]);
  return course.slug;
}

describe('personal access tokens', () => {
  it('are shown once, stored as a hash, and listed without the secret', async () => {
    const instructor = await createUserWithRole(api, UserRole.Instructor);
    const created = await createToken(instructor, { name: ' laptop ', scopes: ['stats', 'publish'] });
    expect(created.token.startsWith(ACCESS_TOKEN_PREFIX)).toBe(true);
    expect(created).toMatchObject({ name: 'laptop', scopes: ['publish', 'stats'], lastUsedAt: null, expiresAt: null });
    expect(created.token.startsWith(created.hint)).toBe(true);

    const rows: { token_hash: string }[] = await db.query(`SELECT token_hash FROM access_tokens WHERE id = $1`, [created.id]);
    expect(rows[0].token_hash).toBe(createHash('sha256').update(created.token).digest('hex'));
    const anywhere: { n: number }[] = await db.query(
      `SELECT count(*)::int AS n FROM access_tokens WHERE row_to_json(access_tokens)::text LIKE $1`,
      [`%${created.token.slice(ACCESS_TOKEN_PREFIX.length + 6)}%`],
    );
    expect(anywhere[0].n).toBe(0);

    const list = (await request(api.url).get('/api/access-tokens').set('Authorization', bearer(instructor)).expect(200))
      .body as AccessTokenView[];
    expect(list).toEqual([
      {
        id: created.id,
        name: 'laptop',
        scopes: ['publish', 'stats'],
        hint: created.hint,
        createdAt: created.createdAt,
        lastUsedAt: null,
        expiresAt: null,
      },
    ]);
    expect(JSON.stringify(list)).not.toContain(created.token);
    // Another instructor sees none of them.
    const other = await createUserWithRole(api, UserRole.Instructor);
    expect((await request(api.url).get('/api/access-tokens').set('Authorization', bearer(other)).expect(200)).body).toEqual([]);
  });

  it('refuse bad bodies with 400 and learners/anonymous with 403/401', async () => {
    const instructor = await createUserWithRole(api, UserRole.Instructor);
    const post = (body: object) => request(api.url).post('/api/access-tokens').set('Authorization', bearer(instructor)).send(body);
    expect((await post({ name: 'x', scopes: ['admin'] }).expect(400)).body.message).toMatch(/scopes must be one of: publish, stats/);
    await post({ name: 'x', scopes: [] }).expect(400);
    await post({ name: 'x', scopes: ['stats', 'stats'] }).expect(400);
    await post({ name: 'x', scopes: 'stats' }).expect(400);
    await post({ name: '', scopes: ['stats'] }).expect(400);
    await post({ name: 'x', scopes: ['stats'], expiresInDays: 0 }).expect(400);
    await post({ name: 'x'.repeat(81), scopes: ['stats'] }).expect(400);
    const learner = await registerUser(api);
    await request(api.url)
      .post('/api/access-tokens')
      .set('Authorization', bearer(learner))
      .send({ name: 'x', scopes: ['stats'] })
      .expect(403);
    await request(api.url).get('/api/access-tokens').expect(401);
  });

  it('work only on the pack routes of their scopes', async () => {
    const instructor = await createUserWithRole(api, UserRole.Instructor);
    const slug = await ownedCourse(instructor);
    const stats = await createToken(instructor, { name: 'stats', scopes: ['stats'] });
    const publish = await createToken(instructor, { name: 'publish', scopes: ['publish'] });

    const statsBody = (await request(api.url).get(`/api/packs/${slug}/stats`).set('Authorization', auth(stats.token)).expect(200)).body as {
      slug: string;
    };
    expect(statsBody.slug).toBe(slug);
    expect(
      (await request(api.url).get(`/api/packs/${slug}/stats`).set('Authorization', auth(publish.token)).expect(403)).body.message,
    ).toMatch(/lacks the scope/);
    // The publish route: a stats token is refused before the upload is read; a publish token reaches the handler.
    await request(api.url).post('/api/packs').set('Authorization', auth(stats.token)).field('other', 'x').expect(403);
    expect(
      (await request(api.url).post('/api/packs').set('Authorization', auth(publish.token)).field('other', 'x').expect(400)).body.message,
    ).toMatch(/multipart field "pack"/);
    await request(api.url).get('/api/packs/mine').set('Authorization', auth(stats.token)).expect(200);

    // Everything else takes session tokens only: no password change, no more tokens, no learner routes.
    const notHere = /not accepted on this route/;
    for (const token of [stats.token, publish.token]) {
      expect(
        (
          await request(api.url)
            .post('/api/auth/password')
            .set('Authorization', auth(token))
            .send({ currentPassword: instructor.password, newPassword: 'a much longer new passphrase 42' })
            .expect(403)
        ).body.message,
      ).toMatch(notHere);
      await request(api.url)
        .post('/api/access-tokens')
        .set('Authorization', auth(token))
        .send({ name: 'more', scopes: ['publish'] })
        .expect(403);
      await request(api.url).get('/api/access-tokens').set('Authorization', auth(token)).expect(403);
      await request(api.url).delete(`/api/access-tokens/${stats.id}`).set('Authorization', auth(token)).expect(403);
      await request(api.url).get('/api/me').set('Authorization', auth(token)).expect(403);
      await request(api.url).get('/api/courses').set('Authorization', auth(token)).expect(403);
    }
    // The password still works (the change above never happened).
    await request(api.url).post('/api/auth/login').send({ email: instructor.email, password: instructor.password }).expect(200);
    // Used tokens show when they were last used.
    const list = (await request(api.url).get('/api/access-tokens').set('Authorization', bearer(instructor)).expect(200))
      .body as AccessTokenView[];
    expect(list.find((t) => t.id === stats.id)?.lastUsedAt).not.toBeNull();
  });

  it('are refused by the live socket', async () => {
    const instructor = await createUserWithRole(api, UserRole.Instructor);
    const token = await createToken(instructor, { name: 'sock', scopes: ['stats', 'publish'] });
    const socket = io(`${api.url}/live`, { auth: { token: token.token }, transports: ['websocket'], reconnection: false });
    try {
      const outcome = await new Promise<string>((resolve) => {
        socket.on('connect_error', (error) => resolve(`error: ${error.message}`));
        socket.on('disconnect', () => resolve('disconnected'));
        socket.on(LIVE_EVENTS.ready, () => resolve('ready'));
      });
      expect(outcome).not.toBe('ready');
    } finally {
      socket.disconnect();
    }
  });

  it('stop working once revoked or expired, and only their owner revokes them', async () => {
    const instructor = await createUserWithRole(api, UserRole.Instructor);
    const slug = await ownedCourse(instructor);
    const token = await createToken(instructor, { name: 'ci', scopes: ['stats'] });
    await request(api.url).get(`/api/packs/${slug}/stats`).set('Authorization', auth(token.token)).expect(200);

    const other = await createUserWithRole(api, UserRole.Instructor);
    await request(api.url).delete(`/api/access-tokens/${token.id}`).set('Authorization', bearer(other)).expect(404);
    await request(api.url).delete(`/api/access-tokens/not-a-uuid`).set('Authorization', bearer(instructor)).expect(404);
    await request(api.url).get(`/api/packs/${slug}/stats`).set('Authorization', auth(token.token)).expect(200);

    await request(api.url).delete(`/api/access-tokens/${token.id}`).set('Authorization', bearer(instructor)).expect(204);
    await request(api.url).delete(`/api/access-tokens/${token.id}`).set('Authorization', bearer(instructor)).expect(404);
    expect(
      (await request(api.url).get(`/api/packs/${slug}/stats`).set('Authorization', auth(token.token)).expect(401)).body.message,
    ).toMatch(/Invalid, revoked or expired/);
    expect((await request(api.url).get('/api/access-tokens').set('Authorization', bearer(instructor)).expect(200)).body).toEqual([]);

    const expiring = await createToken(instructor, { name: 'short', scopes: ['stats'], expiresInDays: 1 });
    expect(Date.parse(expiring.expiresAt ?? '')).toBeGreaterThan(Date.now());
    await request(api.url).get(`/api/packs/${slug}/stats`).set('Authorization', auth(expiring.token)).expect(200);
    await db.query(`UPDATE access_tokens SET expires_at = now() - interval '1 second' WHERE id = $1`, [expiring.id]);
    await request(api.url).get(`/api/packs/${slug}/stats`).set('Authorization', auth(expiring.token)).expect(401);
    // A made-up token of the right shape, and a malformed one.
    await request(api.url)
      .get(`/api/packs/${slug}/stats`)
      .set('Authorization', auth(`${ACCESS_TOKEN_PREFIX}${'A'.repeat(43)}`))
      .expect(401);
    await request(api.url)
      .get(`/api/packs/${slug}/stats`)
      .set('Authorization', auth(`${ACCESS_TOKEN_PREFIX}x`))
      .expect(401);
  });

  it('lose their power with their owner: a demoted instructor token is refused', async () => {
    const instructor = await createUserWithRole(api, UserRole.Instructor);
    const slug = await ownedCourse(instructor);
    const token = await createToken(instructor, { name: 'ci', scopes: ['stats'] });
    await db.query(`UPDATE users SET role = 'learner' WHERE id = $1`, [instructor.id]);
    await request(api.url).get(`/api/packs/${slug}/stats`).set('Authorization', auth(token.token)).expect(403);
  });
});
