import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class LoginDto {
  // Not checked as an email: any unknown address just fails login with the generic 401.
  @ApiProperty({ example: 'ada@example.com' })
  @MaxLength(254)
  @IsNotEmpty()
  @IsString()
  email: string;

  @ApiProperty({ example: 'correct horse battery' })
  @MaxLength(200)
  @IsNotEmpty()
  @IsString()
  password: string;
}
