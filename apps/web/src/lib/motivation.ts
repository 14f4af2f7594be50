// Quests, gems, the community boss and the weekly league: stores shared by the header and the Quests page,
// kept current by `motivation.updated` (this learner's quests and gems after a Submit) and `boss.updated`
// (everyone's health bar), with a toast for every reward.
import type { BossUpdatedEvent, BossView, LeagueView, MotivationUpdatedEvent, QuestView, WalletView } from '@questline/contracts';
import { request } from './api';
import { createStore } from './store';
import { toast } from './toasts';

export const quests = createStore<QuestView[] | null>(null);
export const wallet = createStore<WalletView | null>(null);
export const boss = createStore<BossView | null>(null);

export const motivationApi = {
  quests: () => request<QuestView[]>('GET', '/api/me/quests'),
  wallet: () => request<WalletView>('GET', '/api/me/wallet'),
  buy: (item: string, idempotencyKey: string) => request<WalletView>('POST', '/api/me/shop/purchases', { item, idempotencyKey }),
  boss: () => request<BossView | null>('GET', '/api/boss'),
  league: () => request<LeagueView>('GET', '/api/me/league'),
};

/** After sign-in: the header's quests, gems and boss bar. Failures leave the last known values. */
export async function refreshMotivation(): Promise<void> {
  await Promise.all([
    motivationApi.quests().then((q) => quests.set(q), ignore),
    motivationApi.wallet().then((w) => wallet.set(w), ignore),
    motivationApi.boss().then((b) => boss.set(b), ignore),
  ]);
}

export function resetMotivation(): void {
  quests.set(null);
  wallet.set(null);
  boss.set(null);
}

export function applyMotivationUpdate(event: MotivationUpdatedEvent): void {
  quests.set(event.quests);
  wallet.set((w) => (w ? { ...w, gems: event.gems } : w));
  for (const quest of event.completedQuests) toast('success', `Quest complete: ${quest.title}`, `+${quest.rewardGems} gems`, '◆');
  // Achievements announce themselves; say what they paid only when no quest toast already did.
  const questGems = event.completedQuests.reduce((sum, q) => sum + q.rewardGems, 0);
  if (event.gemsEarned > questGems) toast('success', `+${event.gemsEarned - questGems} gems`, 'for a new achievement', '◆');
  // The ledger's recent rows changed: refresh them quietly.
  void motivationApi.wallet().then((w) => wallet.set(w), ignore);
}

export function applyBossUpdate(event: BossUpdatedEvent): void {
  boss.set((current) => {
    if (current && current.id === event.id) {
      // Out-of-order updates: damage only grows.
      if (event.damage < current.damage) return current;
      return { ...current, ...event };
    }
    // A new event: the learner's own contribution starts at zero.
    return { ...event, yourDamage: 0, yourTier: null };
  });
}

function ignore(): void {}
