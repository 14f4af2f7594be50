// Mistake: the hash sums character codes, so similar keys ('user:12', 'user:21') collide and
// pile up in a few buckets; and `has` checks the value instead of the key.
export class HashMap {
  constructor(capacity = 8) {
    this.buckets = Array.from({ length: capacity }, () => []);
    this.size = 0;
  }

  get capacity() {
    return this.buckets.length;
  }

  hash(key) {
    let sum = 0;
    for (let i = 0; i < key.length; i++) sum += key.charCodeAt(i);
    return sum % this.buckets.length;
  }

  set(key, value) {
    const bucket = this.buckets[this.hash(key)];
    const entry = bucket.find((e) => e[0] === key);
    if (entry) {
      entry[1] = value;
      return this;
    }
    bucket.push([key, value]);
    this.size++;
    if (this.size > this.capacity * 0.75) {
      const old = this.buckets;
      this.buckets = Array.from({ length: old.length * 2 }, () => []);
      for (const b of old) for (const e of b) this.buckets[this.hash(e[0])].push(e);
    }
    return this;
  }

  get(key) {
    const entry = this.buckets[this.hash(key)].find((e) => e[0] === key);
    return entry ? entry[1] : undefined;
  }

  has(key) {
    return this.get(key) !== undefined;
  }

  delete(key) {
    const bucket = this.buckets[this.hash(key)];
    const index = bucket.findIndex((e) => e[0] === key);
    if (index < 0) return false;
    bucket.splice(index, 1);
    this.size--;
    return true;
  }

  keys() {
    return this.buckets.flatMap((bucket) => bucket.map((e) => e[0]));
  }
}
