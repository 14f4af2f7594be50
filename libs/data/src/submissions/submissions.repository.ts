// Every statement about the `submissions` table (apart from the instructor analytics in
// submission-stats.repository.ts): the api accepts, serves and sweeps submissions through it, the worker
// claims and completes them. Nest-free: the apps construct it with their DataSource; statements that
// must join a caller's transaction take that transaction's EntityManager.
import type { DataSource, EntityManager } from 'typeorm';
import type { GradeResult, Verdict } from '@questline/sandbox';
import type { MotivationUpdatedEvent, SubmissionKind, SubmissionStatus, SubmitOutcome } from '@questline/contracts';

// Declared once in the contracts; re-exported for the data layer's callers.
export type { SubmissionKind, SubmissionStatus };

/**
 * One Run or Submit. Written by the api (queued), then by the worker (running → completed).
 * `result` is the sandbox's full, UNMASKED GradeResult: hidden tests are masked when served to the learner,
 * so an exercise that later reveals hidden test names can do so for old submissions too.
 */
export interface SubmissionRecord {
  id: string;
  userId: string;
  exerciseId: string;
  kind: SubmissionKind;
  status: SubmissionStatus;
  /** Set once completed. */
  verdict: Verdict | null;
  result: GradeResult | null;
  /** Submit only: what gamification returned (progress, achievements), for replaying the completion. */
  outcome: SubmitOutcome | null;
  /** Submit only: XP this submission earned (0 when none); null for Runs and while pending. */
  xpAwarded: number | null;
  /** Submit only: the quests/gems it moved (null when none), announced with its completion, replays included. */
  motivation: MotivationUpdatedEvent | null;
  /** The course version and tests hash the submission was accepted against. */
  courseVersion: string;
  testsHash: string;
  /** How many times a worker started grading it (a redelivery after a crash makes it 2). */
  attempt: number;
  createdAt: Date;
  completedAt: Date | null;
  /** From the exercise (joined in every read): whether learners see hidden tests' names. */
  revealHiddenTestNames: boolean;
  /** The learner's code: loaded only by the reads that need it (the owner's single submission, a claim). */
  code?: string;
  /** The exercise's title: loaded only by history pages that ask for it. */
  exerciseTitle?: string;
}

/** A submission a worker has claimed: with the code to grade. */
export type ClaimedSubmission = SubmissionRecord & { code: string };

/** A completed submission, as loaded to replay its completion. */
export type CompletedSubmission = SubmissionRecord & { status: 'completed'; result: GradeResult; completedAt: Date };

export interface NewSubmission {
  userId: string;
  exerciseId: string;
  kind: SubmissionKind;
  code: string;
  courseVersion: string;
  testsHash: string;
  /** Client-chosen (header Idempotency-Key): UNIQUE(user_id, idempotency_key), NULLs never clash. */
  idempotencyKey: string | null;
}

export interface SubmissionPageQuery {
  userId: string;
  /** Only this exercise's submissions; all of the learner's when absent. */
  exerciseId?: string;
  /** 1-based. */
  page: number;
  pageSize: number;
  /** Join in each exercise's title (the cross-exercise history shows it). */
  withExerciseTitle?: boolean;
}

/** The columns every read selects, as the one row type below (raw SQL rows are snake_case). */
interface SubmissionRow {
  id: string;
  user_id: string;
  exercise_id: string;
  kind: SubmissionKind;
  status: SubmissionStatus;
  verdict: Verdict | null;
  result: GradeResult | null;
  outcome: SubmitOutcome | null;
  xp_awarded: number | null;
  motivation: MotivationUpdatedEvent | null;
  course_version: string;
  tests_hash: string;
  attempt: number;
  created_at: Date;
  completed_at: Date | null;
  reveal_hidden_test_names: boolean;
  code?: string;
  exercise_title?: string;
}

/** `s` is the submission, `e` its exercise. */
const COLUMNS = `s.id, s.user_id, s.exercise_id, s.kind, s.status, s.verdict, s.result, s.outcome, s.xp_awarded, s.motivation,
  s.course_version, s.tests_hash, s.attempt, s.created_at, s.completed_at, e.reveal_hidden_test_names`;

function toRecord(row: SubmissionRow): SubmissionRecord {
  const record: SubmissionRecord = {
    id: row.id,
    userId: row.user_id,
    exerciseId: row.exercise_id,
    kind: row.kind,
    status: row.status,
    verdict: row.verdict,
    result: row.result,
    outcome: row.outcome,
    xpAwarded: row.xp_awarded,
    motivation: row.motivation,
    courseVersion: row.course_version,
    testsHash: row.tests_hash,
    attempt: row.attempt,
    createdAt: row.created_at,
    completedAt: row.completed_at,
    revealHiddenTestNames: row.reveal_hidden_test_names,
  };
  if (row.code !== undefined) record.code = row.code;
  if (row.exercise_title !== undefined) record.exerciseTitle = row.exercise_title;
  return record;
}

