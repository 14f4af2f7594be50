// Profile: level and totals, achievements, and the history of recent submissions.
import { EmojiIcon, Icon } from '../components/Icon';
import { XpBreakdownNote } from '../components/XpBreakdown';
import { useEffect, useState } from 'preact/hooks';
import type { Goals } from '@questline/contracts';
import { api, session } from '../lib/api';
import { progress, refreshProgress } from '../lib/progress';
import { useStore } from '../lib/store';
import type { Page, SubmissionView } from '@questline/contracts';

export function formatWhen(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function VerdictTag({ sub }: { sub: SubmissionView }) {
  if (sub.status !== 'completed') return <span class="tag">{sub.status}…</span>;
  const ok = sub.verdict === 'passed';
  return (
    <span class={`tag ${ok ? 'tag--ok' : 'tag--bad'}`} data-verdict={sub.verdict}>
      {ok ? '✓ passed' : `✗ ${(sub.verdict ?? 'error').replace('_', ' ')}`}
    </span>
  );
}

export function ProfilePage() {
  const { user } = useStore(session);
  const p = useStore(progress);
  const [page, setPage] = useState(1);
  const [history, setHistory] = useState<Page<SubmissionView> | null>(null);
  const [goals, setGoals] = useState<Goals | null>(null);
  useEffect(() => void refreshProgress(), []);
  // Refetched when XP changes (a Submit graded while the page is open).
  useEffect(() => {
    api
      .goals()
      .then(setGoals)
      .catch(() => setGoals(null));
  }, [p?.xp, p?.achievements.length]);
  useEffect(() => {
    api
      .mySubmissions(page)
      .then(setHistory)
      .catch(() => setHistory({ items: [], page, total: 0 }));
  }, [page]);
  const pages = history ? Math.max(1, Math.ceil(history.total / Math.max(1, history.items.length || 20))) : 1;
  return (
    <main id="main" class="page">
      <h1>{user?.displayName ?? 'Profile'}</h1>
      {p ? (
        <ul class="kpis" data-testid="profile-stats">
          <li>
            <strong>Level {p.level}</strong>
            <span>{p.levelTitle}</span>
          </li>
          <li>
            <strong>{p.xp}</strong>
            <span>XP total</span>
          </li>
          <li>
            <strong>{p.solvedCount}</strong>
            <span>exercises solved</span>
          </li>
          <li>
            <strong>
              <Icon name="flame" /> {p.streak.current}
            </strong>
            <span>day streak (longest {p.streak.longest})</span>
          </li>
          <li>
            <strong>❄ {p.streak.freezes}</strong>
            <span>streak freezes</span>
          </li>
          <li>
            <strong>⚡ {p.spree.current}</strong>
            <span>spree (best {p.spree.best})</span>
          </li>
        </ul>
      ) : (
        <p class="muted">Loading…</p>
      )}
      {goals ? (
        <p class="goals__next" data-testid="next-goals">
          Next: <strong>level {goals.nextLevel.level}</strong> in {goals.nextLevel.xpNeeded} XP
          {goals.nextTitle ? (
            <>
              {' '}
              · the title <strong>{goals.nextTitle.title}</strong> at level {goals.nextTitle.level}, in {goals.nextTitle.xpNeeded} XP
            </>
          ) : (
            ' · you hold the highest title'
          )}
          .
        </p>
      ) : null}
      <h2>Achievements</h2>
      {p && p.achievements.length === 0 ? <p class="muted">None yet: solve your first exercise to earn one.</p> : null}
      <ul class="achievements" data-testid="achievements">
        {(goals?.achievements ?? p?.achievements.map((a) => ({ ...a, progress: null })) ?? []).map((a) => (
          <li
            key={a.id}
            class={`achievement ${a.unlockedAt ? '' : 'achievement--locked'}`}
            data-testid={a.unlockedAt ? 'achievement' : 'achievement-goal'}
            data-id={a.id}
          >
            <span class="achievement__icon" aria-hidden="true">
              {a.unlockedAt ? <EmojiIcon emoji={a.icon} /> : <Icon name="lock" />}
            </span>
            <div class="achievement__body">
              <strong>{a.title}</strong>
              <div class="muted">{a.description}</div>
              {a.unlockedAt ? <small class="muted">Unlocked {formatWhen(a.unlockedAt)}</small> : null}
              {!a.unlockedAt && a.progress ? (
                <div class="goal" data-testid="goal-progress">
                  <div
                    class="meter meter--small"
                    role="progressbar"
                    aria-label={`${a.title}: ${a.progress.current} of ${a.progress.target} ${a.progress.unit}`}
                    aria-valuemin={0}
                    aria-valuemax={a.progress.target}
                    aria-valuenow={a.progress.current}
                  >
                    <div class="meter__fill" style={{ width: `${Math.round((a.progress.current / a.progress.target) * 100)}%` }} />
                  </div>
                  <small class="muted">
                    {a.progress.current}/{a.progress.target} {a.progress.unit}
                  </small>
                </div>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
      <h2>History</h2>
      {history && history.items.length === 0 ? <p class="muted">No submissions yet.</p> : null}
      {history && history.items.length ? (
        <table class="table" data-testid="history">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Exercise</th>
              <th scope="col">Kind</th>
              <th scope="col">Result</th>
              <th scope="col">XP</th>
            </tr>
          </thead>
          <tbody>
            {history.items.map((s) => (
              <tr key={s.id}>
                <td>{formatWhen(s.createdAt)}</td>
                <td>
                  <a href={`/exercises/${encodeURIComponent(s.exerciseId)}`}>{s.exerciseTitle ?? 'Exercise'}</a>
                </td>
                <td>{s.kind === 'run' ? 'Run' : 'Submit'}</td>
                <td>
                  <VerdictTag sub={s} />
                </td>
                <td>
                  {s.xpAwarded ? `+${s.xpAwarded}` : ''}
                  {s.xpAwarded && s.xpBreakdown ? <XpBreakdownNote breakdown={s.xpBreakdown} /> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {pages > 1 ? (
        <nav class="pager" aria-label="History pages">
          <button type="button" class="btn btn--small" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            ← Newer
          </button>
          <span>
            Page {page} of {pages}
          </span>
          <button type="button" class="btn btn--small" disabled={page >= pages} onClick={() => setPage(page + 1)}>
            Older →
          </button>
        </nav>
      ) : null}
    </main>
  );
}
