import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { BossView, BossUpdatedEvent, LeagueView, QuestView, WalletView } from '@questline/contracts';
import {
  createBossEvent,
  currentBoss,
  ensureQuests,
  leagueView,
  purchase,
  questPeriods,
  questViews,
  settleEndedBosses,
  wallet,
} from '@questline/data';
import { DomainError, ErrorCode } from '../common/errors/domain-error';

/** Reads and actions of quests, gems, the shop, boss battles and leagues (the rules: libs/gamification). */
@Injectable()
export class MotivationService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async quests(userId: string, now = new Date()): Promise<QuestView[]> {
    return this.dataSource.transaction(async (manager) => {
      const [user]: Array<{ timezone: string | null }> = await manager.query(`SELECT "timezone" FROM "users" WHERE "id" = $1`, [userId]);
      const periods = questPeriods(now, user?.timezone);
      return questViews(await ensureQuests(manager, userId, periods), periods);
    });
  }

  async wallet(userId: string): Promise<WalletView> {
    // Ended boss events pay out on the next look at a wallet or the boss (idempotent, see settleEndedBosses).
    await this.dataSource.transaction((manager) => settleEndedBosses(manager, new Date()));
    return wallet(this.dataSource.manager, userId);
  }

  async buy(userId: string, item: string, idempotencyKey: string): Promise<WalletView> {
    const result = await this.dataSource.transaction((manager) => purchase(manager, userId, item, `${item}:${idempotencyKey}`));
    if (!result.ok) {
      switch (result.reason) {
        case 'unknown-item':
          throw new DomainError(ErrorCode.InvalidInput, `No such shop item: ${item}`);
        case 'not-enough-gems':
          throw new DomainError(ErrorCode.Conflict, 'Not enough gems for this item');
        case 'holding-maximum':
          throw new DomainError(ErrorCode.Conflict, 'You already hold as many of this item as you can');
      }
    }
    return wallet(this.dataSource.manager, userId);
  }

  async boss(userId: string): Promise<BossView | null> {
    const now = new Date();
    await this.dataSource.transaction((manager) => settleEndedBosses(manager, now));
    return currentBoss(this.dataSource.manager, userId, now);
  }

  async createBoss(adminId: string, input: { title: string; health: number; startsAt: Date; endsAt: Date }): Promise<BossUpdatedEvent> {
    if (input.endsAt.getTime() <= input.startsAt.getTime()) throw new DomainError(ErrorCode.InvalidInput, 'endsAt must be after startsAt');
    if (input.endsAt.getTime() <= Date.now()) throw new DomainError(ErrorCode.InvalidInput, 'endsAt must be in the future');
    return createBossEvent(this.dataSource.manager, { ...input, createdBy: adminId });
  }

  league(userId: string): Promise<LeagueView> {
    return this.dataSource.transaction((manager) => leagueView(manager, userId, new Date()));
  }
}
