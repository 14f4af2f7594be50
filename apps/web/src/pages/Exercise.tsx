// The exercise page: instructions | editor + results. Run (visible tests, free) and Submit (all
// tests, graded) post the code; results stream in over the live socket (see lib/live.ts).
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { Editor } from '../components/Editor';
import { Results } from '../components/Results';
import { api, ApiError } from '../lib/api';
import { submissions, track } from '../lib/live';
import { useStore } from '../lib/store';
import { toast } from '../lib/toasts';
import type { ExerciseView, SubmissionKind } from '@questline/contracts';
import { useLoad } from './Courses';
import { ExerciseSide } from './ExerciseSide';

const draftKey = (id: string) => `questline.draft.${id}`;
const isMac = /Mac|iPhone|iPad/.test(navigator.platform);
export const MOD = isMac ? '⌘' : 'Ctrl';

function errorText(e: unknown): string {
  if (e instanceof ApiError) {
    if (e.status === 429) return 'Too many submissions are still being graded. Wait for them to finish, then try again.';
    if (e.status === 503) return 'The grader is unavailable right now. Your code is safe here; try again in a minute.';
    return e.message;
  }
  return 'Could not send your code.';
}

export function ExercisePage({ id }: { id: string }) {
  const { data, error, reload } = useLoad<ExerciseView>(() => api.exercise(id), [id]);
  const [exercise, setExercise] = useState<ExerciseView | null>(null);
  useEffect(() => setExercise(data), [data]);
  if (error)
    return (
      <main id="main" class="page">
        <p class="error" role="alert">
          {error}
        </p>
      </main>
    );
  if (!exercise || exercise.id !== id)
    return (
      <main id="main" class="page">
        <p class="muted">Loading exercise…</p>
      </main>
    );
  return <ExerciseWorkspace key={exercise.id} exercise={exercise} onChange={setExercise} reload={reload} />;
}

