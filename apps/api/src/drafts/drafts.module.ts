import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog';
import { LiveModule } from '../live/live.module';
import { DraftsController } from './drafts.controller';
import { DraftsService } from './drafts.service';

/** The learner's code on the server: autosaved drafts and the last passing code, on every device. */
@Module({ imports: [CatalogModule, LiveModule], controllers: [DraftsController], providers: [DraftsService] })
export class DraftsModule {}
