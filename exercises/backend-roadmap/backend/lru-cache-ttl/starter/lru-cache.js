export class LruCache {
  /**
   * @param {{ maxSize: number, ttlMs?: number, now?: () => number }} options
   */
  constructor(options) {
    throw new Error('Remove this line and implement the function');
  }

  /** @returns {this} */
  set(key, value, ttlMs) {
    throw new Error('Remove this line and implement the function');
  }

  /** @returns {unknown} the value, or undefined when missing or expired */
  get(key) {
    throw new Error('Remove this line and implement the function');
  }

  /** @returns {boolean} */
  has(key) {
    throw new Error('Remove this line and implement the function');
  }

  /** @returns {boolean} true when a live entry was removed */
  delete(key) {
    throw new Error('Remove this line and implement the function');
  }

  /** @returns {number} the number of live entries */
  get size() {
    throw new Error('Remove this line and implement the function');
  }

  /** @returns {unknown[]} live keys, least recently used first */
  keys() {
    throw new Error('Remove this line and implement the function');
  }
}
