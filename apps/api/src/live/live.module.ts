import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { LiveEvents } from './live-events.service';
import { LiveGateway } from './live.gateway';

@Module({
  imports: [AuthModule],
  providers: [LiveGateway, LiveEvents],
  exports: [LiveEvents],
})
export class LiveModule {}
