import { describe, expect, test } from '@jest/globals';
import { settleAll } from './settle';

describe('settleAll', () => {
  test('collects successes and failures', async () => {
    const boom = new Error('orders service down');
    const result = await settleAll({
      users: () => Promise.resolve(['ada', 'bob']),
      orders: () => Promise.reject(boom),
      version: () => '1.4.2',
    });
    expect(result).toEqual({ ok: { users: ['ada', 'bob'], version: '1.4.2' }, failed: { orders: boom }, allOk: false });
  });

  test('allOk is true when nothing failed', async () => {
    expect(await settleAll({ a: async () => 1, b: async () => 2 })).toEqual({ ok: { a: 1, b: 2 }, failed: {}, allOk: true });
  });

  test('a synchronous throw counts as a failure', async () => {
    const result = await settleAll({ bad: () => { throw new Error('sync'); } });
    expect(result.allOk).toBe(false);
    expect(result.failed.bad.message).toBe('sync');
  });

  test('an empty object gives empty groups', async () => {
    expect(await settleAll({})).toEqual({ ok: {}, failed: {}, allOk: true });
  });
});
