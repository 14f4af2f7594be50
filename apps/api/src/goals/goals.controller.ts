import { Controller, Get } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import type { Goals } from '@questline/contracts';
import { loadGoalCounters } from '@questline/data';
import { buildGoals } from '@questline/gamification';
import { CurrentUser, type AuthUser } from '../auth';

/** What the learner can aim for: read-only, computed per request from the progress row. */
@ApiTags('progress')
@ApiBearerAuth()
@Controller('me/goals')
export class GoalsController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @ApiOkResponse({ description: 'Every achievement with progress toward it (e.g. streak 3/7 days), the next level and the next title' })
  async goals(@CurrentUser() user: AuthUser): Promise<Goals> {
    const { counters, unlockedAt } = await loadGoalCounters(this.dataSource.manager, user.id, new Date());
    return buildGoals(counters, unlockedAt);
  }
}
