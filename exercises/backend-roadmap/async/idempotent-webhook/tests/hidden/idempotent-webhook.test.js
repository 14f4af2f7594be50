import { describe, expect, jest, test } from '@jest/globals';
import { createWebhookHandler } from './webhook';

function deferred() {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}

describe('createWebhookHandler (hidden)', () => {
  test('concurrent duplicates wait for the running call instead of processing twice', async () => {
    const d = deferred();
    const process = jest.fn(() => d.promise);
    const handle = createWebhookHandler(process);
    const first = handle({ id: 'e1' });
    const second = handle({ id: 'e1' });
    first.catch(() => {});
    second.catch(() => {});
    await Promise.resolve();
    d.resolve({ charged: 100 });
    await expect(first).resolves.toEqual({ status: 'processed', result: { charged: 100 } });
    await expect(second).resolves.toEqual({ status: 'duplicate', result: { charged: 100 } });
    expect(process).toHaveBeenCalledTimes(1);
  });

  test('concurrent duplicates share a failure, and a later retry processes again', async () => {
    const d = deferred();
    const process = jest.fn().mockImplementationOnce(() => d.promise).mockImplementation(async () => 'second try');
    const handle = createWebhookHandler(process);
    const first = handle({ id: 'e2' });
    const second = handle({ id: 'e2' });
    first.catch(() => {});
    second.catch(() => {});
    d.reject(new Error('timeout'));
    await expect(first).rejects.toThrow('timeout');
    await expect(second).rejects.toThrow('timeout');
    await expect(handle({ id: 'e2' })).resolves.toEqual({ status: 'processed', result: 'second try' });
    expect(process).toHaveBeenCalledTimes(2);
  });

  test('a synchronous throw in process is a rejection and is not remembered', async () => {
    let n = 0;
    const handle = createWebhookHandler(() => { n++; if (n === 1) throw new Error('sync'); return n; });
    await expect(handle({ id: 'x' })).rejects.toThrow('sync');
    await expect(handle({ id: 'x' })).resolves.toEqual({ status: 'processed', result: 2 });
  });

  test('falsy results are remembered too', async () => {
    const process = jest.fn(async () => undefined);
    const handle = createWebhookHandler(process);
    await handle({ id: 'z' });
    await expect(handle({ id: 'z' })).resolves.toEqual({ status: 'duplicate', result: undefined });
    expect(process).toHaveBeenCalledTimes(1);
  });

  test('invalid ids reject with TypeError', async () => {
    const handle = createWebhookHandler(async () => 1);
    for (const bad of [{ id: '' }, { id: 42 }, null, undefined]) await expect(handle(bad)).rejects.toThrow(TypeError);
  });

  test('handlers do not share state', async () => {
    const a = createWebhookHandler(async () => 'a');
    const b = createWebhookHandler(async () => 'b');
    await a({ id: 'same' });
    await expect(b({ id: 'same' })).resolves.toEqual({ status: 'processed', result: 'b' });
  });
});
