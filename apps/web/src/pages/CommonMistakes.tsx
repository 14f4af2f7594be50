// Common mistakes on the instructor's stats page (issue 16 item 3): per exercise, the biggest groups of
// failing Submits (same failing tests, same normalised messages) with counts and example code (never who
// wrote it), and a short note per group that later learners in the group see as "Instructor's tip".
import { useState } from 'preact/hooks';
import { MISTAKE_NOTE_MAX_CHARS, type MistakeGroup, type PackMistakes } from '@questline/contracts';
import { api, ApiError } from '../lib/api';
import { useLoad } from './Courses';

const GROUPS_SHOWN = 5;

function NoteEditor({ slug, exercise, group, onSaved }: { slug: string; exercise: string; group: MistakeGroup; onSaved: () => void }) {
  const [text, setText] = useState(group.note ?? '');
  const [state, setState] = useState<{ busy: boolean; error: string | null; saved: boolean }>({ busy: false, error: null, saved: false });
  const save = async (e: Event) => {
    e.preventDefault();
    setState({ busy: true, error: null, saved: false });
    try {
      await api.saveMistakeNote(slug, exercise, group.signature, text);
      setState({ busy: false, error: null, saved: true });
      onSaved();
    } catch (err) {
      setState({ busy: false, error: err instanceof ApiError ? err.message : 'Could not save the note', saved: false });
    }
  };
  return (
    <form class="mistake__note" onSubmit={save}>
      <label>
        Note for learners who make this mistake
        <textarea
          data-testid="mistake-note"
          rows={3}
          maxLength={MISTAKE_NOTE_MAX_CHARS}
          value={text}
          onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
        />
      </label>
      {group.needsReview ? (
        <p class="warning" data-testid="mistake-needs-review">
          Needs review: the tests changed since this note was written, so learners do not see it. Save it again to show it.
        </p>
      ) : null}
      <button type="submit" class="btn" disabled={state.busy} data-testid="mistake-note-save">
        Save note
      </button>
      {state.saved ? (
        <span class="muted" role="status" data-testid="mistake-note-saved">
          {' '}
          Saved.
        </span>
      ) : null}
      {state.error ? (
        <p class="error" role="alert">
          {state.error}
        </p>
      ) : null}
    </form>
  );
}

export function CommonMistakes({ slug }: { slug: string }) {
  const { data, error, reload } = useLoad<PackMistakes>(() => api.packMistakes(slug), [slug]);
  if (error) return <p class="error">{error}</p>;
  if (!data) return null;
  return (
    <section data-testid="common-mistakes" aria-labelledby="common-mistakes-title">
      <h2 id="common-mistakes-title">Common mistakes</h2>
      {data.exercises.map((exercise) => (
        <div key={exercise.slug} class="card" data-testid="mistakes-exercise" data-exercise={exercise.slug}>
          <h3>{exercise.title}</h3>
          {exercise.groups.length === 0 ? <p class="muted">No failing Submits yet.</p> : null}
          <ol>
            {exercise.groups.slice(0, GROUPS_SHOWN).map((group) => (
              <li key={group.signature} data-testid="mistake-group" data-signature={group.signature}>
                <p>
                  <strong data-testid="mistake-count">{group.submits}</strong> failing Submits by {group.learners}{' '}
                  {group.learners === 1 ? 'learner' : 'learners'} · {group.verdict}
                </p>
                <ul>
                  {group.tests.map((t) => (
                    <li key={t.id}>
                      <code>{t.label}</code>
                      {t.message ? <pre class="test__message">{t.message}</pre> : null}
                    </li>
                  ))}
                </ul>
                <details>
                  <summary>Example attempts ({group.examples.length})</summary>
                  {group.examples.map((example, i) => (
                    <pre key={i} class="code" data-testid="mistake-example">
                      {example.code}
                    </pre>
                  ))}
                </details>
                <NoteEditor slug={slug} exercise={exercise.slug} group={group} onSaved={reload} />
              </li>
            ))}
          </ol>
        </div>
      ))}
    </section>
  );
}
