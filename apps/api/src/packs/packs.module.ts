import { Module } from '@nestjs/common';
import { PackCheckQueue } from './pack-check-queue';
import { PackStatsService } from './pack-stats.service';
import { PackMistakesService } from './pack-mistakes.service';
import { PacksController } from './packs.controller';
import { PacksService } from './packs.service';

/** Publishing packs (upload and validate here; grade and import in the workers' publish check) and instructor analytics. */
@Module({ controllers: [PacksController], providers: [PacksService, PackStatsService, PackMistakesService, PackCheckQueue] })
export class PacksModule {}
