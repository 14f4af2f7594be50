import { Module } from '@nestjs/common';
import { GradingService } from './grading.service';
import { GradingWorker } from './grading.worker';
import { PostCommitService } from './post-commit';

/** Consumes the grading queue (see GradingWorker); the database comes from the worker's root module. */
@Module({ providers: [GradingService, PostCommitService, GradingWorker] })
export class GradingModule {}
