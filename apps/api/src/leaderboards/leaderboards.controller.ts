import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { UserRole } from '@questline/data';
import { CurrentUser, Roles, type AuthUser } from '../auth';
import { LeaderboardDto, LeaderboardQueryDto, toPeriod } from './leaderboards.dto';
import { LeaderboardsService } from './leaderboards.service';

export class RebuildLeaderboardsDto {
  @ApiPropertyOptional({ description: 'Course slug or id; omit to rebuild the global boards and every course' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  course?: string;
}

export class RebuildResultDto {
  @ApiProperty({ description: 'Boards reloaded from PostgreSQL' }) boards: number;
}

@ApiTags('leaderboards')
@ApiBearerAuth()
@Controller('leaderboards')
export class LeaderboardsController {
  constructor(private readonly leaderboards: LeaderboardsService) {}

  @Get()
  @ApiOkResponse({ type: LeaderboardDto, description: "The top of the board and the caller's own entry" })
  @ApiNotFoundResponse({ description: 'No such course' })
  get(@CurrentUser() user: AuthUser, @Query() query: LeaderboardQueryDto): Promise<LeaderboardDto> {
    return this.leaderboards.board(toPeriod(query.period), query.course, user.id, query.limit);
  }

  /** Operators: reload the current period's boards from PostgreSQL (the source of truth). */
  @Post('rebuild')
  @HttpCode(200)
  @Roles(UserRole.Admin)
  @ApiOkResponse({ type: RebuildResultDto })
  @ApiForbiddenResponse({ description: 'Admins only' })
  async rebuild(@Body() body: RebuildLeaderboardsDto): Promise<RebuildResultDto> {
    return { boards: await this.leaderboards.rebuild(new Date(), body.course) };
  }
}
