// Every state of the exercise page explains itself (issue 14), in Chromium against the real stack:
//
//   a locked chapter and its exercises say what unlocks them → a locked exercise opened by its address
//   shows no editor but what unlocks it, with a link there → "Tests (3)" counts tests, their code is
//   highlighted → a long failure message wraps → a time limit is named once, with the test that hit it,
//   and the tests after it (hidden ones too) are "not run", never "0/0 passed" → code over 64 KB is
//   refused with a message and no stale result under it → the achievement toast does not cover results →
//   the XP breakdown, every achievement with its progress, and the next level and title.
//
// Needs `npm run build` (api, worker); the web app is built here when it is stale.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { checkPrerequisites, ensureWebBuild, launchChromium, ROOT, startStack, type Stack } from './stack';
import { eventually, hasAttr, hasText, isVisible } from './wait';

jest.setTimeout(240_000);

const SCREENSHOTS = path.join(ROOT, 'docs/screenshots');
const RESULT_TIMEOUT = 60_000;

let stack: Stack | null = null;
let baseUrl = '';
let browser: Browser;
let context: BrowserContext;
let page: Page;

interface CourseDetail {
  slug: string;
  chapters: { slug: string; title: string; status: string; exercises: { id: string; slug: string; title: string; status: string }[] }[];
}

async function apiGet<T>(url: string): Promise<T> {
  return page.evaluate(async (u) => {
    const token = localStorage.getItem('questline.token');
    const res = await fetch(u, { headers: { Authorization: `Bearer ${token}` } });
    if (!res.ok) throw new Error(`${u}: HTTP ${res.status} ${await res.text()}`);
    return res.json();
  }, url) as Promise<T>;
}

async function typeCode(code: string): Promise<void> {
  await page.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
}

async function screenshot(name: string): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((x) => x.effect?.getTiming().iterations !== Infinity)
        .map((x) => x.finished.catch(() => undefined)),
    ),
  );
  await page.screenshot({ path: path.join(SCREENSHOTS, name) });
}

const completed = (kind: 'run' | 'submit') =>
  page.locator(`[data-testid="results"][data-kind="${kind}"][data-state="completed"]`).waitFor({ timeout: RESULT_TIMEOUT });

beforeAll(async () => {
  checkPrerequisites();
  ensureWebBuild();
  stack = await startStack();
  baseUrl = stack.baseUrl;
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: 'dark' });
  page = await context.newPage();
}, 180_000);

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await stack?.stop();
});

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

let roadmap: CourseDetail;
let twoFer: { id: string; solution: string };

