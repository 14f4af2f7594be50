// Quests, gems, the shop, boss battles and weekly leagues, as the api answers and the live events carry them.

export type QuestPeriodName = 'daily' | 'weekly';

export interface QuestView {
  key: string;
  period: QuestPeriodName;
  title: string;
  progress: number;
  target: number;
  completed: boolean;
  rewardGems: number;
  /** When the period ends for this learner (their local midnight; Monday's for weekly quests), ISO 8601. */
  resetsAt: string;
}

export interface ShopItemView {
  key: string;
  title: string;
  description: string;
  price: number;
  held: number;
  maxHeld: number;
}

export interface GemLedgerEntryView {
  delta: number;
  reason: 'quest' | 'achievement' | 'boss' | 'purchase';
  note: string;
  at: string;
}

export interface WalletView {
  gems: number;
  items: ShopItemView[];
  recent: GemLedgerEntryView[];
}

export interface PurchaseRequest {
  item: string;
  /** The same key twice buys once (a double click, a retried request). */
  idempotencyKey: string;
}

export interface BossView {
  id: string;
  title: string;
  health: number;
  damage: number;
  remaining: number;
  remainingPercent: number;
  phase: 'upcoming' | 'active' | 'defeated' | 'ended';
  startsAt: string;
  endsAt: string;
  /** The caller's contribution and the reward tier it reaches so far. */
  yourDamage: number;
  yourTier: 'participant' | 'fighter' | 'champion' | null;
}

export interface CreateBossRequest {
  title: string;
  health: number;
  startsAt: string;
  endsAt: string;
}

export type LeagueTierName = 'bronze' | 'silver' | 'gold' | 'platinum' | 'diamond';

export interface LeagueStandingView {
  rank: number;
  displayName: string;
  weeklyXp: number;
  zone: 'promotion' | 'safe' | 'demotion';
  isYou: boolean;
}

export interface LeagueView {
  week: string;
  tier: LeagueTierName;
  /** Null until the learner's first XP of the week puts them in a league. */
  standings: LeagueStandingView[] | null;
  /** When the week ends (Monday 00:00 UTC), ISO 8601. */
  endsAt: string;
  /** Last week's result, if the learner was in a league then. */
  lastWeek: { week: string; tier: LeagueTierName; rank: number; zone: 'promotion' | 'safe' | 'demotion'; nextTier: LeagueTierName } | null;
}

/** Live: what a graded Submit changed in quests and gems (sent to the learner only when something changed). */
export interface MotivationUpdatedEvent {
  quests: QuestView[];
  completedQuests: Array<{ key: string; title: string; rewardGems: number }>;
  gemsEarned: number;
  gems: number;
}

/** Live, to everyone, throttled: the community boss's health bar. */
export type BossUpdatedEvent = Omit<BossView, 'yourDamage' | 'yourTier'>;
