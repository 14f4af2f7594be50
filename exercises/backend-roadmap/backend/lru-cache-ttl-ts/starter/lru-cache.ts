export interface LruCacheOptions {
  maxSize: number;
  ttlMs?: number;
  now?: () => number;
}

export class LruCache<K, V> {
  constructor(options: LruCacheOptions) {
    throw new Error('Remove this line and implement the function');
  }

  set(key: K, value: V, ttlMs?: number): this {
    throw new Error('Remove this line and implement the function');
  }

  /** The value, or undefined when missing or expired. */
  get(key: K): V | undefined {
    throw new Error('Remove this line and implement the function');
  }

  has(key: K): boolean {
    throw new Error('Remove this line and implement the function');
  }

  /** True when a live entry was removed. */
  delete(key: K): boolean {
    throw new Error('Remove this line and implement the function');
  }

  /** The number of live entries. */
  get size(): number {
    throw new Error('Remove this line and implement the function');
  }

  /** Live keys, least recently used first. */
  keys(): K[] {
    throw new Error('Remove this line and implement the function');
  }
}
