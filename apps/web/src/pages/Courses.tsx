// The course list and the course map (chapters with locked / available / solved exercises).
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../lib/api';
import type { CatalogStatus, CourseDetail, CourseSummary } from '@questline/contracts';

export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): { data: T | null; error: string | null; reload: () => void } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let alive = true;
    setError(null);
    load()
      .then((value) => alive && setData(value))
      .catch((e: unknown) => alive && setError(e instanceof ApiError ? e.message : 'Could not load this page'));
    return () => {
      alive = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  return { data, error, reload: () => setTick((n) => n + 1) };
}

export function ProgressRing({ done, total }: { done: number; total: number }) {
  const pct = total ? Math.round((done / total) * 100) : 0;
  return (
    <div class="meter" role="progressbar" aria-valuemin={0} aria-valuemax={total} aria-valuenow={done} aria-label="Exercises solved">
      <div class="meter__fill" style={{ width: `${pct}%` }} />
      <span class="meter__text">
        {done}/{total} solved
      </span>
    </div>
  );
}

export function CoursesPage() {
  const { data, error } = useLoad<CourseSummary[]>(() => api.courses(), []);
  return (
    <main id="main" class="page">
      <h1>Courses</h1>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      {!data && !error ? <p class="muted">Loading…</p> : null}
      {data && data.length === 0 ? <p class="muted">No courses yet. An instructor can upload a pack.</p> : null}
      <ul class="cards" data-testid="course-list">
        {data?.map((c) => (
          <li key={c.slug} class="card course" data-testid="course-card" data-slug={c.slug}>
            <h2>
              <a href={`/courses/${encodeURIComponent(c.slug)}`}>{c.title}</a>
            </h2>
            <p class="muted">{c.description}</p>
            <ProgressRing done={c.solvedCount} total={c.exerciseCount} />
          </li>
        ))}
      </ul>
    </main>
  );
}

const STATUS_ICON: Record<CatalogStatus, string> = { locked: '🔒', available: '◯', solved: '✓' };
const STATUS_TEXT: Record<CatalogStatus, string> = { locked: 'locked', available: 'available', solved: 'solved' };

export function CourseMapPage({ slug }: { slug: string }) {
  const { data, error } = useLoad<CourseDetail>(() => api.course(slug), [slug]);
  if (error)
    return (
      <main id="main" class="page">
        <p class="error" role="alert">
          {error}
        </p>
      </main>
    );
  if (!data)
    return (
      <main id="main" class="page">
        <p class="muted">Loading…</p>
      </main>
    );
  return (
    <main id="main" class="page">
      <p class="crumbs">
        <a href="/">Courses</a> ›
      </p>
      <h1>{data.title}</h1>
      <p class="muted">{data.description}</p>
      <ProgressRing done={data.solvedCount} total={data.exerciseCount} />
      <ol class="chapters" data-testid="course-map">
        {data.chapters.map((chapter, ci) => (
          <li key={chapter.slug} class={`chapter chapter--${chapter.status}`} data-testid="chapter" data-status={chapter.status}>
            <h2>
              <span class="chapter__num">Chapter {ci + 1}</span> {chapter.title}
              {chapter.status === 'locked' ? <span class="tag">🔒 locked</span> : null}
              {chapter.status === 'solved' ? <span class="tag tag--ok">✓ complete</span> : null}
            </h2>
            <ol class="path">
              {chapter.exercises.map((ex) => (
                <li key={ex.id} class={`node node--${ex.status}`} data-testid="exercise-node" data-status={ex.status} data-id={ex.id}>
                  <span class="node__icon" aria-hidden="true">
                    {STATUS_ICON[ex.status]}
                  </span>
                  {ex.status === 'locked' ? (
                    <span class="node__title">{ex.title}</span>
                  ) : (
                    <a class="node__title" href={`/exercises/${encodeURIComponent(ex.id)}`}>
                      {ex.title}
                    </a>
                  )}
                  <span class="sr-only"> ({STATUS_TEXT[ex.status]})</span>
                  <span class="node__meta">
                    <span title={`Difficulty ${ex.difficulty} of 5`}>{'★'.repeat(ex.difficulty)}</span> · {ex.xp} XP
                  </span>
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ol>
    </main>
  );
}
