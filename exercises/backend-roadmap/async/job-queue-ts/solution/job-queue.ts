export interface JobContext<D> {
  id: number;
  name: string;
  data: D;
  attempt: number;
}

export interface JobInfo<D> {
  id: number;
  name: string;
  data: D;
  attempts: number;
  error?: string;
}

export interface JobQueueOptions<D> {
  handler: (job: JobContext<D>) => unknown;
  maxAttempts?: number;
}

type RunStats = { completed: number; dead: number };

export class JobQueue<D = unknown> {
  private readonly handler: (job: JobContext<D>) => unknown;
  private readonly maxAttempts: number;
  private nextId = 1;
  private queue: JobInfo<D>[] = [];
  private done: JobInfo<D>[] = [];
  private deadLetters: JobInfo<D>[] = [];
  private running: Promise<RunStats> | null = null;

  constructor({ handler, maxAttempts = 3 }: JobQueueOptions<D>) {
    if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new RangeError('maxAttempts must be an integer >= 1');
    this.handler = handler;
    this.maxAttempts = maxAttempts;
  }

  /** Adds a job at the end of the waiting list; returns its id. */
  add(name: string, data?: D): number {
    const id = this.nextId++;
    this.queue.push({ id, name, data: data as D, attempts: 0 });
    return id;
  }

  /** Processes waiting jobs one at a time; concurrent calls share the same promise. */
  runAll(): Promise<RunStats> {
    if (!this.running) {
      this.running = this.work().finally(() => {
        this.running = null;
      });
    }
    return this.running;
  }

  private async work(): Promise<RunStats> {
    const stats: RunStats = { completed: 0, dead: 0 };
    while (this.queue.length > 0) {
      const job = this.queue.shift() as JobInfo<D>;
      job.attempts++;
      try {
        await this.handler({ id: job.id, name: job.name, data: job.data, attempt: job.attempts });
        this.done.push(job);
        stats.completed++;
      } catch (error) {
        if (job.attempts >= this.maxAttempts) {
          job.error = error instanceof Error ? error.message : String(error);
          this.deadLetters.push(job);
          stats.dead++;
        } else {
          this.queue.push(job);
        }
      }
    }
    return stats;
  }

  waiting(): JobInfo<D>[] {
    return this.queue.map((job) => ({ ...job }));
  }

  completed(): JobInfo<D>[] {
    return this.done.map((job) => ({ ...job }));
  }

  dead(): JobInfo<D>[] {
    return this.deadLetters.map((job) => ({ ...job }));
  }

  retryDead(id: number): boolean {
    const index = this.deadLetters.findIndex((job) => job.id === id);
    if (index === -1) return false;
    const [job] = this.deadLetters.splice(index, 1);
    delete job.error;
    job.attempts = 0;
    this.queue.push(job);
    return true;
  }
}
