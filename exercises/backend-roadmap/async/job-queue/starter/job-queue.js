/**
 * @typedef {{ id: number, name: string, data: unknown, attempt: number }} JobContext
 * @typedef {{ id: number, name: string, data: unknown, attempts: number, error?: string }} JobInfo
 */

export class JobQueue {
  /**
   * @param {{ handler: (job: JobContext) => unknown, maxAttempts?: number }} options
   */
  constructor(options) {
    throw new Error('Remove this line and implement the function');
  }

  /** @returns {number} the new job's id */
  add(name, data) {
    throw new Error('Remove this line and implement the function');
  }

  /** @returns {Promise<{ completed: number, dead: number }>} */
  runAll() {
    throw new Error('Remove this line and implement the function');
  }

  /** @returns {JobInfo[]} */
  waiting() {
    throw new Error('Remove this line and implement the function');
  }

  /** @returns {JobInfo[]} */
  completed() {
    throw new Error('Remove this line and implement the function');
  }

  /** @returns {JobInfo[]} */
  dead() {
    throw new Error('Remove this line and implement the function');
  }

  /** @returns {boolean} */
  retryDead(id) {
    throw new Error('Remove this line and implement the function');
  }
}
