// Accessibility checks for the browser specs (run in a real Chromium page): accessible names as Chromium computes
// them (over CDP), WCAG text contrast against what is actually painted, and visible keyboard focus.
import type { CDPSession, Page } from 'playwright-core';

const CONTROLS =
  'input:not([type=hidden]), textarea, select, button, a[href], [role=button], [role=tab], [role=link], [contenteditable=""], [contenteditable=true]';

interface Unnamed {
  selector: string;
  html: string;
}

export async function unnamedControls(p: Page, cdp: CDPSession): Promise<{ checked: number; unnamed: Unnamed[] }> {
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

export async function expectAllNamed(p: Page, cdp: CDPSession, where: string, atLeast: number): Promise<void> {
  const { checked, unnamed } = await unnamedControls(p, cdp);
  expect(checked).toBeGreaterThanOrEqual(atLeast);
  if (unnamed.length) {
    throw new Error(
      `${where}: ${unnamed.length} control(s) without an accessible name:\n${unnamed.map((u) => `  ${u.selector}  ${u.html}`).join('\n')}`,
    );
  }
}

// ---------------------------------------------------------------------------------------------------------------
// (2) Text contrast. Runs in the page; returns the offenders, the skipped elements and how many were checked.

interface ContrastReport {
  checked: number;
  offenders: { selector: string; text: string; ratio: number; required: number; fg: string; bg: string; size: string }[];
  skipped: { selector: string; text: string; why: string }[];
}

export async function contrastReport(p: Page, scope = 'body'): Promise<ContrastReport> {
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
      const parts = m[1]
        .split(/[ ,/]+/)
        .filter(Boolean)
        .map(Number);
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
    const hex = (c: RGBA) =>
      `#${c
        .slice(0, 3)
        .map((v) => Math.round(v).toString(16).padStart(2, '0'))
        .join('')}`;
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
        ? (el as HTMLInputElement).value || (el as HTMLInputElement).placeholder || `(${el.tagName.toLowerCase()})`
        : [...el.childNodes]
            .filter((n) => n.nodeType === Node.TEXT_NODE)
            .map((n) => n.textContent)
            .join('')
            .trim();
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

export async function expectContrast(p: Page, where: string, mustInclude: string[]): Promise<ContrastReport> {
  const report = await contrastReport(p);
  if (process.env.QL_A11Y_DEBUG) {
    console.log(`${where}: contrast checked ${report.checked}, skipped:\n${JSON.stringify(report.skipped, null, 1)}`);
  }
  if (report.offenders.length) {
    const lines = report.offenders.map(
      (o) => `  ${o.ratio}:1 < ${o.required}:1  ${o.fg} on ${o.bg}  ${o.size}  ${o.selector}  "${o.text}"`,
    );
    const skipped = report.skipped.map((s) => `  skipped ${s.selector} "${s.text}": ${s.why}`);
    throw new Error(
      `${where}: ${report.offenders.length} text element(s) below the WCAG contrast minimum:\n${lines.join('\n')}\n${skipped.join('\n')}`,
    );
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

export const focusLook = (p: Page, selector: string) =>
  p
    .locator(selector)
    .first()
    .evaluate((el) => {
      const cs = getComputedStyle(el);
      return {
        outline:
          cs.outlineStyle === 'none' || parseFloat(cs.outlineWidth) === 0
            ? 'none'
            : `${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}`,
        shadow: cs.boxShadow,
        focused: document.activeElement === el,
      };
    });

/** Tab (from the top of the page) until `selector` is focused; check its focus style is visible. */
export async function expectVisibleFocusByTab(p: Page, selector: string, maxTabs = 40): Promise<void> {
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
    reached = await p
      .locator(selector)
      .first()
      .evaluate((el) => document.activeElement === el);
  }
  if (!reached) throw new Error(`Tab never reached ${selector} (${maxTabs} presses)`);
  const after = await focusLook(p, selector);
  const changed = after.outline !== before.outline || after.shadow !== before.shadow;
  if (!changed || (after.outline === 'none' && after.shadow === 'none')) {
    throw new Error(`${selector} shows no visible focus: unfocused ${JSON.stringify(before)}, focused ${JSON.stringify(after)}`);
  }
  await p.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}
