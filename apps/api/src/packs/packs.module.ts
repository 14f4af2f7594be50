import { Module } from '@nestjs/common';
import { PackStatsService } from './pack-stats.service';
import { PacksController } from './packs.controller';
import { PacksService } from './packs.service';

/** Publishing packs (upload, validate, grade, import) and instructor analytics. */
@Module({ controllers: [PacksController], providers: [PacksService, PackStatsService] })
export class PacksModule {}
