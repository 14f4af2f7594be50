import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { BossBar } from './boss-bar';
import { LiveEvents } from './live-events.service';
import { LiveGateway } from './live.gateway';
import { LiveSessions } from './live-sessions';
import { UsersModule } from '../users/users.module';

@Module({
  imports: [AuthModule, UsersModule],
  providers: [LiveGateway, LiveEvents, LiveSessions, BossBar],
  exports: [LiveEvents, BossBar],
})
export class LiveModule {}
