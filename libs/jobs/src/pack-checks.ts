// The publish-check queue: one job per uploaded pack, consumed by the workers. A queue of its own, so a
// pack's minute of gradings never sits in front of learners' submissions; its jobs run one at a time per
// worker process, and each instructor has at most one pending check (see the pack_checks table), so the
// FIFO queue serves instructors in turn.
import type { JobsOptions } from 'bullmq';

export const PACK_CHECK_QUEUE = 'pack-checks';
export const PACK_CHECK_JOB = 'check';

export interface PackCheckJobPayload {
  checkId: string;
}

export function packCheckJobId(checkId: string): string {
  return `pack-check-${checkId}`;
}

export function isPackCheckJobPayload(value: unknown): value is PackCheckJobPayload {
  return typeof value === 'object' && value !== null && 'checkId' in value && typeof value.checkId === 'string';
}

/** A check is claimed once (queued → running): a retry after a worker crash finds it running and marks it failed. */
export const PACK_CHECK_JOB_OPTIONS: JobsOptions = {
  attempts: 2,
  backoff: { type: 'fixed', delay: 1000 },
  removeOnComplete: { count: 200, age: 3600 },
  removeOnFail: { count: 200, age: 24 * 3600 },
};
