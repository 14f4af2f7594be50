import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthUser } from '../auth';
import type { ExerciseView, HintRevealView, SolutionRevealView } from '@questline/contracts';
import { ExercisesService } from './exercises.service';

@ApiTags('exercises')
@ApiBearerAuth()
@Controller('exercises')
export class ExercisesController {
  constructor(private readonly exercises: ExercisesService) {}

  @Get(':id')
  @ApiOkResponse({ description: 'The exercise as the learner sees it (no hidden tests, no solution)' })
  @ApiNotFoundResponse({ description: 'Unknown or removed exercise' })
  get(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<ExerciseView> {
    return this.exercises.view(user.id, id);
  }

  @Post(':id/hints')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The next hint and what it cost' })
  @ApiConflictResponse({ description: 'No hints left' })
  @ApiForbiddenResponse({ description: 'Exercise is locked' })
  revealHint(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<HintRevealView> {
    return this.exercises.revealHint(user.id, id);
  }

  @Post(':id/solution')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The reference solution and the XP it forfeited' })
  @ApiForbiddenResponse({ description: 'Exercise is locked' })
  revealSolution(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<SolutionRevealView> {
    return this.exercises.revealSolution(user.id, id);
  }
}
