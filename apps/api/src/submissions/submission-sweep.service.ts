import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { InjectConfig, type AppConfig } from '@questline/config';
import { PipelineMetrics } from '../metrics/pipeline-metrics';
import { GradingQueue } from './grading-queue';

/** Arbitrary constant for pg_try_advisory_xact_lock: one sweeper at a time across api processes. */
const SWEEP_LOCK = 7_314_002;
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

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectConfig() private readonly config: AppConfig,
    private readonly queue: GradingQueue,
    private readonly metrics: PipelineMetrics,
  ) {}

  onApplicationBootstrap(): void {
    const every = this.config.grading.sweepIntervalMs;
    if (every === 0) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.sweep()
        .catch((error: unknown) => this.logger.warn(`sweep failed: ${error instanceof Error ? error.message : String(error)}`))
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
      const locked: Array<{ ok: boolean }> = await manager.query(`SELECT pg_try_advisory_xact_lock($1) AS ok`, [SWEEP_LOCK]);
      if (!locked[0]?.ok) return { reenqueued: 0, gaveUp: 0 };

      const gaveUp: [unknown[], number] = await manager.query(
        `UPDATE submissions
            SET status = 'completed', verdict = 'sandbox_error', completed_at = now(),
                xp_awarded = CASE WHEN kind = 'submit' THEN 0 ELSE NULL END,
                result = jsonb_build_object('status', 'error', 'verdict', 'sandbox_error', 'tests', '[]'::jsonb, 'durationMs', 0,
                  'message', 'This submission could not be graded. Please submit again.')
          WHERE status <> 'completed' AND attempt >= $1 AND created_at < now() - make_interval(secs => $2 / 1000.0)
          RETURNING id`,
        [this.config.grading.maxAttempts, this.config.grading.sweepAfterMs],
      );

      const stuck: Array<{ id: string }> = await manager.query(
        `SELECT id FROM submissions
          WHERE status <> 'completed' AND created_at < now() - make_interval(secs => $1 / 1000.0)
          ORDER BY created_at LIMIT ${BATCH}`,
        [this.config.grading.sweepAfterMs],
      );
      let reenqueued = 0;
      for (const { id } of stuck) {
        const state = await this.queue.jobState(id);
        if (IN_FLIGHT.has(state)) continue;
        // A finished job would make add() a no-op under the same id: remove it first.
        if (state === 'completed' || state === 'failed') await this.queue.removeJob(id);
        await this.queue.add(id);
        reenqueued += 1;
      }
      if (reenqueued > 0 || gaveUp[1] > 0) {
        this.metrics.swept.inc(reenqueued);
        this.logger.warn(`sweep: re-enqueued ${reenqueued} stuck submission(s), gave up on ${gaveUp[1]}`);
      }
      return { reenqueued, gaveUp: gaveUp[1] };
    });
  }
}
