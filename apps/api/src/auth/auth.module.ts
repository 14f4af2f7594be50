import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule, type ThrottlerStorage } from '@nestjs/throttler';
import { APP_CONFIG, type AppConfig } from '@questline/config';
import { UsersModule } from '../users/users.module';
import { AccessTokensController } from './access-tokens.controller';
import { AccessTokensService } from './access-tokens.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { JwtAuthGuard } from './jwt-auth.guard';
import { PasswordController } from './password.controller';
import { RATE_LIMIT_STORAGE, RateLimitStorageModule } from './rate-limit-storage';
import { RolesGuard } from './roles.guard';
import { TokenService } from './token.service';

@Module({
  imports: [
    UsersModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: config.jwt.secret,
        signOptions: { algorithm: 'HS256', expiresIn: config.jwt.ttlSeconds },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
    // Only AuthController and PasswordController use ThrottlerGuard, so this limit applies to /api/auth/* alone.
    // Counters in Redis when it is configured, shared by every api process (rate-limit-storage.ts).
    ThrottlerModule.forRootAsync({
      imports: [RateLimitStorageModule],
      inject: [APP_CONFIG, RATE_LIMIT_STORAGE],
      useFactory: (config: AppConfig, storage: ThrottlerStorage) => ({
        // Named 'default' so responses carry the standard Retry-After / X-RateLimit-* headers.
        throttlers: [{ name: 'default', ttl: 60_000, limit: config.authRateLimit }],
        storage,
      }),
    }),
  ],
  controllers: [AuthController, PasswordController, AccessTokensController],
  providers: [
    AuthService,
    TokenService,
    AccessTokensService,
    // Order matters: authenticate first, then check roles.
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
  exports: [TokenService, AuthService],
})
export class AuthModule {}
