import { serve, serveAll, serveSafely } from './coffee-shop';

const barista = async (order) => order.drink;

describe('serve', () => {
  test('says the drink is ready', async () => {
    await expect(serve({ name: 'Ada', drink: 'latte' }, barista)).resolves.toBe('Ada, your latte is ready!');
  });

  test('uses the drink the barista made', async () => {
    const decafOnly = async () => 'decaf';
    await expect(serve({ name: 'Grace', drink: 'espresso' }, decafOnly)).resolves.toBe('Grace, your decaf is ready!');
  });
});

describe('serveAll', () => {
  test('serves every order, in order', async () => {
    const orders = [
      { name: 'Ada', drink: 'latte' },
      { name: 'Alan', drink: 'tea' },
    ];
    await expect(serveAll(orders, barista)).resolves.toEqual(['Ada, your latte is ready!', 'Alan, your tea is ready!']);
  });
});

describe('serveSafely', () => {
  test('says sorry when the barista fails', async () => {
    const outOfMilk = async () => {
      throw new Error('we are out of milk');
    };
    await expect(serveSafely({ name: 'Ada', drink: 'latte' }, outOfMilk)).resolves.toBe('Sorry Ada, we are out of milk');
  });
});
