// The queue backend switch, shared by the api (producer) and the worker (consumer).
import { createPostgresBackend, setDefaultBackendFactory, type QueueOptions } from 'bullmq';
import type { AppConfig } from './config.schema';

/**
 * BullMQ root options for the configured backend. Side effect, on purpose: the backend factory is
 * process-wide in BullMQ 6.7, so it must be set before any Queue/Worker/QueueEvents is built —
 * call this from the BullModule.forRootAsync factory, which runs before any queue provider.
 */
export function bullRootOptions(config: AppConfig): QueueOptions {
  if (config.queue.backend === 'postgres') {
    setDefaultBackendFactory(createPostgresBackend);
    return {
      prefix: config.queue.prefix,
      // pg pool config; BullMQ creates its own `bullmq` schema on first connect (migrate: true).
      connection: { connectionString: config.databaseUrl, migrate: true, max: 5 },
    };
  }
  setDefaultBackendFactory(undefined);
  if (!config.redisUrl) throw new Error('REDIS_URL is required when QUEUE_BACKEND=redis');
  return {
    prefix: config.queue.prefix,
    // BullMQ workers block on Redis: they need maxRetriesPerRequest null; `url` is parsed by BullMQ.
    connection: { url: config.redisUrl, maxRetriesPerRequest: null },
  };
}
