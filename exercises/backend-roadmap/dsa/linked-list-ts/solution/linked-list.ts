export interface ListNode<T> {
  value: T;
  next: ListNode<T> | null;
}

/** A singly linked list. */
export class LinkedList<T> {
  head: ListNode<T> | null = null;
  private tail: ListNode<T> | null = null;
  size = 0;

  /** Adds a value at the end; returns the new size. */
  push(value: T): number {
    const node: ListNode<T> = { value, next: null };
    if (this.tail === null) this.head = node;
    else this.tail.next = node;
    this.tail = node;
    this.size += 1;
    return this.size;
  }

  /** Adds a value at the start; returns the new size. */
  unshift(value: T): number {
    const node: ListNode<T> = { value, next: this.head };
    this.head = node;
    if (this.tail === null) this.tail = node;
    this.size += 1;
    return this.size;
  }

  /** Removes and returns the first value (undefined when empty). */
  shift(): T | undefined {
    const first = this.head;
    if (first === null) return undefined;
    this.head = first.next;
    if (this.head === null) this.tail = null;
    this.size -= 1;
    return first.value;
  }

  /** The values in order. */
  toArray(): T[] {
    const values: T[] = [];
    for (let node = this.head; node !== null; node = node.next) values.push(node.value);
    return values;
  }

  /** Reverses the list in place and returns it. */
  reverse(): this {
    let prev: ListNode<T> | null = null;
    let current = this.head;
    while (current !== null) {
      const next: ListNode<T> | null = current.next;
      current.next = prev;
      prev = current;
      current = next;
    }
    this.tail = this.head;
    this.head = prev;
    return this;
  }
}
