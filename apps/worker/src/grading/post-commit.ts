import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { InjectConfig, type AppConfig } from '@questline/config';
import { applyAwardToBoards, findAwardScope, loadLearnerProgress, RedisBoardStore } from '@questline/data';
import type { GradeJobResult } from '@questline/jobs';

/**
 * The work that follows a Submit's commit, done ONCE here rather than in every api process: the learner's
 * progress (carried to the learners' sockets in the job result) and the Redis leaderboards. With no Redis
 * the boards are PostgreSQL itself, so there is nothing to write. Failures are logged, never fatal: the
 * grading is committed, the learner can always GET their progress, and boards can be rebuilt.
 */
@Injectable()
export class PostCommitService implements OnApplicationShutdown {
  private readonly logger = new Logger(PostCommitService.name);
  private readonly redis: Redis | null;
  private readonly boards: RedisBoardStore | null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectConfig() config: AppConfig,
  ) {
    this.redis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 2, lazyConnect: true }) : null;
    this.boards = this.redis ? new RedisBoardStore(this.redis, dataSource.manager, config.queue.prefix) : null;
  }

  /** The result with `progress` (and `award` when XP was earned) added; a Run is returned as it is. */
  async complete(result: GradeJobResult): Promise<GradeJobResult> {
    if (result.kind !== 'submit' || !result.outcome) return result;
    const manager = this.dataSource.manager;
    const withProgress: GradeJobResult = { ...result };
    try {
      withProgress.progress = await loadLearnerProgress(manager, result.userId, new Date());
    } catch (error) {
      this.logger.error(`progress not computed: ${message(error)}`);
    }
    if (result.outcome.xpAwarded <= 0) return withProgress;
    try {
      const scope = await findAwardScope(manager, result.userId, result.exerciseId);
      // Published after the commit, so no row means the award was undone since: boards stay as they are.
      if (!scope) return withProgress;
      if (this.boards) await applyAwardToBoards(this.boards, scope, result.userId);
      withProgress.award = {
        course: scope.course,
        awardedAt: scope.awardedAt.toISOString(),
      };
    } catch (error) {
      this.logger.error(`leaderboards not updated for an award: ${message(error)}`);
    }
    return withProgress;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis?.quit().catch(() => undefined);
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
