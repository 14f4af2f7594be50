import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { QueryFailedError, Repository } from 'typeorm';
import { User, UserRole, normalizeEmail } from '@questline/data';
import { DomainError, ErrorCode } from '../common/errors/domain-error';

export interface NewUser {
  email: string;
  passwordHash: string;
  displayName: string;
  timezone: string;
}

@Injectable()
export class UsersService {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  async create(input: NewUser): Promise<User> {
    try {
      const saved = await this.users.save(this.users.create({ ...input, email: normalizeEmail(input.email), role: UserRole.Learner }));
      return this.getById(saved.id);
    } catch (error) {
      // 23505 unique_violation on lower(email): a concurrent or earlier registration.
      if (isUniqueViolation(error)) {
        throw new DomainError(ErrorCode.EmailTaken, 'An account with this email already exists');
      }
      throw error;
    }
  }

  findById(id: string): Promise<User | null> {
    return this.users.findOneBy({ id });
  }

  async getById(id: string): Promise<User> {
    const user = await this.findById(id);
    if (!user) throw new DomainError(ErrorCode.NotFound, 'User not found');
    return user;
  }

  /**
   * What a live socket's right to stay open rests on, per user: role and password (as a digest of the
   * hash, never the hash itself). A user missing from the map was deleted. One query for any number of users.
   */
  async sessionStates(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.users
      .createQueryBuilder('u')
      .select(['u.id', 'u.role'])
      .addSelect('u.passwordHash')
      .where('u.id IN (:...ids)', { ids })
      .getMany();
    return new Map(rows.map((u) => [u.id, `${u.role}:${createHash('sha256').update(u.passwordHash).digest('hex')}`]));
  }

  async setPasswordHash(id: string, passwordHash: string): Promise<void> {
    await this.users.update({ id }, { passwordHash });
  }

  /** Includes passwordHash (not selected by default). */
  findByEmailWithPassword(email: string): Promise<User | null> {
    return this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email: normalizeEmail(email) })
      .getOne();
  }
}

function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError: unknown = error.driverError;
  return typeof driverError === 'object' && driverError !== null && 'code' in driverError && driverError.code === '23505';
}
