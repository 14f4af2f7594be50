import { describe, expect, test } from '@jest/globals';
import { mapLimit } from './map-limit';

/** Lets all pending promise callbacks run. */
async function flush() {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

/** A task the test finishes by hand: calls[i].resolve(value). */
function controlled() {
  const calls = [];
  let active = 0;
  let maxActive = 0;
  const fn = (item, index) => new Promise((resolve, reject) => {
    active++;
    maxActive = Math.max(maxActive, active);
    calls.push({
      item, index,
      resolve: (v) => { active--; resolve(v); },
      reject: (e) => { active--; reject(e); },
    });
  });
  return { fn, calls, stats: () => ({ active, maxActive }) };
}

describe('mapLimit', () => {
  test('maps every item and keeps the input order', async () => {
    await expect(mapLimit([1, 2, 3], 2, async (x) => x * 10)).resolves.toEqual([10, 20, 30]);
  });

  test('starts only `limit` calls at first', () => {
    const { fn, calls } = controlled();
    mapLimit(['a', 'b', 'c', 'd'], 2, fn);
    expect(calls.map((c) => c.item)).toEqual(['a', 'b']);
  });

  test('starts the next item as soon as one finishes', async () => {
    const { fn, calls } = controlled();
    const p = mapLimit(['a', 'b', 'c', 'd'], 2, fn);
    calls[1].resolve('B');
    await flush();
    expect(calls.map((c) => c.item)).toEqual(['a', 'b', 'c']);
    calls[0].resolve('A');
    calls[2].resolve('C');
    await flush();
    calls[3].resolve('D');
    await expect(p).resolves.toEqual(['A', 'B', 'C', 'D']);
  });

  test('an empty array gives []', async () => {
    await expect(mapLimit([], 3, async () => 1)).resolves.toEqual([]);
  });

  test('rejects with the error of a failed call', async () => {
    await expect(mapLimit([1, 2, 3], 2, async (x) => { if (x === 2) throw new Error('bad 2'); return x; })).rejects.toThrow('bad 2');
  });
});
