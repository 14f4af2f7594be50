import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { QueueEvents, type QueueEventsListener } from 'bullmq';
import { DataSource } from 'typeorm';
import { LIVE_EVENTS, type SubmissionKind } from '@questline/contracts';
import { bullRootOptions, InjectConfig, type AppConfig } from '@questline/config';
import { SubmissionsRepository } from '@questline/data';
import {
  closeWithin,
  completionResult,
  GRADING_QUEUE,
  isGradeJobResult,
  isGradeProgress,
  SUBMISSION_QUEUED_EVENT,
  submissionIdOfJob,
  withFastReconnect,
  type GradeJobResult,
  type StartedProgress,
  type TestProgressData,
} from '@questline/jobs';
import { AppEvents } from '../common/app-events';
import { BossBar } from '../live/boss-bar';
import { unavailableDependency } from '../common/errors/dependency';
import { DependencyOutages } from '../common/errors/outage-log';
import { LiveEvents } from '../live/live-events.service';
import { PipelineMetrics } from '../metrics/pipeline-metrics';
import { CompletionReconciler, RECONCILE_TICK_MS } from './completion-reconciler';

/** The custom event the accepting api publishes (fields arrive as strings). */
interface RelayListener extends QueueEventsListener {
  [SUBMISSION_QUEUED_EVENT]: (args: Record<string, string>, id: string) => void;
}

/**
 * Cross-process delivery of live events, with no socket.io adapter: EVERY api process reads the grading
 * queue's event stream (QueueEvents, on Redis or the PostgreSQL backend alike) and emits each event only
 * to its OWN sockets in the learner's room. A socket lives on exactly one process, so it receives each
 * event exactly once however many api processes there are and whichever one accepted the POST.
 * A completion whose event never reached the stream (a Redis blip after the worker's commit) is read back
 * from the committed row by the CompletionReconciler, and a completion is emitted once whichever path
 * brings it first.
 */
@Injectable()
export class LiveRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(LiveRelay.name);
  private events?: QueueEvents;
  private readonly reconciler: CompletionReconciler;
  private timer?: NodeJS.Timeout;
  private reconciling?: Promise<unknown>;

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    @InjectDataSource() dataSource: DataSource,
    private readonly live: LiveEvents,
    private readonly appEvents: AppEvents,
    private readonly metrics: PipelineMetrics,
    private readonly outages: DependencyOutages,
    private readonly bossBar: BossBar,
  ) {
    const submissions = new SubmissionsRepository(dataSource);
    this.reconciler = new CompletionReconciler(
      async (ids) => (await submissions.loadCompletedMany(ids)).map((row) => completionResult(row, row.revealHiddenTestNames)),
      (result) => this.completed(result),
    );
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.reconcile(), RECONCILE_TICK_MS);
    this.timer.unref();
    // Reads from "now": a process that starts late has no sockets waiting for older events anyway.
    const events = new QueueEvents(GRADING_QUEUE, withFastReconnect(bullRootOptions(this.config), this.config.queue.backend));
    events.on('error', (error) => this.logger.warn(`grading events: ${error.message}`));

    events.on<RelayListener>(SUBMISSION_QUEUED_EVENT, (args: Record<string, string>) => {
      const { userId, submissionId, kind } = args;
      // Fields of a custom event arrive as strings: only a known kind goes out.
      if (!userId || !submissionId || !isSubmissionKind(kind)) return;
      this.track(submissionId, userId);
      this.live.emitToUser(userId, LIVE_EVENTS.submissionQueued, { submissionId, kind });
    });

    events.on('progress', ({ data }: { jobId: string; data: unknown }) => {
      if (!isGradeProgress(data)) return;
      if (data.type === 'batch') {
        // Coalesced by the worker: one live event per item, in order.
        if (Array.isArray(data.items)) for (const item of data.items) this.progress(data.userId, item);
      } else {
        this.progress(data.userId, data);
      }
    });

    events.on('completed', ({ jobId, returnvalue }: { jobId: string; returnvalue: unknown }) => {
      if (submissionIdOfJob(jobId) === null || !isGradeJobResult(returnvalue)) return;
      if (this.reconciler.claim(returnvalue.payload.submissionId)) this.completed(returnvalue);
    });
    this.events = events;
  }

  /** Only gradings a socket of this process waits for: nobody here would receive their completion anyway. */
  private track(submissionId: string, userId: string): void {
    if (this.live.hasSockets(userId)) this.reconciler.track(submissionId, userId);
  }

  private reconcile(): void {
    if (this.reconciling) return;
    this.reconciling = this.reconciler
      .tick()
      .catch((error: unknown) => {
        const dependency = unavailableDependency(error);
        if (dependency) this.outages.report(dependency, error);
        else this.logger.warn(`completion reconciliation failed: ${error instanceof Error ? error.message : String(error)}`);
      })
      .finally(() => (this.reconciling = undefined));
  }

  private progress(userId: string, item: StartedProgress | TestProgressData): void {
    this.track(item.submissionId, userId);
    if (item.type === 'started') {
      this.live.emitToUser(userId, LIVE_EVENTS.submissionStarted, { submissionId: item.submissionId });
    } else if (item.type === 'test') {
      const { submissionId, index, total, test } = item;
      this.live.emitToUser(userId, LIVE_EVENTS.submissionTest, { submissionId, index, total, test });
    }
  }

  private completed(result: GradeJobResult): void {
    const { payload } = result;
    // The unlocked achievements travel in the completion itself (once), not again as separate events.
    this.live.emitToUser(result.userId, LIVE_EVENTS.submissionCompleted, payload);
    if (result.motivation?.update) this.live.emitToUser(result.userId, LIVE_EVENTS.motivationUpdated, result.motivation.update);
    for (const boss of result.motivation?.bosses ?? []) this.bossBar.offer(boss);

    this.metrics.gradings.inc({ kind: result.kind, verdict: payload.verdict });
    this.metrics.gradingSeconds.observe({ kind: result.kind }, result.gradingMs / 1000);
    this.metrics.endToEndSeconds.observe({ kind: result.kind }, result.endToEndMs / 1000);

    try {
      this.appEvents.submissionCompleted.next({
        submissionId: payload.submissionId,
        userId: result.userId,
        exerciseId: result.exerciseId,
        kind: result.kind,
        verdict: payload.verdict,
        submittedAt: new Date(Date.now() - result.endToEndMs).toISOString(),
        ...(result.outcome ? { outcome: result.outcome } : {}),
        ...(result.progress ? { progress: result.progress } : {}),
        ...(result.award ? { award: result.award } : {}),
      });
    } catch (error) {
      // A subscriber's bug must not stop the relay for everyone else.
      this.logger.error(`submissionCompleted subscriber failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.reconciling;
    if (this.events) await closeWithin(this.events);
  }
}

function isSubmissionKind(kind: string | undefined): kind is SubmissionKind {
  return kind === 'run' || kind === 'submit';
}
