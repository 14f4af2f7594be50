import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { Queue, QueueEventsProducer, type QueueOptions } from 'bullmq';
import { bullRootOptions, InjectConfig, type AppConfig } from '@questline/config';
import {
  closeWithin,
  GRADE_JOB,
  GRADE_JOB_OPTIONS,
  GRADING_EVENTS_MAX_LEN,
  GRADING_QUEUE,
  gradeJobId,
  SUBMISSION_QUEUED_EVENT,
  type GradeJobPayload,
  type QueuedEventData,
} from '@questline/jobs';
import { DependencyUnavailableError } from '../common/errors/dependency';

/** An enqueue that has not answered by then is treated as "queue unreachable" (503), not left hanging. */
const ENQUEUE_TIMEOUT_MS = 1500;

/** The queue did not answer: the filter answers 503 QUEUE_UNAVAILABLE and logs the outage once. */
export class QueueUnreachableError extends DependencyUnavailableError {
  constructor(message: string) {
    super('queue', message);
  }
}

/**
 * Options for the api's producer connections. On Redis they fail fast instead of buffering commands
 * while disconnected (no offline queue, one retry), so a POST during an outage gets a 503 within
 * milliseconds; reconnection is frequent so the api recovers within ~2 s of Redis. (BullMQ still waits
 * for the first "ready" — skipWaitingForReady would break its version check — so before Redis was
 * ever reachable, the enqueue timeout gives the 503.)
 */
export function producerOptions(config: AppConfig): QueueOptions {
  const root = bullRootOptions(config);
  if (config.queue.backend !== 'redis') return root;
  return {
    ...root,
    connection: {
      ...root.connection,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 1000,
      retryStrategy: (times: number) => Math.min(100 * times, 2000),
    },
  };
}

/** The api's side of the grading queue: enqueue, job state for the sweep, counts for metrics. */
@Injectable()
export class GradingQueue implements OnModuleDestroy {
  private readonly logger = new Logger(GradingQueue.name);
  readonly queue: Queue<GradeJobPayload>;
  private readonly events: QueueEventsProducer;

  constructor(@InjectConfig() config: AppConfig) {
    const options = producerOptions(config);
    this.queue = new Queue<GradeJobPayload>(GRADING_QUEUE, { ...options, streams: { events: { maxLen: GRADING_EVENTS_MAX_LEN } } });
    this.events = new QueueEventsProducer(GRADING_QUEUE, options);
    // Connection errors surface as rejected commands (→ 503); logging each reconnect attempt is noise.
    const onError = (error: Error) => this.logger.debug(`grading queue: ${error.message}`);
    this.queue.on('error', onError);
    this.events.on('error', onError);
  }

  /**
   * Announce then enqueue. `LIVE_EVENTS.submissionQueued` goes through the queue's event stream (not straight to
   * local sockets) so that every api process delivers it like the other events, and it is published
   * first so that it can never arrive after the worker's `LIVE_EVENTS.submissionStarted`.
   */
  async enqueue(data: QueuedEventData): Promise<void> {
    await withTimeout(
      (async () => {
        await this.events.publishEvent({ eventName: SUBMISSION_QUEUED_EVENT, ...data }, GRADING_EVENTS_MAX_LEN);
        await this.add(data.submissionId);
      })(),
    );
  }

  /** Adds the job under its deterministic id (a no-op while a job with that id exists). */
  async add(submissionId: string): Promise<void> {
    await this.queue.add(GRADE_JOB, { submissionId }, { ...GRADE_JOB_OPTIONS, jobId: gradeJobId(submissionId) });
  }

  /** For the sweep: is a job for this submission waiting or being graded right now? */
  async jobState(submissionId: string): Promise<string> {
    return withTimeout(this.queue.getJobState(gradeJobId(submissionId)));
  }

  async removeJob(submissionId: string): Promise<void> {
    await withTimeout(this.queue.remove(gradeJobId(submissionId)));
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([closeWithin(this.queue), closeWithin(this.events)]);
  }
}

async function withTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new QueueUnreachableError(`queue did not answer within ${ENQUEUE_TIMEOUT_MS} ms`)), ENQUEUE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([work, timeout]);
  } catch (error) {
    // A late rejection of `work` after the timeout must not become an unhandled rejection.
    work.catch(() => undefined);
    if (error instanceof QueueUnreachableError) throw error;
    throw new QueueUnreachableError(error instanceof Error ? error.message : String(error));
  } finally {
    clearTimeout(timer);
  }
}
