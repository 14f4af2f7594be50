import { Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import Redis from 'ioredis';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@questline/config';
import { PostgresBoardStore, RedisBoardStore, type BoardStore } from '@questline/data';
import { LeaderboardsController } from './leaderboards.controller';
import { DEFAULT_PUSH_INTERVAL_MS, LEADERBOARD_PUSH_INTERVAL_MS, LeaderboardsGateway } from './leaderboards.gateway';
import { BOARD_STORE, LeaderboardsService } from './leaderboards.service';

const LEADERBOARD_REDIS = Symbol('LEADERBOARD_REDIS');
/** How long the no-Redis store reuses a computed board (awards in this process invalidate it at once). */
const POSTGRES_BOARD_CACHE_MS = 5000;

/**
 * Leaderboards: Redis sorted sets when REDIS_URL is set (whatever the queue backend), otherwise a cached
 * Postgres aggregate, so the one-command local start (no Redis) has boards too.
 */
@Module({
  controllers: [LeaderboardsController],
  providers: [
    {
      provide: LEADERBOARD_REDIS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): Redis | null =>
        config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 2, lazyConnect: false }) : null,
    },
    {
      provide: BOARD_STORE,
      inject: [LEADERBOARD_REDIS, getDataSourceToken(), APP_CONFIG],
      useFactory: (redis: Redis | null, dataSource: DataSource, config: AppConfig): BoardStore =>
        redis
          ? new RedisBoardStore(redis, dataSource.manager, config.queue.prefix)
          : new PostgresBoardStore(dataSource.manager, POSTGRES_BOARD_CACHE_MS),
    },
    { provide: LEADERBOARD_PUSH_INTERVAL_MS, useValue: DEFAULT_PUSH_INTERVAL_MS },
    LeaderboardsService,
    LeaderboardsGateway,
  ],
  exports: [LeaderboardsService],
})
export class LeaderboardsModule implements OnApplicationShutdown {
  constructor(@Inject(LEADERBOARD_REDIS) private readonly redis: Redis | null) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis?.quit().catch(() => undefined);
  }
}
