import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { recordSubmitOutcome, type SubmitOutcome } from '@questline/data';
import type { GradeJobResult, GradeProgress, StartedProgress, TestProgressData } from '@questline/jobs';
import { maskHiddenTest, type GradeRequest, type GradeResult, type Grader } from '@questline/sandbox';
import { InjectConfig, type AppConfig } from '@questline/config';
import { completionResult, type CompletedRow } from './completion';
import { ExerciseCache, type GradingExercise } from './exercise-cache';

interface ClaimedRow {
  id: string;
  user_id: string;
  exercise_id: string;
  kind: 'run' | 'submit';
  code: string;
  tests_hash: string;
}

interface StoredRow {
  id: string;
  user_id: string;
  exercise_id: string;
  kind: 'run' | 'submit';
  status: string;
  result: GradeResult | null;
  outcome: SubmitOutcome | null;
  xp_awarded: number | null;
  created_at: Date;
  completed_at: Date | null;
}

/** Sends one progress event; failures are logged, never fatal (the client can always GET the state). */
export type ProgressReporter = (progress: GradeProgress) => Promise<unknown>;

/**
 * Grades one submission: claim the row, run the sandbox (streaming each test), then store the result
 * and — for a Submit — the gamification outcome in one transaction guarded by `status <> 'completed'`,
 * so a redelivered job (worker killed after the commit) replays the stored completion instead of
 * grading or awarding twice.
 */
