// Gems and the shop. A balance is the sum of ledger rows; each row has a reason and a reference that is
// unique per learner (the quest and period, the achievement id, the boss event, the purchase's
// idempotency key), so an award or a purchase delivered twice is recorded once. These rules decide
// amounts and whether a purchase is allowed; libs/data writes the rows.

import { DEFAULT_STREAK_RULES } from './streak';

export type GemReason = 'quest' | 'achievement' | 'boss' | 'purchase';

/** Gems for each newly unlocked achievement. */
export const GEMS_PER_ACHIEVEMENT = 10;

export type ShopItemKey = 'streak-freeze' | 'spree-armor' | 'hint-discount';

export interface ShopItem {
  key: ShopItemKey;
  title: string;
  description: string;
  price: number;
  /** Most a learner can hold at once (a purchase above it is refused, not wasted). */
  maxHeld: number;
}

/** Streak freezes keep the streak rules' own ceiling. */
export const SHOP: readonly ShopItem[] = Object.freeze([
  {
    key: 'streak-freeze',
    title: 'Streak freeze',
    description: 'Covers one missed day of your streak.',
    price: 50,
    maxHeld: DEFAULT_STREAK_RULES.maxFreezes,
  },
  { key: 'spree-armor', title: 'Armor', description: 'Your accuracy spree survives one failed Submit.', price: 30, maxHeld: 3 },
  {
    key: 'hint-discount',
    title: 'Hint discount',
    description: 'Your next revealed hint costs half its XP.',
    price: 20,
    maxHeld: 3,
  },
] satisfies ShopItem[]);

/** The share of a hint's XP cost a hint discount waives. */
export const HINT_DISCOUNT_PERCENT = 50;

export function shopItem(key: string): ShopItem | undefined {
  return SHOP.find((item) => item.key === key);
}

export type PurchaseRefusal = 'unknown-item' | 'not-enough-gems' | 'holding-maximum';

/** Whether a learner with `balance` gems holding `held` of the item may buy one more (maxHeld: the platform's own ceiling, e.g. the streak rules'). */
export function checkPurchase(
  key: string,
  balance: number,
  held: number,
): { ok: true; item: ShopItem } | { ok: false; reason: PurchaseRefusal } {
  const item = shopItem(key);
  if (!item) return { ok: false, reason: 'unknown-item' };
  if (held >= item.maxHeld) return { ok: false, reason: 'holding-maximum' };
  if (balance < item.price) return { ok: false, reason: 'not-enough-gems' };
  return { ok: true, item };
}

/** A hint's XP cost after an optional discount (rounded down, never negative). */
export function discountedHintCost(cost: number, discounted: boolean): number {
  return discounted ? Math.max(0, Math.floor((cost * (100 - HINT_DISCOUNT_PERCENT)) / 100)) : cost;
}

/**
 * The spree after a Submit when the learner may hold armor: a failed Submit with armor held keeps the
 * spree and uses one armor; without armor the spree resets as usual.
 */
export function spreeWithArmor(current: number, passed: boolean, armorHeld: number): { current: number; armorUsed: boolean } {
  if (passed) return { current: current + 1, armorUsed: false };
  if (armorHeld > 0 && current > 0) return { current, armorUsed: true };
  return { current: 0, armorUsed: false };
}
