import { Module, type OnModuleInit } from '@nestjs/common';
import { CatalogModule } from '../catalog';
import { LiveModule } from '../live/live.module';
import { PipelineMetrics } from '../metrics/pipeline-metrics';
import { GradingQueue } from './grading-queue';
import { LiveRelay } from './live-relay.service';
import { SubmissionSweep } from './submission-sweep.service';
import { SubmissionsController } from './submissions.controller';
import { SubmissionsService } from './submissions.service';

/** Run/Submit routes, the producer side of the grading queue, the live relay and the stuck-row sweep. */
@Module({
  imports: [CatalogModule, LiveModule],
  controllers: [SubmissionsController],
  providers: [GradingQueue, SubmissionsService, LiveRelay, SubmissionSweep],
  exports: [GradingQueue, SubmissionSweep],
})
export class SubmissionsModule implements OnModuleInit {
  constructor(
    private readonly grading: GradingQueue,
    private readonly metrics: PipelineMetrics,
  ) {}

  onModuleInit(): void {
    this.metrics.setDepthSource(() => this.grading.queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'failed'));
  }
}
