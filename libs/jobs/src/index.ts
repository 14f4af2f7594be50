// The typed job catalogue: queue names, job names, payloads, job options and the cross-process events the
// grading pipeline carries over BullMQ, shared by the api (producer + event relay) and the worker (consumer).
import type { JobsOptions } from 'bullmq';
import type {
  BossUpdatedEvent,
  LearnerProgress,
  MotivationUpdatedEvent,
  SubmissionCompletedEvent,
  SubmissionKind,
  SubmissionQueuedEvent,
  SubmissionTestEvent,
  SubmitOutcome,
} from '@questline/contracts';

export const GRADING_QUEUE = 'grading';

/** Ids, not data: the worker loads the row (code, exercise) itself. */
export interface GradeJobPayload {
  submissionId: string;
}

export const GRADE_JOB = 'grade';

/** Every job name the grading queue may carry; the worker refuses others loudly. */
export const GRADING_JOB_NAMES: readonly string[] = [GRADE_JOB];

/** Deterministic job id: a double enqueue of one submission is one job. (BullMQ ids may not contain ':'.) */
export function gradeJobId(submissionId: string): string {
  return `grade-${submissionId}`;
}

/** The submission id back from a job id, or null for a job that is not a grading job. */
export function submissionIdOfJob(jobId: string | undefined): string | null {
  return jobId?.startsWith('grade-') ? jobId.slice('grade-'.length) : null;
}

export function isGradeJobPayload(value: unknown): value is GradeJobPayload {
  return typeof value === 'object' && value !== null && 'submissionId' in value && typeof value.submissionId === 'string';
}

/**
 * Attempts, backoff and retention in one place. Attempts only cover infrastructure failures (database
 * down in the worker): a sandbox verdict is a normal return, never a retry. Finished jobs are kept
 * briefly for the dashboard; the sweep replaces a finished job whose row is still pending.
 */
export const GRADE_JOB_OPTIONS: JobsOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { count: 1000, age: 3600 },
  removeOnFail: { count: 1000, age: 24 * 3600 },
};

/**
 * Length of the queue's event stream. Every api process reads it (QueueEvents) to push live events to its
 * own sockets; at ~10 events per grading, 100k entries leave minutes of slack for a slow reader.
 */
export const GRADING_EVENTS_MAX_LEN = 100_000;

// ---- Live events carried across processes -------------------------------------------------------------
// Progress (`job.updateProgress`) carries `started` and each `test`; the job's return value carries the
// completion; the api that accepted a submission publishes `queued` as a custom event. Every api process
// listens with its own QueueEvents and emits only to its own sockets, so each socket gets each event once.

/** Custom QueueEvents event name for `submission.queued`. */
export const SUBMISSION_QUEUED_EVENT = 'submission-queued';

/** `submission.queued` and whom it is for. */
export interface QueuedEventData extends SubmissionQueuedEvent {
  userId: string;
}

export interface StartedProgress {
  type: 'started';
  userId: string;
  submissionId: string;
}

/** `submission.test` (its test already masked for the learner) and whom it is for. */
export interface TestProgressData extends SubmissionTestEvent {
  type: 'test';
  userId: string;
}

/**
 * Several progress items in one `job.updateProgress` (one Redis round trip and one event-stream entry):
 * the worker coalesces the items produced while the previous update was in flight (e.g. `started` and
 * the first tests, or tests finishing within the same millisecond). The relay emits them one by one, in
 * order, so the learner still gets one `submission.test` per test.
 */
export interface BatchProgress {
  type: 'batch';
  userId: string;
  submissionId: string;
  items: Array<StartedProgress | TestProgressData>;
}

export type GradeProgress = StartedProgress | TestProgressData | BatchProgress;

/** Where an award counts, as JSON: its course and when it was awarded (ISO 8601). */
export interface AwardData {
  course: { id: string; slug: string; title: string };
  awardedAt: string;
}

/** The grading job's return value: the learner payload plus what the api needs to route and measure it. */
export interface GradeJobResult {
  userId: string;
  exerciseId: string;
  kind: SubmissionKind;
  /** Exactly what the learner receives as `submission.completed`. */
  payload: SubmissionCompletedEvent;
  /** Submit only: gamification's full answer, republished on AppEvents in every api process. */
  outcome?: SubmitOutcome;
  /**
   * Submit only: the learner's progress right after the commit, computed ONCE by the worker, so api
   * processes push `progress.updated` without a database read (however many of them there are).
   */
  progress?: LearnerProgress;
  /** An award with XP: the boards it changed (the worker already updated the board store). */
  award?: AwardData;
  /** Submit only, when it moved a quest, paid gems or hit a boss (a replay repeats the update, not the bosses). */
  motivation?: { update: MotivationUpdatedEvent | null; bosses: BossUpdatedEvent[] };
  /** Time inside the sandbox, and from the row's creation to its completion (database clock). */
  gradingMs: number;
  endToEndMs: number;
}

export function isGradeProgress(value: unknown): value is GradeProgress {
  return (
    typeof value === 'object' &&
    value !== null &&
    'type' in value &&
    (value.type === 'started' || value.type === 'test' || value.type === 'batch') &&
    'userId' in value &&
    typeof value.userId === 'string'
  );
}

export function isGradeJobResult(value: unknown): value is GradeJobResult {
  return typeof value === 'object' && value !== null && 'userId' in value && 'payload' in value && typeof value.userId === 'string';
}

/**
 * BullMQ's default Redis reconnect backoff grows to 20 s; after a Redis restart the pipeline should be
 * back within ~2 s. Only touches Redis connection options (the PostgreSQL backend's pool reconnects per
 * query anyway).
 */
export function withFastReconnect<T extends { connection: object }>(options: T, backend: 'redis' | 'postgres'): T {
  if (backend !== 'redis') return options;
  return { ...options, connection: { ...options.connection, retryStrategy: (times: number) => Math.min(100 * times, 2000) } };
}

/**
 * Close a BullMQ queue/worker/events object without hanging: `close()` waits for the connection to have
 * been ready once, which never happens while Redis is unreachable. After `ms`, disconnect and move on so
 * an api or worker can still shut down during an outage.
 */
export async function closeWithin(resource: { close(): Promise<void>; disconnect(): Promise<void> }, ms = 2000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  const closed = resource.close().then(
    () => 'closed' as const,
    () => 'closed' as const,
  );
  const outcome = await Promise.race([closed, timedOut]);
  clearTimeout(timer);
  // disconnect() may itself wait for a connection that never came: start it, don't wait for it.
  if (outcome === 'timeout') resource.disconnect().catch(() => undefined);
}
export * from './completion';
export * from './pack-checks';
