import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export interface DataSourceBuildOptions {
  /** Run pending migrations on initialize. Only the api (and tests) should; the worker never does. */
  migrationsRun?: boolean;
  /** Pool size per process. */
  poolSize?: number;
  /** Application name shown in pg_stat_activity. */
  applicationName?: string;
}

export function buildDataSourceOptions(config: { databaseUrl: string }, options: DataSourceBuildOptions = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: options.migrationsRun ?? false,
    migrationsTransactionMode: 'each',
    // Never: the schema changes only through migrations.
    synchronize: false,
    poolSize: options.poolSize ?? 10,
    applicationName: options.applicationName ?? 'questline',
  };
}
