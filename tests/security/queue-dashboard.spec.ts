// Bull Board's browser sign-in puts no token in a URL: a POST form sets an HttpOnly, SameSite=Strict cookie
// scoped to the dashboard's path (issue 12 item 9).
import request from 'supertest';
import { UserRole } from '@questline/data';
import { startApi, type TestApi } from '../fixtures/api';
import { registerUser, setRole, type TestUser } from '../fixtures/users';

const DASHBOARD = '/api/admin/queues';

describe('queue dashboard sign-in', () => {
  let api: TestApi;
  let admin: TestUser;
  let learner: TestUser;

  beforeAll(async () => {
    api = await startApi();
    learner = await registerUser(api);
    admin = await registerUser(api, { displayName: 'Queue Admin' });
    await setRole(api, admin.email, UserRole.Admin);
  });
  afterAll(async () => {
    await api?.close();
  });

  const signIn = (email: string, password: string) => request(api.url).post(`${DASHBOARD}/sign-in`).type('form').send({ email, password });

  it('shows a browser a POST sign-in form, and reads no token from the URL', async () => {
    const page = await request(api.url).get(DASHBOARD).set('Accept', 'text/html').expect(401);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toMatch(new RegExp(`<form method="post" action="${DASHBOARD}/sign-in">`));
    expect(page.text).toMatch(/name="password" type="password"/);
    expect(page.text).not.toMatch(/<script/i);
    const withToken = await request(api.url).get(`${DASHBOARD}?token=${admin.accessToken}`).set('Accept', 'text/html').expect(401);
    expect(withToken.headers['set-cookie']).toBeUndefined();
    expect(withToken.text).toMatch(/<form method="post"/);
    // API clients still get JSON.
    const json = await request(api.url).get(DASHBOARD).expect(401);
    expect(json.body.code).toBe('UNAUTHENTICATED');
  });

  it('signs an admin in with an HttpOnly, SameSite=Strict cookie scoped to the dashboard; the URL carries no token', async () => {
    const res = await signIn(admin.email, admin.password).expect(303);
    expect(res.headers.location).toBe(DASHBOARD);
    const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    expect(cookies).toHaveLength(1);
    const [cookie] = cookies;
    expect(cookie).toMatch(/^ql_queues_token=[^;]+;/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(new RegExp(`; Path=${DASHBOARD}(;|$)`));
    expect(cookie).toMatch(/; Max-Age=\d+/);
    const pair = cookie.split(';')[0];

    const page = await request(api.url).get(DASHBOARD).set('Accept', 'text/html').set('Cookie', pair).expect(200);
    expect(page.text).toMatch(/<html/i);
    expect(page.text).not.toMatch(/action="\/api\/admin\/queues\/sign-in"/);
    const queues = await request(api.url).get(`${DASHBOARD}/api/queues`).set('Cookie', pair).expect(200);
    expect(queues.body.queues.map((q: { name: string }) => q.name)).toEqual(['grading']);

    const out = await request(api.url).post(`${DASHBOARD}/sign-out`).set('Cookie', pair).expect(303);
    expect(String(out.headers['set-cookie'])).toMatch(/^ql_queues_token=;.*Expires=Thu, 01 Jan 1970/);
  });

  it('refuses a wrong password and a learner back to the form with a reason, setting no cookie', async () => {
    const wrong = await signIn(admin.email, 'not the password').expect(303);
    expect(wrong.headers.location).toBe(`${DASHBOARD}?error=credentials`);
    expect(wrong.headers['set-cookie']).toBeUndefined();
    const notAdmin = await signIn(learner.email, learner.password).expect(303);
    expect(notAdmin.headers.location).toBe(`${DASHBOARD}?error=role`);
    expect(notAdmin.headers['set-cookie']).toBeUndefined();
    const page = await request(api.url).get(notAdmin.headers.location).set('Accept', 'text/html').expect(401);
    expect(page.text).toMatch(/This account is not an admin\./);
    // A learner's own cookie would not open it either: every request re-checks the role.
    await request(api.url).get(DASHBOARD).set('Cookie', `ql_queues_token=${learner.accessToken}`).expect(403);
    // A malformed body is a 400, not a 500.
    await request(api.url).post(`${DASHBOARD}/sign-in`).type('form').send({ email: admin.email }).expect(400);
  });
});