@Injectable()
export class GradingService {
  private readonly logger = new Logger(GradingService.name);
  private readonly exercises: ExerciseCache;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectConfig() private readonly config: AppConfig,
  ) {
    this.exercises = new ExerciseCache(dataSource);
  }

  /** Null when there is nothing to report (the row is gone). */
  async grade(submissionId: string, grader: Grader, report: ProgressReporter): Promise<GradeJobResult | null> {
    const claimed: [ClaimedRow[], number] = await this.dataSource.query(
      `UPDATE submissions SET status = 'running', started_at = now(), attempt = attempt + 1
        WHERE id = $1 AND status <> 'completed'
        RETURNING id, user_id, exercise_id, kind, code, tests_hash`,
      [submissionId],
    );
    const row = claimed[0][0];
    if (!row) return this.replay(submissionId);

    const send = sequential(report, this.logger, row.user_id, submissionId);
    send({ type: 'started', userId: row.user_id, submissionId });

    const exercise = await this.exercises.get(row.exercise_id, row.tests_hash);
    if (!exercise) {
      this.logger.warn(`submission ${submissionId}: exercise ${row.exercise_id} no longer exists`);
      return null;
    }
    let hiddenSeen = 0;
    const result = await grader.grade(this.request(exercise, row), {
      onTest: ({ index, total, test }) => {
        const masked = test.hidden ? maskHiddenTest(test, ++hiddenSeen, { revealNames: exercise.revealHiddenTestNames }) : test;
        send({ type: 'test', userId: row.user_id, submissionId, index, total, test: masked });
      },
    });
    // Per-test events go out before the completion, in order.
    await send.flushed();
    return this.complete(row, result, exercise);
  }

  private request(exercise: GradingExercise, row: ClaimedRow): GradeRequest {
    return {
      language: exercise.language,
      solution: { fileName: exercise.fileName, code: row.code },
      // Run: visible tests only. Submit: visible, then hidden.
      tests: [...exercise.visibleTests, ...(row.kind === 'submit' ? exercise.hiddenTests : [])],
      limits: {
        timeMs: exercise.limits.timeMs ?? this.config.sandbox.timeLimitMs,
        memoryMb: exercise.limits.memoryMb ?? this.config.sandbox.memoryLimitMb,
      },
    };
  }

  private async complete(row: ClaimedRow, result: GradeResult, exercise: Pick<GradingExercise, 'revealHiddenTestNames'>): Promise<GradeJobResult | null> {
    const done = await this.dataSource.transaction(async (manager) => {
      const updated: [Array<{ created_at: Date; completed_at: Date }>, number] = await manager.query(
        `UPDATE submissions
            SET status = 'completed', verdict = $2, result = $3, completed_at = now(),
                xp_awarded = CASE WHEN kind = 'submit' THEN 0 ELSE NULL END
          WHERE id = $1 AND status <> 'completed'
          RETURNING created_at, completed_at`,
        [row.id, result.verdict, JSON.stringify(result)],
      );
      const times = updated[0][0];
      // Another delivery completed it meanwhile (we lost the race): report what it stored.
      if (!times) return null;
      let outcome: SubmitOutcome | null = null;
      if (row.kind === 'submit') {
        // Gamification also records the solve in exercise_completions (first passing Submit wins).
        outcome = await recordSubmitOutcome(manager, {
          submissionId: row.id,
          userId: row.user_id,
          exerciseId: row.exercise_id,
          passed: result.verdict === 'passed',
          at: times.completed_at,
        });
        await manager.query(`UPDATE submissions SET xp_awarded = $2, outcome = $3 WHERE id = $1`, [
          row.id,
          outcome.xpAwarded,
          JSON.stringify(outcome),
        ]);
      }
      const completed: CompletedRow = {
        id: row.id,
        userId: row.user_id,
        exerciseId: row.exercise_id,
        kind: row.kind,
        result,
        outcome,
        xpAwarded: row.kind === 'submit' ? (outcome?.xpAwarded ?? 0) : null,
        createdAt: times.created_at,
        completedAt: times.completed_at,
      };
      return completed;
    });
    if (!done) return this.replay(row.id);
    return completionResult(done, exercise.revealHiddenTestNames);
  }

  /** The stored completion of an already completed submission (a redelivered job), or null. */
  private async replay(submissionId: string): Promise<GradeJobResult | null> {
    const rows: StoredRow[] = await this.dataSource.query(
      `SELECT id, user_id, exercise_id, kind, status, result, outcome, xp_awarded, created_at, completed_at
         FROM submissions WHERE id = $1`,
      [submissionId],
    );
    const row = rows[0];
    if (!row || row.status !== 'completed' || !row.result || !row.completed_at) return null;
    const reveal: Array<{ reveal: boolean }> = await this.dataSource.query(
      `SELECT reveal_hidden_test_names AS reveal FROM exercises WHERE id = $1`,
      [row.exercise_id],
    );
    return completionResult(
      {
        id: row.id,
        userId: row.user_id,
        exerciseId: row.exercise_id,
        kind: row.kind,
        result: row.result,
        outcome: row.outcome,
        xpAwarded: row.xp_awarded,
        createdAt: row.created_at,
        completedAt: row.completed_at,
      },
      reveal[0]?.reveal ?? false,
    );
  }
}

/**
 * onTest is synchronous, but each report is an async round trip: chain them so events leave in order,
 * and let the caller wait for the chain before completing the job. Items produced while the previous
 * report is in flight (or within the same tick) leave together as one `batch` progress — one Redis round
 * trip and one event-stream entry instead of one each; the relay splits it again, in order.
 */
function sequential(report: ProgressReporter, logger: Logger, userId: string, submissionId: string) {
  let chain: Promise<unknown> = Promise.resolve();
  let pending: Array<StartedProgress | TestProgressData> = [];
  const flush = (): Promise<unknown> => {
    const items = pending;
    pending = [];
    return report(items.length === 1 ? items[0] : { type: 'batch', userId, submissionId, items });
  };
  const send = (progress: StartedProgress | TestProgressData): void => {
    pending.push(progress);
    // A flush is already scheduled (behind the report in flight): it will take this item too.
    if (pending.length > 1) return;
    chain = chain
      .then(flush)
      .catch((error: unknown) => logger.warn(`progress event lost: ${error instanceof Error ? error.message : String(error)}`));
  };
  return Object.assign(send, { flushed: () => chain });
}
