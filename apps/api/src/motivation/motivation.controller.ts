import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { BossUpdatedEvent, BossView, LeagueView, QuestView, WalletView } from '@questline/contracts';
import { UserRole } from '@questline/data';
import { CurrentUser, type AuthUser } from '../auth';
import { Roles } from '../auth/roles.decorator';
import { BossBar } from '../live/boss-bar';
import { CreateBossDto, PurchaseDto } from './motivation.dto';
import { MotivationService } from './motivation.service';

@ApiTags('motivation')
@ApiBearerAuth()
@Controller()
export class MotivationController {
  constructor(
    private readonly motivation: MotivationService,
    private readonly bossBar: BossBar,
  ) {}

  @Get('me/quests')
  @ApiOkResponse({ description: "Today's three quests and this week's quest, with progress (created on first look)" })
  quests(@CurrentUser() user: AuthUser): Promise<QuestView[]> {
    return this.motivation.quests(user.id);
  }

  @Get('me/wallet')
  @ApiOkResponse({ description: 'Gem balance, shop items with what you hold, recent gem changes' })
  wallet(@CurrentUser() user: AuthUser): Promise<WalletView> {
    return this.motivation.wallet(user.id);
  }

  @Post('me/shop/purchases')
  @HttpCode(201)
  @ApiCreatedResponse({ description: 'Bought (or already bought with this idempotency key); the wallet after it' })
  @ApiConflictResponse({ description: 'Not enough gems, or holding the maximum' })
  buy(@CurrentUser() user: AuthUser, @Body() body: PurchaseDto): Promise<WalletView> {
    return this.motivation.buy(user.id, body.item, body.idempotencyKey);
  }

  @Get('boss')
  @ApiOkResponse({ description: 'The running (or just ended) community boss with your contribution, or null' })
  boss(@CurrentUser() user: AuthUser): Promise<BossView | null> {
    return this.motivation.boss(user.id);
  }

  @Post('admin/boss')
  @Roles(UserRole.Admin)
  @ApiCreatedResponse({ description: 'A community boss event' })
  @ApiForbiddenResponse({ description: 'Not an admin' })
  async createBoss(@CurrentUser() user: AuthUser, @Body() body: CreateBossDto): Promise<BossUpdatedEvent> {
    const boss = await this.motivation.createBoss(user.id, body);
    this.bossBar.offer(boss);
    return boss;
  }

  @Get('me/league')
  @ApiOkResponse({ description: "This week's league table (or null standings before your first XP this week) and last week's result" })
  league(@CurrentUser() user: AuthUser): Promise<LeagueView> {
    return this.motivation.league(user.id);
  }
}
