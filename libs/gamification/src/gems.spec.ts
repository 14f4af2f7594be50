import { checkPurchase, discountedHintCost, spreeWithArmor } from './gems';

describe('shop', () => {
  it('allows a purchase with enough gems below the holding limit', () => {
    expect(checkPurchase('spree-armor', 30, 0)).toMatchObject({ ok: true, item: { price: 30 } });
    expect(checkPurchase('spree-armor', 29, 0)).toEqual({ ok: false, reason: 'not-enough-gems' });
    expect(checkPurchase('spree-armor', 1000, 3)).toEqual({ ok: false, reason: 'holding-maximum' });
    expect(checkPurchase('free-xp', 1000, 0)).toEqual({ ok: false, reason: 'unknown-item' });
  });

  it('halves a discounted hint cost, rounding down', () => {
    expect(discountedHintCost(15, true)).toBe(7);
    expect(discountedHintCost(15, false)).toBe(15);
  });

  it('armor keeps the spree through one failed Submit', () => {
    expect(spreeWithArmor(4, false, 1)).toEqual({ current: 4, armorUsed: true });
    expect(spreeWithArmor(4, false, 0)).toEqual({ current: 0, armorUsed: false });
    expect(spreeWithArmor(0, false, 1)).toEqual({ current: 0, armorUsed: false });
    expect(spreeWithArmor(4, true, 1)).toEqual({ current: 5, armorUsed: false });
  });
});
