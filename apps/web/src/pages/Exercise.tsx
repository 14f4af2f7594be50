// The exercise page: instructions | editor + results. Run (visible tests, free) and Submit (all
// tests, graded) post the code; results stream in over the live socket (see lib/live.ts).
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { LIVE_EVENTS, type Draft, type Workspace, type XpBreakdown } from '@questline/contracts';
import { Editor } from '../components/Editor';
import { Results } from '../components/Results';
import { api, ApiError } from '../lib/api';
import { createDraftSaver, initialCode, isUnsynced, TAB_ID } from '../lib/drafts';
import { onLiveEvent, submissions, track } from '../lib/live';
import { useStore } from '../lib/store';
import { toast } from '../lib/toasts';
import type { ExerciseView, SubmissionKind } from '@questline/contracts';
import { useLoad } from './Courses';
import { ExerciseSide } from './ExerciseSide';
import { formatWhen } from './Profile';
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

/** Why Submit is refused before sending: nothing to grade, or the starter unchanged (it always fails). */
export function submitRefusal(code: string, starter: string): string | null {
  if (code.trim() === '') return 'Your editor is empty: write a solution first, then Submit.';
  if (code.trim() === starter.trim()) return 'This is still the starter code: change it first (Run it for free to see what fails).';
  return null;
}

export function ExercisePage({ id }: { id: string }) {
  const { data, error, reload } = useLoad<ExerciseView>(() => api.exercise(id), [id]);
  const [exercise, setExercise] = useState<ExerciseView | null>(null);
  // The learner's server-side code; null when it could not be fetched (offline: the local copy is used).
  const [workspace, setWorkspace] = useState<{ id: string; value: Workspace | null } | null>(null);
  useEffect(() => setExercise(data), [data]);
  useEffect(() => {
    let alive = true;
    api
      .workspace(id)
      .then((value) => alive && setWorkspace({ id, value }))
      .catch(() => alive && setWorkspace({ id, value: null }));
    return () => {
      alive = false;
    };
  }, [id]);
  if (error)
    return (
      <main id="main" class="page">
        <p class="error" role="alert">
          {error}
        </p>
      </main>
    );
  if (!exercise || exercise.id !== id || workspace?.id !== id)
    return (
      <main id="main" class="page">
        <p class="muted">Loading exercise…</p>
      </main>
    );
  if (exercise.locked) return <LockedExercise exercise={exercise} />;
  return <ExerciseWorkspace key={exercise.id} exercise={exercise} workspace={workspace.value} onChange={setExercise} reload={reload} />;
}

