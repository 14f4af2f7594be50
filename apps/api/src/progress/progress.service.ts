import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Subscription } from 'rxjs';
import { DataSource } from 'typeorm';
import { loadLearnerProgress } from '@questline/data';
import { LIVE_EVENTS, type LearnerProgress } from '@questline/contracts';
import { AppEvents } from '../common/app-events';
import { LiveEvents } from '../live/live-events.service';

/**
 * Reads progress, and pushes `LIVE_EVENTS.progressUpdated` to the learner after each graded Submit. The worker computed
 * that progress once, after the Submit committed, with the same function GET /api/me/progress answers with;
 * every api process only forwards it to its own sockets (no database read per event).
 */
@Injectable()
export class ProgressService implements OnModuleInit, OnModuleDestroy {
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
      if (event.kind !== 'submit' || !event.progress) return;
      this.live.emitToUser(event.userId, LIVE_EVENTS.progressUpdated, event.progress);
    });
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }
}
