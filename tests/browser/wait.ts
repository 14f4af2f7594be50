// Retrying assertions for playwright-core locators (the web-first `expect` lives in @playwright/test,
// which is not installed). Each polls until the condition holds or fails with what it last saw.
import type { Locator } from 'playwright-core';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string, timeout = 10_000): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: T | undefined;
  let error: unknown;
  for (;;) {
    try {
      last = await read();
      error = undefined;
      if (ok(last)) return last;
    } catch (e) {
      error = e;
    }
    if (Date.now() > deadline) {
      const seen = error instanceof Error ? `error: ${error.message}` : `last value: ${JSON.stringify(last)}`;
      throw new Error(`Timed out after ${timeout} ms waiting for ${what} (${seen})`);
    }
    await sleep(100);
  }
}

const describe = (locator: Locator) => String(locator);

export const hasText = (locator: Locator, want: string | RegExp, timeout?: number) =>
  eventually(
    async () => (await locator.first().textContent({ timeout: 1_000 })) ?? '',
    (text) => (typeof want === 'string' ? text.includes(want) : want.test(text)),
    `${describe(locator)} to contain ${String(want)}`,
    timeout,
  );

export const hasExactText = (locator: Locator, want: string, timeout?: number) =>
  eventually(
    async () => ((await locator.first().textContent({ timeout: 1_000 })) ?? '').trim(),
    (text) => text === want,
    `${describe(locator)} to have text ${JSON.stringify(want)}`,
    timeout,
  );

export const hasAttr = (locator: Locator, name: string, want: string | ((v: string | null) => boolean), timeout?: number) =>
  eventually(
    () => locator.first().getAttribute(name, { timeout: 1_000 }),
    (value) => (typeof want === 'function' ? want(value) : value === want),
    `${describe(locator)} [${name}] to be ${typeof want === 'function' ? 'as expected' : JSON.stringify(want)}`,
    timeout,
  );

export const hasCount = (locator: Locator, want: number, timeout?: number) =>
  eventually(
    () => locator.count(),
    (n) => n === want,
    `${describe(locator)} to match ${want} element(s)`,
    timeout,
  );

export const isVisible = (locator: Locator, timeout = 10_000) => locator.first().waitFor({ state: 'visible', timeout });
