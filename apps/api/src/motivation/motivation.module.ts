import { Module } from '@nestjs/common';
import { LiveModule } from '../live/live.module';
import { MotivationController } from './motivation.controller';
import { MotivationService } from './motivation.service';

@Module({ imports: [LiveModule], controllers: [MotivationController], providers: [MotivationService], exports: [MotivationService] })
export class MotivationModule {}
