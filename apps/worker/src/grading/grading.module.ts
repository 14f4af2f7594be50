import { Module } from '@nestjs/common';
import { GradingService } from './grading.service';
import { GradingWorker } from './grading.worker';

/** Consumes the grading queue (see GradingWorker); the database comes from the worker's root module. */
@Module({ providers: [GradingService, GradingWorker] })
export class GradingModule {}