function ExerciseWorkspace({ exercise, onChange }: { exercise: ExerciseView; onChange: (e: ExerciseView) => void; reload: () => void }) {
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the editor's first content, read once per exercise
  const initial = useMemo(() => localStorage.getItem(draftKey(exercise.id)) ?? exercise.starterCode, [exercise.id]);
  const code = useRef(initial);
  const editor = useRef<{ setCode(code: string): void; focus(): void } | null>(null);
  const saveTimer = useRef<number | undefined>(undefined);
  const [busy, setBusy] = useState<SubmissionKind | null>(null);
  const [sendError, setSendError] = useState<string | null>(null);
  const [currentId, setCurrentId] = useState<string | null>(null);
  const all = useStore(submissions);
  const current = currentId ? (all[currentId] ?? null) : null;
  const pending = !!current && current.status !== 'completed';

  function saveDraft(value: string) {
    code.current = value;
    window.clearTimeout(saveTimer.current);
    saveTimer.current = window.setTimeout(() => localStorage.setItem(draftKey(exercise.id), value), 250);
  }

  useEffect(
    () => () => {
      window.clearTimeout(saveTimer.current);
      localStorage.setItem(draftKey(exercise.id), code.current);
    },
    [exercise.id],
  );

  // A submission still pending from before a reload: pick it up again.
  useEffect(() => {
    let alive = true;
    api
      .exerciseSubmissions(exercise.id, 1)
      .then((page) => {
        const last = page.items[0];
        if (alive && last && last.status !== 'completed') {
          track(last);
          setCurrentId((cur) => cur ?? last.id);
        }
      })
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [exercise.id]);

  // Mark the exercise solved when a submission passes.
  useEffect(() => {
    if (current?.status === 'completed' && current.kind === 'submit' && current.verdict === 'passed' && !exercise.solved) {
      // As the server answers once solved: hints are free and revealing the solution forfeits nothing.
      onChange({ ...exercise, solved: true, solutionCost: 0, nextHintCost: exercise.nextHintCost === null ? null : 0 });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per change of the current submission's state
  }, [current?.status, current?.verdict]);

  async function send(kind: SubmissionKind) {
    if (busy || pending) return;
    localStorage.setItem(draftKey(exercise.id), code.current);
    setBusy(kind);
    setSendError(null);
    try {
      const sub = kind === 'run' ? await api.run(exercise.id, code.current) : await api.submit(exercise.id, code.current);
      track(sub);
      setCurrentId(sub.id);
    } catch (e) {
      setSendError(errorText(e));
    } finally {
      setBusy(null);
    }
  }
  const sendRef = useRef(send);
  sendRef.current = send;

  // Shortcuts also work outside the editor (the editor handles them itself when focused).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
      event.preventDefault();
      void sendRef.current(event.shiftKey ? 'submit' : 'run');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  function resetCode() {
    if (!window.confirm('Replace your code with the starter code? Your draft will be lost.')) return;
    editor.current?.setCode(exercise.starterCode);
  }

  return (
    <main id="main" class="exercise" data-testid="exercise-page" data-exercise-id={exercise.id}>
      <ExerciseSide
        exercise={exercise}
        onChange={onChange}
        onLoadSolution={(solution) => editor.current?.setCode(solution)}
        onShowSubmission={(sub) => {
          track(sub);
          setCurrentId(sub.id);
        }}
      />
      <section class="workbench" aria-label="Your solution">
        <div class="toolbar">
          <span class="filename" title={exercise.language === 'typescript' ? 'TypeScript' : 'JavaScript'}>
            {exercise.fileName}
          </span>
          <span class="spacer" />
          <button type="button" class="btn btn--ghost btn--small" onClick={resetCode}>
            Reset
          </button>
        </div>
        <Editor
          docKey={exercise.id}
          initial={initial}
          typescript={exercise.language === 'typescript'}
          label={`Code editor for ${exercise.fileName}`}
          onChange={saveDraft}
          onRun={() => void sendRef.current('run')}
          onSubmit={() => void sendRef.current('submit')}
          onReady={(handle) => (editor.current = handle)}
        />
        <div class="actions">
          <button
            type="button"
            class="btn"
            data-testid="run"
            title={`Run the visible tests, not graded (${MOD}+Enter)`}
            aria-keyshortcuts={isMac ? 'Meta+Enter' : 'Control+Enter'}
            disabled={!!busy || pending}
            onClick={() => void send('run')}
          >
            {busy === 'run' ? 'Sending…' : 'Run'} <kbd>{MOD}+↵</kbd>
          </button>
          <button
            type="button"
            class="btn btn--primary"
            data-testid="submit"
            title={`Submit for grading against all tests (${MOD}+Shift+Enter)`}
            aria-keyshortcuts={isMac ? 'Meta+Shift+Enter' : 'Control+Shift+Enter'}
            disabled={!!busy || pending}
            onClick={() => void send('submit')}
          >
            {busy === 'submit' ? 'Sending…' : 'Submit'} <kbd>{MOD}+⇧+↵</kbd>
          </button>
          {exercise.solved ? (
            <span class="tag tag--ok" data-testid="solved-badge">
              ✓ Solved
            </span>
          ) : null}
          {current?.status === 'completed' && current.verdict === 'passed' && current.kind === 'submit' && exercise.nextId ? (
            <a class="btn btn--ghost" href={`/exercises/${encodeURIComponent(exercise.nextId)}`} data-testid="next-exercise">
              Next exercise →
            </a>
          ) : null}
        </div>
        {sendError ? (
          <p class="error" role="alert" data-testid="send-error">
            {sendError}
          </p>
        ) : null}
        <Results sub={current} busy={!!busy} />
      </section>
    </main>
  );
}

export function toastError(e: unknown): void {
  toast('error', e instanceof ApiError ? e.message : 'Something went wrong');
}
