/**
 * @typedef {{ value: unknown, next: ListNode | null }} ListNode
 */

/** A singly linked list. */
export class LinkedList {
  constructor() {
    /** @type {ListNode | null} */
    this.head = null;
    /** @type {ListNode | null} */
    this.tail = null;
    this.size = 0;
  }

  /** Adds a value at the end. @returns {number} the new size */
  push(value) {
    const node = { value, next: null };
    if (this.tail === null) {
      this.head = node;
    } else {
      this.tail.next = node;
    }
    this.tail = node;
    this.size += 1;
    return this.size;
  }

  /** Adds a value at the start. @returns {number} the new size */
  unshift(value) {
    const node = { value, next: this.head };
    this.head = node;
    if (this.tail === null) this.tail = node;
    this.size += 1;
    return this.size;
  }

  /** Removes and returns the first value (undefined when empty). */
  shift() {
    const first = this.head;
    if (first === null) return undefined;
    this.head = first.next;
    if (this.head === null) this.tail = null;
    this.size -= 1;
    return first.value;
  }

  /** @returns {unknown[]} the values in order */
  toArray() {
    const values = [];
    for (let node = this.head; node !== null; node = node.next) values.push(node.value);
    return values;
  }

  /** Reverses the list in place. @returns {LinkedList} this list */
  reverse() {
    let prev = null;
    let current = this.head;
    while (current !== null) {
      const next = current.next;
      current.next = prev;
      prev = current;
      current = next;
    }
    this.tail = this.head;
    this.head = prev;
    return this;
  }
}
