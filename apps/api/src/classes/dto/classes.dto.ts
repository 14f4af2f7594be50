import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsInt, IsISO8601, IsOptional, IsString, IsTimeZone, IsUUID, Length, Max, Min } from 'class-validator';
import type { AddInstructorRequest, CreateAssignmentRequest, CreateClassRequest, CreateInviteRequest } from '@questline/contracts';

export class CreateClassDto implements CreateClassRequest {
  @ApiProperty({ example: 'CS101 - Monday group' })
  @IsString()
  @Length(1, 120)
  name: string;

  @ApiProperty({ example: 'Europe/Paris', description: 'IANA time zone' })
  @IsTimeZone({ message: 'timeZone must be an IANA time zone such as Europe/Paris' })
  timeZone: string;
}

export class CreateInviteDto implements CreateInviteRequest {
  @ApiPropertyOptional({ example: 168, description: 'Hours until the code expires (1-720, default 168)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(720)
  expiresInHours?: number;
}

export class AddInstructorDto implements AddInstructorRequest {
  @ApiProperty({ example: 'colleague@school.test' })
  @IsEmail()
  email: string;
}

export class CreateAssignmentDto implements CreateAssignmentRequest {
  @ApiProperty()
  @IsUUID()
  courseId: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  chapterId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  exerciseId?: string;

  @ApiProperty({ example: '2026-12-01T08:00:00+01:00' })
  @IsISO8601({ strict: true })
  opensAt: string;

  @ApiProperty({ example: '2026-12-08T23:59:00+01:00' })
  @IsISO8601({ strict: true })
  dueAt: string;
}
