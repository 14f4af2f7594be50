import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';
import type { SaveDraftRequest } from '@questline/contracts';

export class SaveDraftDto implements SaveDraftRequest {
  @ApiProperty({ description: 'The code in the editor (UTF-8, at most 64 KB).', example: 'export function answer() {}' })
  @IsString()
  code: string;

  @ApiPropertyOptional({ description: 'A random id of the browser tab, echoed in the draft.updated event', example: 'k3x9a0' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'tabId must be 1 to 64 letters, digits, - or _' })
  tabId?: string;
}
