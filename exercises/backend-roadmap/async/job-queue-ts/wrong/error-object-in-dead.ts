// @ts-nocheck -- a known-wrong solution kept for the pack tests
// Plausible mistake: stores error.message blindly (undefined for thrown strings), and
// retryDead keeps the old attempt count, so a revived job dies after one more try.
export class JobQueue {
  constructor({ handler, maxAttempts = 3 }) {
    if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new RangeError('maxAttempts');
    Object.assign(this, { handler, maxAttempts, nextId: 1, q: [], done: [], dl: [], running: null });
  }
  add(name, data) { const id = this.nextId++; this.q.push({ id, name, data, attempts: 0 }); return id; }
  runAll() {
    this.running ??= (async () => {
      const stats = { completed: 0, dead: 0 };
      while (this.q.length) {
        const job = this.q.shift();
        job.attempts++;
        try {
          await this.handler({ id: job.id, name: job.name, data: job.data, attempt: job.attempts });
          this.done.push(job); stats.completed++;
        } catch (e) {
          if (job.attempts >= this.maxAttempts) { job.error = e?.message; this.dl.push(job); stats.dead++; } else this.q.push(job);
        }
      }
      return stats;
    })().finally(() => { this.running = null; });
    return this.running;
  }
  waiting() { return this.q.map((j) => ({ ...j })); }
  completed() { return this.done.map((j) => ({ ...j })); }
  dead() { return this.dl.map((j) => ({ ...j })); }
  retryDead(id) {
    const i = this.dl.findIndex((j) => j.id === id);
    if (i < 0) return false;
    const [job] = this.dl.splice(i, 1); delete job.error; this.q.push(job); return true;
  }
}
