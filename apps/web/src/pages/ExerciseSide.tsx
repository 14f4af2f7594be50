// Left side of the exercise page: instructions (sanitised Markdown), visible tests, history, and
// hints / solution reveal with their XP cost stated before confirming.
import { useMemo, useState } from 'preact/hooks';
import { SchemaPanel } from '../components/SqlTables';
import { Code } from '../components/Code';
import { Confirm } from '../components/Confirm';
import { XpBreakdownNote } from '../components/XpBreakdown';
import { api, ApiError } from '../lib/api';
import { diffLines, diffStats } from '../lib/diff';
import { renderMarkdown } from '../lib/markdown';
import { refreshProgress } from '../lib/progress';
import { toast } from '../lib/toasts';
import type { ExerciseView, Page, SubmissionView } from '@questline/contracts';
import { formatWhen, VerdictTag } from './Profile';

type Tab = 'instructions' | 'tests' | 'files' | 'history';

export function ExerciseSide(props: {
  exercise: ExerciseView;
  onChange(e: ExerciseView): void;
  onLoadSolution(code: string): void;
  onShowSubmission(sub: SubmissionView): void;
}) {
  const [attempt, setAttempt] = useState<Attempt | null>(null);
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
  const testsLabel = useMemo(() => testTabLabel(exercise.visibleTests), [exercise.visibleTests]);
  const supportFiles = exercise.supportFiles;
  // The Files tab appears only when the exercise provides files beside the learner's.
  const tabs: Tab[] = supportFiles.length > 0 ? ['instructions', 'tests', 'files', 'history'] : ['instructions', 'tests', 'history'];
  const tabLabel = (t: Tab) =>
    t === 'instructions' ? 'Instructions' : t === 'tests' ? testsLabel : t === 'files' ? `Files (${supportFiles.length})` : 'History';
  return (
    <section class="brief" aria-label="Exercise">
      <p class="crumbs">
        <a href="/">Courses</a> › <a href={`/courses/${encodeURIComponent(exercise.course.slug)}`}>{exercise.course.title}</a> ›{' '}
        {exercise.chapter.title}
      </p>
      <h1 data-testid="exercise-title">{exercise.title}</h1>
      <p class="meta">
        <span title={`Difficulty ${exercise.difficulty} of 5`}>{'★'.repeat(exercise.difficulty)}</span> · {exercise.xp} XP ·{' '}
        {exercise.language === 'typescript' ? 'TypeScript' : exercise.language === 'sql' ? 'SQL (PostgreSQL)' : 'JavaScript'}
        {exercise.solvedAgainstOlderVersion ? <span class="tag">solved on an older version</span> : null}
      </p>
      <div class="tabs" role="tablist" aria-label="Exercise sections">
        {tabs.map((t) => (
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
            {tabLabel(t)}
          </button>
        ))}
      </div>
      {tab === 'instructions' ? (
        <div role="tabpanel" id="panel-instructions" aria-labelledby="tab-instructions">
          {exercise.kind === 'refactor' ? (
            <p class="notice" data-testid="refactor-note">
              <strong>Refactoring exercise:</strong> the starting code already passes every test. Make it clearer and simpler without
              breaking any test; Submit checks the hidden tests too.
            </p>
          ) : null}
          {/* Sanitised by DOMPurify in renderMarkdown. */}
          <div class="markdown" data-testid="instructions" dangerouslySetInnerHTML={{ __html: html }} />
          {exercise.databaseSchema ? <SchemaPanel tables={exercise.databaseSchema} /> : null}
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
              <Code code={t.code} typescript={t.fileName.endsWith('.ts')} testId="test-file-code" />
            </details>
          ))}
        </div>
      ) : null}
      {tab === 'files' ? (
        <div role="tabpanel" id="panel-files" aria-labelledby="tab-files">
          <p class="muted">Files the exercise provides, read-only: import them from your code as ./name.</p>
          {supportFiles.map((f) => (
            <details key={f.fileName} open class="testfile" data-testid="support-file">
              <summary>{f.fileName}</summary>
              <pre>{f.code}</pre>
            </details>
          ))}
        </div>
      ) : null}
      {tab === 'history' ? (
        <div role="tabpanel" id="panel-history" aria-labelledby="tab-history">
          {!history ? <p class="muted">Loading…</p> : null}
          {history && history.items.length === 0 ? <p class="muted">No attempts yet.</p> : null}
          <ul class="history">
            {history?.items.map((s, i, items) => (
              <li key={s.id}>
                <button
                  type="button"
                  class="linklike"
                  aria-current={attempt?.sub.id === s.id ? 'true' : undefined}
                  onClick={() => {
                    props.onShowSubmission(s);
                    void openAttempt(items, i, history?.total ?? items.length, exercise.language === 'typescript').then(setAttempt);
                  }}
                >
                  {s.kind === 'run' ? 'Run' : 'Submit'} · {formatWhen(s.createdAt)}
                </button>{' '}
                <VerdictTag sub={s} />
                {s.kind === 'submit' && s.xpAwarded ? (
                  <span class="xp-gain" data-testid="history-xp">
                    {' '}
                    +{s.xpAwarded} XP
                  </span>
                ) : null}
                {s.xpBreakdown && s.xpAwarded ? <XpBreakdownNote breakdown={s.xpBreakdown} /> : null}
              </li>
            ))}
          </ul>
          {attempt ? <AttemptView attempt={attempt} onLoad={(code) => props.onLoadSolution(code)} /> : null}
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

/**
 * "Tests (3)": the visible test cases, counted in the test files' source (`test(`/`it(` calls). A
 * `.each` table makes one call many tests, so then the files are counted instead, and said so.
 */
export function testTabLabel(files: Array<{ code: string }>): string {
  const source = files.map((f) => f.code).join('\n');
  if (/\b(?:test|it)(?:\.\w+)*\.each\b/.test(source)) return `Test files (${files.length})`;
  const count = source.match(/(?<![\w.$])(?:test|it)(?:\.(?:only|skip|todo|concurrent|failing))*\s*\(/g)?.length ?? 0;
  return count ? `Tests (${count})` : `Test files (${files.length})`;
}

interface Attempt {
  typescript: boolean;
  sub: SubmissionView;
  code: string;
  /** The attempt before it (older), null for the first one. */
  previous: { sub: SubmissionView; code: string } | null;
}

/** Loads an attempt's code and the one before it (on the next page when it is the last of this one). */
async function openAttempt(items: SubmissionView[], index: number, total: number, typescript: boolean): Promise<Attempt | null> {
  try {
    const sub = items[index];
    let before: SubmissionView | undefined = items[index + 1];
    if (!before && index + 1 < total) {
      const older = await api.exerciseSubmissions(sub.exerciseId, 2);
      before = older.items[0];
    }
    const [full, prev] = await Promise.all([api.submission(sub.id), before ? api.submission(before.id) : Promise.resolve(null)]);
    return {
      typescript,
      sub: full,
      code: full.code ?? '',
      previous: prev ? { sub: prev, code: prev.code ?? '' } : null,
    };
  } catch (e) {
    toast('error', e instanceof ApiError ? e.message : 'Could not load that attempt');
    return null;
  }
}

function AttemptView({ attempt, onLoad }: { attempt: Attempt; onLoad: (code: string) => void }) {
  const [view, setView] = useState<'code' | 'diff'>(attempt.previous ? 'diff' : 'code');
  const lines = useMemo(() => (attempt.previous ? diffLines(attempt.previous.code, attempt.code) : []), [attempt]);
  const stats = diffStats(lines);
  const label = `${attempt.sub.kind === 'run' ? 'Run' : 'Submit'} of ${formatWhen(attempt.sub.createdAt)}`;
  return (
    <section class="attempt" aria-label={`Code of the ${label}`} data-testid="attempt" data-submission-id={attempt.sub.id}>
      <h2 class="attempt__title">{label}</h2>
      <div class="attempt__bar">
        <button type="button" class="btn btn--small" aria-pressed={view === 'code'} onClick={() => setView('code')}>
          Code
        </button>
        <button
          type="button"
          class="btn btn--small"
          aria-pressed={view === 'diff'}
          disabled={!attempt.previous}
          data-testid="attempt-diff-toggle"
          onClick={() => setView('diff')}
        >
          Changes since the previous attempt
        </button>
        <button type="button" class="btn btn--small btn--ghost" data-testid="attempt-load" onClick={() => onLoad(attempt.code)}>
          Open in the editor
        </button>
      </div>
      {view === 'code' || !attempt.previous ? (
        <>
          {!attempt.previous ? <p class="muted">Your first attempt: nothing earlier to compare with.</p> : null}
          <Code code={attempt.code} typescript={attempt.typescript} className="attempt__code" testId="attempt-code" />
        </>
      ) : (
        <>
          <p class="muted" data-testid="attempt-diff-stats">
            Against the {attempt.previous.sub.kind === 'run' ? 'Run' : 'Submit'} of {formatWhen(attempt.previous.sub.createdAt)}:{' '}
            {stats.added} line{stats.added === 1 ? '' : 's'} added, {stats.removed} removed.
          </p>
          <pre class="attempt__code diff" data-testid="attempt-diff">
            {lines.map((line, i) => (
              <span key={i} class={`diff__line diff__line--${line.op}`} data-op={line.op}>
                <span class="diff__mark" aria-hidden="true">
                  {line.op === 'add' ? '+' : line.op === 'del' ? '−' : ' '}
                </span>
                <span class="sr-only">{line.op === 'add' ? 'added: ' : line.op === 'del' ? 'removed: ' : ''}</span>
                {line.text}
                {'\n'}
              </span>
            ))}
          </pre>
        </>
      )}
    </section>
  );
}
