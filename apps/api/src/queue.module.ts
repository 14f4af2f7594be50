import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { APP_CONFIG, bullRootOptions, type AppConfig } from '@questline/config';

/**
 * BullMQ root options (Redis or the PostgreSQL backend, from QUEUE_BACKEND). Feature modules add
 * `BullModule.registerQueue({ name: GRADING_QUEUE })` themselves; no connection is opened until a
 * queue is registered.
 */
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => bullRootOptions(config),
    }),
  ],
})
export class QueueModule {}
