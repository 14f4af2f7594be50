import { Global, Injectable, Module } from '@nestjs/common';
import { Subject } from 'rxjs';
import type { LearnerProgress, SubmissionKind } from '@questline/contracts';
import type { SubmitOutcome } from '@questline/contracts';
import type { AwardData } from '@questline/jobs';

/**
 * In-process domain events inside one api process, so features react to each other without importing
 * each other's modules (the pipeline publishes; gamification's leaderboards subscribe).
 */
export interface SubmissionCompletedEvent {
  submissionId: string;
  userId: string;
  exerciseId: string;
  kind: SubmissionKind;
  verdict: string;
  /** Present for graded Submits. */
  outcome?: SubmitOutcome;
  /** Graded Submits: the progress the worker computed after the commit (subscribers need no query). */
  progress?: LearnerProgress;
  /** An award with XP: the boards it changed (the worker already wrote them to the board store). */
  award?: AwardData;
}

@Injectable()
export class AppEvents {
  /** Emitted once per completed submission in each api process that learns of it. */
  readonly submissionCompleted = new Subject<SubmissionCompletedEvent>();
}

@Global()
@Module({ providers: [AppEvents], exports: [AppEvents] })
export class AppEventsModule {}
