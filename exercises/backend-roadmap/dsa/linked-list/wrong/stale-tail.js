// Mistake: forgets to update the tail in reverse() and when shift() empties the list,
// so a later push links the new node to a node that is no longer the last one.
export class LinkedList {
  constructor() {
    this.head = null;
    this.tail = null;
    this.size = 0;
  }

  push(value) {
    const node = { value, next: null };
    if (this.head === null) this.head = node;
    else this.tail.next = node;
    this.tail = node;
    return ++this.size;
  }

  unshift(value) {
    this.head = { value, next: this.head };
    if (this.tail === null) this.tail = this.head;
    return ++this.size;
  }

  shift() {
    if (this.head === null) return undefined;
    const { value } = this.head;
    this.head = this.head.next;
    this.size--;
    return value;
  }

  toArray() {
    const values = [];
    for (let node = this.head; node; node = node.next) values.push(node.value);
    return values;
  }

  reverse() {
    let prev = null;
    let current = this.head;
    while (current) {
      const next = current.next;
      current.next = prev;
      prev = current;
      current = next;
    }
    this.head = prev;
    return this;
  }
}
