import { Module } from '@nestjs/common';
import { PackCheckService } from './pack-check.service';
import { PackCheckWorker } from './pack-check.worker';

/** Consumes the publish-check queue (see PackCheckWorker). */
@Module({ providers: [PackCheckService, PackCheckWorker] })
export class PackChecksModule {}
