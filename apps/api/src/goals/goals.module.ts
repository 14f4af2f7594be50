import { Module } from '@nestjs/common';
import { GoalsController } from './goals.controller';

/** GET /api/me/goals: achievements with progress, next level and title. */
@Module({ controllers: [GoalsController] })
export class GoalsModule {}
