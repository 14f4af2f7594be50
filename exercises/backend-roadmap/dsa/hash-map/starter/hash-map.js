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
    throw new Error('Remove this line and implement hash');
  }

  /** Adds or updates a key (and grows when too full). @returns {HashMap} this map */
  set(key, value) {
    throw new Error('Remove this line and implement set');
  }

  /** @returns {unknown} the value, or undefined when missing */
  get(key) {
    throw new Error('Remove this line and implement get');
  }

  /** @returns {boolean} whether the key is stored */
  has(key) {
    throw new Error('Remove this line and implement has');
  }

  /** @returns {boolean} whether the key was there */
  delete(key) {
    throw new Error('Remove this line and implement delete');
  }

  /** @returns {string[]} all keys, any order */
  keys() {
    throw new Error('Remove this line and implement keys');
  }
}
