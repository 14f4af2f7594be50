// Instructor's tips in a real browser (Chromium via playwright-core) against the built api + worker:
// learners make the same mistake with different values (API) → the instructor opens the pack's stats,
// sees the biggest common-mistake group with its count and example code, and writes a tip → a later
// learner submits the same mistake in the exercise page and sees "Instructor's tip" in the live result.
import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { tarball, writePack, type PackSpec } from '../packs/pack-fixture';
import { checkPrerequisites, ensureWebBuild, launchChromium, startStack, type Stack } from './stack';
import { eventually, hasCount, hasExactText, hasText, isVisible } from './wait';

jest.setTimeout(120_000);

const RESULT_TIMEOUT = 30_000;
const tag = randomBytes(3).toString('hex');
const PACK: PackSpec = {
  slug: `tips-pack-${tag}`,
  title: 'Tips Pack',
  chapters: [{ slug: 'basics', exercises: [{ slug: 'the-answer', title: 'The Answer' }] }],
};
const TIP = `Look at the task again: answer() returns the answer to everything (${tag}).`;
const returns = (value: string) => `export function answer() {\n  return ${value};\n}\n`;

let stack: Stack | null = null;
let baseUrl = '';
let browser: Browser;
let instructor: Page;
let exerciseId = '';

async function apiOk<T>(method: string, url: string, token: string | null, body?: unknown): Promise<T> {
  const res = await fetch(`${baseUrl}${url}`, {
    method,
    headers: {
      Accept: 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${url}: HTTP ${res.status} ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

async function signUp(p: Page, name: string): Promise<void> {
  await p.goto(`${baseUrl}/signup`);
  await p.getByLabel('Display name').fill(name);
  await p.getByLabel('Email').fill(`${name.toLowerCase().replace(/\W+/g, '-')}-${tag}-${Date.now()}@example.test`);
  await p.getByLabel(/^Password/).fill('correct horse battery');
  await p.getByRole('button', { name: 'Create account' }).click();
  await p.waitForURL(`${baseUrl}/`);
  await p.getByTestId('course-list').waitFor({ state: 'attached' });
}

const tokenOf = (p: Page) => p.evaluate(() => localStorage.getItem('questline.token'));

async function registerLearner(name: string): Promise<string> {
  const auth = await apiOk<{ accessToken: string }>('POST', '/api/auth/register', null, {
    email: `${name}-${tag}-${Date.now()}@example.test`,
    password: 'correct horse battery',
    displayName: name,
  });
  return auth.accessToken;
}

async function submitGraded(token: string, code: string): Promise<string> {
  const sub = await apiOk<{ id: string }>('POST', `/api/exercises/${exerciseId}/submissions`, token, { code });
  const done = await eventually(
    () => apiOk<{ status: string; verdict: string }>('GET', `/api/submissions/${sub.id}`, token),
    (s) => s.status === 'completed',
    `submission ${sub.id} to be graded`,
    RESULT_TIMEOUT,
  );
  return done.verdict;
}

beforeAll(async () => {
  checkPrerequisites();
  ensureWebBuild();
  stack = await startStack();
  baseUrl = stack.baseUrl;
  browser = await launchChromium();
  instructor = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
}, 180_000);

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await stack?.stop();
});

it('an instructor writes a tip for the biggest group; a later learner making that mistake sees it in the result', async () => {
  try {
    // The instructor signs up, is promoted, and uploads the pack in the page.
    await signUp(instructor, 'Tess Teacher');
    const me = await apiOk<{ id: string }>('GET', '/api/me', await tokenOf(instructor));
    const db = await new DataSource({ type: 'postgres', url: stack!.databaseUrl }).initialize();
    await db.query(`UPDATE users SET role = 'instructor' WHERE id = $1`, [me.id]);
    await db.destroy();
    await instructor.goto(`${baseUrl}/instructor`);
    const form = instructor.getByTestId('upload-form');
    await form
      .locator('input[type="file"]')
      .setInputFiles({ name: 'tips.tar.gz', mimeType: 'application/gzip', buffer: await tarball(writePack(PACK)) });
    await form.getByRole('button', { name: 'Upload' }).click();
    await hasText(instructor.getByTestId('upload-ok'), `Published ${PACK.slug} 1.0.0`, RESULT_TIMEOUT);

    // Learners: the same mistake three times with different numbers, another mistake once, one pass.
    const [a, b, c] = [await registerLearner('ann'), await registerLearner('bo'), await registerLearner('cy')];
    const course = await apiOk<{ chapters: { exercises: { id: string; slug: string }[] }[] }>('GET', `/api/courses/${PACK.slug}`, a);
    exerciseId = course.chapters[0]!.exercises[0]!.id;
    expect(await submitGraded(a, returns('43'))).toBe('failed');
    await submitGraded(b, returns('7'));
    await submitGraded(b, returns('100'));
    await submitGraded(c, `export function answer() {\n  throw new Error('later');\n}\n`);

    // The stats page lists the groups, biggest first, with example code and no learner names.
    await instructor.goto(`${baseUrl}/instructor/packs/${PACK.slug}`);
    const section = instructor.getByTestId('common-mistakes');
    await isVisible(section);
    const groups = section.getByTestId('mistake-group');
    await hasCount(groups, 2);
    const biggest = groups.first();
    await hasExactText(biggest.getByTestId('mistake-count'), '3');
    await hasText(biggest, '2 learners');
    await hasText(biggest, 'the-answer.test.js:3 "answers 42"');
    await biggest.locator('summary').click();
    await hasCount(biggest.getByTestId('mistake-example'), 3);
    await hasText(biggest.getByTestId('mistake-example').first(), 'return 100;');
    const text = await section.textContent();
    for (const name of ['ann', 'bo', 'cy']) expect(text).not.toContain(`${name}-${tag}`);

    await biggest.getByTestId('mistake-note').fill(TIP);
    await biggest.getByTestId('mistake-note-save').click();
    await isVisible(biggest.getByTestId('mistake-note-saved'));

    // A later learner, in the browser, makes the same mistake with yet another value.
    const learner = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await signUp(learner, 'Lee Later');
    await learner.goto(`${baseUrl}/exercises/${exerciseId}`);
    const content = learner.locator('.cm-content');
    await content.click();
    await learner.keyboard.press('ControlOrMeta+A');
    await learner.keyboard.press('Delete');
    await learner.keyboard.insertText(returns('41'));
    await learner.getByRole('button', { name: /^Submit/ }).click();
    const tip = learner.getByTestId('instructor-tip');
    await hasText(tip, "Instructor's tip", RESULT_TIMEOUT);
    await hasText(tip, TIP);
    await hasText(learner.getByTestId('results'), 'answers 42');
  } catch (error) {
    if (stack) process.stderr.write(`Recent api/worker output:\n${stack.logs()}\n`);
    throw error;
  }
});
