// The results panel: one row per test, pending until its `submission.test` event arrives, then
// green or red with the failure message, the learner's output and any limit hit. Everything the
// learner's code produced is rendered as text (JSX text nodes), never as HTML.
import type { LiveSubmission } from '../lib/live';
import { RowsComparison } from './SqlTables';
import type { LimitHit, TestResult, Verdict, XpBreakdown } from '@questline/contracts';
import { Code } from './Code';
import { XpBreakdownNote } from './XpBreakdown';

const VERDICT_TEXT: Record<Verdict, string> = {
  passed: 'All tests passed',
  failed: 'Some tests failed',
  error: 'Your code could not run',
  compile_error: 'Type errors: your code does not compile',
  time_limit: 'Time limit exceeded',
  memory_limit: 'Memory limit exceeded',
  sandbox_error: 'The grader had a problem (not your fault) — try again',
};

// A limit verdict is said once, in the verdict box, with the test that hit it; the rows then only mark
// that test "stopped here" and the ones after it "not run".
const LIMIT_TEXT: Record<LimitHit['kind'], { title: string; help: string }> = {
  time: { title: 'Time limit exceeded', help: 'The code ran too long: an endless loop, or a promise that never settles?' },
  memory: { title: 'Memory limit exceeded', help: 'The code used too much memory: a structure that keeps growing?' },
  output: { title: 'Output limit exceeded', help: 'The code printed too much: a console.log inside a loop?' },
};

/** What the grader writes on a test it never reached, and on the one a limit stopped (see libs/sandbox verdict.ts). */
const NOT_RUN = 'Not run';
const STOPPED = / limit exceeded while this test was running\.$/;

type RowStatus = TestResult['status'] | 'pending' | 'not-run' | 'stopped';

function rowStatus(test: TestResult | undefined): RowStatus {
  if (!test) return 'pending';
  if (test.status !== 'pass' && test.message === NOT_RUN) return 'not-run';
  if (test.status !== 'pass' && test.message && STOPPED.test(test.message)) return 'stopped';
  return test.status;
}

const ROW_ICON: Record<RowStatus, string> = { pass: '✓', fail: '✗', error: '✗', pending: '…', 'not-run': '–', stopped: '■' };
const ROW_LABEL: Record<RowStatus, string> = {
  pass: 'passed',
  fail: 'failed',
  error: 'error',
  pending: 'pending',
  'not-run': 'not run',
  stopped: 'stopped by the limit',
};

function TestRow({ index, test }: { index: number; test?: TestResult }) {
  const status = rowStatus(test);
  const icon = ROW_ICON[status];
  const label = ROW_LABEL[status];
  const open = status === 'fail' || status === 'error';
  return (
    <li class={`test test--${status}`} data-testid="test-row" data-status={status} data-index={index}>
      <div class="test__head">
        <span class="test__icon" aria-hidden="true">
          {icon}
        </span>
        <span class="test__name" data-testid="test-name">
          {test ? test.name : `Test ${index + 1}`}
        </span>
        {test?.hidden ? <span class="tag">hidden</span> : null}
        {status === 'not-run' ? <span class="tag">not run</span> : null}
        {status === 'stopped' ? <span class="tag tag--bad">stopped here</span> : null}
        <span class="sr-only">{label}</span>
        {/* Hidden tests report no duration (a side channel). */}
        {test && (status === 'pass' || status === 'fail' || status === 'error') && !test.hidden ? (
          <span class="test__time">{Math.round(test.durationMs)} ms</span>
        ) : null}
      </div>
      {open && test?.rows ? <RowsComparison rows={test.rows} /> : null}
      {open && test?.message ? (
        test.rows ? (
          <details class="test__code">
            <summary>Message as text</summary>
            <pre class="test__message" data-testid="test-message">
              {test.message}
            </pre>
          </details>
        ) : (
          <pre class="test__message" data-testid="test-message">
            {test.message}
          </pre>
        )
      ) : null}
      {test?.output ? (
        <details class="test__output" open={open}>
          <summary>Your output</summary>
          <pre data-testid="test-output">{test.output}</pre>
        </details>
      ) : null}
      {open && test?.testCode ? (
        <details class="test__code">
          <summary>Test code</summary>
          <Code code={test.testCode} typescript />
        </details>
      ) : null}
    </li>
  );
}

