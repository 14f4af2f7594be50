import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AppConfigModule, type AppConfig } from '@questline/config';
import { AdminModule } from './admin/admin.module';
import { AuthModule } from './auth/auth.module';
import { CatalogModule } from './catalog/catalog.module';
import { ClassesModule } from './classes/classes.module';
import { ExercisesModule } from './exercises/exercises.module';
import { PacksModule } from './packs/packs.module';
import { AppEventsModule } from './common/app-events';
import { DependencyOutagesModule } from './common/errors/outage-log';
import { loggerParams } from './common/logging';
import { DatabaseModule } from './database.module';
import { DraftsModule } from './drafts/drafts.module';
import { GoalsModule } from './goals/goals.module';
import { HealthModule } from './health/health.module';
import { LiveModule } from './live/live.module';
import { LeaderboardsModule } from './leaderboards/leaderboards.module';
import { ProgressModule } from './progress/progress.module';
import { MotivationModule } from './motivation/motivation.module';
import { QueueModule } from './queue.module';
import { UsersModule } from './users/users.module';
import { MetricsModule } from './metrics/metrics.module';
import { QueueDashboardModule } from './queue-dashboard/queue-dashboard.module';
import { SubmissionsModule } from './submissions/submissions.module';

export interface ApiModuleOptions {
  /** Where pino writes (default stdout). Tests pass a stream to inspect log lines. */
  logStream?: DestinationStream;
}

/** Feature modules go in FEATURE_MODULES; infrastructure stays in forRoot. */
const FEATURE_MODULES = [
  AuthModule,
  UsersModule,
  AdminModule,
  HealthModule,
  LiveModule,
  CatalogModule,
  ExercisesModule,
  PacksModule,
  MetricsModule,
  SubmissionsModule,
  MotivationModule,
  QueueDashboardModule,
  ProgressModule,
  LeaderboardsModule,
  DraftsModule,
  GoalsModule,
  ClassesModule,
];

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, options: ApiModuleOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerParams(config.logLevel, options.logStream)),
        DatabaseModule,
        QueueModule,
        AppEventsModule,
        DependencyOutagesModule,
        ...FEATURE_MODULES,
      ],
    };
  }
}
