import { Global, Injectable, Module } from '@nestjs/common';
import { Subject } from 'rxjs';
import type { SubmitOutcome } from '@questline/data';

/**
 * In-process domain events inside one api process, so features react to each other without importing
 * each other's modules (the pipeline publishes; gamification's leaderboards subscribe).
 */
export interface SubmissionCompletedEvent {
  submissionId: string;
  userId: string;
  exerciseId: string;
  kind: 'run' | 'submit';
  verdict: string;
  /** Present for graded Submits. */
  outcome?: SubmitOutcome;
}

@Injectable()
export class AppEvents {
  /** Emitted once per completed submission in each api process that learns of it. */
  readonly submissionCompleted = new Subject<SubmissionCompletedEvent>();
}

@Global()
@Module({ providers: [AppEvents], exports: [AppEvents] })
export class AppEventsModule {}
