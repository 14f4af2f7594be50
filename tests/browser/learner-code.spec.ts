// A learner's code follows them (issue 14), in Chromium against the real stack:
//
//   device A: fail then pass the first exercise → History shows the passing attempt's code and its diff
//   against the failing one → a draft of the next exercise is autosaved to the server →
//   device B (a second browser context, i.e. another computer): signs in, the solved exercise reopens
//   with its last passing code, its result and "Next exercise"; the next exercise shows A's draft →
//   two tabs on B: an edit in one reaches the other, which says so → "Reset to starter" and its undo →
//   Submit of the untouched starter is refused with a message, nothing is graded → sign-out leaves no
//   code in the browser.
//
// Needs `npm run build` (api, worker); the web app is built here when it is stale.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Workspace } from '@questline/contracts';
import { checkPrerequisites, ensureWebBuild, launchChromium, ROOT, startStack, type Stack } from './stack';
import { eventually, hasAttr, hasText, isVisible } from './wait';

jest.setTimeout(240_000);

const SCREENSHOTS = path.join(ROOT, 'docs/screenshots');
const RESULT_TIMEOUT = 60_000;
const PASSWORD = 'correct horse battery';

let stack: Stack | null = null;
let baseUrl = '';
let browser: Browser;
let deviceA: BrowserContext;
let deviceB: BrowserContext;
let a: Page;
let b: Page;
let email = '';

interface Target {
  id: string;
  nextId: string;
  starter: string;
  nextStarter: string;
  solution: string;
  wrong: string;
}
let target: Target;

async function apiGet<T>(p: Page, url: string): Promise<T> {
  return p.evaluate(async (u) => {
    const token = localStorage.getItem('questline.token');
    const res = await fetch(u, { headers: { Authorization: `Bearer ${token}` } });
    if (!res.ok) throw new Error(`${u}: HTTP ${res.status} ${await res.text()}`);
    return res.json();
  }, url) as Promise<T>;
}

/** The editor's text: its lines as rendered (the exercises' code is short enough to be rendered whole). */
const editorText = (p: Page) =>
  p.evaluate(() => [...document.querySelectorAll('.cm-content .cm-line')].map((l) => l.textContent).join('\n'));

const editorIs = (p: Page, want: string, what: string) =>
  eventually(
    () => editorText(p),
    (text) => text === want,
    what,
  );

async function typeCode(p: Page, code: string): Promise<void> {
  await p.locator('.cm-content').click();
  await p.keyboard.press('ControlOrMeta+A');
  await p.keyboard.press('Delete');
  await p.keyboard.insertText(code);
}

/** Wait until the server holds `code` as the draft of `exerciseId` (the autosave is debounced). */
const serverDraftIs = (p: Page, exerciseId: string, code: string) =>
  eventually(
    () => apiGet<Workspace>(p, `/api/exercises/${exerciseId}/workspace`),
    (ws) => ws.draft?.code === code,
    `the server draft of ${exerciseId} to be the typed code`,
  );

async function submitAndWait(p: Page, verdict: string): Promise<void> {
  await p.getByTestId('submit').click();
  await p.locator(`[data-testid="results"][data-kind="submit"][data-state="completed"]`).waitFor({ timeout: RESULT_TIMEOUT });
  await hasAttr(p.getByTestId('results'), 'data-verdict', verdict);
}

async function screenshot(p: Page, name: string): Promise<void> {
  await p.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((x) => x.effect?.getTiming().iterations !== Infinity)
        .map((x) => x.finished.catch(() => undefined)),
    ),
  );
  await p.screenshot({ path: path.join(SCREENSHOTS, name) });
}

beforeAll(async () => {
  checkPrerequisites();
  ensureWebBuild();
  stack = await startStack();
  baseUrl = stack.baseUrl;
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await launchChromium();
  deviceA = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: 'dark' });
  deviceB = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: 'dark' });
  a = await deviceA.newPage();
  b = await deviceB.newPage();
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

