// Plausible mistake: refills only whole tokens per whole second elapsed (Math.floor),
// losing fractional progress, and rounds the retry time down.
export class TokenBucket {
  constructor({ capacity, refillPerSecond, now = () => Date.now() }) {
    if (!(capacity > 0) || !(refillPerSecond > 0)) throw new RangeError('bad options');
    Object.assign(this, { capacity, rate: refillPerSecond, now, level: capacity, last: now() });
  }
  refill() {
    const t = this.now();
    const add = Math.floor(((t - this.last) / 1000) * this.rate);
    if (add > 0) { this.level = Math.min(this.capacity, this.level + add); this.last = t; }
    if (t < this.last) this.last = t;
  }
  take(n = 1) {
    if (!(n > 0) || n > this.capacity) throw new RangeError('bad n');
    this.refill();
    if (this.level >= n) { this.level -= n; return { allowed: true, remaining: Math.floor(this.level), retryAfterMs: 0 }; }
    return { allowed: false, remaining: Math.floor(this.level), retryAfterMs: Math.floor(((n - this.level) / this.rate) * 1000) };
  }
  tokens() { this.refill(); return this.level; }
}
