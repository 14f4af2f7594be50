import { describe, expect, jest, test } from '@jest/globals';
import { createWebhookHandler } from './webhook';

const event = (id) => ({ id, type: 'order.paid', payload: { orderId: 7 } });

describe('createWebhookHandler', () => {
  test('processes a new event', async () => {
    const process = jest.fn(async () => ({ shipped: true }));
    const handle = createWebhookHandler(process);
    await expect(handle(event('evt_1'))).resolves.toEqual({ status: 'processed', result: { shipped: true } });
    expect(process).toHaveBeenCalledWith(event('evt_1'));
  });

  test('a repeated event is not processed again', async () => {
    const process = jest.fn(async () => 'ok');
    const handle = createWebhookHandler(process);
    await handle(event('evt_1'));
    await expect(handle(event('evt_1'))).resolves.toEqual({ status: 'duplicate', result: 'ok' });
    expect(process).toHaveBeenCalledTimes(1);
  });

  test('different ids are processed separately', async () => {
    const process = jest.fn(async (e) => e.id.toUpperCase());
    const handle = createWebhookHandler(process);
    expect((await handle(event('a'))).result).toBe('A');
    expect((await handle(event('b'))).result).toBe('B');
    expect(process).toHaveBeenCalledTimes(2);
  });

  test('a failed event can be retried', async () => {
    let fail = true;
    const process = jest.fn(async () => { if (fail) throw new Error('db down'); return 'saved'; });
    const handle = createWebhookHandler(process);
    await expect(handle(event('evt_9'))).rejects.toThrow('db down');
    fail = false;
    await expect(handle(event('evt_9'))).resolves.toEqual({ status: 'processed', result: 'saved' });
  });

  test('rejects events without an id', async () => {
    const process = jest.fn();
    await expect(createWebhookHandler(process)({ type: 'x' })).rejects.toThrow(TypeError);
    expect(process).not.toHaveBeenCalled();
  });
});
