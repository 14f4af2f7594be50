import { ApiProperty } from '@nestjs/swagger';
import type { AuthResponse } from '@questline/contracts';
import { UserDto } from '../../users/dto/user.dto';

export class AuthResponseDto implements AuthResponse {
  @ApiProperty({ description: 'JWT; send as `Authorization: Bearer <token>` and as socket.io `auth.token`' })
  accessToken: string;

  @ApiProperty({ type: UserDto })
  user: UserDto;
}
