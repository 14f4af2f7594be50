// The results panel: one row per test, pending until its `submission.test` event arrives, then
// green or red with the failure message, the learner's output and any limit hit. Everything the
// learner's code produced is rendered as text (JSX text nodes), never as HTML.
import type { LiveSubmission } from '../lib/live';
import type { LimitHit, TestResult, Verdict } from '@questline/contracts';

const VERDICT_TEXT: Record<Verdict, string> = {
  passed: 'All tests passed',
  failed: 'Some tests failed',
  error: 'Your code could not run',
  time_limit: 'Time limit exceeded',
  memory_limit: 'Memory limit exceeded',
  sandbox_error: 'The grader had a problem (not your fault) — try again',
};

const LIMIT_TEXT: Record<LimitHit['kind'], string> = {
  time: 'Time limit hit: the code ran too long (an endless loop, or a promise that never settles?)',
  memory: 'Memory limit hit: the code used too much memory',
  output: 'Output limit hit: the code printed too much',
};

function TestRow({ index, test }: { index: number; test?: TestResult }) {
  const status = test?.status ?? 'pending';
  const icon = status === 'pass' ? '✓' : status === 'pending' ? '…' : '✗';
  const label = status === 'pass' ? 'passed' : status === 'fail' ? 'failed' : status === 'error' ? 'error' : 'pending';
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
        <span class="sr-only">{label}</span>
        {/* Hidden tests report no duration (a side channel). */}
        {test && status !== 'pending' && !test.hidden ? <span class="test__time">{Math.round(test.durationMs)} ms</span> : null}
      </div>
      {open && test?.message ? (
        <pre class="test__message" data-testid="test-message">
          {test.message}
        </pre>
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
          <pre>{test.testCode}</pre>
        </details>
      ) : null}
    </li>
  );
}

export function Results({ sub, busy }: { sub: LiveSubmission | null; busy: boolean }) {
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
  const done = sub.status === 'completed';
  const limitName = sub.limit?.testName;
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
            : `${passed}/${total} passed`}
        </span>
      </header>
      {done && sub.verdict ? (
        <div
          class={`verdict verdict--${sub.verdict === 'passed' ? 'pass' : 'fail'}`}
          data-testid="verdict"
          data-verdict={sub.verdict}
          role="status"
        >
          <strong>{VERDICT_TEXT[sub.verdict]}</strong>
          {!isRun && sub.verdict === 'passed' && sub.xpAwarded ? (
            <span class="xp-gain" data-testid="xp-awarded">
              {' '}
              +{sub.xpAwarded} XP
            </span>
          ) : null}
          {!isRun && sub.verdict === 'passed' && !sub.xpAwarded ? <span> (no new XP: already solved)</span> : null}
          {isRun ? <span> — Run never awards XP. Press Submit to be graded.</span> : null}
        </div>
      ) : null}
      {sub.limit ? (
        <div class="limit" data-testid="limit" role="alert">
          {LIMIT_TEXT[sub.limit.kind]}
          {limitName ? ` (in “${limitName}”)` : ''}
        </div>
      ) : null}
      {sub.message ? (
        <pre class="results__message" data-testid="results-message">
          {sub.message}
        </pre>
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
