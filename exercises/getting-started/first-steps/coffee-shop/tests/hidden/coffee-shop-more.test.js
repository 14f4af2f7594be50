import { serve, serveAll, serveSafely } from './coffee-shop';

// A barista whose drinks are ready only when the test says so, to see what is started when.
function controlledBarista() {
  const started = [];
  const barista = (order) =>
    new Promise((resolve) => {
      started.push({ order, finish: () => resolve(order.drink) });
    });
  return { started, barista };
}

describe('hidden checks', () => {
  test('serveAll starts every order before waiting for any', async () => {
    const { started, barista } = controlledBarista();
    const orders = [
      { name: 'A', drink: 'tea' },
      { name: 'B', drink: 'mocha' },
      { name: 'C', drink: 'latte' },
    ];
    const all = serveAll(orders, barista);
    // If serveAll fails, the `resolves` check below reports it; this stops an unhandled rejection.
    all.catch(() => {});
    await Promise.resolve();
    expect(started).toHaveLength(3);
    // Finish them out of order: the messages still follow the orders.
    [...started].reverse().forEach((job) => job.finish());
    await expect(all).resolves.toEqual(['A, your tea is ready!', 'B, your mocha is ready!', 'C, your latte is ready!']);
  });

  test('serveAll with no orders', async () => {
    await expect(serveAll([], async () => 'tea')).resolves.toEqual([]);
  });

  test('serveSafely serves normally when nothing fails', async () => {
    await expect(serveSafely({ name: 'Linus', drink: 'cocoa' }, async (o) => o.drink)).resolves.toBe('Linus, your cocoa is ready!');
  });

  test('serve passes the barista failure on', async () => {
    const broken = () => Promise.reject(new Error('machine broken'));
    await expect(serve({ name: 'Ada', drink: 'latte' }, broken)).rejects.toThrow('machine broken');
  });
});
