// Plausible mistake: evicts the oldest INSERTED key (FIFO) because get() does not move the key.
export class LruCache {
  constructor({ maxSize, ttlMs = Infinity, now = () => Date.now() }) {
    if (!Number.isInteger(maxSize) || maxSize < 1) throw new RangeError('maxSize');
    Object.assign(this, { maxSize, ttlMs, now, map: new Map() });
  }
  alive(key) {
    const e = this.map.get(key);
    if (e && this.now() >= e.expiresAt) { this.map.delete(key); return undefined; }
    return e;
  }
  set(key, value, ttlMs = this.ttlMs) {
    if (this.map.has(key)) this.map.delete(key);
    else if (this.map.size >= this.maxSize) {
      for (const k of [...this.map.keys()]) this.alive(k);
      if (this.map.size >= this.maxSize) this.map.delete(this.map.keys().next().value);
    }
    this.map.set(key, { value, expiresAt: this.now() + ttlMs });
    return this;
  }
  get(key) { return this.alive(key)?.value; }
  has(key) { return this.alive(key) !== undefined; }
  delete(key) { const had = this.has(key); this.map.delete(key); return had; }
  get size() { return this.keys().length; }
  keys() { for (const k of [...this.map.keys()]) this.alive(k); return [...this.map.keys()]; }
}
