// Adds each price once, whatever the quantity.
export interface CartItem {
  name: string;
  priceCents: number;
  quantity: number;
}

export function cartTotal(items: CartItem[]): number {
  return items.reduce((sum, item) => sum + item.priceCents, 0);
}

export function formatPrice(cents: number): string {
  return `$${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}
