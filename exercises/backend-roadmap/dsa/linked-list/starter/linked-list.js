/**
 * @typedef {{ value: unknown, next: ListNode | null }} ListNode
 */

/** A singly linked list. */
export class LinkedList {
  constructor() {
    /** @type {ListNode | null} */
    this.head = null;
    this.size = 0;
  }

  /** Adds a value at the end. @returns {number} the new size */
  push(value) {
    throw new Error('Remove this line and implement push');
  }

  /** Adds a value at the start. @returns {number} the new size */
  unshift(value) {
    throw new Error('Remove this line and implement unshift');
  }

  /** Removes and returns the first value (undefined when empty). */
  shift() {
    throw new Error('Remove this line and implement shift');
  }

  /** @returns {unknown[]} the values in order */
  toArray() {
    throw new Error('Remove this line and implement toArray');
  }

  /** Reverses the list in place. @returns {LinkedList} this list */
  reverse() {
    throw new Error('Remove this line and implement reverse');
  }
}
