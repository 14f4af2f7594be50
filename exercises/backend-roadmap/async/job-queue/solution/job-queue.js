/**
 * @typedef {{ id: number, name: string, data: unknown, attempt: number }} JobContext
 * @typedef {{ id: number, name: string, data: unknown, attempts: number, error?: string }} JobInfo
 */

const copy = (job) => ({ ...job });

export class JobQueue {
  #handler;
  #maxAttempts;
  #nextId = 1;
  #waiting = [];
  #completed = [];
  #dead = [];
  #running = null;

  /**
   * @param {{ handler: (job: JobContext) => unknown, maxAttempts?: number }} options
   */
  constructor({ handler, maxAttempts = 3 }) {
    if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new RangeError('maxAttempts must be an integer >= 1');
    this.#handler = handler;
    this.#maxAttempts = maxAttempts;
  }

  /** @returns {number} the new job's id */
  add(name, data) {
    const id = this.#nextId++;
    this.#waiting.push({ id, name, data, attempts: 0 });
    return id;
  }

  /** @returns {Promise<{ completed: number, dead: number }>} */
  runAll() {
    if (!this.#running) {
      this.#running = this.#work().finally(() => {
        this.#running = null;
      });
    }
    return this.#running;
  }

  async #work() {
    const stats = { completed: 0, dead: 0 };
    while (this.#waiting.length > 0) {
      const job = this.#waiting.shift();
      job.attempts++;
      try {
        await this.#handler({ id: job.id, name: job.name, data: job.data, attempt: job.attempts });
        this.#completed.push(job);
        stats.completed++;
      } catch (error) {
        if (job.attempts >= this.#maxAttempts) {
          job.error = error instanceof Error ? error.message : String(error);
          this.#dead.push(job);
          stats.dead++;
        } else {
          this.#waiting.push(job);
        }
      }
    }
    return stats;
  }

  /** @returns {JobInfo[]} */
  waiting() {
    return this.#waiting.map(copy);
  }

  /** @returns {JobInfo[]} */
  completed() {
    return this.#completed.map(copy);
  }

  /** @returns {JobInfo[]} */
  dead() {
    return this.#dead.map(copy);
  }

  /** @returns {boolean} */
  retryDead(id) {
    const index = this.#dead.findIndex((job) => job.id === id);
    if (index === -1) return false;
    const [job] = this.#dead.splice(index, 1);
    delete job.error;
    job.attempts = 0;
    this.#waiting.push(job);
    return true;
  }
}
