// A TypeScript submission with a type error, in a real browser against the real stack: the Run ends as
// `compile_error`, the results list the diagnostic (file:line:column, TS code, message), and the editor
// marks the same span with a lint squiggle and a gutter marker (screenshot: docs/screenshots/exercise-type-error.png).
// Needs `npm run build` (api, worker); QL_BROWSER_BASE_URL drives an already-running server instead.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { checkPrerequisites, ensureWebBuild, launchChromium, ROOT, startStack, type Stack } from './stack';
import { hasAttr, hasText, isVisible } from './wait';

jest.setTimeout(240_000);

const SCREENSHOTS = path.join(ROOT, 'docs/screenshots');
const EXERCISE_DIR = path.join(ROOT, 'exercises/getting-started/first-steps/shopping-cart');

let stack: Stack | null = null;
let baseUrl = '';
let browser: Browser;
let page: Page;

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
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: 'dark' });
  page = await context.newPage();
}, 180_000);

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await stack?.stop();
});

test('a type error fails the Run as compile_error, listed in the results and squiggled in the editor', async () => {
  try {
    await page.goto(`${baseUrl}/signup`);
    await page.getByLabel('Display name').fill('Tess Types');
    await page.getByLabel('Email').fill(`tess-${Date.now()}@example.test`);
    await page.getByLabel(/^Password/).fill('correct horse battery');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(`${baseUrl}/`);
    const id = await page.evaluate(async () => {
      const headers = { Authorization: `Bearer ${localStorage.getItem('questline.token')}` };
      const course = (await (await fetch('/api/courses/getting-started', { headers })).json()) as {
        chapters: { exercises: { id: string; slug: string }[] }[];
      };
      return course.chapters.flatMap((c) => c.exercises).find((e) => e.slug === 'shopping-cart')!.id;
    });
    await page.goto(`${baseUrl}/exercises/${id}`);
    await page.getByTestId('exercise-page').waitFor();

    // The reference solution with one badly typed line (line 8): it would pass every test if types were stripped.
    const solution = fs.readFileSync(path.join(EXERCISE_DIR, 'solution/shopping-cart.ts'), 'utf8');
    const lines = solution.split('\n');
    lines.splice(7, 0, "  const count: number = 'three';");
    const code = lines.join('\n');
    const content = page.locator('.cm-content');
    await content.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(code);
    await page.getByTestId('run').click();

    const results = page.locator('[data-testid="results"][data-kind="run"][data-state="completed"]');
    await results.waitFor({ timeout: 60_000 });
    await hasAttr(results, 'data-verdict', 'compile_error');
    await hasText(page.getByTestId('verdict'), 'Type errors');
    const diagnostic = page.getByTestId('diagnostic').first();
    await hasText(diagnostic, 'shopping-cart.ts:8:9');
    await hasText(diagnostic.locator('.diagnostic__code'), 'TS2322');
    await hasText(diagnostic.locator('.diagnostic__message'), "Type 'string' is not assignable to type 'number'.");
    expect(await page.getByTestId('test-row').count()).toBe(0);

    // The editor: a squiggle under `count` on line 8 and an error marker in the lint gutter.
    const squiggle = page.locator('.cm-lintRange-error');
    await isVisible(squiggle);
    expect(await squiggle.first().textContent()).toBe('count');
    await isVisible(page.locator('.cm-lint-marker-error'));
    await page.getByTestId('diagnostics').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'exercise-type-error.png') });

    // Fixing the type clears the squiggle on the next Run, which passes.
    await content.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(solution);
    await page.getByTestId('run').click();
    await hasAttr(page.locator('[data-testid="results"][data-kind="run"][data-state="completed"]'), 'data-verdict', 'passed', 60_000);
    expect(await page.locator('.cm-lintRange-error').count()).toBe(0);
  } catch (error) {
    if (stack) process.stderr.write(`Recent api/worker output:\n${stack.logs()}\n`);
    throw error;
  }
});
