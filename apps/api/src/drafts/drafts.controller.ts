import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiPayloadTooLargeResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Draft, Workspace } from '@questline/contracts';
import { CurrentUser, type AuthUser } from '../auth';
import { DraftsService } from './drafts.service';
import { SaveDraftDto } from './dto/save-draft.dto';

@ApiTags('drafts')
@ApiBearerAuth()
@Controller('exercises/:id')
export class DraftsController {
  constructor(private readonly drafts: DraftsService) {}

  @Get('workspace')
  @ApiOkResponse({ description: "The caller's draft of the exercise and last passing Submit's code: {draft, lastPassing}" })
  workspace(@CurrentUser() user: AuthUser, @Param('id') exerciseId: string): Promise<Workspace> {
    return this.drafts.workspace(user.id, exerciseId);
  }

  @Put('draft')
  @ApiOkResponse({ description: 'Saved (the newest save wins); the learner\'s other tabs get a "draft.updated" event' })
  @ApiNotFoundResponse({ description: 'Unknown exercise' })
  @ApiForbiddenResponse({ description: 'Exercise is locked' })
  @ApiPayloadTooLargeResponse({ description: 'Code over 64 KB' })
  save(@CurrentUser() user: AuthUser, @Param('id') exerciseId: string, @Body() body: SaveDraftDto): Promise<Draft> {
    return this.drafts.save(user.id, exerciseId, body.code, body.tabId ?? null);
  }
}
