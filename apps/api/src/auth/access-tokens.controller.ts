import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { AccessTokenView, CreatedAccessToken } from '@questline/contracts';
import { UserRole } from '@questline/data';
import { AccessTokensService } from './access-tokens.service';
import type { AuthUser } from './auth-user';
import { CurrentUser } from './current-user.decorator';
import { CreateAccessTokenDto } from './dto/create-access-token.dto';
import { Roles } from './roles.decorator';

// No @TokenScopes: only a signed-in session manages tokens, so a leaked token cannot mint more.
@ApiTags('auth')
@ApiBearerAuth()
@Roles(UserRole.Instructor)
@ApiForbiddenResponse({ description: 'Not an instructor, or called with a personal access token' })
@Controller('access-tokens')
export class AccessTokensController {
  constructor(private readonly tokens: AccessTokensService) {}

  @Post()
  @ApiCreatedResponse({ description: 'The new token: `token` is shown this once and never again' })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateAccessTokenDto): Promise<CreatedAccessToken> {
    return this.tokens.create(user, dto);
  }

  @Get()
  @ApiOkResponse({ description: 'Your live tokens (without their secret)' })
  list(@CurrentUser() user: AuthUser): Promise<AccessTokenView[]> {
    return this.tokens.list(user);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Revoked: the token is refused from now on' })
  @ApiNotFoundResponse({ description: 'No such live token of yours' })
  revoke(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<void> {
    return this.tokens.revoke(user, id);
  }
}
