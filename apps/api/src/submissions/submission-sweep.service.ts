import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { InjectConfig, type AppConfig } from '@questline/config';
import { SubmissionsRepository } from '@questline/data';
import { unavailableDependency } from '../common/errors/dependency';
import { DependencyOutages } from '../common/errors/outage-log';
import { PipelineMetrics } from '../metrics/pipeline-metrics';
import { GradingQueue } from './grading-queue';

const BATCH = 200;
/** Job states in which the queue still owns the submission: leave it alone. */
const IN_FLIGHT = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);

export interface SweepReport {
  reenqueued: number;
  gaveUp: number;
}

/**
 * The safety net for "accepted means graded": every GRADING_SWEEP_INTERVAL_MS, submissions still pending
 * after GRADING_SWEEP_AFTER_MS whose job is gone (Redis restarted without persistence, or lost its data)
 * or finished without completing the row (failed after its attempts) get their job re-added under the
 * same deterministic id. A row that workers started GRADING_MAX_ATTEMPTS times is completed as a
 * sandbox_error instead of looping forever.
 */
@Injectable()
export class SubmissionSweep implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(SubmissionSweep.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private readonly submissions: SubmissionsRepository;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectConfig() private readonly config: AppConfig,
    private readonly queue: GradingQueue,
    private readonly metrics: PipelineMetrics,
    private readonly outages: DependencyOutages,
  ) {
    this.submissions = new SubmissionsRepository(dataSource);
  }

  onApplicationBootstrap(): void {
    const every = this.config.grading.sweepIntervalMs;
    if (every === 0) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.sweep()
        .catch((error: unknown) => {
          // An outage is logged once for the whole api, not once per sweep interval.
          const dependency = unavailableDependency(error);
          if (dependency) this.outages.report(dependency, error);
          else this.logger.warn(`sweep failed: ${error instanceof Error ? error.message : String(error)}`);
        })
        .finally(() => (this.running = undefined));
    }, every);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  async sweep(): Promise<SweepReport> {
    return this.dataSource.transaction(async (manager) => {
      // One sweeper at a time across api processes (the lock ends with the transaction).
      if (!(await this.submissions.tryLockSweep(manager))) return { reenqueued: 0, gaveUp: 0 };
      const { maxAttempts, sweepAfterMs } = this.config.grading;
      const gaveUp = await this.submissions.giveUpExhausted(manager, maxAttempts, sweepAfterMs);
      const stuck = await this.submissions.findStuck(manager, sweepAfterMs, BATCH);
      let reenqueued = 0;
      for (const id of stuck) {
        const state = await this.queue.jobState(id);
        if (IN_FLIGHT.has(state)) continue;
        // A finished job would make add() a no-op under the same id: remove it first.
        if (state === 'completed' || state === 'failed') await this.queue.removeJob(id);
        await this.queue.add(id);
        reenqueued += 1;
      }
      if (reenqueued > 0 || gaveUp > 0) {
        this.metrics.swept.inc(reenqueued);
        this.logger.warn(`sweep: re-enqueued ${reenqueued} stuck submission(s), gave up on ${gaveUp}`);
      }
      return { reenqueued, gaveUp };
    });
  }
}
