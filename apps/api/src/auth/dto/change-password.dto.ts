import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength, MinLength } from 'class-validator';

export class ChangePasswordDto {
  @ApiProperty({ example: 'correct horse battery' })
  @MaxLength(200)
  @IsNotEmpty()
  @IsString()
  currentPassword: string;

  // Same bounds as registration; strength is checked after these (see password-policy.ts).
  @ApiProperty({ example: 'tangerine lighthouse quietly', minLength: 8, maxLength: 200 })
  @MaxLength(200)
  @MinLength(8)
  @IsString()
  newPassword: string;
}
