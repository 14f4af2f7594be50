import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { CurrentUser, type AuthUser } from '../auth';
import { ProgressDto } from './progress.dto';
import { ProgressService } from './progress.service';

@ApiTags('progress')
@ApiBearerAuth()
@Controller('me')
export class ProgressController {
  constructor(private readonly progress: ProgressService) {}

  @Get('progress')
  @ApiOkResponse({ type: ProgressDto, description: 'XP, level, streak, spree, solved count and achievements of the signed-in learner' })
  @ApiUnauthorizedResponse({ description: 'Missing, invalid or expired token' })
  get(@CurrentUser() user: AuthUser): Promise<ProgressDto> {
    return this.progress.progressOf(user.id);
  }
}
