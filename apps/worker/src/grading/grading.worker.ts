import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Worker, type Job } from 'bullmq';
import { bullRootOptions, InjectConfig, type AppConfig } from '@questline/config';
import { closeWithin, GRADING_JOB_NAMES, GRADING_QUEUE, isGradeJobPayload, withFastReconnect, type GradeJobResult } from '@questline/jobs';
import { createGrader, type Grader } from '@questline/sandbox';
import { GradingService } from './grading.service';
import { PostCommitService } from './post-commit';

/**
 * The BullMQ consumer. Built by hand rather than with @Processor so that concurrency, the stall
 * interval and the lock come from configuration, and so that shutdown order is ours: the worker stops
 * taking jobs and finishes its active ones (onModuleDestroy) before TypeORM closes the database pool
 * (onApplicationShutdown).
 */
@Injectable()
export class GradingWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(GradingWorker.name);
  private worker?: Worker<unknown, GradeJobResult | null>;
  private grader?: Grader;

  constructor(
    private readonly grading: GradingService,
    private readonly postCommit: PostCommitService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const { concurrency } = this.config.worker;
    const { stallIntervalMs } = this.config.grading;
    // One sandbox child per concurrent job: a job never waits for a child inside the worker.
    this.grader = createGrader({ poolSize: concurrency });
    const grader = this.grader;
    this.worker = new Worker<unknown, GradeJobResult | null>(GRADING_QUEUE, (job) => this.process(job, grader), {
      ...withFastReconnect(bullRootOptions(this.config), this.config.queue.backend),
      concurrency,
      // A SIGKILLed worker stops renewing its lock; after lockDuration the stalled check (every
      // stalledInterval) moves the job back to wait for another worker. Twice, then it fails and the
      // api's sweep takes over.
      lockDuration: stallIntervalMs,
      stalledInterval: stallIntervalMs,
      maxStalledCount: 2,
    });
    this.worker.on('error', (error) => this.logger.error(`grading worker: ${error.message}`));
    this.worker.on('failed', (job, error) => this.logger.warn(`grading job ${job?.id ?? '?'} failed: ${error.message}`));
  }

  private async process(job: Job<unknown, GradeJobResult | null>, grader: Grader): Promise<GradeJobResult | null> {
    if (!GRADING_JOB_NAMES.includes(job.name)) throw new Error(`No handler for job "${job.name}" on ${GRADING_QUEUE}`);
    if (!isGradeJobPayload(job.data)) throw new Error(`Malformed ${job.name} payload`);
    const result = await this.grading.grade(job.data.submissionId, grader, (progress) => job.updateProgress(progress));
    // After the completion transaction committed: progress and leaderboards, once per Submit.
    return result ? this.postCommit.complete(result) : null;
  }

  async onModuleDestroy(): Promise<void> {
    // close() waits for the active jobs to finish (a grading is at most 10 s); a job cut off by a hard
    // kill, or by this bound during a Redis outage, is redelivered instead.
    if (this.worker) await closeWithin(this.worker, 15_000);
    await this.grader?.close();
  }
}
