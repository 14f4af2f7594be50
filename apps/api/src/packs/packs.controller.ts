import { Controller, Get, Param, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { UserRole } from '@questline/data';
import { CurrentUser, Roles, type AuthUser } from '../auth';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { ARCHIVE_LIMITS } from './pack-archive';
import type { PackStats, PackSummary, PublishedPack } from '@questline/contracts';
import { PackStatsService } from './pack-stats.service';
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
  ) {}

  @Post()
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
  @ApiCreatedResponse({ schema: { example: { slug: 'my-pack', version: '1.1.0', exerciseCount: 12 } } })
  @ApiForbiddenResponse({ description: 'Not an instructor, or the slug belongs to someone else / a built-in pack' })
  @ApiConflictResponse({ description: 'This version (or a higher one) is already published' })
  @ApiUnprocessableEntityResponse({ description: 'Invalid pack; `report` lists every problem' })
  publish(@CurrentUser() user: AuthUser, @UploadedFile() file: UploadedPackFile | undefined): Promise<PublishedPack> {
    if (!file?.buffer) throw new DomainError(ErrorCode.InvalidInput, 'Upload the pack as a .tar.gz in the multipart field "pack"');
    return this.packs.publish(user, file.buffer);
  }

  @Get('mine')
  @ApiOkResponse({ schema: { example: [{ slug: 'my-pack', title: 'My pack', version: '1.1.0' }] } })
  mine(@CurrentUser() user: AuthUser): Promise<PackSummary[]> {
    return this.packs.mine(user);
  }

  @Get(':slug/stats')
  @ApiOkResponse({ description: 'Per-exercise analytics (owner or admin)' })
  @ApiForbiddenResponse({ description: "Not the pack's owner" })
  packStats(@CurrentUser() user: AuthUser, @Param('slug') slug: string): Promise<PackStats> {
    return this.stats.stats(user, slug);
  }
}
