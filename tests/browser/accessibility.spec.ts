// Accessible basics in a real browser (Debian's Chromium via playwright-core) against the real stack: the built
// api + worker on a fresh database, serving the built web app at `/`.
//
// On the sign-up page, the course list and course map, and the first exercise of the first course:
//   (1) every visible input, textarea, select, button, link, tab and CodeMirror's editable content has an
//       accessible name — Chromium's own computed name, read over CDP (Accessibility.getPartialAXTree);
//   (2) text contrast (WCAG 1.4.3): every visible element with its own text (plus inputs) is checked against what
//       is painted behind it (elementsFromPoint at a few points of the text, so absolutely positioned fills count,
//       composited with alpha and opacity; ancestors as a fallback). ≥ 4.5:1, or ≥ 3:1 for large text
//       (≥ 24px, or ≥ 18.66px bold) and for symbol-only text (icons, 1.4.11). Skipped, and listed in the failure
//       message: disabled controls (exempt in WCAG) and text over a background image/gradient;
//   (3) Run and Submit expose their shortcuts (aria-keyshortcuts and title) and Ctrl+Enter / Ctrl+Shift+Enter work
//       from the editor (a Run/Submit whose results show, and no newline typed into the code);
//   (4) the results region is a live region that exists before the results arrive (same node afterwards);
//   (5) focus is visible: tabbing to a button changes its outline or box-shadow.
// A last step plants defects (unlabelled button, low-contrast text, focus style removed) and checks that every
// checker reports them, so the checks above can fail.
//
// Needs `npm run build` (api, worker); the web app is built here when it is stale. Set QL_BROWSER_BASE_URL to
// drive an already-running server instead.
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { checkPrerequisites, ensureWebBuild, launchChromium, startStack, type Stack } from './stack';
import { eventually, hasAttr, hasText } from './wait';

jest.setTimeout(120_000);

const RESULT_TIMEOUT = 30_000;

let stack: Stack | null = null;
let baseUrl = '';
let browser: Browser;
let context: BrowserContext;
let page: Page;
let cdp: CDPSession;

beforeAll(async () => {
  if (process.env.QL_BROWSER_BASE_URL) {
    baseUrl = process.env.QL_BROWSER_BASE_URL.replace(/\/$/, '');
  } else {
    checkPrerequisites();
    ensureWebBuild();
    stack = await startStack();
    baseUrl = stack.baseUrl;
  }
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'dark' });
  page = await context.newPage();
  cdp = await context.newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('Accessibility.enable');
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
      if (stack) (error as Error).message += `\n\nServer logs:\n${stack.logs().split('\n').slice(-40).join('\n')}`;
      throw error;
    }
  });
}

// ---------------------------------------------------------------------------------------------------------------
// (1) Accessible names, as Chromium computes them.

const CONTROLS =
  'input:not([type=hidden]), textarea, select, button, a[href], [role=button], [role=tab], [role=link], [contenteditable=""], [contenteditable=true]';

interface Unnamed {
  selector: string;
  html: string;
}

async function unnamedControls(p: Page): Promise<{ checked: number; unnamed: Unnamed[] }> {
  const described = await p.evaluate((sel) => {
    const describe = (el: Element) => {
      const id = el.id ? `#${el.id}` : '';
      const testid = el.getAttribute('data-testid') ? `[data-testid="${el.getAttribute('data-testid')}"]` : '';
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      return `${el.tagName.toLowerCase()}${id}${testid}${cls}`;
    };
    document.querySelectorAll('[data-a11y-idx]').forEach((el) => el.removeAttribute('data-a11y-idx'));
    const out: { idx: number; selector: string; html: string }[] = [];
    [...document.querySelectorAll(sel)].forEach((el, idx) => {
      const rect = el.getBoundingClientRect();
      if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: false }) || rect.width === 0 || rect.height === 0) return;
      el.setAttribute('data-a11y-idx', String(idx));
      out.push({ idx, selector: describe(el), html: el.outerHTML.slice(0, 160) });
    });
    return out;
  }, CONTROLS);
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const unnamed: Unnamed[] = [];
  for (const item of described) {
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: `[data-a11y-idx="${item.idx}"]` });
    if (!nodeId) throw new Error(`Lost ${item.selector} while reading the accessibility tree`);
    const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
    const node = nodes[0];
    const name = String(node?.name?.value ?? '').trim();
    if (!node || node.ignored || !name) unnamed.push({ selector: item.selector, html: item.html });
  }
  return { checked: described.length, unnamed };
}

