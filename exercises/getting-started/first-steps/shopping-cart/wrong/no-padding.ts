// Forgets to pad the cents: 1205 becomes "$12.5".
export interface CartItem {
  name: string;
  priceCents: number;
  quantity: number;
}

export function cartTotal(items: CartItem[]): number {
  return items.reduce((sum, item) => sum + item.priceCents * item.quantity, 0);
}

export function formatPrice(cents: number): string {
  return `$${Math.floor(cents / 100)}.${cents % 100}`;
}
