import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import {
  LEADERBOARD_PERIOD_NAMES,
  LEADERBOARD_PERIODS,
  type Leaderboard,
  type LeaderboardCourse,
  type LeaderboardEntry,
  type LeaderboardPeriod,
  type LeaderboardPeriodName,
} from '@questline/contracts';

/** `all` is accepted as a short name for `all-time`. */
export const PERIOD_NAMES = LEADERBOARD_PERIOD_NAMES;
export type PeriodName = LeaderboardPeriodName;

export function toPeriod(name: PeriodName): LeaderboardPeriod {
  return name === 'all' ? 'all-time' : name;
}

export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 100;

export class LeaderboardQueryDto {
  @ApiProperty({ enum: PERIOD_NAMES, description: 'Board period (UTC day, ISO week, or all time)' })
  @IsIn(PERIOD_NAMES)
  period: PeriodName;

  @ApiPropertyOptional({ description: 'Course slug or id; omit for the global board' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(/^[A-Za-z0-9._-]+$/, { message: 'course must be a course slug or id' })
  course?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_LIMIT)
  limit?: number;
}

export class LeaderboardEntryDto implements LeaderboardEntry {
  @ApiProperty({ description: '1-based; ties are broken by who reached the XP first' }) rank: number;
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ description: 'XP earned on this board (in this period / course)' }) xp: number;
  @ApiProperty({ type: String, format: 'date-time', description: 'When the learner reached this XP (to the second)' }) reachedAt: string;
  @ApiProperty({ description: 'This entry is the caller' }) isMe: boolean;
}

export class LeaderboardCourseDto implements LeaderboardCourse {
  @ApiProperty() slug: string;
  @ApiProperty() title: string;
}

export class LeaderboardDto implements Leaderboard {
  @ApiProperty({ enum: LEADERBOARD_PERIODS }) period: LeaderboardPeriod;
  @ApiProperty({ example: '2026-W47', description: "'YYYY-MM-DD', 'YYYY-Www' or 'all'" }) periodKey: string;
  @ApiProperty({ type: LeaderboardCourseDto, nullable: true }) course: LeaderboardCourseDto | null;
  @ApiProperty({ type: [LeaderboardEntryDto], description: 'The top of the board' }) entries: LeaderboardEntryDto[];
  @ApiProperty({
    type: LeaderboardEntryDto,
    nullable: true,
    description: "The caller's own entry (even outside the top); null without XP on this board",
  })
  me: LeaderboardEntryDto | null;
  @ApiProperty({ description: 'Learners on the board' }) total: number;
}
