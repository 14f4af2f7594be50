export interface CartItem {
  name: string;
  priceCents: number;
  quantity: number;
}

export function cartTotal(items: CartItem[]): number {
  throw new Error('Add up priceCents * quantity for every item');
}

export function formatPrice(cents: number): string {
  throw new Error('Format cents as "$12.34"');
}
