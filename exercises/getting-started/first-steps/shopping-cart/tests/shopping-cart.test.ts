import { cartTotal, formatPrice } from './shopping-cart';

describe('cartTotal', () => {
  test('an empty cart costs nothing', () => {
    expect(cartTotal([])).toBe(0);
  });

  test('multiplies price by quantity and adds it up', () => {
    const items = [
      { name: 'apple', priceCents: 50, quantity: 4 },
      { name: 'bread', priceCents: 249, quantity: 1 },
    ];
    expect(cartTotal(items)).toBe(449);
  });
});

describe('formatPrice', () => {
  test('dollars and cents', () => {
    expect(formatPrice(1234)).toBe('$12.34');
  });

  test('less than a dollar', () => {
    expect(formatPrice(99)).toBe('$0.99');
  });
});
