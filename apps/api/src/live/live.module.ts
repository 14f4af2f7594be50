import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { BossBar } from './boss-bar';
import { LiveEvents } from './live-events.service';
import { LiveGateway } from './live.gateway';

@Module({
  imports: [AuthModule],
  providers: [LiveGateway, LiveEvents, BossBar],
  exports: [LiveEvents, BossBar],
})
export class LiveModule {}
