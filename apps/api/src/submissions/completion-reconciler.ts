import type { GradeJobResult } from '@questline/jobs';

/** How often the relay looks at what it is waiting for (a tick with nothing due costs nothing). */
export const RECONCILE_TICK_MS = 1000;
/** A grading still without its completion event this long after it was seen is checked in the database. */
export const FIRST_CHECK_MS = 2000;
const MAX_BACKOFF_MS = 30_000;
/** Past this, a submission still pending is left to the sweep and the client's own refetch. */
const GIVE_UP_MS = 15 * 60_000;
/** Completions remembered as delivered, so a late or repeated event is not emitted twice. */
const DELIVERED_TTL_MS = 10 * 60_000;
const MAX_TRACKED = 10_000;

interface Awaiting {
  userId: string;
  since: number;
  nextCheck: number;
  backoff: number;
}

/**
 * Every completion reaches its learner even when its `completed` event never makes it onto the queue's
 * event stream (Redis restarted between the worker's commit and BullMQ's moveToFinished: the row is
 * completed, the event is gone). The relay tracks the gradings its own sockets are waiting for (seen
 * queued, started or streaming tests) and, for those whose completion is late, reads the committed row:
 * what was committed is what the learner gets. In the normal path the event arrives within milliseconds
 * and this costs no query at all; per-process, per-tick batches, never a query per event.
 * Plain class (no Nest, no I/O of its own) so the timing rules are unit-tested.
 */
export class CompletionReconciler {
  private readonly awaiting = new Map<string, Awaiting>();
  private readonly delivered = new Map<string, number>();

  constructor(
    /** The completed ones among `ids`, as the worker would have published them. */
    private readonly load: (ids: string[]) => Promise<GradeJobResult[]>,
    private readonly deliver: (result: GradeJobResult) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** A grading a local socket waits for. */
  track(submissionId: string, userId: string): void {
    if (this.delivered.has(submissionId) || this.awaiting.has(submissionId) || this.awaiting.size >= MAX_TRACKED) return;
    const now = this.now();
    this.awaiting.set(submissionId, { userId, since: now, nextCheck: now + FIRST_CHECK_MS, backoff: FIRST_CHECK_MS });
  }

  /** True the first time a completion is seen (event or reconciliation): emit it then, and only then. */
  claim(submissionId: string): boolean {
    this.awaiting.delete(submissionId);
    if (this.delivered.has(submissionId)) return false;
    this.delivered.set(submissionId, this.now());
    return true;
  }

  get tracked(): number {
    return this.awaiting.size;
  }

  /** Checks the gradings that are due; resolves with how many completions it delivered. */
  async tick(): Promise<number> {
    const now = this.now();
    for (const [id, at] of this.delivered) if (now - at > DELIVERED_TTL_MS) this.delivered.delete(id);
    const due: string[] = [];
    for (const [id, entry] of this.awaiting) {
      if (now - entry.since > GIVE_UP_MS) this.awaiting.delete(id);
      else if (entry.nextCheck <= now) due.push(id);
    }
    if (due.length === 0) return 0;
    const found = await this.load(due);
    let delivered = 0;
    for (const result of found) {
      if (!this.claim(result.payload.submissionId)) continue;
      this.deliver(result);
      delivered += 1;
    }
    for (const id of due) {
      const entry = this.awaiting.get(id);
      if (!entry) continue;
      entry.backoff = Math.min(entry.backoff * 2, MAX_BACKOFF_MS);
      entry.nextCheck = this.now() + entry.backoff;
    }
    return delivered;
  }
}
