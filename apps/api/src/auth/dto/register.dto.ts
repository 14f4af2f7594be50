import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsNotEmpty, IsOptional, IsString, IsTimeZone, MaxLength, MinLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class RegisterDto {
  @ApiProperty({ example: 'ada@example.com', maxLength: 254 })
  // Decorators run bottom-up and stop at the first error: the type check sits nearest the field.
  @Transform(trim)
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be a valid email address' })
  @IsString()
  email: string;

  // The upper bound keeps argon2 hashing cheap for hostile input.
  @ApiProperty({ example: 'correct horse battery', minLength: 8, maxLength: 200 })
  @MaxLength(200)
  @MinLength(8)
  @IsString()
  password: string;

  @ApiProperty({ example: 'Ada', minLength: 1, maxLength: 80 })
  @Transform(trim)
  @MaxLength(80)
  @IsNotEmpty()
  @IsString()
  displayName: string;

  @ApiPropertyOptional({ example: 'Europe/London', default: 'UTC', description: 'IANA time zone' })
  @IsTimeZone({ message: 'timezone must be a valid IANA time zone such as Europe/London' })
  @IsString()
  @IsOptional()
  timezone?: string;
}