export function Results({ sub, busy, breakdown }: { sub: LiveSubmission | null; busy: boolean; breakdown?: XpBreakdown | null }) {
  if (!sub) {
    return (
      <section class="results" aria-label="Test results" aria-live="polite" data-testid="results">
        <p class="muted">
          {busy
            ? 'Sending your code…'
            : 'Run checks your code against the visible tests (free). Submit grades it against all tests and awards XP.'}
        </p>
      </section>
    );
  }
  const isRun = sub.kind === 'run';
  const total = Math.max(sub.total ?? 0, sub.tests.length);
  const rows = Array.from({ length: total }, (_, i) => sub.tests[i]);
  const passed = rows.filter((r) => r?.status === 'pass').length;
  const notRun = rows.filter((r) => rowStatus(r) === 'not-run').length;
  const done = sub.status === 'completed';
  const limit = sub.limit ? LIMIT_TEXT[sub.limit.kind] : null;
  const limitName = sub.limit?.testName;
  // The summary message repeats the limit ("Time limit exceeded while running …: detail"): its detail goes
  // into the verdict box, so the limit is named once.
  const detail = sub.limit && sub.message ? limitDetail(sub.message) : undefined;
  const message = sub.limit ? undefined : sub.message;
  return (
    <section
      class="results"
      aria-label="Test results"
      aria-live="polite"
      aria-busy={!done}
      data-testid="results"
      data-submission-id={sub.id}
      data-kind={sub.kind ?? ''}
      data-state={sub.status}
      data-verdict={sub.verdict ?? ''}
    >
      <header class="results__head">
        <h2 class="results__title">{isRun ? 'Run — not graded' : 'Submission'}</h2>
        <span class="results__status" data-testid="results-status">
          {!done
            ? sub.status === 'queued'
              ? 'Queued…'
              : total
                ? `Running… ${passed}/${total} passed so far`
                : 'Running…'
            : total === 0
              ? 'No test finished'
              : `${passed}/${total} passed${notRun ? `, ${notRun} not run` : ''}`}
        </span>
      </header>
      {done && sub.verdict ? (
        <div
          class={`verdict verdict--${sub.verdict === 'passed' ? 'pass' : 'fail'}`}
          data-testid="verdict"
          data-verdict={sub.verdict}
          role="status"
        >
          {limit ? (
            <span data-testid="limit">
              <strong>{limit.title}</strong>
              {limitName ? ` in “${limitName}”` : ' before any test finished'}
              {detail ? `: ${detail}` : '.'} {limit.help}
            </span>
          ) : (
            <strong>{VERDICT_TEXT[sub.verdict]}</strong>
          )}
          {!isRun && sub.verdict === 'passed' && sub.xpAwarded ? (
            <span class="xp-gain" data-testid="xp-awarded">
              {' '}
              +{sub.xpAwarded} XP
            </span>
          ) : null}
          {!isRun && sub.verdict === 'passed' && sub.xpAwarded && breakdown ? <XpBreakdownNote breakdown={breakdown} /> : null}
          {!isRun && sub.verdict === 'passed' && !sub.xpAwarded ? <span> (no new XP: already solved)</span> : null}
          {isRun ? <span> — Run never awards XP. Press Submit to be graded.</span> : null}
        </div>
      ) : null}
      {sub.tip ? (
        <aside class="results__tip" data-testid="instructor-tip" aria-label="Instructor's tip">
          <strong>Instructor's tip</strong>
          <p>{sub.tip.note}</p>
        </aside>
      ) : null}
      {message ? (
        <pre class="results__message" data-testid="results-message">
          {message}
        </pre>
      ) : null}
      {sub.diagnostics?.length ? (
        <ul class="diagnostics" data-testid="diagnostics" aria-label="Type errors">
          {sub.diagnostics.map((d, i) => (
            <li key={i} class="diagnostic" data-testid="diagnostic" data-code={d.code}>
              <span class="diagnostic__where">{d.hidden ? 'hidden test' : `${d.file}:${d.line}:${d.column}`}</span>{' '}
              <span class="diagnostic__code">TS{d.code}</span>
              {d.testName ? <span class="diagnostic__test"> in “{d.testName}”</span> : null}
              <pre class="diagnostic__message">{d.message}</pre>
            </li>
          ))}
        </ul>
      ) : null}
      {total === 0 && !done ? <p class="muted">Waiting for the grader…</p> : null}
      <ol class="tests" data-testid="tests">
        {rows.map((test, i) => (
          <TestRow key={i} index={i} test={test} />
        ))}
      </ol>
    </section>
  );
}

/** "Time limit exceeded while running "x": ran longer than 2000 ms" → "ran longer than 2000 ms" (said above already). */
function limitDetail(message: string): string | undefined {
  const cut = message.match(/^(Time|Memory|Output) limit exceeded[^:]*:\s*(.*)$/s);
  if (!cut) return message;
  return cut[2].trim() || undefined;
}