/** Arbitrary constant for pg_try_advisory_xact_lock: one sweeper at a time across api processes. */
const SWEEP_LOCK = 7_314_002;

/** What an UPDATE … RETURNING answers through TypeORM's query(): [rows, affected count]. */
type Updated<T> = [T[], number];

export class SubmissionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * One statement: the pending-limit check, the insert and the idempotency guard. Null when the learner
   * already has `maxPending` submissions waiting, or when `idempotencyKey` is taken (look it up then).
   * The limit is soft under concurrent posts by one learner (both may see N-1), which is fine for flood control.
   */
  async insertUnderPendingLimit(submission: NewSubmission, maxPending: number): Promise<string | null> {
    const { userId, exerciseId, kind, code, courseVersion, testsHash, idempotencyKey } = submission;
    const inserted: Array<{ id: string }> = await this.dataSource.query(
      `INSERT INTO submissions (user_id, exercise_id, kind, code, course_version, tests_hash, idempotency_key)
       SELECT $1, $2, $3, $4, $5, $6, $7
        WHERE (SELECT count(*) FROM submissions WHERE user_id = $1 AND status <> 'completed') < $8
       ON CONFLICT (user_id, idempotency_key) DO NOTHING
       RETURNING id`,
      [userId, exerciseId, kind, code, courseVersion, testsHash, idempotencyKey, maxPending],
    );
    return inserted[0]?.id ?? null;
  }

  /** Undo an accepted row whose job could not be enqueued (the client is told to retry). */
  async delete(id: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM submissions WHERE id = $1`, [id]);
  }

  async findByIdempotencyKey(userId: string, key: string): Promise<SubmissionRecord | null> {
    const rows: SubmissionRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM submissions s JOIN exercises e ON e.id = s.exercise_id
        WHERE s.user_id = $1 AND s.idempotency_key = $2`,
      [userId, key],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /** The learner's own submission with its code; null for an unknown id and for anyone else's. */
  async findOwned(userId: string, id: string): Promise<SubmissionRecord | null> {
    const rows: SubmissionRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS}, s.code FROM submissions s JOIN exercises e ON e.id = s.exercise_id
        WHERE s.id = $1 AND s.user_id = $2`,
      [id, userId],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /** The learner's newest passing Submit of an exercise, with its code (a solved exercise reopens with it). */
  async findLastPassing(userId: string, exerciseId: string): Promise<SubmissionRecord | null> {
    const rows: SubmissionRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS}, s.code FROM submissions s JOIN exercises e ON e.id = s.exercise_id
        WHERE s.user_id = $1 AND s.exercise_id = $2 AND s.kind = 'submit' AND s.verdict = 'passed'
        ORDER BY s.created_at DESC, s.id DESC LIMIT 1`,
      [userId, exerciseId],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /** A page of the learner's history (without code), newest first, and how many there are in all. */
  async page(query: SubmissionPageQuery): Promise<{ items: SubmissionRecord[]; total: number }> {
    const params: unknown[] = [query.userId];
    let where = `s.user_id = $1`;
    if (query.exerciseId !== undefined) {
      params.push(query.exerciseId);
      where += ` AND s.exercise_id = $2`;
    }
    const n = params.length;
    const [rows, count] = await Promise.all([
      this.dataSource.query<SubmissionRow[]>(
        `SELECT ${COLUMNS}${query.withExerciseTitle ? ', e.title AS exercise_title' : ''}
           FROM submissions s JOIN exercises e ON e.id = s.exercise_id
          WHERE ${where} ORDER BY s.created_at DESC, s.id DESC LIMIT $${n + 1} OFFSET $${n + 2}`,
        [...params, query.pageSize, (query.page - 1) * query.pageSize],
      ),
      this.dataSource.query<Array<{ total: number }>>(`SELECT count(*)::int AS total FROM submissions s WHERE ${where}`, params),
    ]);
    return { items: rows.map(toRecord), total: count[0]?.total ?? 0 };
  }

  /**
   * A worker takes the submission (with its code): running, one more attempt. Null when it is already
   * completed (a redelivered job: replay it) or gone. Two deliveries may both claim a running row; the
   * guarded complete() lets only one of them store a result.
   */
  async claim(id: string): Promise<ClaimedSubmission | null> {
    const claimed: Updated<SubmissionRow> = await this.dataSource.query(
      `UPDATE submissions s SET status = 'running', started_at = now(), attempt = s.attempt + 1
         FROM exercises e
        WHERE e.id = s.exercise_id AND s.id = $1 AND s.status <> 'completed'
        RETURNING ${COLUMNS}, s.code`,
      [id],
    );
    return claimed[0][0] ? (toRecord(claimed[0][0]) as ClaimedSubmission) : null;
  }

  /**
   * Stores the result, inside the caller's completion transaction, guarded by `status <> 'completed'`:
   * null when another delivery completed it first (the caller then replays what that one stored).
   * A Submit starts at 0 XP; the caller stores what gamification decided with storeOutcome().
   * Answers only the timestamps (the caller has the rest; the result need not travel back).
   */
  async complete(
    manager: EntityManager,
    id: string,
    result: GradeResult,
    mistakeSignature: string | null = null,
  ): Promise<{ createdAt: Date; completedAt: Date } | null> {
    // The failing Submit's common-mistake signature (libs/sandbox mistake-signature.ts) in the same statement.
    const updated: Updated<{ created_at: Date; completed_at: Date }> = await manager.query(
      `UPDATE submissions
          SET status = 'completed', verdict = $2, result = $3, completed_at = now(), mistake_signature = $4,
              xp_awarded = CASE WHEN kind = 'submit' THEN 0 ELSE NULL END
        WHERE id = $1 AND status <> 'completed'
        RETURNING created_at, completed_at`,
      [id, result.verdict, JSON.stringify(result), mistakeSignature],
    );
    const times = updated[0][0];
    return times ? { createdAt: times.created_at, completedAt: times.completed_at } : null;
  }

  /**
   * A Submit's gamification outcome and motivation update, in the same transaction as complete(): stored so
   * that a replayed or reconciled completion carries both, whichever delivery reaches the learner first.
   */
  async storeOutcome(manager: EntityManager, id: string, outcome: SubmitOutcome, motivation: MotivationUpdatedEvent | null): Promise<void> {
    await manager.query(`UPDATE submissions SET xp_awarded = $2, outcome = $3, motivation = $4 WHERE id = $1`, [
      id,
      outcome.xpAwarded,
      JSON.stringify(outcome),
      motivation === null ? null : JSON.stringify(motivation),
    ]);
  }

  /** The stored completion of a submission (to replay it for a redelivered job); null unless completed. */
  async loadCompleted(id: string): Promise<CompletedSubmission | null> {
    const rows: SubmissionRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM submissions s JOIN exercises e ON e.id = s.exercise_id WHERE s.id = $1`,
      [id],
    );
    const record = rows[0] ? toRecord(rows[0]) : null;
    if (!record || record.status !== 'completed' || !record.result || !record.completedAt) return null;
    return record as CompletedSubmission;
  }

  /**
   * The completed ones among `ids` (the relay's reconciliation of completions whose live event was lost):
   * one statement for any number of ids, none still pending.
   */
  async loadCompletedMany(ids: string[]): Promise<CompletedSubmission[]> {
    if (ids.length === 0) return [];
    const rows: SubmissionRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM submissions s JOIN exercises e ON e.id = s.exercise_id WHERE s.id = ANY($1::uuid[]) AND s.status = 'completed'`,
      [ids],
    );
    return rows
      .map(toRecord)
      .filter((record): record is CompletedSubmission => record.status === 'completed' && !!record.result && !!record.completedAt);
  }

  /** The sweep's lock, held until `manager`'s transaction ends; false when another process sweeps now. */
  async tryLockSweep(manager: EntityManager): Promise<boolean> {
    const locked: Array<{ ok: boolean }> = await manager.query(`SELECT pg_try_advisory_xact_lock($1) AS ok`, [SWEEP_LOCK]);
    return locked[0]?.ok === true;
  }

  /**
   * Completes as a sandbox_error (0 XP for a Submit) every submission still pending after `olderThanMs`
   * that workers started `maxAttempts` times, instead of re-enqueueing it forever. Returns how many.
   */
  async giveUpExhausted(manager: EntityManager, maxAttempts: number, olderThanMs: number): Promise<number> {
    const gaveUp: Updated<{ id: string }> = await manager.query(
      `UPDATE submissions
          SET status = 'completed', verdict = 'sandbox_error', completed_at = now(),
              xp_awarded = CASE WHEN kind = 'submit' THEN 0 ELSE NULL END,
              result = jsonb_build_object('status', 'error', 'verdict', 'sandbox_error', 'tests', '[]'::jsonb, 'durationMs', 0,
                'message', 'This submission could not be graded. Please submit again.')
        WHERE status <> 'completed' AND attempt >= $1 AND created_at < now() - make_interval(secs => $2 / 1000.0)
        RETURNING id`,
      [maxAttempts, olderThanMs],
    );
    return gaveUp[1];
  }

  /** Ids of submissions still pending after `olderThanMs`, oldest first (the sweep checks their jobs). */
  async findStuck(manager: EntityManager, olderThanMs: number, limit: number): Promise<string[]> {
    const stuck: Array<{ id: string }> = await manager.query(
      `SELECT id FROM submissions
        WHERE status <> 'completed' AND created_at < now() - make_interval(secs => $1 / 1000.0)
        ORDER BY created_at LIMIT $2`,
      [olderThanMs, limit],
    );
    return stuck.map((row) => row.id);
  }
}
