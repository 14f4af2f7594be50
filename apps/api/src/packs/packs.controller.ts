import { Body, Controller, Get, HttpCode, Param, Post, Put, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiAcceptedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { UserRole } from '@questline/data';
import { CurrentUser, Roles, TokenScopes, type AuthUser } from '../auth';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { ARCHIVE_LIMITS } from './pack-archive';
import type { PackCheckView, PackMistakes, PackStats, PackSummary, PublishedPack } from '@questline/contracts';
import { PackStatsService } from './pack-stats.service';
import { PackMistakesService } from './pack-mistakes.service';
import { PacksService } from './packs.service';

/** The part of multer's file we use (typed here so the api needs no @types/multer). */
interface UploadedPackFile {
  buffer: Buffer;
  size: number;
}

@ApiTags('packs')
@ApiBearerAuth()
@Roles(UserRole.Instructor)
@Controller('packs')
export class PacksController {
  constructor(
    private readonly packs: PacksService,
    private readonly stats: PackStatsService,
    private readonly mistakes: PackMistakesService,
  ) {}

  @Post()
  @TokenScopes('publish')
  // Guards run before this interceptor, so a learner is refused before the upload is read.
  @UseInterceptors(FileInterceptor('pack', { limits: { fileSize: ARCHIVE_LIMITS.uploadBytes, files: 1, fields: 5 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['pack'],
      properties: { pack: { type: 'string', format: 'binary', description: '.tar.gz of the pack folder' } },
    },
  })
  @ApiCreatedResponse({
    description: 'The publish check finished within PACK_PUBLISH_WAIT_MS and the pack is published',
    schema: { example: { slug: 'my-pack', version: '1.1.0', exerciseCount: 12 } },
  })
  @ApiAcceptedResponse({ description: 'The publish check is queued or running: follow it at GET /api/packs/checks/:id' })
  @ApiForbiddenResponse({ description: 'Not an instructor, or the slug belongs to someone else / a built-in pack' })
  @ApiConflictResponse({ description: 'This version (or a higher one) is already published, or a check of yours is pending' })
  @ApiUnprocessableEntityResponse({ description: 'Invalid pack; `report` lists every problem' })
  async publish(
    @CurrentUser() user: AuthUser,
    @UploadedFile() file: UploadedPackFile | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PublishedPack | PackCheckView> {
    if (!file?.buffer) throw new DomainError(ErrorCode.InvalidInput, 'Upload the pack as a .tar.gz in the multipart field "pack"');
    const answer = await this.packs.publish(user, file.buffer);
    res.status(answer.status);
    return answer.body;
  }

  @Get('checks/:id')
  @TokenScopes('publish')
  @ApiOkResponse({ description: 'A publish check: status, progress, and its report or result once finished (owner or admin)' })
  @ApiNotFoundResponse({ description: 'No such check of yours' })
  check(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<PackCheckView> {
    return this.packs.check(user, id);
  }

  @Post('checks/:id/cancel')
  @TokenScopes('publish')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Cancelled: the worker stops grading at once and the pack is not published' })
  @ApiConflictResponse({ description: 'The check has already finished' })
  cancel(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<PackCheckView> {
    return this.packs.cancel(user, id);
  }

  @Get('mine')
  @TokenScopes('publish', 'stats')
  @ApiOkResponse({ schema: { example: [{ slug: 'my-pack', title: 'My pack', version: '1.1.0' }] } })
  mine(@CurrentUser() user: AuthUser): Promise<PackSummary[]> {
    return this.packs.mine(user);
  }

  @Get(':slug/stats')
  @TokenScopes('stats')
  @ApiOkResponse({ description: 'Per-exercise analytics (owner or admin)' })
  @ApiForbiddenResponse({ description: "Not the pack's owner" })
  packStats(@CurrentUser() user: AuthUser, @Param('slug') slug: string): Promise<PackStats> {
    return this.stats.stats(user, slug);
  }

  @Get(':slug/mistakes')
  @TokenScopes('stats')
  @ApiOkResponse({ description: 'Common mistakes: failing Submits grouped per exercise (owner or admin)' })
  @ApiForbiddenResponse({ description: "Not the pack's owner" })
  packMistakes(@CurrentUser() user: AuthUser, @Param('slug') slug: string): Promise<PackMistakes> {
    return this.mistakes.list(user, slug);
  }

  @Put(':slug/mistakes/:exercise/:signature/note')
  @HttpCode(204)
  @ApiForbiddenResponse({ description: "Not the pack's owner" })
  async mistakeNote(
    @CurrentUser() user: AuthUser,
    @Param('slug') slug: string,
    @Param('exercise') exercise: string,
    @Param('signature') signature: string,
    @Body() body: unknown,
  ): Promise<void> {
    await this.mistakes.saveNote(user, slug, exercise, signature, body);
  }
}
