// Leaderboards (daily / weekly / all-time, optionally per course), updated live over the socket.
import { useEffect, useState } from 'preact/hooks';
import { api, session } from '../lib/api';
import { subscribeLeaderboard } from '../lib/live';
import { location, navigate, queryParam } from '../lib/router';
import { useStore } from '../lib/store';
import type { CourseSummary, Leaderboard } from '@questline/contracts';
import type { Period } from '../lib/api';

const PERIODS: { id: Period; label: string }[] = [
  { id: 'daily', label: 'Today' },
  { id: 'weekly', label: 'This week' },
  { id: 'all', label: 'All time' },
];

export function LeaderboardsPage() {
  const path = useStore(location);
  const { user } = useStore(session);
  const period = (queryParam(path, 'period') as Period | null) ?? 'weekly';
  const course = queryParam(path, 'course') ?? '';
  const [board, setBoard] = useState<Leaderboard | null>(null);
  const [courses, setCourses] = useState<CourseSummary[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api
      .courses()
      .then(setCourses)
      .catch(() => undefined);
  }, []);

  useEffect(() => {
    let alive = true;
    setBoard(null);
    setError(null);
    api
      .leaderboard(period, course || undefined)
      .then((b) => alive && setBoard(b))
      .catch(() => alive && setError('Could not load the leaderboard'));
    const unsubscribe = subscribeLeaderboard(period, course || undefined, (e) => {
      setBoard((prev) => {
        const mine = user ? e.entries.find((x) => x.userId === user.id) : undefined;
        return {
          ...e,
          course: prev?.course ?? e.course,
          me: mine ? { ...mine, isMe: true } : (prev?.me ?? null),
        };
      });
      // The live update carries no "me"; fetch it when I am not in the visible entries.
      if (user && !e.entries.some((x) => x.userId === user.id)) {
        api
          .leaderboard(period, course || undefined)
          .then((b) => alive && setBoard(b))
          .catch(() => undefined);
      }
    });
    return () => {
      alive = false;
      unsubscribe();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- resubscribe for another learner, not for a fresher copy of the same one
  }, [period, course, user?.id]);

  const go = (p: Period, c: string) =>
    navigate(`/leaderboards?period=${p}${c ? `&course=${encodeURIComponent(c)}` : ''}`, { replace: true });

  return (
    <main id="main" class="page">
      <h1>Leaderboards</h1>
      <div class="board-controls">
        <div class="segmented" role="group" aria-label="Period">
          {PERIODS.map((p) => (
            <button
              key={p.id}
              type="button"
              class="seg"
              aria-pressed={period === p.id}
              data-testid={`period-${p.id}`}
              onClick={() => go(p.id, course)}
            >
              {p.label}
            </button>
          ))}
        </div>
        <label class="field field--inline">
          <span>Course</span>
          <select value={course} onChange={(e) => go(period, e.currentTarget.value)}>
            <option value="">All courses</option>
            {courses.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.title}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      {board?.me ? (
        <p class="me" data-testid="my-rank">
          You are <strong>#{board.me.rank}</strong> with <strong>{board.me.xp} XP</strong>.
        </p>
      ) : board ? (
        <p class="muted">Solve an exercise to join this board.</p>
      ) : null}
      <table class="table board" data-testid="leaderboard" aria-live="polite">
        <caption class="sr-only">Leaderboard, {PERIODS.find((p) => p.id === period)?.label}</caption>
        <thead>
          <tr>
            <th scope="col">Rank</th>
            <th scope="col">Learner</th>
            <th scope="col">XP</th>
          </tr>
        </thead>
        <tbody>
          {board?.entries.map((e) => (
            <tr
              key={e.userId}
              class={e.userId === user?.id ? 'board__me' : ''}
              data-testid="leaderboard-row"
              data-user-id={e.userId}
              data-rank={e.rank}
              data-xp={e.xp}
            >
              <td>{e.rank <= 3 ? ['🥇', '🥈', '🥉'][e.rank - 1] : `#${e.rank}`}</td>
              <td data-testid="leaderboard-name">{e.displayName}</td>
              <td>{e.xp}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {board && board.entries.length === 0 ? (
        <p class="muted" data-testid="leaderboard-empty">
          Nobody has scored yet. Be the first!
        </p>
      ) : null}
    </main>
  );
}
