import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { InjectDataSource } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { InjectConfig, type AppConfig } from '@questline/config';

const TIMEOUT_MS = 1500;

/**
 * Queue health: PING Redis (a short-lived client with a short connect timeout and no retries, so a
 * dead Redis answers "down" quickly) or, on the PostgreSQL backend, a query on the database that
 * holds BullMQ's schema.
 */
@Injectable()
export class QueueHealthIndicator {
  constructor(
    private readonly health: HealthIndicatorService,
    @InjectConfig() private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  check(key: 'queue') {
    return this.health
      .check(key)
      .attempt(async () => {
        if (this.config.queue.backend === 'postgres') {
          await this.dataSource.query('SELECT 1');
          return { backend: 'postgres' };
        }
        await pingRedis(this.config.redisUrl ?? '');
        return { backend: 'redis' };
      })
      .withTimeout(TIMEOUT_MS);
  }
}

async function pingRedis(url: string): Promise<void> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined); // reported through the rejected promise instead
  try {
    await client.connect();
    await client.ping();
  } finally {
    client.disconnect();
  }
}
