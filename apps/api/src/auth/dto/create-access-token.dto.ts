import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { ACCESS_TOKEN_NAME_MAX, ACCESS_TOKEN_SCOPES, type AccessTokenScope, type CreateAccessTokenRequest } from '@questline/contracts';

export class CreateAccessTokenDto implements CreateAccessTokenRequest {
  @ApiProperty({ example: 'laptop CLI', maxLength: ACCESS_TOKEN_NAME_MAX })
  @MaxLength(ACCESS_TOKEN_NAME_MAX)
  @IsNotEmpty()
  @IsString()
  name: string;

  @ApiProperty({ enum: ACCESS_TOKEN_SCOPES, isArray: true, example: ['publish', 'stats'] })
  @IsIn(ACCESS_TOKEN_SCOPES, { each: true, message: `each value in scopes must be one of: ${ACCESS_TOKEN_SCOPES.join(', ')}` })
  @ArrayUnique()
  @ArrayMaxSize(ACCESS_TOKEN_SCOPES.length)
  @ArrayNotEmpty()
  @IsArray()
  scopes: AccessTokenScope[];

  @ApiPropertyOptional({ minimum: 1, maximum: 365, description: 'Omitted: the token never expires' })
  @Max(365)
  @Min(1)
  @IsInt()
  @IsOptional()
  expiresInDays?: number;
}
