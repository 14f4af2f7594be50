// Quests, gems and the shop, the community boss and the weekly league table with its promotion and
// demotion zones.
import { useEffect, useState } from 'preact/hooks';
import type { LeagueView, QuestView } from '@questline/contracts';
import { ApiError } from '../lib/api';
import { boss, motivationApi, quests, wallet } from '../lib/motivation';
import { useStore } from '../lib/store';
import { toast } from '../lib/toasts';

const TIER_NAMES: Record<LeagueView['tier'], string> = {
  bronze: 'Bronze',
  silver: 'Silver',
  gold: 'Gold',
  platinum: 'Platinum',
  diamond: 'Diamond',
};

function resetsIn(iso: string): string {
  const hours = Math.max(0, Math.round((new Date(iso).getTime() - Date.now()) / 3_600_000));
  return hours >= 48 ? `${Math.round(hours / 24)} days` : `${hours} h`;
}

function QuestRow({ quest }: { quest: QuestView }) {
  return (
    <li class={`quest ${quest.completed ? 'quest--done' : ''}`} data-testid={`quest-${quest.key}`} data-completed={quest.completed}>
      <span class="quest__title">{quest.title}</span>
      <progress max={quest.target} value={quest.progress} aria-label={`${quest.title}: ${quest.progress} of ${quest.target}`} />
      <span class="quest__count">
        {quest.progress}/{quest.target}
      </span>
      <span class="quest__reward">{quest.completed ? 'Done' : `+${quest.rewardGems} gems`}</span>
    </li>
  );
}

export function QuestsPage() {
  const q = useStore(quests);
  const w = useStore(wallet);
  const b = useStore(boss);
  const [league, setLeague] = useState<LeagueView | null>(null);
  const [buying, setBuying] = useState<string | null>(null);

  useEffect(() => {
    void motivationApi.quests().then((x) => quests.set(x));
    void motivationApi.wallet().then((x) => wallet.set(x));
    void motivationApi.boss().then((x) => boss.set(x));
    void motivationApi.league().then(setLeague);
  }, []);

  async function buy(item: string) {
    setBuying(item);
    try {
      wallet.set(await motivationApi.buy(item, crypto.randomUUID()));
      toast('success', 'Bought', w?.items.find((i) => i.key === item)?.title, '◆');
    } catch (error) {
      toast('error', 'Could not buy', error instanceof ApiError ? error.message : 'Try again');
    } finally {
      setBuying(null);
    }
  }

  const daily = q?.filter((x) => x.period === 'daily') ?? [];
  const weekly = q?.filter((x) => x.period === 'weekly') ?? [];
  return (
    <main id="main" class="page quests-page">
      <h1>Quests</h1>
      <section aria-labelledby="daily-h">
        <h2 id="daily-h">Today {daily[0] ? <small>(new quests in {resetsIn(daily[0].resetsAt)})</small> : null}</h2>
        <ul class="quests">{q ? daily.map((x) => <QuestRow key={x.key} quest={x} />) : <li>Loading…</li>}</ul>
        <h2>This week {weekly[0] ? <small>(resets in {resetsIn(weekly[0].resetsAt)})</small> : null}</h2>
        <ul class="quests">
          {weekly.map((x) => (
            <QuestRow key={x.key} quest={x} />
          ))}
        </ul>
      </section>

      <section aria-labelledby="boss-h" id="boss">
        <h2 id="boss-h">Community boss</h2>
        {b ? (
          <p data-testid="boss-summary">
            {b.title}: {b.remaining} of {b.health} HP left ({b.phase}). You dealt {b.yourDamage} damage
            {b.yourTier ? ` — ${b.yourTier} reward so far` : ''}. Every XP anyone earns until {new Date(b.endsAt).toLocaleString()} hits it.
          </p>
        ) : (
          <p>No boss right now. When one appears, every XP you earn damages it, and everyone who helped is rewarded.</p>
        )}
      </section>

      <section aria-labelledby="league-h">
        <h2 id="league-h">League{league ? `: ${TIER_NAMES[league.tier]}` : ''}</h2>
        {league?.lastWeek ? (
          <p>
            Last week: rank {league.lastWeek.rank} in {TIER_NAMES[league.lastWeek.tier]} ({league.lastWeek.zone}).
          </p>
        ) : null}
        {league && !league.standings ? <p>Earn XP this week to join a league of about 30 learners.</p> : null}
        {league?.standings ? (
          <table class="table league" data-testid="league">
            <caption class="sr-only">This week's league</caption>
            <thead>
              <tr>
                <th scope="col">Rank</th>
                <th scope="col">Learner</th>
                <th scope="col">XP this week</th>
                <th scope="col">Zone</th>
              </tr>
            </thead>
            <tbody>
              {league.standings.map((s) => (
                <tr key={s.rank} class={`zone--${s.zone} ${s.isYou ? 'me' : ''}`} data-zone={s.zone}>
                  <td>{s.rank}</td>
                  <td>{s.isYou ? `${s.displayName} (you)` : s.displayName}</td>
                  <td>{s.weeklyXp}</td>
                  <td>{s.zone === 'promotion' ? 'Promotion' : s.zone === 'demotion' ? 'Demotion' : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>

      <section aria-labelledby="shop-h">
        <h2 id="shop-h">
          Shop <small data-testid="shop-gems">{w ? `${w.gems} gems` : ''}</small>
        </h2>
        <ul class="shop">
          {w?.items.map((item) => (
            <li key={item.key} class="shop__item">
              <strong>{item.title}</strong> — {item.description} (you hold {item.held}/{item.maxHeld})
              <button
                type="button"
                class="btn"
                disabled={buying !== null || w.gems < item.price || item.held >= item.maxHeld}
                onClick={() => void buy(item.key)}
              >
                Buy for {item.price} gems
              </button>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
