import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { UserRole } from '@questline/data';
import { Roles } from '../auth/roles.decorator';

/** A probe for the role guard (and for operators checking their own token). */
@ApiTags('admin')
@ApiBearerAuth()
@Roles(UserRole.Admin)
@Controller('admin')
export class AdminController {
  @Get('ping')
  @ApiOkResponse({ schema: { example: { pong: true } } })
  @ApiForbiddenResponse({ description: 'Not an admin' })
  ping(): { pong: true } {
    return { pong: true };
  }
}