describe('the exercise page explains every state', () => {
  step('a first visit lands on what Questline is; an unknown address is a 404 page, not the sign-in', async () => {
    await page.goto(`${baseUrl}/`);
    await hasText(page.getByTestId('landing'), 'Learn to code by making tests go green');
    await isVisible(page.getByTestId('landing-signup'));
    await isVisible(page.getByTestId('landing-signin'));
    expect(await page.locator('.landing__sample .test--pass').count()).toBeGreaterThan(0);
    await screenshot('landing.png');
    const res = await page.goto(`${baseUrl}/no/such/page`);
    expect(res?.status()).toBe(404);
    await hasText(page.getByTestId('not-found'), 'Page not found');
    expect(page.url()).toBe(`${baseUrl}/no/such/page`);
    await screenshot('not-found.png');
    // A page that needs a session still goes to the sign-in, and back afterwards.
    await page.goto(`${baseUrl}/profile`);
    await page.waitForURL(/\/signin\?next=%2Fprofile$/);
  });

  step('a locked chapter and its exercises say what unlocks them', async () => {
    await page.goto(`${baseUrl}/signup`);
    await page.getByLabel('Display name').fill('Lin States');
    await page.getByLabel('Email').fill(`states-${Date.now()}@example.test`);
    await page.getByLabel(/^Password/).fill('correct horse battery');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(`${baseUrl}/`);

    roadmap = await apiGet<CourseDetail>('/api/courses/backend-roadmap');
    const locked = roadmap.chapters.find((c) => c.status === 'locked');
    if (!locked) throw new Error('backend-roadmap has no locked chapter for a new learner');
    await page.goto(`${baseUrl}/courses/backend-roadmap`);
    const chapter = page.locator(`[data-testid="chapter"][data-status="locked"]`).first();
    await hasText(chapter.getByTestId('chapter-unlock'), /^Unlocks when you solve chapter ".+"\.$/);
    await hasText(chapter.getByTestId('exercise-unlock'), /^Solve chapter ".+" first$/);
    await chapter.scrollIntoViewIfNeeded();
    await screenshot('course-map-locked.png');
  });

  step('a locked exercise opened by its address says what unlocks it and links there', async () => {
    const locked = roadmap.chapters.find((c) => c.status === 'locked')!.exercises[0];
    await page.goto(`${baseUrl}/exercises/${locked.id}`);
    await isVisible(page.getByTestId('exercise-locked'));
    expect(await page.locator('.cm-content').count()).toBe(0);
    expect(await page.getByTestId('submit').count()).toBe(0);
    await hasText(page.getByTestId('locked-reason'), /^It unlocks when you solve chapter ".+"\.$/);
    await screenshot('exercise-locked.png');
    const first = roadmap.chapters[0].exercises[0];
    await hasText(page.getByTestId('unlock-link'), first.title);
    await page.getByTestId('unlock-link').click();
    await page.waitForURL(`${baseUrl}/exercises/${first.id}`);
    await page.getByTestId('exercise-page').waitFor();
  });

  step('"Tests (3)" counts the tests, and their code is highlighted', async () => {
    const courses = await apiGet<{ slug: string }[]>('/api/courses');
    const course = await apiGet<CourseDetail>(`/api/courses/${courses[0].slug}`);
    const first = course.chapters[0].exercises[0];
    const dir = path.join(ROOT, 'exercises', course.slug, course.chapters[0].slug, first.slug);
    const testFiles = fs.readdirSync(path.join(dir, 'tests')).filter((f) => /\.test\.[jt]s$/.test(f));
    const source = testFiles.map((f) => fs.readFileSync(path.join(dir, 'tests', f), 'utf8')).join('\n');
    const count = source.match(/^\s*(test|it)\(/gm)?.length ?? 0;
    const exercise = await apiGet<{ fileName: string }>(`/api/exercises/${first.id}`);
    twoFer = { id: first.id, solution: fs.readFileSync(path.join(dir, 'solution', exercise.fileName), 'utf8') };

    await page.goto(`${baseUrl}/exercises/${first.id}`);
    await page.getByTestId('exercise-page').waitFor();
    const tab = page.getByRole('tab', { name: /^Tests/ });
    await hasText(tab, `Tests (${count})`);
    await tab.click();
    const code = page.getByTestId('test-file-code').first();
    await isVisible(code);
    expect(await code.locator('.tok-keyword').count()).toBeGreaterThan(0);
    expect(await code.locator('.tok-string').count()).toBeGreaterThan(0);
    expect(await code.textContent()).toBe(source);
  });

  step('a long failure message wraps inside the results panel', async () => {
    await typeCode(`export function twoFer() {\n  return 'x'.repeat(600);\n}\n`);
    await page.getByTestId('run').click();
    await completed('run');
    const messages = page.getByTestId('test-message');
    await isVisible(messages.first());
    const overflow = await messages.evaluateAll((els) => els.map((el) => el.scrollWidth - el.clientWidth));
    expect(Math.max(...overflow)).toBeLessThanOrEqual(1);
    const panel = await page.getByTestId('results').evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(panel).toBeLessThanOrEqual(1);
  });

  step('a time limit is named once with its test; the tests after it, hidden ones too, are "not run"', async () => {
    await typeCode(`export function twoFer() {\n  while (true) {}\n}\n`);
    await page.getByTestId('submit').click();
    await completed('submit');
    const results = page.getByTestId('results');
    await hasAttr(results, 'data-verdict', 'time_limit');
    const text = (await results.textContent()) ?? '';
    expect(text.match(/time limit/gi)).toHaveLength(1);
    const rows = page.getByTestId('test-row');
    const names = await rows.getByTestId('test-name').allTextContents();
    const statuses = await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-status')));
    expect(statuses[0]).toBe('stopped');
    expect(statuses.slice(1).every((s) => s === 'not-run')).toBe(true);
    expect(statuses.length).toBeGreaterThan(3);
    await hasText(page.getByTestId('limit'), `Time limit exceeded in “${names[0]}”`);
    await hasText(page.getByTestId('results-status'), `0/${statuses.length} passed, ${statuses.length - 1} not run`);
    expect(text).not.toContain('0/0');
    expect(text).not.toContain('A hidden test failed');
    expect(await rows.locator('.tag', { hasText: 'not run' }).count()).toBe(statuses.length - 1);
    await screenshot('time-limit.png');
  });

  step('code over 64 KB is refused with a message, and the previous result is not left under it', async () => {
    const big = `export function twoFer() { return 'One for you, one for me.'; }\n// ${'x'.repeat(70 * 1024)}\n`;
    await typeCode(big);
    await hasText(page.getByTestId('draft-error'), 'larger than 64 KB');
    await page.getByTestId('run').click();
    await hasText(page.getByTestId('send-error'), 'larger than 64 KB');
    expect(await page.getByTestId('results').getAttribute('data-submission-id')).toBeNull();
    expect(await page.getByTestId('test-row').count()).toBe(0);
    await screenshot('code-too-large.png');
  });

  step('icons never need an emoji font: the page draws its own, and server emoji only where they can be drawn', async () => {
    await isVisible(page.locator('[data-testid="streak"] svg[data-icon="flame"]'));
    await page.goto(`${baseUrl}/courses/backend-roadmap`);
    await isVisible(page.locator('[data-testid="chapter"][data-status="locked"] svg[data-icon="lock"]').first());
    const emoji = await page.evaluate(() => document.documentElement.dataset.emoji ?? 'unknown');
    // Emoji outside the Basic Multilingual Plane (🔥 🔒 🏆 …) are the ones without a glyph in text fonts.
    const astral = () => page.evaluate(() => [...document.body.innerText].filter((c) => (c.codePointAt(0) ?? 0) >= 0x1f000).join(''));
    if (emoji === 'no') expect(await astral()).toBe('');
    await page.goto(`${baseUrl}/exercises/${twoFer.id}`);
    await page.getByTestId('exercise-page').waitFor();
  });

  step('the achievement toast does not cover the results', async () => {
    await typeCode(twoFer.solution);
    await page.getByTestId('submit').click();
    await completed('submit');
    await hasAttr(page.getByTestId('results'), 'data-verdict', 'passed');
    const toast = page.locator('[data-testid="toast"][data-kind="achievement"]').first();
    await isVisible(toast);
    if ((await page.evaluate(() => document.documentElement.dataset.emoji)) === 'no') {
      await isVisible(toast.locator('svg[data-icon="medal"]'));
    }
    await eventually(
      async () => {
        const [t, r] = await Promise.all([toast.boundingBox(), page.getByTestId('results').boundingBox()]);
        return t && r ? t.x + t.width <= r.x || t.x >= r.x + r.width || t.y + t.height <= r.y || t.y >= r.y + r.height : false;
      },
      (apart) => apart,
      'the toast and the results panel not to overlap',
    );
    // The completion panel says how the XP was made up (not the first Submit: no first-try bonus).
    const { xp } = await apiGet<{ xp: number }>(`/api/exercises/${twoFer.id}`);
    await hasText(page.getByTestId('xp-breakdown'), `(${xp} XP for the exercise)`);
  });

  step('the profile lists every achievement with progress, what the next level and title need, and the XP breakdown', async () => {
    await page.goto(`${baseUrl}/profile`);
    await page.getByTestId('achievement').first().waitFor();
    const goals = await apiGet<{ nextLevel: { level: number; xpNeeded: number }; nextTitle: { title: string; level: number } }>(
      '/api/me/goals',
    );
    await hasText(page.getByTestId('next-goals'), `Next: level ${goals.nextLevel.level} in ${goals.nextLevel.xpNeeded} XP`);
    await hasText(page.getByTestId('next-goals'), `the title ${goals.nextTitle.title} at level ${goals.nextTitle.level}`);
    expect(await page.getByTestId('achievement').count()).toBe(1);
    const streak = page.locator('[data-testid="achievement-goal"][data-id="streak-7"]');
    await hasText(streak.getByTestId('goal-progress'), '1/7 days');
    expect(await streak.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('1');
    await hasText(page.locator('[data-testid="achievement-goal"][data-id="solves-10"]'), '1/10 exercises');
    await hasText(page.getByTestId('history').getByTestId('xp-breakdown').first(), 'XP for the exercise');
    if ((await page.evaluate(() => document.documentElement.dataset.emoji)) === 'no') {
      expect(await page.evaluate(() => [...document.body.innerText].filter((c) => (c.codePointAt(0) ?? 0) >= 0x1f000).join(''))).toBe('');
    }
    await screenshot('profile-goals.png');
  });
});
