// The instructor flow in a real browser (Debian's Chromium via playwright-core) against the real stack:
// the built api + worker on a fresh database, serving the built web app at `/`.
//
//   sign up → a learner's upload is refused (403) → promoted to instructor in the database → upload a
//   broken pack: the server's validation report names the exercise and the problem → upload a good
//   pack: published → a learner submits (API) two failing and one passing solution, graded by the
//   worker → the instructor opens the pack's stats: the table row (attempts, pass rate, most failed
//   test) and the chart (screenshot docs/screenshots/instructor-stats.png).
//
// Needs `npm run build` (api, worker); the web app is built here when it is stale. Set
// QL_BROWSER_BASE_URL (and QL_BROWSER_DATABASE_URL, to promote the user) to drive a running server.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { tarball, writePack, type PackSpec } from '../packs/pack-fixture';
import { checkPrerequisites, ensureWebBuild, launchChromium, ROOT, startStack, type Stack } from './stack';
import { eventually, hasCount, hasExactText, hasText, isVisible } from './wait';

jest.setTimeout(120_000);

const SCREENSHOTS = path.join(ROOT, 'docs/screenshots');
const RESULT_TIMEOUT = 30_000;
const tag = randomBytes(3).toString('hex');

let stack: Stack | null = null;
let baseUrl = '';
let databaseUrl = '';
let browser: Browser;
let context: BrowserContext;
let page: Page;
let instructorId = '';

// Two exercises in one chapter: the learner works on the first only, so the second has no attempts.
const GOOD: PackSpec = {
  slug: `stats-pack-${tag}`,
  title: 'Stats Pack',
  chapters: [
    {
      slug: 'basics',
      exercises: [
        { slug: 'the-answer', title: 'The Answer' },
        { slug: 'untouched', title: 'Untouched' },
      ],
    },
  ],
};
// Same shape, but the reference solution of `bad-solution` returns 41 where the tests expect 42.
const BROKEN: PackSpec = {
  slug: `broken-pack-${tag}`,
  chapters: [
    {
      slug: 'basics',
      exercises: [{ slug: 'fine-one' }, { slug: 'bad-solution', solution: 'export function answer() {\n  return 41;\n}\n' }],
    },
  ],
};