describe("a learner's code follows them", () => {
  step('device A signs up and fails, then passes, the first exercise', async () => {
    email = `code-${Date.now()}@example.test`;
    await a.goto(`${baseUrl}/signup`);
    await a.getByLabel('Display name').fill('Grace Two Devices');
    await a.getByLabel('Email').fill(email);
    await a.getByLabel(/^Password/).fill(PASSWORD);
    await a.getByRole('button', { name: 'Create account' }).click();
    await a.waitForURL(`${baseUrl}/`);

    const courses = await apiGet<{ slug: string }[]>(a, '/api/courses');
    const course = await apiGet<{ slug: string; chapters: { slug: string; exercises: { id: string; slug: string }[] }[] }>(
      a,
      `/api/courses/${courses[0].slug}`,
    );
    const first = course.chapters[0].exercises[0];
    const exercise = await apiGet<{ fileName: string; starterCode: string; nextId: string }>(a, `/api/exercises/${first.id}`);
    const next = await apiGet<{ starterCode: string }>(a, `/api/exercises/${exercise.nextId}`);
    const dir = path.join(ROOT, 'exercises', course.slug, course.chapters[0].slug, first.slug);
    const wrongDir = path.join(dir, 'wrong');
    target = {
      id: first.id,
      nextId: exercise.nextId,
      starter: exercise.starterCode,
      nextStarter: next.starterCode,
      solution: fs.readFileSync(path.join(dir, 'solution', exercise.fileName), 'utf8'),
      wrong: fs.readFileSync(path.join(wrongDir, fs.readdirSync(wrongDir).sort()[0]), 'utf8'),
    };

    await a.goto(`${baseUrl}/exercises/${target.id}`);
    await a.getByTestId('exercise-page').waitFor();
    await editorIs(a, target.starter, 'the starter in a fresh editor');
    await typeCode(a, target.wrong);
    await submitAndWait(a, 'failed');
    await typeCode(a, target.solution);
    await submitAndWait(a, 'passed');
  });

  step("History shows each attempt's code and a diff against the previous attempt", async () => {
    await a.getByRole('tab', { name: 'History' }).click();
    const entries = a.locator('#panel-history .history button');
    await eventually(
      () => entries.count(),
      (n) => n === 2,
      'two attempts in History',
    );
    await entries.first().click(); // the newest: the passing Submit
    const attempt = a.getByTestId('attempt');
    await isVisible(attempt);
    // It opens on the diff against the failing attempt: the solution's lines added, the wrong one's removed.
    const added = await a.locator('[data-testid="attempt-diff"] [data-op="add"]').allTextContents();
    const removed = await a.locator('[data-testid="attempt-diff"] [data-op="del"]').allTextContents();
    const strip = (lines: string[]) => lines.map((l) => l.replace(/^[+−]\s?(added: |removed: )?/, '').trimEnd());
    const solutionOnly = target.solution.split('\n').filter((l) => !target.wrong.split('\n').includes(l) && l.trim());
    const wrongOnly = target.wrong.split('\n').filter((l) => !target.solution.split('\n').includes(l) && l.trim());
    expect(solutionOnly.length + wrongOnly.length).toBeGreaterThan(0);
    for (const line of solutionOnly) expect(strip(added).some((l) => l.endsWith(line.trimEnd()))).toBe(true);
    for (const line of wrongOnly) expect(strip(removed).some((l) => l.endsWith(line.trimEnd()))).toBe(true);
    await hasText(a.getByTestId('attempt-diff-stats'), 'added');
    await screenshot(a, 'history-diff.png');
    // The code itself, and the older attempt (the first: nothing to compare with).
    await a.getByRole('button', { name: 'Code', exact: true }).click();
    expect(await a.getByTestId('attempt-code').textContent()).toBe(target.solution);
    await entries.nth(1).click();
    await hasText(a.getByTestId('attempt'), 'nothing earlier to compare with');
    expect(await a.getByTestId('attempt-code').textContent()).toBe(target.wrong);
  });

  step('device A starts the next exercise: the draft is autosaved to the server', async () => {
    await a.getByTestId('next-exercise').click();
    await a.waitForURL(`${baseUrl}/exercises/${target.nextId}`);
    await editorIs(a, target.nextStarter, 'the next starter');
    await typeCode(a, `// started on device A\n${target.nextStarter}`);
    await serverDraftIs(a, target.nextId, `// started on device A\n${target.nextStarter}`);
  });

  step('device B signs in: the solved exercise reopens with its passing code, result and "Next exercise"', async () => {
    await b.goto(`${baseUrl}/signin`);
    await b.getByLabel('Email').fill(email);
    await b.getByLabel('Password').fill(PASSWORD);
    await b.getByRole('button', { name: 'Sign in' }).click();
    await b.waitForURL(`${baseUrl}/`);
    await b.goto(`${baseUrl}/exercises/${target.id}`);
    await b.getByTestId('exercise-page').waitFor();
    await editorIs(b, target.solution, 'the last passing code on device B');
    await b.locator('[data-testid="results"][data-verdict="passed"]').waitFor();
    await hasText(b.getByTestId('verdict'), 'All tests passed');
    await hasText(b.getByTestId('restored-note'), 'Your last passing Submit');
    await isVisible(b.getByTestId('next-exercise'));
    await isVisible(b.getByTestId('solved-badge'));
    await screenshot(b, 'reopened-solved.png');
  });

  step("device B finds device A's draft of the next exercise", async () => {
    await b.getByTestId('next-exercise').click();
    await b.waitForURL(`${baseUrl}/exercises/${target.nextId}`);
    await editorIs(b, `// started on device A\n${target.nextStarter}`, "device A's draft on device B");
  });

  let tab2: Page;
  step('two tabs: the newer edit wins and the other tab is told', async () => {
    tab2 = await deviceB.newPage();
    await tab2.goto(`${baseUrl}/exercises/${target.nextId}`);
    await tab2.getByTestId('exercise-page').waitFor();
    await editorIs(tab2, `// started on device A\n${target.nextStarter}`, 'the draft in the second tab');
    const newer = `// edited in the second tab\n${target.nextStarter}`;
    await typeCode(tab2, newer);
    await serverDraftIs(tab2, target.nextId, newer);
    // The first tab (and device A) take the newer edit and say so.
    await editorIs(b, newer, 'the first tab to show the newer edit');
    await hasText(b.getByTestId('draft-notice'), 'newer edit from another tab or device');
    await editorIs(a, newer, 'device A to show the newer edit');
    await isVisible(a.getByTestId('draft-notice'));
    await screenshot(b, 'draft-from-another-tab.png');
    // The tab that typed is not told about its own edit.
    expect(await tab2.getByTestId('draft-notice').count()).toBe(0);
    await tab2.close();
  });

  step('"Reset to starter" can be undone', async () => {
    const before = await editorText(b);
    await b.getByTestId('reset').click();
    await editorIs(b, target.nextStarter, 'the starter after Reset');
    await hasText(b.getByTestId('reset-banner'), 'The starter code is back.');
    await serverDraftIs(b, target.nextId, target.nextStarter);
    await b.getByTestId('reset-undo').click();
    await editorIs(b, before, 'the code from before the reset');
    await serverDraftIs(b, target.nextId, before);
    expect(await b.getByTestId('reset-banner').count()).toBe(0);
  });

  step('Submit refuses an untouched starter or an empty editor with a message, and grades nothing', async () => {
    await b.getByTestId('reset').click();
    await editorIs(b, target.nextStarter, 'the starter');
    await b.getByTestId('submit').click();
    await hasText(b.getByTestId('send-error'), 'This is still the starter code');
    await typeCode(b, '');
    await editorIs(b, '', 'an empty editor');
    await b.getByTestId('submit').click();
    await hasText(b.getByTestId('send-error'), 'Your editor is empty');
    await screenshot(b, 'submit-refused.png');
    const history = await apiGet<{ total: number }>(b, `/api/exercises/${target.nextId}/submissions`);
    expect(history.total).toBe(0);
  });

  step('sign-out leaves no code in the browser', async () => {
    const keys = () => b.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('questline.draft')));
    expect((await keys()).length).toBeGreaterThan(0);
    await b.getByRole('button', { name: 'Sign out' }).click();
    await b.waitForURL(/\/signin/);
    expect(await keys()).toEqual([]);
  });
});
