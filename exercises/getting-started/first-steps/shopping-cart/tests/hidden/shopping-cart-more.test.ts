import { cartTotal, formatPrice } from './shopping-cart';

describe('hidden checks', () => {
  test('formatPrice pads single-digit cents', () => {
    expect(formatPrice(1205)).toBe('$12.05');
  });

  test('formatPrice of zero', () => {
    expect(formatPrice(0)).toBe('$0.00');
  });

  test('a quantity of zero adds nothing', () => {
    expect(cartTotal([{ name: 'gum', priceCents: 99, quantity: 0 }])).toBe(0);
  });

  test('a big order', () => {
    const total = cartTotal([
      { name: 'chair', priceCents: 4999, quantity: 6 },
      { name: 'table', priceCents: 19999, quantity: 1 },
    ]);
    expect(formatPrice(total)).toBe('$499.93');
  });
});
