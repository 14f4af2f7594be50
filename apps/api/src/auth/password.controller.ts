import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { AuthUser } from './auth-user';
import { AuthService } from './auth.service';
import { CurrentUser } from './current-user.decorator';
import { ChangePasswordDto } from './dto/change-password.dto';

// Not @Public (unlike AuthController): a signed-in user changes their own password. Rate limited like
// sign-in, since it verifies a password. Open sockets end within LIVE_REVALIDATE_MS (docs/hardening.md).
@ApiTags('auth')
@ApiBearerAuth()
@UseGuards(ThrottlerGuard)
@Controller('auth')
export class PasswordController {
  constructor(private readonly auth: AuthService) {}

  @Post('password')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Password changed' })
  @ApiBadRequestResponse({ description: 'Invalid body, or WEAK_PASSWORD with the reason' })
  @ApiUnauthorizedResponse({ description: 'Not signed in, or the current password is wrong' })
  @ApiTooManyRequestsResponse({ description: 'Rate limit (AUTH_RATE_LIMIT per minute per IP) exceeded' })
  async change(@CurrentUser() user: AuthUser, @Body() dto: ChangePasswordDto): Promise<void> {
    await this.auth.changePassword(user, dto);
  }
}
