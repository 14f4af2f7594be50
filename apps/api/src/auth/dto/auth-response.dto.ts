import { ApiProperty } from '@nestjs/swagger';
import { UserDto } from '../../users/dto/user.dto';

export class AuthResponseDto {
  @ApiProperty({ description: 'JWT; send as `Authorization: Bearer <token>` and as socket.io `auth.token`' })
  accessToken: string;

  @ApiProperty({ type: UserDto })
  user: UserDto;
}
