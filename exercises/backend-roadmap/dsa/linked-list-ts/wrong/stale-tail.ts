// Mistake: forgets to update the tail in reverse() and when shift() empties the list,
// so a later push links the new node to a node that is no longer the last one.
export interface ListNode<T> {
  value: T;
  next: ListNode<T> | null;
}

export class LinkedList<T> {
  head: ListNode<T> | null = null;
  private tail: ListNode<T> | null = null;
  size = 0;

  push(value: T): number {
    const node: ListNode<T> = { value, next: null };
    if (this.head === null || this.tail === null) this.head = node;
    else this.tail.next = node;
    this.tail = node;
    return ++this.size;
  }

  unshift(value: T): number {
    this.head = { value, next: this.head };
    if (this.tail === null) this.tail = this.head;
    return ++this.size;
  }

  shift(): T | undefined {
    if (this.head === null) return undefined;
    const { value } = this.head;
    this.head = this.head.next;
    this.size--;
    return value;
  }

  toArray(): T[] {
    const values: T[] = [];
    for (let node = this.head; node; node = node.next) values.push(node.value);
    return values;
  }

  reverse(): this {
    let prev: ListNode<T> | null = null;
    let current = this.head;
    while (current) {
      const next: ListNode<T> | null = current.next;
      current.next = prev;
      prev = current;
      current = next;
    }
    this.head = prev;
    return this;
  }
}
