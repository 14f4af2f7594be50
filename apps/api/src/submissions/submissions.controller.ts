import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiPayloadTooLargeResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { CurrentUser, type AuthUser } from '../auth';
import { CreateSubmissionDto } from './dto/create-submission.dto';
import { PageQueryDto } from './dto/page-query.dto';
import type { Page, SubmissionAccepted, SubmissionView } from '@questline/contracts';
import { SubmissionsService } from './submissions.service';

const DEFAULT_PAGE_SIZE = 20;

@ApiTags('submissions')
@ApiBearerAuth()
@Controller()
export class SubmissionsController {
  constructor(private readonly submissions: SubmissionsService) {}

  @Post('exercises/:id/submissions')
  @HttpCode(202)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeat a POST safely: the same key returns the same submission' })
  @ApiAcceptedResponse({
    description: 'Queued for grading against visible and hidden tests; counts for XP',
    schema: { example: { id: 'uuid', status: 'queued', kind: 'submit' } },
  })
  @ApiNotFoundResponse({ description: 'Unknown exercise' })
  @ApiForbiddenResponse({ description: 'Exercise is locked' })
  @ApiPayloadTooLargeResponse({ description: 'Code over 64 KB' })
  @ApiTooManyRequestsResponse({ description: 'Too many gradings pending for this learner (MAX_PENDING_GRADINGS)' })
  @ApiServiceUnavailableResponse({ description: 'The grading queue is unreachable; nothing was stored' })
  submit(
    @CurrentUser() user: AuthUser,
    @Param('id') exerciseId: string,
    @Body() body: CreateSubmissionDto,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<SubmissionAccepted> {
    return this.submissions.create(user.id, exerciseId, 'submit', body.code, idempotencyKey);
  }

  @Post('exercises/:id/runs')
  @HttpCode(202)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiAcceptedResponse({ description: 'Queued for grading against the visible tests only; never affects XP or statistics' })
  run(
    @CurrentUser() user: AuthUser,
    @Param('id') exerciseId: string,
    @Body() body: CreateSubmissionDto,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<SubmissionAccepted> {
    return this.submissions.create(user.id, exerciseId, 'run', body.code, idempotencyKey);
  }

  @Get('exercises/:id/submissions')
  @ApiOkResponse({ description: "The caller's own Runs and Submits for the exercise, newest first: {items, page, total}" })
  listForExercise(
    @CurrentUser() user: AuthUser,
    @Param('id') exerciseId: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<SubmissionView>> {
    return this.submissions.listForExercise(user.id, exerciseId, query.page ?? 1, query.pageSize ?? DEFAULT_PAGE_SIZE);
  }

  @Get('me/submissions')
  @ApiOkResponse({ description: "The caller's recent Runs and Submits across exercises (with exerciseTitle), newest first" })
  listMine(@CurrentUser() user: AuthUser, @Query() query: PageQueryDto): Promise<Page<SubmissionView>> {
    return this.submissions.listMine(user.id, query.page ?? 1, query.pageSize ?? DEFAULT_PAGE_SIZE);
  }

  @Get('submissions/:id')
  @ApiOkResponse({ description: 'Current state (queued, running, completed) and, once completed, the masked result' })
  @ApiNotFoundResponse({ description: 'Unknown, or not yours' })
  get(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<SubmissionView> {
    return this.submissions.get(user.id, id);
  }
}
