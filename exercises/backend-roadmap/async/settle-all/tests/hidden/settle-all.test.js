import { describe, expect, jest, test } from '@jest/globals';
import { settleAll } from './settle';

function deferred() {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}

describe('settleAll (hidden)', () => {
  test('starts every task before waiting for any', async () => {
    const a = deferred();
    const b = deferred();
    const started = [];
    const p = settleAll({ a: () => { started.push('a'); return a.promise; }, b: () => { started.push('b'); return b.promise; } });
    p.catch(() => {}); // avoid an unhandled rejection if settleAll is broken
    expect(started).toEqual(['a', 'b']);
    b.resolve('B');
    a.reject('A failed');
    expect(await p).toEqual({ ok: { b: 'B' }, failed: { a: 'A failed' }, allOk: false });
  });

  test('keeps the task key order even when they finish in another order', async () => {
    const x = deferred();
    const y = deferred();
    const z = deferred();
    const p = settleAll({ x: () => x.promise, y: () => y.promise, z: () => z.promise });
    p.catch(() => {});
    z.resolve(3);
    y.resolve(2);
    x.resolve(1);
    const result = await p;
    expect(Object.keys(result.ok)).toEqual(['x', 'y', 'z']);
  });

  test('rejection reasons are kept as is, even falsy ones', async () => {
    const result = await settleAll({ a: () => Promise.reject(undefined), b: () => Promise.reject(0), c: () => undefined });
    expect(Object.keys(result.failed)).toEqual(['a', 'b']);
    expect(result.failed.a).toBeUndefined();
    expect(result.failed.b).toBe(0);
    expect(result.ok).toEqual({ c: undefined });
    expect(Object.keys(result.ok)).toEqual(['c']);
  });

  test('each task is called once, without arguments', async () => {
    const t = jest.fn(() => 'v');
    await settleAll({ t });
    expect(t).toHaveBeenCalledTimes(1);
    expect(t).toHaveBeenCalledWith();
  });

  test('a non-function value rejects with TypeError before running anything', async () => {
    const t = jest.fn(() => 1);
    const p = settleAll({ t, oops: 42 });
    p.catch(() => {});
    await expect(p).rejects.toThrow(TypeError);
    expect(t).not.toHaveBeenCalled();
  });
});
