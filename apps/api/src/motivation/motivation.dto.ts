import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsInt, IsString, Length, Matches, Max, Min } from 'class-validator';
import type { CreateBossRequest, PurchaseRequest } from '@questline/contracts';

export class PurchaseDto implements PurchaseRequest {
  @ApiProperty({ example: 'spree-armor', description: 'A shop item key (GET /api/me/wallet lists them)' })
  @IsString()
  @Length(1, 40)
  item: string;

  @ApiProperty({ example: '0b6c1c2e-5d1a-4f0e-9d9b-3f1d0f7b2a11', description: 'Any unique string: the same key twice buys once' })
  @IsString()
  @Length(8, 100)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'idempotencyKey may only contain letters, digits, _ and -' })
  idempotencyKey: string;
}

export class CreateBossDto implements Omit<CreateBossRequest, 'startsAt' | 'endsAt'> {
  @ApiProperty({ example: 'The Null Pointer Hydra' })
  @IsString()
  @Length(1, 120)
  title: string;

  @ApiProperty({ example: 5000, description: 'Health pool: the XP everyone together must earn' })
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  health: number;

  @ApiProperty({ example: '2026-12-03T12:00:00Z' })
  @Type(() => Date)
  @IsDate()
  startsAt: Date;

  @ApiProperty({ example: '2026-12-04T12:00:00Z' })
  @Type(() => Date)
  @IsDate()
  endsAt: Date;
}
