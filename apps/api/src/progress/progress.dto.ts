import { ApiProperty } from '@nestjs/swagger';
import type { EarnedAchievement, LearnerProgress } from '@questline/contracts';

// The OpenAPI description of the contract's LearnerProgress; `implements` keeps the two in step.
type StreakOfProgress = LearnerProgress['streak'];
type SpreeOfProgress = LearnerProgress['spree'];

export class StreakDto implements StreakOfProgress {
  @ApiProperty({ description: 'Days in the current streak, as it stands today (0 once it is lost)' }) current: number;
  @ApiProperty() longest: number;
  @ApiProperty({ description: 'Freezes available (those reserved for days already missed are not counted)' }) freezes: number;
  @ApiProperty({ description: 'The streak ends unless the learner solves an exercise today' }) atRisk: boolean;
  @ApiProperty() solvedToday: boolean;
}

export class SpreeDto implements SpreeOfProgress {
  @ApiProperty({ description: 'Passing Submits in a row' }) current: number;
  @ApiProperty() best: number;
}

export class AchievementDto implements EarnedAchievement {
  @ApiProperty({ example: 'first-solve' }) id: string;
  @ApiProperty({ example: 'Hello, World' }) title: string;
  @ApiProperty() description: string;
  @ApiProperty({ example: '🎉' }) icon: string;
  @ApiProperty({ type: String, format: 'date-time' }) unlockedAt: string;
}

/** GET /api/me/progress; also the payload of the `LIVE_EVENTS.progressUpdated` socket event. */
export class ProgressDto implements LearnerProgress {
  @ApiProperty({ description: 'All-time XP' }) xp: number;
  @ApiProperty() level: number;
  @ApiProperty({ example: 'Apprentice' }) levelTitle: string;
  @ApiProperty({ description: 'XP earned inside the current level' }) xpIntoLevel: number;
  @ApiProperty({ description: 'Size of the current level step' }) xpForNextLevel: number;
  @ApiProperty({ type: StreakDto }) streak: StreakDto;
  @ApiProperty({ type: SpreeDto }) spree: SpreeDto;
  @ApiProperty({ description: 'Exercises solved' }) solvedCount: number;
  @ApiProperty({ type: [AchievementDto], description: 'Unlocked achievements, oldest first' }) achievements: AchievementDto[];
}
