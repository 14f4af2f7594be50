import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Subscription } from 'rxjs';
import { DataSource } from 'typeorm';
import { loadLearnerProgress } from '@questline/data';
import { LIVE_EVENTS, type LearnerProgress } from '@questline/contracts';
import { AppEvents } from '../common/app-events';
import { LiveEvents } from '../live/live-events.service';

/**
 * Reads progress, and pushes `progress.updated` to the learner after each graded Submit. The push is built
 * from Postgres after the Submit committed (not from the event), so it is exactly what GET /api/me/progress
 * would answer.
 */
@Injectable()
export class ProgressService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ProgressService.name);
  private subscription?: Subscription;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: AppEvents,
    private readonly live: LiveEvents,
  ) {}

  progressOf(userId: string, now = new Date()): Promise<LearnerProgress> {
    return loadLearnerProgress(this.dataSource.manager, userId, now);
  }

  onModuleInit(): void {
    this.subscription = this.events.submissionCompleted.subscribe((event) => {
      // Runs never change progress; a Submit always may (a failure resets the spree).
      if (event.kind !== 'submit' || !event.outcome) return;
      this.progressOf(event.userId)
        .then((progress) => this.live.emitToUser(event.userId, LIVE_EVENTS.progressUpdated, progress))
        .catch((error: unknown) =>
          this.logger.error(`progress.updated not sent: ${error instanceof Error ? error.message : String(error)}`),
        );
    });
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }
}