async function expectAllNamed(p: Page, where: string, atLeast: number): Promise<void> {
  const { checked, unnamed } = await unnamedControls(p);
  expect(checked).toBeGreaterThanOrEqual(atLeast);
  if (unnamed.length) {
    throw new Error(`${where}: ${unnamed.length} control(s) without an accessible name:\n${unnamed.map((u) => `  ${u.selector}  ${u.html}`).join('\n')}`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// (2) Text contrast. Runs in the page; returns the offenders, the skipped elements and how many were checked.

interface ContrastReport {
  checked: number;
  offenders: { selector: string; text: string; ratio: number; required: number; fg: string; bg: string; size: string }[];
  skipped: { selector: string; text: string; why: string }[];
}

async function contrastReport(p: Page, scope = 'body'): Promise<ContrastReport> {
  return p.evaluate((scopeSel) => {
    type RGBA = [number, number, number, number];
    const parse = (css: string): RGBA => {
      const m = /rgba?\(([^)]+)\)/.exec(css);
      if (!m) {
        // Chromium reports computed colours as rgb()/rgba(), or color(srgb …) for some notations.
        const s = /color\(srgb ([\d.]+) ([\d.]+) ([\d.]+)(?: \/ ([\d.]+))?\)/.exec(css);
        if (s) return [+s[1] * 255, +s[2] * 255, +s[3] * 255, s[4] === undefined ? 1 : +s[4]];
        throw new Error(`Unparsed colour ${css}`);
      }
      const parts = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
      return [parts[0], parts[1], parts[2], parts.length > 3 ? parts[3] : 1];
    };
    const over = (top: RGBA, bottom: RGBA): RGBA => {
      const a = top[3];
      return [top[0] * a + bottom[0] * (1 - a), top[1] * a + bottom[1] * (1 - a), top[2] * a + bottom[2] * (1 - a), 1];
    };
    const lum = (c: RGBA) => {
      const ch = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * ch(c[0]) + 0.7152 * ch(c[1]) + 0.0722 * ch(c[2]);
    };
    const ratio = (a: RGBA, b: RGBA) => {
      const [l1, l2] = [lum(a), lum(b)].sort((x, y) => y - x);
      return (l1 + 0.05) / (l2 + 0.05);
    };
    const hex = (c: RGBA) => `#${c.slice(0, 3).map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
    const opacityOf = (el: Element | null) => {
      let o = 1;
      for (let e = el; e; e = e.parentElement) o *= Number(getComputedStyle(e).opacity);
      return o;
    };
    const describe = (el: Element) => {
      const testid = el.getAttribute('data-testid') ? `[data-testid="${el.getAttribute('data-testid')}"]` : '';
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).slice(0, 3).join('.')}` : '';
      const parent = el.parentElement;
      const pcls = parent && typeof parent.className === 'string' && parent.className ? `.${parent.className.trim().split(/\s+/)[0]}` : '';
      return `${parent ? `${parent.tagName.toLowerCase()}${pcls} > ` : ''}${el.tagName.toLowerCase()}${testid}${cls}`;
    };
    const WHITE: RGBA = [255, 255, 255, 1];
    /** The colour painted behind `el` by the given elements (bottom-most last), or a reason to skip. */
    const backdrop = (el: Element, behind: Element[]): RGBA | string => {
      let colour: RGBA = WHITE; // the canvas
      for (const b of [...behind].reverse()) {
        const cs = getComputedStyle(b);
        if (cs.backgroundImage !== 'none' && b !== el) return `background image/gradient on ${describe(b)}`;
        const bg = parse(cs.backgroundColor);
        const o = b === el ? 1 : Number(cs.opacity);
        if (bg[3] > 0) colour = over([bg[0], bg[1], bg[2], bg[3] * o], colour);
      }
      return colour;
    };
    const ancestorsOf = (el: Element) => {
      const list: Element[] = [];
      for (let e: Element | null = el; e; e = e.parentElement) list.push(e);
      return list; // top-most (the element) first, like elementsFromPoint
    };

    const scopeEl = document.querySelector(scopeSel) ?? document.body;
    const candidates = [...scopeEl.querySelectorAll('*')].filter((el) => {
      if (el.closest('svg, script, style, noscript, template')) return false;
      if (['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName)) return (el as HTMLInputElement).type !== 'hidden';
      return [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && /\S/.test(n.textContent ?? ''));
    });
    const report: ContrastReport = { checked: 0, offenders: [], skipped: [] };
    document.querySelectorAll('[data-contrast]').forEach((e) => e.removeAttribute('data-contrast'));
    for (const el of candidates) {
      const isField = ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
      const ownText = isField
        ? ((el as HTMLInputElement).value || (el as HTMLInputElement).placeholder || `(${el.tagName.toLowerCase()})`)
        : [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('').trim();
      if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      const box = el.getBoundingClientRect();
      // Visually hidden (sr-only) text is not painted for anyone.
      if (box.width <= 1 || box.height <= 1) continue;
      const cs = getComputedStyle(el);
      if (cs.clip !== 'auto' && cs.position === 'absolute') continue;
      if (el.closest(':disabled, [aria-disabled="true"]')) {
        report.skipped.push({ selector: describe(el), text: ownText.slice(0, 40), why: 'disabled control (exempt)' });
        continue;
      }
      // Where the text is painted: the rects of its own text nodes (or the field's box).
      el.scrollIntoView({ block: 'center', inline: 'nearest' });
      let rects: DOMRect[] = [];
      if (isField) rects = [el.getBoundingClientRect()];
      else {
        for (const n of el.childNodes) {
          if (n.nodeType !== Node.TEXT_NODE || !/\S/.test(n.textContent ?? '')) continue;
          const range = document.createRange();
          range.selectNodeContents(n);
          rects.push(...[...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0));
        }
      }
      if (!rects.length) continue;
      const points: [number, number][] = [];
      for (const r of rects.slice(0, 3)) {
        const y = r.top + r.height / 2;
        for (const f of [0.1, 0.5, 0.9]) points.push([r.left + r.width * f, y]);
      }
      let fg = parse(cs.color);
      fg = [fg[0], fg[1], fg[2], fg[3] * opacityOf(el)];
      let worst: { ratio: number; fg: RGBA; bg: RGBA } | null = null;
      let skip: string | null = null;
      for (const [x, y] of points) {
        if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue;
        const stack = document.elementsFromPoint(x, y);
        const at = stack.indexOf(el);
        // Not hit-testable here (pointer-events, covered): fall back to the ancestors.
        const behind = at >= 0 ? stack.slice(at) : ancestorsOf(el);
        const bg = backdrop(el, behind);
        if (typeof bg === 'string') {
          skip = bg;
          break;
        }
        const shown = over(fg, bg);
        const r = ratio(shown, bg);
        if (!worst || r < worst.ratio) worst = { ratio: r, fg: shown, bg };
      }
      if (!worst && !skip) {
        const bg = backdrop(el, ancestorsOf(el));
        if (typeof bg === 'string') skip = bg;
        else worst = { ratio: ratio(over(fg, bg), bg), fg: over(fg, bg), bg };
      }
      if (skip) {
        report.skipped.push({ selector: describe(el), text: ownText.slice(0, 40), why: skip });
        continue;
      }
      if (!worst) continue;
      const size = parseFloat(cs.fontSize);
      const bold = Number(cs.fontWeight) >= 700;
      const large = size >= 24 || (size >= 18.66 && bold);
      const symbolsOnly = !isField && !/[\p{L}\p{N}]/u.test(ownText);
      const required = large || symbolsOnly ? 3 : 4.5;
      report.checked++;
      el.setAttribute('data-contrast', 'checked');
      if (worst.ratio + 1e-6 < required) {
        report.offenders.push({
          selector: describe(el),
          text: ownText.slice(0, 60),
          ratio: Math.round(worst.ratio * 100) / 100,
          required,
          fg: hex(worst.fg),
          bg: hex(worst.bg),
          size: `${size}px/${cs.fontWeight}`,
        });
      }
    }
    window.scrollTo(0, 0);
    return report;
  }, scope);
}

async function expectContrast(p: Page, where: string, mustInclude: string[]): Promise<ContrastReport> {
  const report = await contrastReport(p);
  if (process.env.QL_A11Y_DEBUG) {
    const named = await unnamedControls(p);
    console.log(`${where}: ${named.checked} controls named; contrast checked ${report.checked}, skipped:\n${JSON.stringify(report.skipped, null, 1)}`);
  }
  if (report.offenders.length) {
    const lines = report.offenders.map((o) => `  ${o.ratio}:1 < ${o.required}:1  ${o.fg} on ${o.bg}  ${o.size}  ${o.selector}  "${o.text}"`);
    const skipped = report.skipped.map((s) => `  skipped ${s.selector} "${s.text}": ${s.why}`);
    throw new Error(`${where}: ${report.offenders.length} text element(s) below the WCAG contrast minimum:\n${lines.join('\n')}\n${skipped.join('\n')}`);
  }
  expect(report.checked).toBeGreaterThan(mustInclude.length);
  // The elements the issue names were actually measured (not silently skipped).
  for (const sel of mustInclude) {
    const measured = await p.evaluate(
      (s) => [...document.querySelectorAll(s)].some((el) => el.matches('[data-contrast]') || !!el.querySelector('[data-contrast]')),
      sel,
    );
    if (!measured) throw new Error(`${where}: no ${sel} was measured by the contrast check (missing or skipped)`);
  }
  return report;
}

// ---------------------------------------------------------------------------------------------------------------
// (5) Focus visibility: the outline / box-shadow of the focused element differs from its unfocused look.

const focusLook = (p: Page, selector: string) =>
  p.locator(selector).first().evaluate((el) => {
    const cs = getComputedStyle(el);
    return {
      outline: cs.outlineStyle === 'none' || parseFloat(cs.outlineWidth) === 0 ? 'none' : `${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}`,
      shadow: cs.boxShadow,
      focused: document.activeElement === el,
    };
  });

/** Tab (from the top of the page) until `selector` is focused; check its focus style is visible. */
async function expectVisibleFocusByTab(p: Page, selector: string, maxTabs = 40): Promise<void> {
  await p.locator(selector).first().waitFor();
  await p.locator(selector).first().scrollIntoViewIfNeeded();
  await p.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await p.mouse.move(0, 0);
  const before = await focusLook(p, selector);
  expect(before.focused).toBe(false);
  await p.evaluate(() => {
    document.body.tabIndex = -1;
    document.body.focus();
    document.body.removeAttribute('tabindex');
  });
  let reached = false;
  for (let i = 0; i < maxTabs && !reached; i++) {
    await p.keyboard.press('Tab');
    reached = await p.locator(selector).first().evaluate((el) => document.activeElement === el);
  }
  if (!reached) throw new Error(`Tab never reached ${selector} (${maxTabs} presses)`);
  const after = await focusLook(p, selector);
  const changed = after.outline !== before.outline || after.shadow !== before.shadow;
  if (!changed || (after.outline === 'none' && after.shadow === 'none')) {
    throw new Error(`${selector} shows no visible focus: unfocused ${JSON.stringify(before)}, focused ${JSON.stringify(after)}`);
  }
  await p.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

// ---------------------------------------------------------------------------------------------------------------

let firstExerciseId = '';

async function apiGet<T>(url: string): Promise<T> {
  return page.evaluate(async (u) => {
    const token = localStorage.getItem('questline.token');
    const res = await fetch(u, { headers: { Authorization: `Bearer ${token}` } });
    if (!res.ok) throw new Error(`${u}: HTTP ${res.status} ${await res.text()}`);
    return res.json();
  }, url) as Promise<T>;
}

describe('accessible basics', () => {
  step('sign-up page: labelled fields, readable text, visible focus', async () => {
    await page.goto(`${baseUrl}/signup`);
    await page.getByTestId('signup-form').waitFor();
    await expectAllNamed(page, 'sign-up page', 4);
    await expectContrast(page, 'sign-up page', ['h1', 'label.field span', 'input[name="email"]', 'button[type="submit"]', '.auth__switch a']);
    await expectVisibleFocusByTab(page, 'button[type="submit"]');
    await expectVisibleFocusByTab(page, 'input[name="email"]');

    // Sign up for the next steps.
    await page.getByLabel('Display name').fill('Ari Access');
    await page.getByLabel('Email').fill(`ari-${Date.now()}@example.test`);
    await page.getByLabel(/^Password/).fill('correct horse battery');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(`${baseUrl}/`);
    await page.getByTestId('course-list').waitFor();
    await page.getByTestId('xp-bar').waitFor();
  });

  step('course list and course map: named controls and readable text (header, XP bar text)', async () => {
    await page.locator('[data-testid="course-card"]').first().waitFor();
    await expectAllNamed(page, 'course list', 3);
    await expectContrast(page, 'course list', ['[data-testid="xp-text"]', '[data-testid="course-card"] h2 a', '.nav__link']);

    const courses = await apiGet<{ slug: string }[]>('/api/courses');
    const course = await apiGet<{ chapters: { exercises: { id: string }[] }[] }>(`/api/courses/${courses[0].slug}`);
    firstExerciseId = course.chapters[0].exercises[0].id;
    await page.locator('[data-testid="course-card"] h2 a').first().click();
    await page.getByTestId('course-map').waitFor();
    await page.locator('[data-testid="exercise-node"]').first().waitFor();
    await expectAllNamed(page, 'course map', 3);
    await expectContrast(page, 'course map', ['h1', '[data-testid="exercise-node"] a', '[data-testid="xp-text"]']);
  });

  step('exercise page: shortcuts on Run/Submit work from the editor, results are a live region', async () => {
    await page.locator(`[data-testid="exercise-node"][data-id="${firstExerciseId}"] a`).click();
    await page.getByTestId('exercise-page').waitFor();
    await page.locator('.cm-content').waitFor();
    const run = page.getByTestId('run');
    const submit = page.getByTestId('submit');

    // (3) The shortcuts are exposed to assistive tech and sighted users alike.
    expect(await run.getAttribute('aria-keyshortcuts')).toBe('Control+Enter');
    expect(await submit.getAttribute('aria-keyshortcuts')).toBe('Control+Shift+Enter');
    expect(await run.getAttribute('title')).toMatch(/Ctrl\+Enter/);
    expect(await submit.getAttribute('title')).toMatch(/Ctrl\+Shift\+Enter/);

    // (4) The live region is there before anything is announced, and stays the same node.
    const results = page.getByTestId('results');
    expect(await results.getAttribute('aria-live')).toMatch(/^(polite|assertive)$/);
    await results.evaluate((el) => ((window as unknown as { __results: Element }).__results = el));

    // Ctrl+Enter in the editor runs the code (and does not type a newline).
    const content = page.locator('.cm-content');
    await content.click();
    const code = await content.innerText();
    await page.keyboard.press('Control+Enter');
    await page.locator('[data-testid="results"][data-kind="run"][data-state="completed"]').waitFor({ timeout: RESULT_TIMEOUT });
    await hasText(results, 'not graded');
    expect(await page.locator('[data-testid="test-row"]').count()).toBeGreaterThan(0);
    expect(await content.innerText()).toBe(code);
    expect(await results.evaluate((el) => (window as unknown as { __results: Element }).__results === el)).toBe(true);
    expect(await results.getAttribute('aria-live')).toMatch(/^(polite|assertive)$/);
    await hasAttr(results, 'aria-busy', 'false');

    // Ctrl+Shift+Enter submits (the starter code: graded, no XP).
    const runId = await results.getAttribute('data-submission-id');
    await content.click();
    await page.keyboard.press('Control+Shift+Enter');
    await eventually(() => results.getAttribute('data-submission-id'), (id) => !!id && id !== runId, 'a new submission from Ctrl+Shift+Enter');
    await page.locator('[data-testid="results"][data-kind="submit"][data-state="completed"]').waitFor({ timeout: RESULT_TIMEOUT });
    expect(await content.innerText()).toBe(code);
    expect(await results.evaluate((el) => (window as unknown as { __results: Element }).__results === el)).toBe(true);
  });

  step('exercise page: named controls (editor included), readable text (results panel too), visible focus', async () => {
    await expectAllNamed(page, 'exercise page', 6);
    const editorName = await page.locator('.cm-content').getAttribute('aria-label');
    expect(editorName).toMatch(/\S/);
    await expectContrast(page, 'exercise page', [
      '[data-testid="exercise-title"]',
      '[data-testid="instructions"] p',
      '[data-testid="results"] h2, [data-testid="results"] .results__title',
      '[data-testid="test-name"]',
      '[data-testid="xp-text"]',
      '.cm-line',
      '[data-testid="run"]',
    ]);
    await expectVisibleFocusByTab(page, '[data-testid="run"]', 80);
    await expectVisibleFocusByTab(page, '[data-testid="submit"]', 80);
  });

  step('the checkers catch planted defects (so the checks above can fail)', async () => {
    await page.evaluate(() => {
      const box = document.createElement('div');
      box.id = 'planted';
      box.style.background = '#0d1117';
      box.innerHTML =
        '<p id="planted-low" style="color:#4a4f57">Low-contrast planted text</p>' +
        '<button type="button" id="planted-unnamed"><span aria-hidden="true">×</span></button>' +
        '<input id="planted-input">' +
        '<button type="button" id="planted-nofocus" class="btn" style="outline:none !important;box-shadow:none !important">No focus ring</button>';
      document.querySelector('main')!.prepend(box);
    });
    const { unnamed } = await unnamedControls(page);
    expect(unnamed.map((u) => u.selector).sort()).toEqual(['button#planted-unnamed', 'input#planted-input']);
    const report = await contrastReport(page, '#planted');
    expect(report.offenders.map((o) => o.text)).toEqual(['Low-contrast planted text']);
    await expect(expectVisibleFocusByTab(page, '#planted-nofocus')).rejects.toThrow(/shows no visible focus/);
    await page.evaluate(() => document.getElementById('planted')?.remove());
  });
});
