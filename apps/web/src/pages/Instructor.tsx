// Instructor pages: upload a pack (.tar.gz) and see the server's validation report (and, once published,
// its tests' mutation scores); per-pack stats
// with the most-failed tests per exercise as a table and a simple SVG bar chart.
import { useState } from 'preact/hooks';
import { api, ApiError } from '../lib/api';
import type {
  ExerciseStats,
  PackCheckView,
  PackReportEntry,
  PackStats,
  PackSummary,
  PublishedPack,
  PublishMutationSummary,
} from '@questline/contracts';
import { useLoad } from './Courses';
import { CommonMistakes } from './CommonMistakes';

/** How often the page looks at a publish check the server is still running. */
const CHECK_POLL_MS = 1000;

const isCheck = (value: PublishedPack | PackCheckView): value is PackCheckView => 'status' in value && 'id' in value;

function reportOf(e: ApiError): PackReportEntry[] {
  const body = e.body as { report?: unknown } | null;
  return Array.isArray(body?.report) ? (body.report as PackReportEntry[]) : [];
}

export function InstructorPage() {
  const packs = useLoad<PackSummary[]>(() => api.myPacks(), []);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [ok, setOk] = useState<PublishedPack | null>(null);
  const [failure, setFailure] = useState<{ message: string; report: PackReportEntry[] } | null>(null);

  const [check, setCheck] = useState<PackCheckView | null>(null);

  /** A 202: follow the publish check until it finishes (the server grades the pack on its workers). */
  async function follow(started: PackCheckView) {
    let current = started;
    setCheck(current);
    while (current.status === 'queued' || current.status === 'running') {
      await new Promise((resolve) => setTimeout(resolve, CHECK_POLL_MS));
      current = await api.packCheck(current.id);
      setCheck(current);
    }
    setCheck(null);
    if (current.status === 'published' && current.result) {
      setOk(current.result);
      packs.reload();
    } else {
      setFailure({ message: current.message ?? `The publish check ended: ${current.status}`, report: current.report ?? [] });
    }
  }

  async function upload(event: Event) {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setOk(null);
    setFailure(null);
    try {
      const answer = await api.uploadPack(file);
      if (isCheck(answer)) await follow(answer);
      else {
        setOk(answer);
        packs.reload();
      }
    } catch (e) {
      setCheck(null);
      if (e instanceof ApiError) {
        const hint = e.status === 403 ? ' (uploading packs needs the instructor role)' : '';
        setFailure({ message: e.message + hint, report: reportOf(e) });
      } else setFailure({ message: 'Upload failed', report: [] });
    } finally {
      setBusy(false);
    }
  }

  async function cancel() {
    if (!check) return;
    // The follow loop sees the cancelled check on its next look and reports it.
    await api.cancelPackCheck(check.id).catch(() => undefined);
  }

  return (
    <main id="main" class="page">
      <h1>Instructor</h1>
      <section class="card">
        <h2>Upload a pack</h2>
        <p class="muted">
          A <code>.tar.gz</code> of a pack folder (check it first with <code>npx questline pack validate</code>). Uploading a newer version
          of one of your packs updates it.
        </p>
        <form onSubmit={upload} class="upload" data-testid="upload-form">
          <label class="field">
            <span>Pack archive</span>
            <input
              type="file"
              name="pack"
              accept=".tar.gz,.tgz,application/gzip"
              required
              onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
            />
          </label>
          <button type="submit" class="btn btn--primary" disabled={!file || busy}>
            {busy ? (check ? 'Checking…' : 'Uploading…') : 'Upload'}
          </button>
        </form>
        <div aria-live="polite">
          {check ? (
            <p role="status" data-testid="upload-check">
              Checking on the server ({check.status}): {check.progress.graded} of {check.progress.gradings} gradings done.{' '}
              <button type="button" class="btn" onClick={() => void cancel()}>
                Cancel
              </button>
            </p>
          ) : null}
          {ok ? (
            <p class="ok" role="status" data-testid="upload-ok">
              ✓ Published <strong>{ok.slug}</strong> {ok.version} with {ok.exerciseCount} exercises.{' '}
              <a href={`/instructor/packs/${encodeURIComponent(ok.slug)}`}>See its stats</a>
            </p>
          ) : null}
          {ok?.mutation ? <MutationScores summary={ok.mutation} /> : null}
          {failure ? (
            <div class="report" data-testid="upload-report">
              <p class="error" role="alert">
                {failure.message}
              </p>
              {failure.report.length ? (
                <table class="table">
                  <caption>
                    Validation report: {failure.report.length} problem{failure.report.length === 1 ? '' : 's'}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Exercise</th>
                      <th scope="col">File</th>
                      <th scope="col">Field</th>
                      <th scope="col">Problem</th>
                    </tr>
                  </thead>
                  <tbody>
                    {failure.report.map((r, i) => (
                      <tr key={i}>
                        <td>{r.exercise ?? <span class="muted">(pack)</span>}</td>
                        <td>
                          <code>{r.file ?? ''}</code>
                        </td>
                        <td>
                          <code>{r.field ?? ''}</code>
                        </td>
                        <td>{r.message}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : null}
            </div>
          ) : null}
        </div>
      </section>
      <section>
        <h2>Your packs</h2>
        {packs.error ? <p class="error">{packs.error}</p> : null}
        {packs.data && packs.data.length === 0 ? <p class="muted">You have not uploaded a pack yet.</p> : null}
        <ul class="cards">
          {packs.data?.map((p) => (
            <li key={p.slug} class="card">
              <h3>
                <a href={`/instructor/packs/${encodeURIComponent(p.slug)}`}>{p.title}</a>
              </h3>
              <p class="muted">
                {p.slug} · v{p.version}
              </p>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}

/** A ratio (0–1, from the server) as a percentage; null (nobody tried) shows as a dash, not 0%. */
const pct = (n: number | null) => (n === null || n === undefined ? '–' : `${Math.round(n * 100)}%`);
const duration = (ms: number | null) => {
  if (ms === null || ms === undefined) return '–';
  const min = ms / 60000;
  return min < 1 ? `${Math.round(ms / 1000)} s` : min < 90 ? `${Math.round(min)} min` : `${(min / 60).toFixed(1)} h`;
};

function FailChart({ exercise }: { exercise: ExerciseStats }) {
  const tests = exercise.mostFailedTests.slice(0, 6);
  if (tests.length === 0) return <p class="muted">No failing tests recorded.</p>;
  const max = Math.max(...tests.map((t) => t.failures), 1);
  const rowH = 26;
  const labelW = 260;
  const barW = 300;
  return (
    <svg
      class="chart"
      role="img"
      aria-label={`Most failed tests of ${exercise.title}`}
      viewBox={`0 0 ${labelW + barW + 50} ${tests.length * rowH + 4}`}
      width="100%"
      data-testid="fail-chart"
    >
      {tests.map((t, i) => {
        const w = Math.max(2, (t.failures / max) * barW);
        const y = i * rowH + 2;
        const label = t.name.length > 40 ? `${t.name.slice(0, 39)}…` : t.name;
        return (
          <g key={t.name}>
            <title>{`${t.name}: ${t.failures} failures`}</title>
            <text x={labelW - 8} y={y + rowH / 2 + 4} text-anchor="end" class="chart__label">
              {label}
            </text>
            <rect x={labelW} y={y + 3} width={w} height={rowH - 8} rx={3} class="chart__bar" />
            <text x={labelW + w + 6} y={y + rowH / 2 + 4} class="chart__value">
              {t.failures}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export function PackStatsPage({ slug }: { slug: string }) {
  const { data, error } = useLoad<PackStats>(() => api.packStats(slug), [slug]);
  return (
    <main id="main" class="page">
      <p class="crumbs">
        <a href="/instructor">Instructor</a> ›
      </p>
      <h1>Stats: {slug}</h1>
      {data ? (
        <p class="muted" data-testid="stats-version">
          Current version {data.version}
        </p>
      ) : null}
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      {!data && !error ? <p class="muted">Loading…</p> : null}
      {data ? (
        <>
          <div class="table-wrap">
            <table class="table" data-testid="stats-table">
              <thead>
                <tr>
                  <th scope="col">Exercise</th>
                  <th scope="col">Learners</th>
                  <th scope="col">Attempts</th>
                  <th scope="col">Pass rate</th>
                  <th scope="col">First try</th>
                  <th scope="col">Median attempts</th>
                  <th scope="col">Median time</th>
                  <th scope="col">Hints</th>
                  <th scope="col">Solutions</th>
                  <th scope="col">Most failed test</th>
                </tr>
              </thead>
              <tbody>
                {data.exercises.map((e) => (
                  <tr key={e.slug}>
                    <th scope="row">{e.title}</th>
                    <td>{e.learnersTried}</td>
                    <td>{e.attempts}</td>
                    <td>{pct(e.passRate)}</td>
                    <td>{pct(e.firstTryPassRate)}</td>
                    <td>{e.medianAttemptsToPass ?? '–'}</td>
                    <td>{duration(e.medianTimeToPassMs)}</td>
                    <td>{e.hintReveals}</td>
                    <td>{e.solutionReveals}</td>
                    <td>{e.mostFailedTests[0] ? `${e.mostFailedTests[0].name} (${e.mostFailedTests[0].failures})` : '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2>Most failed tests</h2>
          <div class="charts">
            {data.exercises.map((e) => (
              <figure key={e.slug} class="card">
                <figcaption>
                  <strong>{e.title}</strong>{' '}
                  <span class="muted">· {e.passRate === null ? 'no attempts yet' : `pass rate ${pct(e.passRate)}`}</span>
                </figcaption>
                <FailChart exercise={e} />
              </figure>
            ))}
          </div>
          <CommonMistakes slug={slug} />
        </>
      ) : null}
    </main>
  );
}

const MAX_SURVIVORS_SHOWN = 3;

/** The publish check's mutation scores: how many changed copies of each reference solution the tests catch. */
function MutationScores({ summary }: { summary: PublishMutationSummary }) {
  return (
    <table class="table" data-testid="mutation-scores">
      <caption>
        Test strength: mutation score per exercise (lowest {summary.lowestScore === null ? 'n/a' : `${summary.lowestScore} %`}). A surviving
        mutant is a change to your solution that every test still passes.
      </caption>
      <thead>
        <tr>
          <th scope="col">Exercise</th>
          <th scope="col">Score</th>
          <th scope="col">Killed</th>
          <th scope="col">Survivors</th>
        </tr>
      </thead>
      <tbody>
        {summary.exercises.map((e) => (
          <tr key={e.exercise}>
            <td>
              <code>{e.exercise}</code>
            </td>
            <td>{e.score === null ? <span class="muted">n/a</span> : `${e.score} %`}</td>
            <td>
              {e.killed + e.timeout}/{e.mutants - e.equivalent - e.errors}
            </td>
            <td>
              {e.survivors.slice(0, MAX_SURVIVORS_SHOWN).map((s) => (
                <div key={s.id}>
                  line {s.line}: <code>{s.after}</code> instead of <code>{s.before}</code>
                </div>
              ))}
              {e.survivors.length > MAX_SURVIVORS_SHOWN ? (
                <span class="muted">and {e.survivors.length - MAX_SURVIVORS_SHOWN} more</span>
              ) : null}
              {e.problems.map((p) => (
                <div key={p} class="muted">
                  {p}
                </div>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
