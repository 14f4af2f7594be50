import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  MistakesRepository,
  recordMotivation,
  recordSubmitOutcome,
  SubmissionsRepository,
  type MotivationOutcome,
  type ClaimedSubmission,
} from '@questline/data';
import type { SubmitOutcome } from '@questline/contracts';
import {
  completionResult,
  type CompletedRow,
  type GradeJobResult,
  type GradeProgress,
  type StartedProgress,
  type TestProgressData,
} from '@questline/jobs';
import { buildGradeRequest, maskHiddenTest, mistakeSignature, type GradeRequest, type GradeResult, type Grader } from '@questline/sandbox';
import { gradeLimitDefaults, InjectConfig, type AppConfig } from '@questline/config';

import { ExerciseCache, type GradingExercise } from './exercise-cache';

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
  private readonly submissions: SubmissionsRepository;
  private readonly mistakes: MistakesRepository;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectConfig() private readonly config: AppConfig,
  ) {
    this.exercises = new ExerciseCache(dataSource);
    this.submissions = new SubmissionsRepository(dataSource);
    this.mistakes = new MistakesRepository(dataSource);
  }

  /** Null when there is nothing to report (the row is gone). */
  async grade(submissionId: string, grader: Grader, report: ProgressReporter): Promise<GradeJobResult | null> {
    const row = await this.submissions.claim(submissionId);
    if (!row) return this.replay(submissionId);

    const send = sequential(report, this.logger, row.userId, submissionId);
    send({ type: 'started', userId: row.userId, submissionId });

    const exercise = await this.exercises.get(row.exerciseId, row.testsHash);
    if (!exercise) {
      this.logger.warn(`submission ${submissionId}: exercise ${row.exerciseId} no longer exists`);
      return null;
    }
    let hiddenSeen = 0;
    const result = await grader.grade(this.request(exercise, row), {
      onTest: ({ index, total, test }) => {
        const masked = test.hidden ? maskHiddenTest(test, ++hiddenSeen, { revealNames: exercise.revealHiddenTestNames }) : test;
        send({ type: 'test', userId: row.userId, submissionId, index, total, test: masked });
      },
    });
    // Per-test events go out before the completion, in order.
    await send.flushed();
    return this.complete(row, result, exercise);
  }

  private request(exercise: GradingExercise, row: ClaimedSubmission): GradeRequest {
    // Run: visible tests only. Submit: visible, then hidden.
    return buildGradeRequest(exercise, row.code, { includeHidden: row.kind === 'submit', defaults: gradeLimitDefaults(this.config) });
  }

  private async complete(
    row: ClaimedSubmission,
    result: GradeResult,
    exercise: Pick<GradingExercise, 'revealHiddenTestNames'>,
  ): Promise<GradeJobResult | null> {
    // Common mistakes (issue 16 item 3): a failing Submit joins its group by signature.
    const mistake = row.kind === 'submit' ? mistakeSignature(result) : null;
    const done = await this.dataSource.transaction(async (manager) => {
      const stored = await this.submissions.complete(manager, row.id, result, mistake?.signature ?? null);
      // Another delivery completed it meanwhile (we lost the race): report what it stored.
      if (!stored) return null;
      const completedAt = stored.completedAt;
      let outcome: SubmitOutcome | null = null;
      let motivation: MotivationOutcome | null = null;
      if (row.kind === 'submit') {
        // Gamification also records the solve in exercise_completions (first passing Submit wins).
        outcome = await recordSubmitOutcome(manager, {
          submissionId: row.id,
          userId: row.userId,
          exerciseId: row.exerciseId,
          passed: result.verdict === 'passed',
          at: completedAt,
        });
        // Quests, gems, boss damage and league XP: same transaction, applied once per submission.
        motivation = await recordMotivation(manager, {
          submissionId: row.id,
          userId: row.userId,
          exerciseId: row.exerciseId,
          at: completedAt,
        });
        await this.submissions.storeOutcome(manager, row.id, outcome, motivation.update);
      }
      const completed: CompletedRow = {
        id: row.id,
        userId: row.userId,
        exerciseId: row.exerciseId,
        kind: row.kind,
        result,
        outcome,
        xpAwarded: row.kind === 'submit' ? (outcome?.xpAwarded ?? 0) : null,
        motivation: motivation?.update ?? null,
        createdAt: stored.createdAt,
        completedAt,
      };
      return { completed, motivation };
    });
    if (!done) return this.replay(row.id);
    const tip = mistake ? await this.tipFor(row.exerciseId, mistake.signature, row.testsHash) : null;
    const jobResult = completionResult(done.completed, exercise.revealHiddenTestNames, tip ?? undefined);
    if (done.motivation && done.motivation.bosses.length > 0) jobResult.motivation = done.motivation;
    return jobResult;
  }

  /** The instructor's note for the group, when written against these tests; a failed look-up only loses the tip. */
  private async tipFor(exerciseId: string, signature: string, testsHash: string): Promise<{ note: string } | null> {
    try {
      const note = await this.mistakes.currentNote(exerciseId, signature, testsHash);
      return note === null ? null : { note };
    } catch (error) {
      this.logger.warn(`instructor tip look-up failed: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  }

  /** The stored completion of an already completed submission (a redelivered job), or null. */
  private async replay(submissionId: string): Promise<GradeJobResult | null> {
    const row = await this.submissions.loadCompleted(submissionId);
    if (!row) return null;
    return completionResult(row, row.revealHiddenTestNames);
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
