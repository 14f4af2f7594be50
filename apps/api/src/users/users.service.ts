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
