import { SetMetadata } from '@nestjs/common';
import { type UserRole } from '@questline/data';

export const ROLES = 'questline:roles';

/** Restrict a route or controller to these roles. Admins pass every role check. */
export const Roles = (...roles: UserRole[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES, roles);
