import { describe, expect, jest, test } from '@jest/globals';
import { mapLimit } from './map-limit';

async function flush() {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

function controlled() {
  const calls = [];
  let active = 0;
  let maxActive = 0;
  const fn = (item, index) => new Promise((resolve, reject) => {
    active++;
    maxActive = Math.max(maxActive, active);
    calls.push({ item, index, resolve: (v) => { active--; resolve(v); }, reject: (e) => { active--; reject(e); } });
  });
  return { fn, calls, stats: () => ({ active, maxActive }) };
}

describe('mapLimit (hidden)', () => {
  test('never exceeds the limit while finishing in random order', async () => {
    const { fn, calls, stats } = controlled();
    const items = Array.from({ length: 12 }, (_, i) => i);
    const p = mapLimit(items, 3, fn);
    p.catch(() => {});
    const order = [2, 0, 1, 5, 3, 4, 8, 6, 7, 11, 10, 9];
    for (const i of order) {
      await flush();
      calls[i].resolve(i * i);
    }
    await expect(p).resolves.toEqual(items.map((i) => i * i));
    expect(stats().maxActive).toBe(3);
    expect(calls.map((c) => c.index)).toEqual(items);
  });

  test('a limit larger than the array starts everything at once', () => {
    const { fn, calls } = controlled();
    mapLimit([1, 2, 3], 10, fn).catch(() => {});
    expect(calls).toHaveLength(3);
  });

  test('no new items start after a failure', async () => {
    const { fn, calls } = controlled();
    const p = mapLimit([1, 2, 3, 4, 5], 2, fn);
    p.catch(() => {});
    calls[0].reject(new Error('first failure'));
    await flush();
    calls[1].resolve('late');
    await flush();
    await expect(p).rejects.toThrow('first failure');
    expect(calls).toHaveLength(2);
  });

  test('synchronous throws and plain return values are handled', async () => {
    await expect(mapLimit(['a', 'b'], 1, (x, i) => `${x}${i}`)).resolves.toEqual(['a0', 'b1']);
    await expect(mapLimit([1], 1, () => { throw new Error('sync'); })).rejects.toThrow('sync');
  });

  test('invalid limits reject with RangeError without calling fn', async () => {
    const fn = jest.fn(async () => 1);
    for (const bad of [0, -1, 1.5, NaN]) await expect(mapLimit([1, 2], bad, fn)).rejects.toThrow(RangeError);
    expect(fn).not.toHaveBeenCalled();
  });
});
