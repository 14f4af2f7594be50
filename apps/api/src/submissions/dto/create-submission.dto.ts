import { ApiProperty } from '@nestjs/swagger';
import { IsString } from 'class-validator';

export class CreateSubmissionDto {
  @ApiProperty({ description: 'The solution file (UTF-8, at most 64 KB).', example: 'export function answer() { return 42; }' })
  @IsString()
  code: string;
}
