import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Worker, type Job } from 'bullmq';
import { bullRootOptions, InjectConfig, type AppConfig } from '@questline/config';
import { closeWithin, isPackCheckJobPayload, PACK_CHECK_JOB, PACK_CHECK_QUEUE, withFastReconnect } from '@questline/jobs';
import { PackCheckService } from './pack-check.service';

/**
 * The publish-check consumer: one check at a time per worker process (each on a sandbox child of its
 * own), on a queue of its own so learners' gradings never wait behind a pack.
 */
@Injectable()
export class PackCheckWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(PackCheckWorker.name);
  private worker?: Worker<unknown, void>;

  constructor(
    private readonly checks: PackCheckService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.worker = new Worker<unknown, void>(PACK_CHECK_QUEUE, (job) => this.process(job), {
      ...withFastReconnect(bullRootOptions(this.config), this.config.queue.backend),
      concurrency: 1,
    });
    this.worker.on('error', (error) => this.logger.error(`pack-check worker: ${error.message}`));
    this.worker.on('failed', (job, error) => this.logger.warn(`pack-check job ${job?.id ?? '?'} failed: ${error.message}`));
  }

  private async process(job: Job<unknown, void>): Promise<void> {
    if (job.name !== PACK_CHECK_JOB) throw new Error(`No handler for job "${job.name}" on ${PACK_CHECK_QUEUE}`);
    if (!isPackCheckJobPayload(job.data)) throw new Error(`Malformed ${job.name} payload`);
    await this.checks.run(job.data.checkId);
  }

  async onModuleDestroy(): Promise<void> {
    // A check cut off here is redelivered and marked failed (its owner uploads again); it is never half-published.
    if (this.worker) await closeWithin(this.worker, 5000);
  }
}
