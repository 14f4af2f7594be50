// Plausible mistake: a refused request still drains the bucket (not all-or-nothing).
export class TokenBucket {
  constructor({ capacity, refillPerSecond, now = () => Date.now() }) {
    if (!(capacity > 0) || !(refillPerSecond > 0)) throw new RangeError('bad options');
    Object.assign(this, { capacity, rate: refillPerSecond, now, level: capacity, last: now() });
  }
  refill() {
    const t = this.now();
    if (t > this.last) this.level = Math.min(this.capacity, this.level + ((t - this.last) / 1000) * this.rate);
    this.last = t;
  }
  take(n = 1) {
    if (!(n > 0) || n > this.capacity) throw new RangeError('bad n');
    this.refill();
    if (this.level >= n) { this.level -= n; return { allowed: true, remaining: Math.floor(this.level), retryAfterMs: 0 }; }
    const retryAfterMs = Math.ceil(((n - this.level) / this.rate) * 1000);
    this.level = 0;
    return { allowed: false, remaining: 0, retryAfterMs };
  }
  tokens() { this.refill(); return this.level; }
}
