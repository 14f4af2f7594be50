/** A hash table with separate chaining, for string keys. */
export class HashMap {
  /** @param {number} [capacity=8] the initial number of buckets */
  constructor(capacity = 8) {
    /** @type {Array<Array<[string, unknown]>>} */
    this.buckets = Array.from({ length: capacity }, () => []);
    this.size = 0;
  }

  /** @returns {number} the number of buckets */
  get capacity() {
    return this.buckets.length;
  }

  /** @param {string} key @returns {number} a bucket index, 0..capacity-1 */
  hash(key) {
    let h = 0;
    for (let i = 0; i < key.length; i++) {
      h = (h * 31 + key.charCodeAt(i)) >>> 0; // >>> 0 keeps it a 32-bit unsigned integer
    }
    return h % this.buckets.length;
  }

  /** @returns {[string, unknown] | undefined} */
  #entry(key) {
    return this.buckets[this.hash(key)].find((entry) => entry[0] === key);
  }

  /** Adds or updates a key (and grows when too full). @returns {HashMap} this map */
  set(key, value) {
    const entry = this.#entry(key);
    if (entry) {
      entry[1] = value;
      return this;
    }
    this.buckets[this.hash(key)].push([key, value]);
    this.size += 1;
    if (this.size > this.capacity * 0.75) this.#resize(this.capacity * 2);
    return this;
  }

  #resize(newCapacity) {
    const old = this.buckets;
    this.buckets = Array.from({ length: newCapacity }, () => []);
    for (const bucket of old) {
      for (const entry of bucket) this.buckets[this.hash(entry[0])].push(entry);
    }
  }

  /** @returns {unknown} the value, or undefined when missing */
  get(key) {
    const entry = this.#entry(key);
    return entry ? entry[1] : undefined;
  }

  /** @returns {boolean} whether the key is stored */
  has(key) {
    return this.#entry(key) !== undefined;
  }

  /** @returns {boolean} whether the key was there */
  delete(key) {
    const bucket = this.buckets[this.hash(key)];
    const index = bucket.findIndex((entry) => entry[0] === key);
    if (index === -1) return false;
    bucket.splice(index, 1);
    this.size -= 1;
    return true;
  }

  /** @returns {string[]} all keys, any order */
  keys() {
    const keys = [];
    for (const bucket of this.buckets) for (const [key] of bucket) keys.push(key);
    return keys;
  }
}
