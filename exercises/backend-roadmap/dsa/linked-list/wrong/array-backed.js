// Mistake: keeps the values in an array, so there are no nodes to follow (and shift is O(n)).
export class LinkedList {
  constructor() {
    this.items = [];
  }

  get size() {
    return this.items.length;
  }

  get head() {
    return this.items.length ? { value: this.items[0], next: null } : null;
  }

  push(value) {
    return this.items.push(value);
  }

  unshift(value) {
    return this.items.unshift(value);
  }

  shift() {
    return this.items.shift();
  }

  toArray() {
    return [...this.items];
  }

  reverse() {
    this.items.reverse();
    return this;
  }
}
