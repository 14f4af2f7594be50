import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { AppConfigModule, APP_CONFIG, bullRootOptions, type AppConfig } from '@questline/config';
import { buildDataSourceOptions } from '@questline/data';
import { GradingModule } from './grading/grading.module';
import { PackChecksModule } from './pack-checks/pack-checks.module';

/**
 * The worker: no HTTP server. Postgres for data (same entities as the api; it never migrates — the
 * api owns migrations) and BullMQ on Redis or on the PostgreSQL backend (QUEUE_BACKEND).
 * Feature modules (the grading processor in ./grading) go in WORKER_FEATURE_MODULES.
 */
const WORKER_FEATURE_MODULES: DynamicModule['imports'] = [GradingModule, PackChecksModule];

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggerModule.forRoot({ pinoHttp: { level: config.logLevel } }),
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (c: AppConfig) => ({
            ...buildDataSourceOptions(c, { migrationsRun: false, poolSize: 5, applicationName: 'questline-worker' }),
            retryAttempts: 5,
            retryDelay: 1000,
          }),
        }),
        BullModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (c: AppConfig) => bullRootOptions(c),
        }),
        ...(WORKER_FEATURE_MODULES ?? []),
      ],
    };
  }
}
