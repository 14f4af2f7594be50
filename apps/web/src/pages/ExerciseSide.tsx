// Left side of the exercise page: instructions (sanitised Markdown), visible tests, history, and
// hints / solution reveal with their XP cost stated before confirming.
import { useMemo, useState } from 'preact/hooks';
import { Confirm } from '../components/Confirm';
import { api, ApiError } from '../lib/api';
import { renderMarkdown } from '../lib/markdown';
import { refreshProgress } from '../lib/progress';
import { toast } from '../lib/toasts';
import type { ExerciseView, Page, SubmissionView } from '@questline/contracts';
import { formatWhen, VerdictTag } from './Profile';

type Tab = 'instructions' | 'tests' | 'history';

export function ExerciseSide(props: {
  exercise: ExerciseView;
  onChange(e: ExerciseView): void;
  onLoadSolution(code: string): void;
  onShowSubmission(sub: SubmissionView): void;
}) {
  const { exercise } = props;
  const [tab, setTab] = useState<Tab>('instructions');
  const [asking, setAsking] = useState<'hint' | 'solution' | null>(null);
  const [solution, setSolution] = useState<string | null>(null);
  const [history, setHistory] = useState<Page<SubmissionView> | null>(null);
  // The page already shows the title: drop a leading `# Title` heading from the instructions.
  const html = useMemo(
    () =>
      renderMarkdown(
        exercise.instructions.replace(/^\s*#\s+(.+)\n/, (line, title: string) => (title.trim() === exercise.title ? '' : line)),
      ),
    [exercise.instructions, exercise.title],
  );

  async function openHint() {
    setAsking(null);
    try {
      const r = await api.hint(exercise.id);
      props.onChange({ ...exercise, revealedHints: [...exercise.revealedHints, r.hint], nextHintCost: r.nextHintCost });
      void refreshProgress();
    } catch (e) {
      toast('error', e instanceof ApiError ? e.message : 'Could not open the hint');
    }
  }

  async function revealSolution() {
    setAsking(null);
    try {
      const r = await api.solution(exercise.id);
      setSolution(r.code);
      props.onChange({ ...exercise, solutionRevealed: true });
      void refreshProgress();
    } catch (e) {
      toast('error', e instanceof ApiError ? e.message : 'Could not reveal the solution');
    }
  }

  function showTab(next: Tab) {
    setTab(next);
    if (next === 'history')
      api
        .exerciseSubmissions(exercise.id, 1)
        .then(setHistory)
        .catch(() => setHistory({ items: [], page: 1, total: 0 }));
  }

  const hintsLeft = exercise.hintCount - exercise.revealedHints.length;
  return (
    <section class="brief" aria-label="Exercise">
      <p class="crumbs">
        <a href="/">Courses</a> › <a href={`/courses/${encodeURIComponent(exercise.course.slug)}`}>{exercise.course.title}</a> ›{' '}
        {exercise.chapter.title}
      </p>
      <h1 data-testid="exercise-title">{exercise.title}</h1>
      <p class="meta">
        <span title={`Difficulty ${exercise.difficulty} of 5`}>{'★'.repeat(exercise.difficulty)}</span> · {exercise.xp} XP ·{' '}
        {exercise.language === 'typescript' ? 'TypeScript' : 'JavaScript'}
        {exercise.solvedAgainstOlderVersion ? <span class="tag">solved on an older version</span> : null}
      </p>
      <div class="tabs" role="tablist" aria-label="Exercise sections">
        {(['instructions', 'tests', 'history'] as Tab[]).map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            id={`tab-${t}`}
            aria-selected={tab === t}
            aria-controls={`panel-${t}`}
            class="tab"
            onClick={() => showTab(t)}
          >
            {t === 'instructions' ? 'Instructions' : t === 'tests' ? `Tests (${exercise.visibleTests.length})` : 'History'}
          </button>
        ))}
      </div>
      {tab === 'instructions' ? (
        <div role="tabpanel" id="panel-instructions" aria-labelledby="tab-instructions">
          {/* Sanitised by DOMPurify in renderMarkdown. */}
          <div class="markdown" data-testid="instructions" dangerouslySetInnerHTML={{ __html: html }} />
          <div class="help">
            <h2>Stuck?</h2>
            {exercise.revealedHints.length ? (
              <ol class="hints" data-testid="hints">
                {exercise.revealedHints.map((h, i) => (
                  <li key={i} class="hint" dangerouslySetInnerHTML={{ __html: renderMarkdown(h) }} />
                ))}
              </ol>
            ) : null}
            {hintsLeft > 0 && exercise.nextHintCost !== null ? (
              <button type="button" class="btn btn--small" data-testid="hint" onClick={() => setAsking('hint')}>
                Show hint {exercise.revealedHints.length + 1} of {exercise.hintCount} (costs {exercise.nextHintCost} XP)
              </button>
            ) : exercise.hintCount ? (
              <p class="muted">No hints left.</p>
            ) : null}{' '}
            {solution === null ? (
              <button type="button" class="btn btn--small btn--danger" data-testid="solution" onClick={() => setAsking('solution')}>
                {exercise.solutionRevealed ? 'Show the solution again' : `Reveal the solution (forfeits ${exercise.solutionCost} XP)`}
              </button>
            ) : (
              <div class="solution" data-testid="solution-code">
                <pre>{solution}</pre>
                <button type="button" class="btn btn--small" onClick={() => props.onLoadSolution(solution)}>
                  Copy into the editor
                </button>
              </div>
            )}
          </div>
        </div>
      ) : null}
      {tab === 'tests' ? (
        <div role="tabpanel" id="panel-tests" aria-labelledby="tab-tests">
          <p class="muted">Run checks these visible tests. Submit also runs hidden ones.</p>
          {exercise.visibleTests.map((t) => (
            <details key={t.fileName} open class="testfile">
              <summary>{t.fileName}</summary>
              <pre>{t.code}</pre>
            </details>
          ))}
        </div>
      ) : null}
      {tab === 'history' ? (
        <div role="tabpanel" id="panel-history" aria-labelledby="tab-history">
          {!history ? <p class="muted">Loading…</p> : null}
          {history && history.items.length === 0 ? <p class="muted">No attempts yet.</p> : null}
          <ul class="history">
            {history?.items.map((s) => (
              <li key={s.id}>
                <button type="button" class="linklike" onClick={() => props.onShowSubmission(s)}>
                  {s.kind === 'run' ? 'Run' : 'Submit'} · {formatWhen(s.createdAt)}
                </button>{' '}
                <VerdictTag sub={s} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {asking === 'hint' ? (
        <Confirm
          title="Open a hint?"
          confirmLabel={`Spend ${exercise.nextHintCost ?? 0} XP`}
          onConfirm={openHint}
          onCancel={() => setAsking(null)}
        >
          <p>
            This hint costs <strong>{exercise.nextHintCost ?? 0} XP</strong>. It is taken from the XP this exercise awards when you solve
            it.
          </p>
        </Confirm>
      ) : null}
      {asking === 'solution' ? (
        <Confirm
          title="Reveal the solution?"
          confirmLabel={exercise.solutionRevealed ? 'Show it' : `Forfeit ${exercise.solutionCost} XP`}
          onConfirm={revealSolution}
          onCancel={() => setAsking(null)}
        >
          <p>
            {exercise.solutionRevealed ? (
              'You already revealed it; showing it again costs nothing more.'
            ) : (
              <>
                You will forfeit <strong>{exercise.solutionCost} XP</strong> for this exercise (and any first-try bonus). You can still
                solve it for practice.
              </>
            )}
          </p>
        </Confirm>
      ) : null}
    </section>
  );
}
