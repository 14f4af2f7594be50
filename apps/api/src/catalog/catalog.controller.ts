import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthUser } from '../auth';
import type { CourseDetail, CourseSummary } from '@questline/contracts';
import { CatalogService } from './catalog.service';

@ApiTags('catalog')
@ApiBearerAuth()
@Controller('courses')
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  @Get()
  @ApiOkResponse({ description: "Every course with the caller's solved count" })
  list(@CurrentUser() user: AuthUser): Promise<CourseSummary[]> {
    return this.catalog.listCourses(user.id);
  }

  @Get(':slug')
  @ApiOkResponse({ description: 'A course with chapters, exercises and their status for the caller' })
  @ApiNotFoundResponse({ description: 'Unknown course' })
  get(@CurrentUser() user: AuthUser, @Param('slug') slug: string): Promise<CourseDetail> {
    return this.catalog.getCourse(user.id, slug);
  }
}
