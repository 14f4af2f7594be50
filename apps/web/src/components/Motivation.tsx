// The header's quest and gem counters, and the community boss's health bar under the header while an
// event runs (updated live for everyone).
import { boss, quests, wallet } from '../lib/motivation';
import { useStore } from '../lib/store';

export function QuestCounter() {
  const q = useStore(quests);
  const w = useStore(wallet);
  const daily = q?.filter((x) => x.period === 'daily') ?? [];
  const done = daily.filter((x) => x.completed).length;
  return (
    <a href="/quests" class="questcount" data-testid="quest-counter" data-done={done} title="Daily quests, gems and the shop">
      <span aria-hidden="true">◎</span> {done}/{daily.length || 3}
      <span class="sr-only"> daily quests done,</span>
      <span class="gems" data-testid="gems" data-gems={w?.gems ?? 0}>
        <span aria-hidden="true">◆</span> {w?.gems ?? 0}
        <span class="sr-only"> gems</span>
      </span>
    </a>
  );
}

export function BossBanner() {
  const b = useStore(boss);
  if (!b || (b.phase !== 'active' && b.phase !== 'defeated')) return null;
  return (
    <section class="boss" aria-label="Community boss" data-testid="boss" data-remaining={b.remaining} data-phase={b.phase}>
      <span class="boss__title">
        {b.phase === 'defeated' ? 'Defeated: ' : 'Boss: '}
        {b.title}
      </span>
      <div
        class="boss__bar"
        role="progressbar"
        aria-label={`${b.title} health`}
        aria-valuemin={0}
        aria-valuemax={b.health}
        aria-valuenow={b.remaining}
      >
        <div class="boss__fill" style={{ width: `${b.remainingPercent}%` }} />
      </div>
      <span class="boss__text" data-testid="boss-text">
        {b.remaining} / {b.health} HP
      </span>
      <a href="/quests#boss" class="boss__link">
        Your damage: {b.yourDamage}
      </a>
    </section>
  );
}
