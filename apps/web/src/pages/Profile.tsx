// Profile: level and totals, achievements, and the history of recent submissions.
import { useEffect, useState } from 'preact/hooks';
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
  useEffect(() => void refreshProgress(), []);
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
            <strong>🔥 {p.streak.current}</strong>
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
      <h2>Achievements</h2>
      {p && p.achievements.length === 0 ? <p class="muted">None yet: solve your first exercise to earn one.</p> : null}
      <ul class="achievements" data-testid="achievements">
        {p?.achievements.map((a) => (
          <li key={a.id} class="achievement" data-testid="achievement" data-id={a.id}>
            <span class="achievement__icon" aria-hidden="true">
              {a.icon}
            </span>
            <div>
              <strong>{a.title}</strong>
              <div class="muted">{a.description}</div>
              {a.unlockedAt ? <small class="muted">Unlocked {formatWhen(a.unlockedAt)}</small> : null}
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
                <td>{s.xpAwarded ? `+${s.xpAwarded}` : ''}</td>
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
