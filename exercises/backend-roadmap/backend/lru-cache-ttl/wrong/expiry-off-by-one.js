// Plausible mistake: uses now() > expiresAt, so an entry is still served at exactly t + ttl,
// and evicts before dropping expired entries.
export class LruCache {
  constructor({ maxSize, ttlMs = Infinity, now = () => Date.now() }) {
    if (!Number.isInteger(maxSize) || maxSize < 1) throw new RangeError('maxSize');
    Object.assign(this, { maxSize, ttlMs, now, map: new Map() });
  }
  alive(key) {
    const e = this.map.get(key);
    if (e && this.now() > e.expiresAt) { this.map.delete(key); return undefined; }
    return e;
  }
  set(key, value, ttlMs = this.ttlMs) {
    if (this.map.has(key)) this.map.delete(key);
    else if (this.map.size >= this.maxSize) this.map.delete(this.map.keys().next().value);
    this.map.set(key, { value, expiresAt: this.now() + ttlMs });
    return this;
  }
  get(key) {
    const e = this.alive(key);
    if (!e) return undefined;
    this.map.delete(key);
    this.map.set(key, e);
    return e.value;
  }
  has(key) { return this.alive(key) !== undefined; }
  delete(key) { const had = this.has(key); this.map.delete(key); return had; }
  get size() { return this.keys().length; }
  keys() { for (const k of [...this.map.keys()]) this.alive(k); return [...this.map.keys()]; }
}