function ExerciseWorkspace({
  exercise,
  workspace,
  onChange,
}: {
  exercise: ExerciseView;
  workspace: Workspace | null;
  onChange: (e: ExerciseView) => void;
  reload: () => void;
}) {
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the editor's first content, decided once per exercise
  const opened = useMemo(() => initialCode(exercise.id, exercise.starterCode, workspace), [exercise.id]);
  const initial = opened.code;
  const code = useRef(initial);
  const editor = useRef<{ setCode(code: string): void; focus(): void } | null>(null);
  const [draftError, setDraftError] = useState<string | null>(null);
  const saver = useMemo(
    () =>
      createDraftSaver(
        exercise.id,
        { code: initial, revision: workspace?.draft?.revision ?? 0, unsynced: opened.source === 'local' && isUnsynced(exercise.id) },
        setDraftError,
      ),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one saver per exercise
    [exercise.id],
  );
  // Set while code from another tab is put into the editor, so it is not saved back as this tab's edit.
  const adopting = useRef(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [undoReset, setUndoReset] = useState<string | null>(null);
  const [busy, setBusy] = useState<SubmissionKind | null>(null);
  const [sendError, setSendError] = useState<string | null>(null);
  const [currentId, setCurrentId] = useState<string | null>(null);
  const currentIdRef = useRef(currentId);
  currentIdRef.current = currentId;
  // The result shown was restored from the last passing Submit (not graded in this visit).
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const all = useStore(submissions);
  const current = currentId ? (all[currentId] ?? null) : null;
  const pending = !!current && current.status !== 'completed';
  // How the XP of a passing Submit was made up: not in the live event, so asked once it is done.
  const [breakdown, setBreakdown] = useState<{ id: string; value: XpBreakdown } | null>(null);
  const earned = current?.status === 'completed' && current.kind === 'submit' && !!current.xpAwarded ? current.id : null;
  useEffect(() => {
    if (!earned) return;
    let alive = true;
    api
      .submission(earned)
      .then((sub) => alive && sub.xpBreakdown && setBreakdown({ id: earned, value: sub.xpBreakdown }))
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [earned]);

  function saveDraft(value: string) {
    code.current = value;
    if (adopting.current) return;
    saver.change(value);
  }

  useEffect(() => () => saver.dispose(), [saver]);

  // Another tab or device saved a newer draft: show it here, unless this tab holds an edit not yet
  // saved (that one is newer, and the other tab will be told in turn when it lands).
  useEffect(
    () =>
      onLiveEvent<Draft>(LIVE_EVENTS.draftUpdated, (draft) => {
        if (draft.exerciseId !== exercise.id || draft.tabId === TAB_ID || draft.revision <= saver.revision() || saver.dirty()) return;
        saver.adopt(draft);
        if (draft.code !== code.current) {
          adopting.current = true;
          editor.current?.setCode(draft.code);
          adopting.current = false;
          code.current = draft.code;
          setNotice(`Updated with your newer edit from another tab or device (${formatWhen(draft.updatedAt)}).`);
        }
      }),
    [exercise.id, saver],
  );

  // A solved exercise reopens with its last passing result (and, unless a newer draft exists, its code).
  useEffect(() => {
    const passing = workspace?.lastPassing;
    if (!passing) return;
    let alive = true;
    api
      .submission(passing.submissionId)
      .then((sub) => {
        if (!alive || currentIdRef.current) return;
        track(sub);
        setCurrentId(sub.id);
        setRestoredAt(passing.createdAt);
      })
      .catch(() => undefined);
    return () => {
      alive = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per exercise
  }, [exercise.id]);

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
    saver.flush();
    const refusal = kind === 'submit' ? submitRefusal(code.current, exercise.starterCode) : null;
    if (refusal) {
      // Nothing is sent: an empty or untouched starter would only fail (and cost the spree).
      setSendError(refusal);
      setCurrentId(null);
      return;
    }
    setBusy(kind);
    setSendError(null);
    setRestoredAt(null);
    try {
      const sub = kind === 'run' ? await api.run(exercise.id, code.current) : await api.submit(exercise.id, code.current);
      track(sub);
      setCurrentId(sub.id);
    } catch (e) {
      setSendError(errorText(e));
      // The previous result is not about this code: do not leave it under the error.
      setCurrentId(null);
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

  // No confirmation: the reset can be undone (the button below, or the editor's own Ctrl+Z).
  function resetCode() {
    if (code.current === exercise.starterCode) return;
    setUndoReset(code.current);
    editor.current?.setCode(exercise.starterCode);
  }

  function undo() {
    if (undoReset === null) return;
    editor.current?.setCode(undoReset);
    setUndoReset(null);
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
          <button type="button" class="btn btn--ghost btn--small" data-testid="reset" onClick={resetCode}>
            Reset to starter
          </button>
        </div>
        {undoReset !== null ? (
          <p class="banner" role="status" data-testid="reset-banner">
            The starter code is back.{' '}
            <button type="button" class="btn btn--small" data-testid="reset-undo" onClick={undo}>
              Undo reset
            </button>
          </p>
        ) : null}
        {notice ? (
          <p class="banner" role="status" data-testid="draft-notice">
            {notice}{' '}
            <button type="button" class="linklike" onClick={() => setNotice(null)}>
              Dismiss
            </button>
          </p>
        ) : null}
        {draftError ? (
          <p class="error" role="alert" data-testid="draft-error">
            {draftError}
          </p>
        ) : null}
        <Editor
          docKey={exercise.id}
          initial={initial}
          typescript={exercise.language === 'typescript'}
          sqlSchema={exercise.language === 'sql' ? (exercise.databaseSchema ?? []) : undefined}
          label={`Code editor for ${exercise.fileName}`}
          onChange={saveDraft}
          onRun={() => void sendRef.current('run')}
          onSubmit={() => void sendRef.current('submit')}
          onReady={(handle) => (editor.current = handle)}
          diagnostics={current?.diagnostics?.filter((d) => d.file === exercise.fileName)}
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
          {(exercise.solved || (current?.status === 'completed' && current.verdict === 'passed' && current.kind === 'submit')) &&
          exercise.nextId ? (
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
        {restoredAt && current ? (
          <p class="muted" data-testid="restored-note">
            Your last passing Submit ({formatWhen(restoredAt)}).
          </p>
        ) : null}
        <Results sub={current} busy={!!busy} breakdown={breakdown && breakdown.id === current?.id ? breakdown.value : null} />
      </section>
    </main>
  );
}

/** A locked exercise opened by its address: no editor, but what unlocks it and a link there. */
function LockedExercise({ exercise }: { exercise: ExerciseView }) {
  const locked = exercise.locked!;
  return (
    <main id="main" class="page" data-testid="exercise-locked" data-exercise-id={exercise.id}>
      <p class="crumbs">
        <a href="/">Courses</a> › <a href={`/courses/${encodeURIComponent(exercise.course.slug)}`}>{exercise.course.title}</a> ›{' '}
        {exercise.chapter.title}
      </p>
      <h1 data-testid="exercise-title">{exercise.title}</h1>
      <div class="card locked" role="status">
        <h2>This exercise is locked</h2>
        <p data-testid="locked-reason">
          It unlocks when you solve {locked.requires.length ? locked.requires.join(' and ') : 'the exercises before it'}.
        </p>
        {locked.unlockAt ? (
          <a class="btn btn--primary" href={`/exercises/${encodeURIComponent(locked.unlockAt.id)}`} data-testid="unlock-link">
            Go to “{locked.unlockAt.title}” →
          </a>
        ) : (
          <a class="btn" href={`/courses/${encodeURIComponent(exercise.course.slug)}`}>
            Back to the course map
          </a>
        )}
      </div>
    </main>
  );
}

export function toastError(e: unknown): void {
  toast('error', e instanceof ApiError ? e.message : 'Something went wrong');
}
