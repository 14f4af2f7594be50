// The learner flow in a real browser (Debian's Chromium via playwright-core) against the real stack:
// the built api + worker on a fresh database, serving the built web app at `/`.
//
//   sign up → course map → first exercise of the first course → type a failing solution → Submit →
//   the failing test with its message (screenshot) → Run the fix: results "not graded", no XP →
//   Submit the fix: tests turn green one by one, XP bar and level update, achievement toast
//   (screenshot) → a second browser context sees the leaderboard change live → a dropped live
//   connection still ends with the result shown.
//
// Needs `npm run build` (api, worker); the web app is built here when it is stale. Set
// QL_BROWSER_BASE_URL to drive an already-running server instead (e.g. `npm start`).
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, ROOT, startStack, type Stack, checkPrerequisites, ensureWebBuild } from './stack';
import { eventually, hasAttr, hasCount, hasExactText, hasText, isVisible } from './wait';

jest.setTimeout(240_000);

const SCREENSHOTS = path.join(ROOT, 'docs/screenshots');
const RESULT_TIMEOUT = 60_000;

let stack: Stack | null = null;
let baseUrl = '';
let browser: Browser;
let learner: BrowserContext;
let rival: BrowserContext;
let page: Page;
let board: Page;

interface Target {
  id: string;
  courseSlug: string;
  chapterSlug: string;
  slug: string;
  title: string;
  fileName: string;
  solution: string;
  wrong: string;
}
let target: Target;
let learnerId = '';

async function apiGet<T>(p: Page, url: string): Promise<T> {
  return p.evaluate(async (u) => {
    const token = localStorage.getItem('questline.token');
    const res = await fetch(u, { headers: { Authorization: `Bearer ${token}` } });
    if (!res.ok) throw new Error(`${u}: HTTP ${res.status} ${await res.text()}`);
    return res.json();
  }, url) as Promise<T>;
}

async function signUp(p: Page, name: string): Promise<void> {
  await p.goto(`${baseUrl}/signup`);
  await p.getByLabel('Display name').fill(name);
  await p.getByLabel('Email').fill(`${name.toLowerCase().replace(/\W+/g, '-')}-${Date.now()}@example.test`);
  await p.getByLabel(/^Password/).fill('correct horse battery');
  await p.getByRole('button', { name: 'Create account' }).click();
  await p.waitForURL(`${baseUrl}/`);
  await p.getByTestId('course-list').waitFor({ state: 'attached' });
  await p.getByTestId('xp-bar').waitFor();
}

/** Replace the editor's content the way a learner would: focus, select all, type. */
async function typeCode(code: string): Promise<void> {
  const content = page.locator('.cm-content');
  await content.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
  // The draft is saved per exercise (debounced): wait for it, and check the editor took the text verbatim.
  await page.waitForFunction(([key, want]) => localStorage.getItem(key) === want, [`questline.draft.${target.id}`, code] as const, {
    timeout: 5_000,
  });
}

/** Record every state of the results rows (statuses) while a grading runs. */
async function recordRows(): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __rows: string[][]; __rowsObserver?: MutationObserver };
    w.__rows = [];
    w.__rowsObserver?.disconnect();
    const snap = () => {
      const rows = [...document.querySelectorAll('[data-testid="test-row"]')].map((r) => r.getAttribute('data-status') ?? '');
      const last = w.__rows[w.__rows.length - 1];
      if (!last || last.join() !== rows.join()) w.__rows.push(rows);
    };
    w.__rowsObserver = new MutationObserver(snap);
    w.__rowsObserver.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status'] });
  });
}

async function recordedRows(): Promise<string[][]> {
  return page.evaluate(() => (window as unknown as { __rows: string[][] }).__rows);
}

/** Let finite CSS animations (toast slide-in, row pop) finish so screenshots show the settled page. */
async function settleAnimations(p: Page): Promise<void> {
  await p.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
}

async function waitForCompleted(kind: 'run' | 'submit', timeout = RESULT_TIMEOUT): Promise<void> {
  await page.locator(`[data-testid="results"][data-kind="${kind}"][data-state="completed"]`).waitFor({ timeout });
}

