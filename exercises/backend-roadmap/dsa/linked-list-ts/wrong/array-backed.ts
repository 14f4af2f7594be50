// Mistake: keeps the values in an array, so there are no nodes to follow (and shift is O(n)).
export interface ListNode<T> {
  value: T;
  next: ListNode<T> | null;
}

export class LinkedList<T> {
  private items: T[] = [];

  get size(): number {
    return this.items.length;
  }

  get head(): ListNode<T> | null {
    return this.items.length ? { value: this.items[0], next: null } : null;
  }

  push(value: T): number {
    return this.items.push(value);
  }

  unshift(value: T): number {
    return this.items.unshift(value);
  }

  shift(): T | undefined {
    return this.items.shift();
  }

  toArray(): T[] {
    return [...this.items];
  }

  reverse(): this {
    this.items.reverse();
    return this;
  }
}
