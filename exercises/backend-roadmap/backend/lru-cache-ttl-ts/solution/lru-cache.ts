export interface LruCacheOptions {
  maxSize: number;
  ttlMs?: number;
  now?: () => number;
}

interface Entry<V> {
  value: V;
  expiresAt: number;
}

export class LruCache<K, V> {
  private readonly entries = new Map<K, Entry<V>>();
  private readonly maxSize: number;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor({ maxSize, ttlMs = Infinity, now = () => Date.now() }: LruCacheOptions) {
    if (!Number.isInteger(maxSize) || maxSize < 1) throw new RangeError('maxSize must be a positive integer');
    this.maxSize = maxSize;
    this.ttlMs = ttlMs;
    this.now = now;
  }

  private isExpired(entry: Entry<V>): boolean {
    return this.now() >= entry.expiresAt;
  }

  private purgeExpired(): void {
    for (const [key, entry] of this.entries) if (this.isExpired(entry)) this.entries.delete(key);
  }

  set(key: K, value: V, ttlMs: number = this.ttlMs): this {
    const expiresAt = this.now() + ttlMs;
    if (this.entries.has(key)) {
      this.entries.delete(key);
    } else if (this.entries.size >= this.maxSize) {
      this.purgeExpired();
      if (this.entries.size >= this.maxSize) this.entries.delete(this.entries.keys().next().value as K);
    }
    this.entries.set(key, { value, expiresAt });
    return this;
  }

  /** The value, or undefined when missing or expired. */
  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (this.isExpired(entry)) return undefined;
    this.entries.set(key, entry);
    return entry.value;
  }

  has(key: K): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    if (this.isExpired(entry)) {
      this.entries.delete(key);
      return false;
    }
    return true;
  }

  /** True when a live entry was removed. */
  delete(key: K): boolean {
    const live = this.has(key);
    this.entries.delete(key);
    return live;
  }

  /** The number of live entries. */
  get size(): number {
    this.purgeExpired();
    return this.entries.size;
  }

  /** Live keys, least recently used first. */
  keys(): K[] {
    this.purgeExpired();
    return [...this.entries.keys()];
  }
}
