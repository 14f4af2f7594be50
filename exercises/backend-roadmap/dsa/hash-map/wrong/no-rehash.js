// Mistake: grows by appending empty buckets but never moves the existing entries, so after a
// resize hash(key) points to a different bucket and old keys are "lost".
export class HashMap {
  constructor(capacity = 8) {
    this.buckets = Array.from({ length: capacity }, () => []);
    this.size = 0;
  }

  get capacity() {
    return this.buckets.length;
  }

  hash(key) {
    let h = 0;
    for (let i = 0; i < key.length; i++) h = (h * 31 + key.charCodeAt(i)) >>> 0;
    return h % this.buckets.length;
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
      const extra = this.capacity;
      for (let i = 0; i < extra; i++) this.buckets.push([]);
    }
    return this;
  }

  get(key) {
    const entry = this.buckets[this.hash(key)].find((e) => e[0] === key);
    return entry ? entry[1] : undefined;
  }

  has(key) {
    return this.buckets[this.hash(key)].some((e) => e[0] === key);
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
