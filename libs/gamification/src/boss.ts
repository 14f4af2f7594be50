// Community boss battles. An event has a health pool and a time window; every XP earned by anyone during
// the window deals that much damage. When the window closes (or earlier, once defeated, for the bar) each
// contributor is paid by their own contribution tier, whether or not the boss fell; a defeat adds a bonus.
// Paying "exactly once" is the ledger's unique key (see gems.ts), these rules only say how much.

export interface BossEventWindow {
  health: number;
  startsAt: Date;
  endsAt: Date;
}

export type BossPhase = 'upcoming' | 'active' | 'defeated' | 'ended';

export interface BossStatus {
  phase: BossPhase;
  damage: number;
  remaining: number;
  /** 0–100, for the health bar. */
  remainingPercent: number;
}

export function validateBossWindow(event: BossEventWindow): void {
  if (!Number.isSafeInteger(event.health) || event.health < 1) throw new RangeError(`health must be an integer >= 1, got ${event.health}`);
  if (!(event.endsAt.getTime() > event.startsAt.getTime())) throw new RangeError('endsAt must be after startsAt');
}

/** XP earned at `at` counts against the boss only inside [startsAt, endsAt). */
export function countsAgainstBoss(event: BossEventWindow, at: Date): boolean {
  return at.getTime() >= event.startsAt.getTime() && at.getTime() < event.endsAt.getTime();
}

export function bossStatus(event: BossEventWindow, totalDamage: number, now: Date): BossStatus {
  const damage = Math.max(0, Math.min(event.health, totalDamage));
  const remaining = event.health - damage;
  const phase: BossPhase =
    now.getTime() < event.startsAt.getTime()
      ? 'upcoming'
      : remaining === 0
        ? 'defeated'
        : now.getTime() >= event.endsAt.getTime()
          ? 'ended'
          : 'active';
  return { phase, damage, remaining, remainingPercent: Math.round((remaining / event.health) * 1000) / 10 };
}

export interface BossRewardTier {
  name: 'participant' | 'fighter' | 'champion';
  /** Minimum damage dealt by the learner. */
  minDamage: number;
  gems: number;
}

/** Highest first. */
export const BOSS_REWARD_TIERS: readonly BossRewardTier[] = Object.freeze([
  { name: 'champion', minDamage: 300, gems: 40 },
  { name: 'fighter', minDamage: 100, gems: 20 },
  { name: 'participant', minDamage: 1, gems: 5 },
] as const);

/** Extra gems for every contributor when the boss fell before the end. */
export const BOSS_DEFEAT_BONUS_GEMS = 10;

export interface BossReward {
  userId: string;
  damage: number;
  tier: BossRewardTier['name'];
  gems: number;
}

/** What each contributor is owed when the event ends. Learners who dealt no damage get nothing. */
export function bossRewards(contributions: ReadonlyMap<string, number>, defeated: boolean): BossReward[] {
  const rewards: BossReward[] = [];
  for (const [userId, damage] of [...contributions].sort(([a], [b]) => a.localeCompare(b))) {
    const tier = BOSS_REWARD_TIERS.find((t) => damage >= t.minDamage);
    if (!tier) continue;
    rewards.push({ userId, damage, tier: tier.name, gems: tier.gems + (defeated ? BOSS_DEFEAT_BONUS_GEMS : 0) });
  }
  return rewards;
}
