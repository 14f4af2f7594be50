// Quests and the community boss in a real browser (Chromium) against the real stack (built api + worker):
//   a learner solves exercises until a daily quest completes and sees the reward (toast, header counter,
//   the Quests page — screenshot); during a boss event a second learner's Submits move the first learner's
//   health bar live.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import type { QuestView } from '@questline/contracts';
import { launchChromium, ROOT, startStack, type Stack } from './stack';
import { eventually, hasAttr, hasText, isVisible } from './wait';

jest.setTimeout(240_000);

const SCREENSHOTS = path.join(ROOT, 'docs/screenshots');
let stack: Stack;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function signUp(p: Page, name: string): Promise<string> {
  const email = `${name.toLowerCase().replace(/\W+/g, '-')}-${Date.now()}@example.test`;
  await p.goto(`${stack.baseUrl}/signup`);
  await p.getByLabel('Display name').fill(name);
  await p.getByLabel('Email').fill(email);
  await p.getByLabel(/^Password/).fill('correct horse battery');
  await p.getByRole('button', { name: 'Create account' }).click();
  await p.waitForURL(`${stack.baseUrl}/`);
  await p.getByTestId('quest-counter').waitFor();
  return email;
}

/** A request with the page's own token (what the web app sends). */
function call<T>(p: Page, method: string, url: string, body?: unknown): Promise<T> {
  return p.evaluate(
    async ([m, u, b]) => {
      const token = localStorage.getItem('questline.token');
      const res = await fetch(u, {
        method: m,
        headers: { Authorization: `Bearer ${token}`, ...(b === undefined ? {} : { 'content-type': 'application/json' }) },
        body: b === undefined ? undefined : JSON.stringify(b),
      });
      if (!res.ok) throw new Error(`${m} ${u}: HTTP ${res.status} ${await res.text()}`);
      return res.json();
    },
    [method, url, body] as const,
  ) as Promise<T>;
}

interface Exercise {
  id: string;
  solution: string;
}

/** The getting-started exercises in course order, with their reference solutions from the pack. */
async function gettingStarted(p: Page): Promise<Exercise[]> {
  const course = await call<{ chapters: { slug: string; exercises: { id: string; slug: string }[] }[] }>(
    p,
    'GET',
    '/api/courses/getting-started',
  );
  return course.chapters.flatMap((chapter) =>
    chapter.exercises.map((e) => {
      const dir = path.join(ROOT, 'exercises/getting-started', chapter.slug, e.slug, 'solution');
      return { id: e.id, solution: fs.readFileSync(path.join(dir, fs.readdirSync(dir)[0]), 'utf8') };
    }),
  );
}

/** Submit and wait until the submission is graded. */
async function solve(p: Page, exercise: Exercise): Promise<void> {
  const { id } = await call<{ id: string }>(p, 'POST', `/api/exercises/${exercise.id}/submissions`, { code: exercise.solution });
  await eventually(
    () => call<{ status: string; verdict: string | null }>(p, 'GET', `/api/submissions/${id}`),
    (s) => s.status === 'completed',
    'the submission to be graded',
    30_000,
  );
}

beforeAll(async () => {
  stack = await startStack();
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close().catch(() => undefined);
  await stack?.stop();
});

describe('quests and the boss in Chromium', () => {
  it('a learner completes a daily quest by solving exercises and sees the reward', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    contexts.push(context);
    const page = await context.newPage();
    await signUp(page, 'Quest Learner');
    await hasAttr(page.getByTestId('quest-counter'), 'data-done', '0');
    const exercises = await gettingStarted(page);
    // Solving three exercises first try without hints completes at least one of any three daily quests
    // that do not need TypeScript (the course has none, so none is offered).
    let done: QuestView[] = [];
    for (const exercise of exercises.slice(0, 3)) {
      await solve(page, exercise);
      done = (await call<QuestView[]>(page, 'GET', '/api/me/quests')).filter((q) => q.period === 'daily' && q.completed);
      if (done.length > 0) break;
    }
    expect(done.length).toBeGreaterThan(0);
    await isVisible(page.locator('.toast', { hasText: `Quest complete: ${done[0].title}` }));
    await hasAttr(page.getByTestId('quest-counter'), 'data-done', (v) => Number(v) >= 1);
    await hasAttr(page.getByTestId('gems'), 'data-gems', (v) => Number(v) >= done[0].rewardGems);

    await page.getByTestId('quest-counter').click();
    await page.waitForURL(`${stack.baseUrl}/quests`);
    await hasAttr(page.getByTestId(`quest-${done[0].key}`), 'data-completed', 'true');
    // Their XP put them in this week's league (of one, so far): promotion zone.
    await hasText(page.getByTestId('league').locator('tr.me'), 'Quest Learner (you)');
    await hasAttr(page.getByTestId('league').locator('tr.me'), 'data-zone', 'promotion');
    // Toasts cover the shop: dismiss them for the screenshot.
    const dismiss = page.getByRole('button', { name: 'Dismiss' });
    while ((await dismiss.count()) > 0) await dismiss.first().click();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'quests.png') });
  });

  it("during a boss event a second learner's Submit moves the first learner's health bar live", async () => {
    const [first, second] = await Promise.all([1, 2].map(() => browser.newContext({ viewport: { width: 1280, height: 860 } })));
    contexts.push(first, second);
    const watcher = await first.newPage();
    const fighter = await second.newPage();
    const adminEmail = await signUp(watcher, 'Boss Watcher');
    await signUp(fighter, 'Boss Fighter');

    // The watcher is an admin (the role is read on every request) and starts the event from the api.
    const db = await new DataSource({ type: 'postgres', url: stack.databaseUrl }).initialize();
    await db.query(`UPDATE users SET role = 'admin' WHERE email = $1`, [adminEmail]);
    await db.destroy();
    const health = 500;
    await call(watcher, 'POST', '/api/admin/boss', {
      title: 'The Flaky Test Kraken',
      health,
      startsAt: new Date(Date.now() - 1000).toISOString(),
      endsAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    const bar = watcher.getByTestId('boss');
    await hasAttr(bar, 'data-remaining', String(health));

    const [exercise] = await gettingStarted(fighter);
    await solve(fighter, exercise);
    // No reload on the watcher's page: the bar moved by the fighter's XP over the socket.
    await hasAttr(bar, 'data-remaining', (v) => Number(v) < health, 15_000);
    await hasText(watcher.getByTestId('boss-text'), /\/ 500 HP/);
    await watcher.screenshot({ path: path.join(SCREENSHOTS, 'boss-battle.png') });
  });
});
