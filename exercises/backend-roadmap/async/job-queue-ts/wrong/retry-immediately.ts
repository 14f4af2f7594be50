// @ts-nocheck -- a known-wrong solution kept for the pack tests
// Plausible mistake: retries a failing job immediately (at the front) instead of sending it
// to the back of the queue, and reports cumulative stats instead of per-run ones.
export class JobQueue {
  constructor({ handler, maxAttempts = 3 }) {
    if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new RangeError('maxAttempts');
    Object.assign(this, { handler, maxAttempts, nextId: 1, q: [], done: [], dl: [], running: null });
  }
  add(name, data) { const id = this.nextId++; this.q.push({ id, name, data, attempts: 0 }); return id; }
  runAll() {
    this.running ??= (async () => {
      while (this.q.length) {
        const job = this.q[0];
        job.attempts++;
        try {
          await this.handler({ id: job.id, name: job.name, data: job.data, attempt: job.attempts });
          this.q.shift(); this.done.push(job);
        } catch (e) {
          if (job.attempts >= this.maxAttempts) { this.q.shift(); job.error = e instanceof Error ? e.message : String(e); this.dl.push(job); }
        }
      }
      return { completed: this.done.length, dead: this.dl.length };
    })().finally(() => { this.running = null; });
    return this.running;
  }
  waiting() { return this.q.map((j) => ({ ...j })); }
  completed() { return this.done.map((j) => ({ ...j })); }
  dead() { return this.dl.map((j) => ({ ...j })); }
  retryDead(id) {
    const i = this.dl.findIndex((j) => j.id === id);
    if (i < 0) return false;
    const [job] = this.dl.splice(i, 1); delete job.error; job.attempts = 0; this.q.push(job); return true;
  }
}
