export interface ListNode<T> {
  value: T;
  next: ListNode<T> | null;
}

/** A singly linked list. */
export class LinkedList<T> {
  head: ListNode<T> | null = null;
  size = 0;

  /** Adds a value at the end; returns the new size. */
  push(value: T): number {
    throw new Error('Remove this line and implement push');
  }

  /** Adds a value at the start; returns the new size. */
  unshift(value: T): number {
    throw new Error('Remove this line and implement unshift');
  }

  /** Removes and returns the first value (undefined when empty). */
  shift(): T | undefined {
    throw new Error('Remove this line and implement shift');
  }

  /** The values in order. */
  toArray(): T[] {
    throw new Error('Remove this line and implement toArray');
  }

  /** Reverses the list in place and returns it. */
  reverse(): this {
    throw new Error('Remove this line and implement reverse');
  }
}
