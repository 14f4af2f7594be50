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

export class JobQueue<D = unknown> {
  constructor(options: JobQueueOptions<D>) {
    throw new Error('Remove this line and implement the function');
  }

  /** Adds a job at the end of the waiting list; returns its id. */
  add(name: string, data?: D): number {
    throw new Error('Remove this line and implement the function');
  }

  /** Processes waiting jobs one at a time; concurrent calls share the same promise. */
  runAll(): Promise<{ completed: number; dead: number }> {
    throw new Error('Remove this line and implement the function');
  }

  waiting(): JobInfo<D>[] {
    throw new Error('Remove this line and implement the function');
  }

  completed(): JobInfo<D>[] {
    throw new Error('Remove this line and implement the function');
  }

  dead(): JobInfo<D>[] {
    throw new Error('Remove this line and implement the function');
  }

  retryDead(id: number): boolean {
    throw new Error('Remove this line and implement the function');
  }
}