beforeAll(async () => {
  if (process.env.QL_BROWSER_BASE_URL) {
    baseUrl = process.env.QL_BROWSER_BASE_URL.replace(/\/$/, '');
  } else {
    checkPrerequisites();
    ensureWebBuild();
    stack = await startStack();
    baseUrl = stack.baseUrl;
  }
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await launchChromium();
  learner = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: 'dark' });
  rival = await browser.newContext({ viewport: { width: 1200, height: 800 } });
  page = await learner.newPage();
  board = await rival.newPage();
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

describe('learner flow in Chromium', () => {
  step('signs up and opens the first exercise of the first course from the course map', async () => {
    await signUp(page, 'Ada Learner');
    learnerId = (await apiGet<{ id: string }>(page, '/api/me')).id;
    await hasText(page.getByTestId('level'), 'Lv 1');
    expect(await page.getByTestId('xp-bar').getAttribute('data-xp')).toBe('0');

    const courses = await apiGet<{ slug: string }[]>(page, '/api/courses');
    if (courses.length === 0)
      throw new Error('GET /api/courses is empty: the api did not load the built-in exercises/getting-started pack.');
    const course = await apiGet<{ slug: string; chapters: { slug: string; exercises: { id: string; slug: string }[] }[] }>(
      page,
      `/api/courses/${courses[0].slug}`,
    );
    const chapter = course.chapters[0];
    const first = chapter.exercises[0];

    await page.locator('[data-testid="course-card"] h2 a').first().click();
    await page.getByTestId('course-map').waitFor();
    const node = page.locator(`[data-testid="exercise-node"][data-id="${first.id}"]`);
    await hasAttr(node, 'data-status', 'available');
    await node.locator('a').click();
    await page.getByTestId('exercise-page').waitFor();
    expect(page.url()).toBe(`${baseUrl}/exercises/${first.id}`);

    const exercise = await apiGet<{ title: string; fileName: string; starterCode: string }>(page, `/api/exercises/${first.id}`);
    const dir = path.join(ROOT, 'exercises', course.slug, chapter.slug, first.slug);
    const solutionFile = path.join(dir, 'solution', exercise.fileName);
    if (!fs.existsSync(solutionFile)) throw new Error(`No reference solution at ${path.relative(ROOT, solutionFile)}`);
    const wrongDir = path.join(dir, 'wrong');
    const wrongFiles = fs.existsSync(wrongDir) ? fs.readdirSync(wrongDir).sort() : [];
    target = {
      id: first.id,
      courseSlug: course.slug,
      chapterSlug: chapter.slug,
      slug: first.slug,
      title: exercise.title,
      fileName: exercise.fileName,
      solution: fs.readFileSync(solutionFile, 'utf8'),
      // A known-wrong answer from the pack (it fails with "expected vs received"); else the starter.
      wrong: wrongFiles.length ? fs.readFileSync(path.join(wrongDir, wrongFiles[0]), 'utf8') : exercise.starterCode,
    };

    await hasExactText(page.getByTestId('exercise-title'), exercise.title);
    await hasText(page.getByTestId('instructions'), /\S/);
    await hasText(page.locator('.cm-content'), exercise.starterCode.split('\n')[0].trim());
    // Accessible basics: shortcuts on the buttons' titles, a labelled editor, a live results region.
    expect(await page.getByTestId('run').getAttribute('title')).toMatch(/(Ctrl|⌘)\+Enter/);
    expect(await page.getByTestId('submit').getAttribute('title')).toMatch(/(Ctrl|⌘)\+Shift\+Enter/);
    expect(await page.locator('.cm-content').getAttribute('aria-label')).toContain(exercise.fileName);
    expect(await page.getByTestId('results').getAttribute('aria-live')).toBe('polite');
  });

  step('keeps the draft across a reload, and a failing Submit shows the failing test with its message', async () => {
    await typeCode(target.wrong);
    await page.reload();
    await page.getByTestId('exercise-page').waitFor();
    const firstLine = target.wrong.split('\n').find((l) => l.trim()) ?? '';
    await hasText(page.locator('.cm-content'), firstLine.trim());

    await recordRows();
    await page.getByTestId('submit').click();
    await waitForCompleted('submit');
    const results = page.getByTestId('results');
    await hasAttr(results, 'data-verdict', (v) => v !== 'passed');
    const failing = page.locator('[data-testid="test-row"][data-status="fail"], [data-testid="test-row"][data-status="error"]').first();
    await isVisible(failing);
    const shown = await failing.getByTestId('test-message').textContent();
    expect(shown?.trim()).toBeTruthy();

    // The message is exactly the server's text (rendered as text, not HTML).
    const id = await results.getAttribute('data-submission-id');
    const sub = await apiGet<{ kind: string; tests: { name: string; status: string; message?: string }[] }>(page, `/api/submissions/${id}`);
    expect(sub.kind).toBe('submit');
    const serverFailing = sub.tests.find((t) => t.status !== 'pass');
    expect(serverFailing).toBeDefined();
    expect(await failing.getByTestId('test-name').textContent()).toBe(serverFailing!.name);
    expect(shown).toBe(serverFailing!.message);
    // Learner output and messages are text: nothing inside the results panel is markup from the server.
    expect(await results.locator('pre *').count()).toBe(0);
    expect(await page.getByTestId('xp-bar').getAttribute('data-xp')).toBe('0');
    // Screenshot: the verdict at the top of the view and the first failing test (expected vs received) below it.
    await results.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    // Only the panes scroll on a desktop-sized window: the header stays in place.
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    const box = await failing.boundingBox();
    if (!box || box.y + box.height > 900) await failing.scrollIntoViewIfNeeded();
    await settleAnimations(page);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'exercise-failing.png') });
  });

  step('Run of the fix is labelled "not graded" and awards nothing', async () => {
    await typeCode(target.solution);
    await page.getByTestId('submit').waitFor();
    await page.locator('.cm-content').focus();
    await page.keyboard.press('ControlOrMeta+Enter'); // Run
    await waitForCompleted('run');
    await hasText(page.getByTestId('results'), 'Run — not graded');
    await hasAttr(page.getByTestId('results'), 'data-verdict', 'passed');
    expect(await page.locator('[data-testid="test-row"]:not([data-status="pass"])').count()).toBe(0);
    await hasCount(page.getByTestId('xp-awarded'), 0);
    const progress = await apiGet<{ xp: number; solvedCount: number }>(page, '/api/me/progress');
    expect(progress).toMatchObject({ xp: 0, solvedCount: 0 });
    expect(await page.getByTestId('xp-bar').getAttribute('data-xp')).toBe('0');
    await hasCount(page.getByTestId('solved-badge'), 0);
  });

  step('Submit of the fix turns the tests green one by one, raises XP, and a rival sees the leaderboard change', async () => {
    // The rival watches the all-time board before the learner scores.
    await signUp(board, 'Rival Reader');
    await board.goto(`${baseUrl}/leaderboards?period=all`);
    await board.getByTestId('leaderboard').waitFor();
    await board
      .getByText(/Solve an exercise to join|You are/)
      .first()
      .waitFor();
    await hasCount(board.locator(`[data-testid="leaderboard-row"][data-user-id="${learnerId}"]`), 0);

    await recordRows();
    await page.locator('.cm-content').focus();
    await page.keyboard.press('ControlOrMeta+Shift+Enter'); // Submit
    await waitForCompleted('submit');
    await hasAttr(page.getByTestId('results'), 'data-verdict', 'passed');
    await isVisible(page.getByTestId('xp-awarded'));

    // Rows appeared pending and turned green as their events arrived, never all at once.
    const snapshots = await recordedRows();
    const final = snapshots[snapshots.length - 1];
    expect(final.length).toBeGreaterThan(0);
    expect(final.every((s) => s === 'pass')).toBe(true);
    const passCounts = snapshots.map((rows) => rows.filter((s) => s === 'pass').length);
    for (let i = 1; i < passCounts.length; i++) expect(passCounts[i]).toBeGreaterThanOrEqual(passCounts[i - 1]);
    if (final.length > 1) {
      const partial = snapshots.some((rows) => rows.some((s) => s === 'pass') && rows.some((s) => s !== 'pass'));
      expect(partial).toBe(true);
    }

    // XP bar and level follow the server.
    const progress = await apiGet<{ xp: number; level: number; levelTitle: string; xpIntoLevel: number; xpForNextLevel: number }>(
      page,
      '/api/me/progress',
    );
    expect(progress.xp).toBeGreaterThan(0);
    await hasAttr(page.getByTestId('xp-bar'), 'data-xp', String(progress.xp));
    await hasExactText(page.getByTestId('xp-text'), `${progress.xpIntoLevel} / ${progress.xpForNextLevel} XP`);
    await hasText(page.getByTestId('level'), `Lv ${progress.level}`);
    await hasExactText(page.getByTestId('level-title'), progress.levelTitle);
    if (progress.level > 1) await isVisible(page.locator('[data-testid="toast"][data-kind="level"]'));
    const achievement = page.locator('[data-testid="toast"][data-kind="achievement"]').first();
    await isVisible(achievement);
    await hasText(achievement, 'Achievement unlocked');
    await isVisible(page.getByTestId('solved-badge'));
    // Once solved, hints are free and the solution forfeits nothing — the page must not keep quoting old costs.
    await hasText(page.getByTestId('hint'), 'costs 0 XP');
    await hasText(page.getByTestId('solution'), 'forfeits 0 XP');
    await settleAnimations(page);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'exercise-passing.png') });

    // The rival's board updates live (no reload).
    const row = board.locator(`[data-testid="leaderboard-row"][data-user-id="${learnerId}"]`);
    await isVisible(row, 20_000);
    await hasAttr(row, 'data-xp', String(progress.xp));
    await hasExactText(row.getByTestId('leaderboard-name'), 'Ada Learner');
  });

  step('shows the result of a Run graded while the live connection was down', async () => {
    const results = page.getByTestId('results');
    const before = await results.getAttribute('data-submission-id');
    await page.evaluate(() => (window as unknown as { questline: { live: { pause(): void } } }).questline.live.pause());
    await hasAttr(page.getByTestId('connection'), 'data-state', 'offline');
    await page.getByTestId('run').click();
    const id = await hasAttr(results, 'data-submission-id', (v) => !!v && v !== before);
    // The grading finishes while the socket is down, so its live events are lost for good: the page can only
    // learn the result over HTTP (polling while offline, or the re-fetch of pending submissions on reconnect).
    await eventually(
      () => apiGet<{ status: string }>(page, `/api/submissions/${id}`),
      (sub) => sub.status === 'completed',
      `submission ${id} to be graded`,
      RESULT_TIMEOUT,
    );
    await page.evaluate(() => (window as unknown as { questline: { live: { resume(): void } } }).questline.live.resume());
    await hasAttr(page.getByTestId('connection'), 'data-state', 'online', 15_000);
    // Well before the page's 15 s watchdog: the reconnect itself must fetch what is still pending.
    await waitForCompleted('run', 8_000);
    expect(await results.getAttribute('data-submission-id')).toBe(id);
    await hasAttr(results, 'data-verdict', 'passed');
  });

  step("renders the learner's output and error messages as text, never as HTML", async () => {
    const markup = '<img src=x onerror="window.__pwned=1"><b>bold</b>';
    const thrown = '<i>not yet</i> & <script>window.__pwned=2</script>';
    const fnName = /export\s+(?:async\s+)?function\s+(\w+)/.exec(target.solution)?.[1];
    if (!fnName) throw new Error(`No exported function in the reference solution of ${target.slug}`);
    await typeCode(
      `export function ${fnName}() {\n  console.log(${JSON.stringify(markup)});\n  throw new Error(${JSON.stringify(thrown)});\n}\n`,
    );
    const results = page.getByTestId('results');
    const before = await results.getAttribute('data-submission-id');
    await page.getByTestId('run').click();
    await hasAttr(results, 'data-submission-id', (v) => !!v && v !== before);
    await waitForCompleted('run');
    await hasAttr(results, 'data-verdict', (v) => v !== 'passed');
    const row = page.locator('[data-testid="test-row"][data-status="error"], [data-testid="test-row"][data-status="fail"]').first();
    await hasText(row.getByTestId('test-output'), markup);
    await hasText(row.getByTestId('test-message'), thrown);
    expect(await results.locator('img, b, i, script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });
});
