import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { QueueHealthIndicator } from './queue.health';

@Module({
  // Terminus logs a failed check itself; keep it quiet in tests through LOG_LEVEL=silent (pino).
  imports: [TerminusModule.forRoot({ errorLogStyle: 'json' })],
  controllers: [HealthController],
  providers: [QueueHealthIndicator],
})
export class HealthModule {}
