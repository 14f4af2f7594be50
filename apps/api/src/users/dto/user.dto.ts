import { ApiProperty } from '@nestjs/swagger';
import type { UserView } from '@questline/contracts';
import { User, UserRole } from '@questline/data';

/** The public profile. Built explicitly so no new entity column leaks by accident. */
export class UserDto implements UserView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'ada@example.com' }) email: string;
  @ApiProperty({ example: 'Ada' }) displayName: string;
  @ApiProperty({ example: 'Europe/London' }) timezone: string;
  @ApiProperty({ enum: UserRole, enumName: 'UserRole' }) role: UserRole;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;

  static from(user: User): UserDto {
    const dto = new UserDto();
    dto.id = user.id;
    dto.email = user.email;
    dto.displayName = user.displayName;
    dto.timezone = user.timezone;
    dto.role = user.role;
    dto.createdAt = user.createdAt.toISOString();
    return dto;
  }
}
