// The header, always visible: navigation, XP bar with level and title, streak flame with freezes,
// spree and the connection state.
import { session, setSession } from '../lib/api';
import { connection, disconnectLive } from '../lib/live';
import { resetMotivation } from '../lib/motivation';
import { progress, resetProgress } from '../lib/progress';
import { location, navigate } from '../lib/router';
import { useStore } from '../lib/store';
import { QuestCounter } from './Motivation';

function NavLink({ href, children }: { href: string; children: string }) {
  const path = useStore(location);
  const current = href === '/' ? path === '/' || path.startsWith('/courses') || path.startsWith('/exercises') : path.startsWith(href);
  return (
    <a href={href} class="nav__link" aria-current={current ? 'page' : undefined}>
      {children}
    </a>
  );
}

export function Header() {
  const { user } = useStore(session);
  const p = useStore(progress);
  const conn = useStore(connection);
  const pct = p && p.xpForNextLevel > 0 ? Math.min(100, Math.round((p.xpIntoLevel / p.xpForNextLevel) * 100)) : 0;
  return (
    <header class="topbar">
      <a href="/" class="brand" aria-label="Questline home">
        <span aria-hidden="true">⚔</span> Questline
      </a>
      {user ? (
        <>
          <nav class="nav" aria-label="Main">
            <NavLink href="/">Courses</NavLink>
            <NavLink href="/leaderboards">Leaderboards</NavLink>
            <NavLink href="/quests">Quests</NavLink>
            <NavLink href="/profile">Profile</NavLink>
            {user.role !== 'learner' ? <NavLink href="/instructor">Instructor</NavLink> : null}
          </nav>
          <div class="stats" data-testid="stats">
            <div class="level" data-testid="level" data-level={p?.level ?? ''} title={p ? `${p.xp} XP in total` : ''}>
              <span class="level__num">Lv {p?.level ?? '–'}</span>
              <span class="level__title" data-testid="level-title">
                {p?.levelTitle ?? ''}
              </span>
            </div>
            <div class="xp">
              <div
                class="xp__bar"
                role="progressbar"
                aria-label="Experience towards the next level"
                aria-valuemin={0}
                aria-valuemax={p?.xpForNextLevel ?? 0}
                aria-valuenow={p?.xpIntoLevel ?? 0}
                data-testid="xp-bar"
                data-xp={p?.xp ?? 0}
              >
                <div class="xp__fill" style={{ width: `${pct}%` }} />
              </div>
              <span class="xp__text" data-testid="xp-text">
                {p ? `${p.xpIntoLevel} / ${p.xpForNextLevel} XP` : '… XP'}
              </span>
            </div>
            <div
              class={`streak ${p && p.streak.current > 0 ? 'streak--lit' : ''}`}
              data-testid="streak"
              data-streak={p?.streak.current ?? 0}
              title={
                p ? `Daily streak: ${p.streak.current} days (longest ${p.streak.longest}). Freezes save a missed day.` : 'Daily streak'
              }
            >
              <span aria-hidden="true">🔥</span>
              <span>{p?.streak.current ?? 0}</span>
              <span class="sr-only"> day streak,</span>
              <span class="freezes" data-testid="freezes" title="Streak freezes">
                <span aria-hidden="true">❄</span>
                {p?.streak.freezes ?? 0}
                <span class="sr-only"> freezes</span>
              </span>
            </div>
            <div
              class="spree"
              data-testid="spree"
              title={p ? `Spree: ${p.spree.current} passing Submits in a row (best ${p.spree.best})` : 'Spree'}
            >
              <span aria-hidden="true">⚡</span>
              {p?.spree.current ?? 0}
              <span class="sr-only"> spree</span>
            </div>
            <QuestCounter />
            <span class={`conn conn--${conn}`} data-testid="connection" data-state={conn} title={`Live updates: ${conn}`}>
              <span class="sr-only">Live updates {conn}</span>
            </span>
          </div>
          <button
            type="button"
            class="btn btn--ghost"
            onClick={() => {
              disconnectLive();
              resetProgress();
              resetMotivation();
              setSession(null, null);
              navigate('/signin');
            }}
          >
            Sign out
          </button>
        </>
      ) : null}
    </header>
  );
}
