export class LruCache {
  #entries = new Map();
  #maxSize;
  #ttlMs;
  #now;

  /**
   * @param {{ maxSize: number, ttlMs?: number, now?: () => number }} options
   */
  constructor({ maxSize, ttlMs = Infinity, now = () => Date.now() }) {
    if (!Number.isInteger(maxSize) || maxSize < 1) throw new RangeError('maxSize must be a positive integer');
    this.#maxSize = maxSize;
    this.#ttlMs = ttlMs;
    this.#now = now;
  }

  #isExpired(entry) {
    return this.#now() >= entry.expiresAt;
  }

  #purgeExpired() {
    for (const [key, entry] of this.#entries) if (this.#isExpired(entry)) this.#entries.delete(key);
  }

  /** @returns {this} */
  set(key, value, ttlMs = this.#ttlMs) {
    const expiresAt = this.#now() + ttlMs;
    if (this.#entries.has(key)) {
      this.#entries.delete(key);
    } else if (this.#entries.size >= this.#maxSize) {
      this.#purgeExpired();
      if (this.#entries.size >= this.#maxSize) this.#entries.delete(this.#entries.keys().next().value);
    }
    this.#entries.set(key, { value, expiresAt });
    return this;
  }

  /** @returns {unknown} the value, or undefined when missing or expired */
  get(key) {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    this.#entries.delete(key);
    if (this.#isExpired(entry)) return undefined;
    this.#entries.set(key, entry);
    return entry.value;
  }

  /** @returns {boolean} */
  has(key) {
    const entry = this.#entries.get(key);
    if (!entry) return false;
    if (this.#isExpired(entry)) {
      this.#entries.delete(key);
      return false;
    }
    return true;
  }

  /** @returns {boolean} true when a live entry was removed */
  delete(key) {
    const live = this.has(key);
    this.#entries.delete(key);
    return live;
  }

  /** @returns {number} the number of live entries */
  get size() {
    this.#purgeExpired();
    return this.#entries.size;
  }

  /** @returns {unknown[]} live keys, least recently used first */
  keys() {
    this.#purgeExpired();
    return [...this.#entries.keys()];
  }
}
