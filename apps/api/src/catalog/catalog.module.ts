import { Module } from '@nestjs/common';
import { BuiltInPacksLoader } from './built-in-packs.loader';
import { CatalogController } from './catalog.controller';
import { CatalogService } from './catalog.service';

/** Courses and their status per learner. Exports CatalogService (getSubmissionTarget) for the submission path. */
@Module({
  controllers: [CatalogController],
  providers: [CatalogService, BuiltInPacksLoader],
  exports: [CatalogService],
})
export class CatalogModule {}
