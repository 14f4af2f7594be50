// An SQL exercise in a real browser against the real stack (with a sandbox PostgreSQL): the editor is in
// PostgreSQL mode and completes the exercise's tables, the schema is shown beside the instructions, a wrong
// query's Run shows the expected and received tables, and the right one passes
// (screenshot: docs/screenshots/sql-exercise.png).
// Needs `npm run build` (api, worker).
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import type { Browser, Page } from 'playwright-core';
import { checkPrerequisites, ensureWebBuild, launchChromium, ROOT, startStack, type Stack } from './stack';
import { hasAttr, hasText, isVisible } from './wait';

jest.setTimeout(240_000);

const SCREENSHOTS = path.join(ROOT, 'docs/screenshots');
const EXERCISE_DIR = path.join(ROOT, 'exercises/backend-roadmap/databases/joins');

let stack: Stack;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  checkPrerequisites();
  ensureWebBuild();
  stack = await startStack({ sqlSandbox: true });
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, colorScheme: 'dark' });
  page = await context.newPage();
}, 180_000);

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await stack?.stop();
});

/** The chapters before Relational databases count as solved for this learner (the chapter is locked until then). */
async function unlockDatabases(email: string): Promise<void> {
  const client = new Client({ connectionString: stack.databaseUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO exercise_completions (user_id, exercise_id, tests_hash, course_version)
       SELECT u.id, e.id, e.tests_hash, '1.1.0'
       FROM users u, exercises e JOIN chapters ch ON ch.id = e.chapter_id JOIN courses c ON c.id = ch.course_id
       WHERE u.email = $1 AND c.slug = 'backend-roadmap' AND ch.slug <> 'databases'`,
      [email],
    );
  } finally {
    await client.end();
  }
}

async function replaceCode(code: string): Promise<void> {
  await page.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
}

test('a wrong query shows the expected and received tables; the right one passes', async () => {
  try {
    const email = `sally-${Date.now()}@example.test`;
    await page.goto(`${stack.baseUrl}/signup`);
    await page.getByLabel('Display name').fill('Sally Select');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel(/^Password/).fill('correct horse battery');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(`${stack.baseUrl}/`);
    await unlockDatabases(email);
    const id = await page.evaluate(async () => {
      const headers = { Authorization: `Bearer ${localStorage.getItem('questline.token')}` };
      const course = (await (await fetch('/api/courses/backend-roadmap', { headers })).json()) as {
        chapters: { exercises: { id: string; slug: string; status: string }[] }[];
      };
      return course.chapters.flatMap((c) => c.exercises).find((e) => e.slug === 'joins')!.id;
    });
    await page.goto(`${stack.baseUrl}/exercises/${id}`);
    await page.getByTestId('exercise-page').waitFor();

    // The schema beside the instructions: the tables and columns of schema.sql, nothing of the tests.
    const schema = page.getByTestId('schema');
    await isVisible(schema);
    await hasText(schema.locator('[data-table="orders"]'), 'customer_id');
    await hasText(schema.locator('[data-table="orders"]'), 'numeric(8, 2)');
    await hasText(schema.locator('[data-table="customers"]'), 'city');

    // The editor completes the exercise's tables (PostgreSQL mode with the schema).
    await replaceCode('SELECT * FROM ord');
    await page.keyboard.press('Control+Space');
    await hasText(page.locator('.cm-tooltip-autocomplete'), 'orders');
    await page.keyboard.press('Escape');

    // A wrong query: the inner join loses Barbara, who has no orders.
    await replaceCode(
      'SELECT c.name, o.id AS order_id, o.total\nFROM customers c\nJOIN orders o ON o.customer_id = c.id\nORDER BY c.name, o.id;\n',
    );
    await page.getByTestId('run').click();
    const results = page.locator('[data-testid="results"][data-kind="run"][data-state="completed"]');
    await results.waitFor({ timeout: 60_000 });
    await hasAttr(results, 'data-verdict', 'failed');
    const comparison = page.getByTestId('rows-comparison').first();
    await isVisible(comparison);
    await hasText(comparison.getByTestId('rows-problem'), 'Expected 7 rows, received 6.');
    const expected = comparison.getByTestId('rows-expected');
    const received = comparison.getByTestId('rows-received');
    expect(await expected.locator('thead th').allTextContents()).toEqual(['name', 'order_id', 'total']);
    expect(await expected.locator('tbody tr').count()).toBe(7);
    expect(await received.locator('tbody tr').count()).toBe(6);
    // Barbara's row, with her NULLs, is in the expected table only.
    expect(await expected.locator('tbody tr', { hasText: 'Barbara' }).locator('td').allTextContents()).toEqual(['Barbara', 'NULL', 'NULL']);
    expect(await received.locator('tbody tr', { hasText: 'Barbara' }).count()).toBe(0);
    await comparison.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'sql-exercise.png') });

    // The reference query passes.
    await replaceCode(fs.readFileSync(path.join(EXERCISE_DIR, 'solution/query.sql'), 'utf8'));
    await page.getByTestId('run').click();
    await hasAttr(page.locator('[data-testid="results"][data-kind="run"][data-state="completed"]'), 'data-verdict', 'passed', 60_000);
    expect(await page.getByTestId('rows-comparison').count()).toBe(0);
  } catch (error) {
    process.stderr.write(`Recent api/worker output:\n${stack?.logs()}\n`);
    throw error;
  }
});