async function apiCall<T>(method: string, url: string, token: string | null, body?: unknown): Promise<{ status: number; body: T }> {
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
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

async function apiOk<T>(method: string, url: string, token: string | null, body?: unknown): Promise<T> {
  const res = await apiCall<T>(method, url, token, body);
  if (res.status >= 300) throw new Error(`${method} ${url}: HTTP ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function signUp(p: Page, name: string): Promise<void> {
  await p.goto(`${baseUrl}/signup`);
  await p.getByLabel('Display name').fill(name);
  await p.getByLabel('Email').fill(`${name.toLowerCase().replace(/\W+/g, '-')}-${Date.now()}@example.test`);
  await p.getByLabel(/^Password/).fill('correct horse battery');
  await p.getByRole('button', { name: 'Create account' }).click();
  await p.waitForURL(`${baseUrl}/`);
  await p.getByTestId('course-list').waitFor({ state: 'attached' });
}

async function setRole(userId: string, role: 'learner' | 'instructor' | 'admin'): Promise<void> {
  const db = await new DataSource({ type: 'postgres', url: databaseUrl }).initialize();
  try {
    await db.query('UPDATE users SET role = $1 WHERE id = $2', [role, userId]);
    const rows: Array<{ role: string }> = await db.query('SELECT role FROM users WHERE id = $1', [userId]);
    if (rows[0]?.role !== role) throw new Error(`setRole: user ${userId} has role ${JSON.stringify(rows[0]?.role)}`);
  } finally {
    await db.destroy();
  }
}

/** Choose the archive in the upload form and submit it; waits for the form to finish. */
async function upload(name: string, archive: Buffer): Promise<void> {
  const form = page.getByTestId('upload-form');
  await form.locator('input[type="file"]').setInputFiles({ name, mimeType: 'application/gzip', buffer: archive });
  const button = form.getByRole('button', { name: 'Upload' });
  await button.click();
  // The report or the success line replaces the previous one once the server has answered.
  await page.locator('[data-testid="upload-ok"], [data-testid="upload-report"]').first().waitFor({ timeout: RESULT_TIMEOUT });
  await hasExactText(button, 'Upload');
}

/** The text of each cell of a table row, keyed by its column header. */
async function rowByHeader(table: Locator, row: Locator): Promise<Record<string, string>> {
  const headers = (await table.locator('thead th').allTextContents()).map((h) => h.trim());
  const cells = (await row.locator('th, td').allTextContents()).map((c) => c.trim());
  expect(cells).toHaveLength(headers.length);
  return Object.fromEntries(headers.map((h, i) => [h, cells[i]]));
}

async function waitForGraded(token: string, id: string): Promise<{ verdict: string; tests: { name: string; status: string }[] }> {
  return eventually(
    () => apiOk<{ status: string; verdict: string; tests: { name: string; status: string }[] }>('GET', `/api/submissions/${id}`, token),
    (s) => s.status === 'completed' || s.status === 'failed',
    `submission ${id} to be graded`,
    RESULT_TIMEOUT,
  );
}

beforeAll(async () => {
  if (process.env.QL_BROWSER_BASE_URL) {
    baseUrl = process.env.QL_BROWSER_BASE_URL.replace(/\/$/, '');
    databaseUrl = process.env.QL_BROWSER_DATABASE_URL ?? '';
    if (!databaseUrl) throw new Error('QL_BROWSER_BASE_URL needs QL_BROWSER_DATABASE_URL (to promote the test user to instructor).');
  } else {
    checkPrerequisites();
    ensureWebBuild();
    stack = await startStack();
    baseUrl = stack.baseUrl;
    databaseUrl = stack.databaseUrl;
  }
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
}, 180_000);

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await stack?.stop();
});

/** The steps build on each other: after a failure, later steps fail at once instead of timing out. */
let failedStep: string | null = null;
function step(name: string, body: () => Promise<void>): void {
  it(name, async () => {
    if (failedStep) throw new Error(`Not run: the earlier step "${failedStep}" failed.`);
    try {
      await body();
    } catch (error) {
      failedStep = name;
      if (stack) process.stderr.write(`Step "${name}" failed. Recent api/worker output:\n${stack.logs()}\n`);
      throw error;
    }
  });
}

describe('instructor flow in Chromium', () => {
  step('a learner has no Instructor link and the server refuses their upload (403)', async () => {
    await signUp(page, 'Ivy Instructor');
    instructorId = await page.evaluate(async () => {
      const res = await fetch('/api/me', { headers: { Authorization: `Bearer ${localStorage.getItem('questline.token')}` } });
      return ((await res.json()) as { id: string }).id;
    });
    await hasCount(page.getByRole('link', { name: 'Instructor' }), 0);

    await page.goto(`${baseUrl}/instructor`);
    await upload('stats-pack.tar.gz', await tarball(writePack(GOOD)));
    const report = page.getByTestId('upload-report');
    await hasText(report, 'instructor role');
    await hasCount(page.getByTestId('upload-ok'), 0);
  });

  step('promoted to instructor, uploads a broken pack and sees the validation report', async () => {
    await setRole(instructorId, 'instructor');
    await page.reload();
    await isVisible(page.getByRole('link', { name: 'Instructor' }));
    await page.getByText('You have not uploaded a pack yet.').waitFor();

    await upload('broken-pack.tar.gz', await tarball(writePack(BROKEN)));
    const report = page.getByTestId('upload-report');
    await hasText(report.getByRole('alert'), /refused/);
    await hasCount(page.getByTestId('upload-ok'), 0);
    await hasText(report.locator('caption'), 'Validation report');
    // The row names the exercise and the problem: its reference solution fails the test "answers 42".
    const rows = report.locator('tbody tr');
    const bad = rows.filter({ has: page.locator('td:first-child', { hasText: /^bad-solution$/ }) });
    await hasCount(bad, 1);
    await hasText(bad.locator('td').nth(3), 'reference solution must pass every test');
    await hasText(bad.locator('td').nth(3), 'answers 42');
    await hasText(bad.locator('td').nth(1), 'solution/bad-solution.js');
    // The good exercise of that pack is not blamed, and nothing was published.
    await hasCount(rows.filter({ hasText: 'fine-one' }), 0);
    expect(await page.getByTestId('upload-report').locator('tbody tr').count()).toBeGreaterThan(0);
    await page.getByText('You have not uploaded a pack yet.').waitFor();
  });

  step('uploads a good pack and sees it published and listed', async () => {
    await upload('stats-pack.tar.gz', await tarball(writePack(GOOD)));
    const ok = page.getByTestId('upload-ok');
    await hasText(ok, `Published ${GOOD.slug} 1.0.0 with 2 exercises`);
    await hasCount(page.getByTestId('upload-report'), 0);
    // The publish check's mutation scores: each fixture solution (`return 42`) has two mutants, both killed.
    const scores = page.getByTestId('mutation-scores');
    await hasText(scores.locator('caption'), 'mutation score per exercise (lowest 100 %)');
    const answer = scores.locator('tbody tr').filter({ hasText: 'basics/the-answer' });
    await hasText(answer.locator('td').nth(1), '100 %');
    await hasText(answer.locator('td').nth(2), '2/2');
    await isVisible(page.getByRole('link', { name: GOOD.title! }));
    await hasCount(page.getByRole('link', { name: 'Broken pack' }), 0);
  });

  step('a learner submits two failing and one passing solution; the worker grades them', async () => {
    const email = `lou-learner-${tag}@example.test`;
    const auth = await apiOk<{ accessToken: string }>('POST', '/api/auth/register', null, {
      email,
      password: 'correct horse battery',
      displayName: 'Lou Learner',
    });
    const token = auth.accessToken;
    // A learner may not upload, nor read the instructor's stats.
    expect((await apiCall('GET', `/api/packs/${GOOD.slug}/stats`, token)).status).toBe(403);

    const course = await apiOk<{ chapters: { exercises: { id: string; slug: string }[] }[] }>('GET', `/api/courses/${GOOD.slug}`, token);
    const exercise = course.chapters[0].exercises.find((e) => e.slug === 'the-answer');
    if (!exercise) throw new Error(`the-answer is not in ${GOOD.slug}: ${JSON.stringify(course)}`);
    const wrong = 'export function answer() {\n  return 43;\n}\n';
    const right = 'export function answer() {\n  return 42;\n}\n';
    const verdicts: string[] = [];
    for (const code of [wrong, wrong, right]) {
      const sub = await apiOk<{ id: string }>('POST', `/api/exercises/${exercise.id}/submissions`, token, { code });
      const graded = await waitForGraded(token, sub.id);
      verdicts.push(graded.verdict);
      if (code === wrong) expect(graded.tests.find((t) => t.name === 'answers 42')?.status).not.toBe('pass');
    }
    expect(verdicts).toEqual([expect.not.stringMatching(/^passed$/), expect.not.stringMatching(/^passed$/), 'passed']);
  });

  step('the stats page shows the exercise row, the most failed test and the chart', async () => {
    await page.getByRole('link', { name: GOOD.title! }).click();
    await page.waitForURL(`${baseUrl}/instructor/packs/${GOOD.slug}`);
    const table = page.getByTestId('stats-table');
    await table.waitFor();
    await hasText(page.locator('h1'), GOOD.slug);
    await hasText(page.getByTestId('stats-version'), '1.0.0');

    const rows = table.locator('tbody tr');
    await hasCount(rows, 2);
    const answer = await rowByHeader(table, rows.filter({ has: page.locator('th', { hasText: /^The Answer$/ }) }));
    expect(answer).toMatchObject({
      Learners: '1',
      Attempts: '3',
      'Pass rate': '33%',
      'First try': '0%',
      'Median attempts': '3',
      // Labelled by declared identity from the pack's source (issue 12 item 7), not the runtime name.
      'Most failed test': 'the-answer.test.js:3 "answers 42" (2)',
    });
    // Nobody tried the other exercise: no rates to show (not "0%").
    const untouched = await rowByHeader(table, rows.filter({ has: page.locator('th', { hasText: /^Untouched$/ }) }));
    expect(untouched).toMatchObject({ Learners: '0', Attempts: '0', 'Pass rate': '–', 'First try': '–', 'Most failed test': '–' });

    // The chart: one bar per failed test of The Answer, labelled with the test's name and its failures.
    const figure = page.locator('figure', { has: page.locator('figcaption', { hasText: 'The Answer' }) });
    const chart = figure.getByTestId('fail-chart');
    await isVisible(chart);
    const bars = chart.locator('rect.chart__bar');
    await hasCount(bars, 1);
    await hasText(chart.locator('.chart__label'), 'answers 42');
    await hasExactText(chart.locator('.chart__value'), '2');
    const box = await bars.first().boundingBox();
    expect(box?.width).toBeGreaterThan(20);
    // The untouched exercise has no chart, only a note.
    const empty = page.locator('figure', { has: page.locator('figcaption', { hasText: 'Untouched' }) });
    await hasCount(empty.getByTestId('fail-chart'), 0);
    await hasText(empty, 'No failing tests recorded');

    await page.screenshot({ path: path.join(SCREENSHOTS, 'instructor-stats.png'), fullPage: true });
  });
});
