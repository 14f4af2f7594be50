import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { QueueEvents, type QueueEventsListener } from 'bullmq';
import { LIVE_EVENTS, type SubmissionKind } from '@questline/contracts';
import { bullRootOptions, InjectConfig, type AppConfig } from '@questline/config';
import {
  closeWithin,
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
import { LiveEvents } from '../live/live-events.service';
import { PipelineMetrics } from '../metrics/pipeline-metrics';

/** The custom event the accepting api publishes (fields arrive as strings). */
interface RelayListener extends QueueEventsListener {
  [SUBMISSION_QUEUED_EVENT]: (args: Record<string, string>, id: string) => void;
}

/**
 * Cross-process delivery of live events, with no socket.io adapter: EVERY api process reads the grading
 * queue's event stream (QueueEvents, on Redis or the PostgreSQL backend alike) and emits each event only
 * to its OWN sockets in the learner's room. A socket lives on exactly one process, so it receives each
 * event exactly once however many api processes there are and whichever one accepted the POST.
 */
@Injectable()
export class LiveRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(LiveRelay.name);
  private events?: QueueEvents;

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly live: LiveEvents,
    private readonly appEvents: AppEvents,
    private readonly metrics: PipelineMetrics,
  ) {}

  onApplicationBootstrap(): void {
    // Reads from "now": a process that starts late has no sockets waiting for older events anyway.
    const events = new QueueEvents(GRADING_QUEUE, withFastReconnect(bullRootOptions(this.config), this.config.queue.backend));
    events.on('error', (error) => this.logger.warn(`grading events: ${error.message}`));

    events.on<RelayListener>(SUBMISSION_QUEUED_EVENT, (args: Record<string, string>) => {
      const { userId, submissionId, kind } = args;
      // Fields of a custom event arrive as strings: only a known kind goes out.
      if (userId && submissionId && isSubmissionKind(kind))
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
      this.completed(returnvalue);
    });
    this.events = events;
  }

  private progress(userId: string, item: StartedProgress | TestProgressData): void {
    if (item.type === 'started') {
      this.live.emitToUser(userId, LIVE_EVENTS.submissionStarted, { submissionId: item.submissionId });
    } else if (item.type === 'test') {
      const { submissionId, index, total, test } = item;
      this.live.emitToUser(userId, LIVE_EVENTS.submissionTest, { submissionId, index, total, test });
    }
  }

  private completed(result: GradeJobResult): void {
    const { payload } = result;
    this.live.emitToUser(result.userId, LIVE_EVENTS.submissionCompleted, payload);
    for (const achievement of payload.achievements) this.live.emitToUser(result.userId, LIVE_EVENTS.achievementUnlocked, achievement);

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
        ...(result.outcome ? { outcome: result.outcome } : {}),
      });
    } catch (error) {
      // A subscriber's bug must not stop the relay for everyone else.
      this.logger.error(`submissionCompleted subscriber failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async onModuleDestroy(): Promise<void> {
    if (this.events) await closeWithin(this.events);
  }
}

function isSubmissionKind(kind: string | undefined): kind is SubmissionKind {
  return kind === 'run' || kind === 'submit';
}
