import { Injectable } from '@nestjs/common';
import argon2 from 'argon2';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { UserDto } from '../users/dto/user.dto';
import { UsersService } from '../users/users.service';
import { AuthResponseDto } from './dto/auth-response.dto';
import type { AuthUser } from './auth-user';
import type { ChangePasswordDto } from './dto/change-password.dto';
import { LoginDto } from './dto/login.dto';
import { RegisterDto } from './dto/register.dto';
import { passwordWeakness } from './password-policy';
import { TokenService } from './token.service';

// Same message for unknown email and wrong password, so login does not reveal who has an account.
const BAD_CREDENTIALS = 'Invalid email or password';

@Injectable()
export class AuthService {
  // Verified against when the email is unknown, so both failures take about as long.
  private readonly dummyHash = argon2.hash('questline-timing-equalizer');

  constructor(
    private readonly users: UsersService,
    private readonly tokens: TokenService,
  ) {}

  async register(dto: RegisterDto): Promise<AuthResponseDto> {
    refuseWeak(dto.password, [dto.email, dto.displayName]);
    const user = await this.users.create({
      email: dto.email,
      passwordHash: await argon2.hash(dto.password),
      displayName: dto.displayName,
      timezone: dto.timezone ?? 'UTC',
    });
    return { accessToken: await this.tokens.sign(user), user: UserDto.from(user) };
  }

  async login(dto: LoginDto): Promise<AuthResponseDto> {
    const found = await this.users.findByEmailWithPassword(dto.email);
    const ok = found
      ? await argon2.verify(found.passwordHash, dto.password)
      : await argon2.verify(await this.dummyHash, dto.password).then(() => false);
    if (!found || !ok) throw new DomainError(ErrorCode.InvalidCredentials, BAD_CREDENTIALS);
    return { accessToken: await this.tokens.sign(found), user: UserDto.from(found) };
  }

  async changePassword(user: AuthUser, dto: ChangePasswordDto): Promise<void> {
    const found = await this.users.findByEmailWithPassword(user.email);
    if (!found || !(await argon2.verify(found.passwordHash, dto.currentPassword))) {
      throw new DomainError(ErrorCode.InvalidCredentials, 'Current password is wrong');
    }
    refuseWeak(dto.newPassword, [user.email, user.displayName]);
    await this.users.setPasswordHash(user.id, await argon2.hash(dto.newPassword));
  }
}

function refuseWeak(password: string, userInputs: string[]): void {
  const weakness = passwordWeakness(password, userInputs);
  if (weakness) throw new DomainError(ErrorCode.WeakPassword, weakness);
}
