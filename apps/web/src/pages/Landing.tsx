// The first page a visitor without a session sees (what Questline is, a sample of the exercise page,
// sign up / sign in), and the 404 page. Static: no request, so it shows at once.

const SAMPLE_CODE = `export function twoFer(name = 'you') {
  return \`One for \${name}, one for me.\`;
}`;

const SAMPLE_TESTS = ['a name given', 'another name given', 'no name given', 'Hidden test 1'];

export function LandingPage() {
  return (
    <main id="main" class="landing" data-testid="landing">
      <section class="landing__hero">
        <h1>Learn to code by making tests go green</h1>
        <p class="landing__lead">
          Questline gives you small JavaScript and TypeScript quests. Write the code in your browser, press <strong>Run</strong>, and watch
          every test turn green or red as it finishes. <strong>Submit</strong> when it passes to earn XP, level up, keep a daily streak and
          climb the leaderboards.
        </p>
        <p class="landing__cta">
          <a class="btn btn--primary" href="/signup" data-testid="landing-signup">
            Create a free account
          </a>
          <a class="btn" href="/signin" data-testid="landing-signin">
            Sign in
          </a>
        </p>
        <ul class="landing__points">
          <li>Real Jest tests, graded in milliseconds in a sandbox</li>
          <li>Hints when you are stuck, with their XP cost shown first</li>
          <li>Your code is saved as you type and follows you to any device</li>
        </ul>
      </section>
      <figure class="landing__sample" aria-label="A sample of the exercise page">
        <div class="landing__window">
          <div class="toolbar">
            <span class="filename">two-fer.js</span>
          </div>
          <pre class="landing__code">{SAMPLE_CODE}</pre>
          <div class="results">
            <div class="verdict verdict--pass">
              <strong>All tests passed</strong> <span class="xp-gain">+10 XP</span>
            </div>
            <ol class="tests">
              {SAMPLE_TESTS.map((name) => (
                <li key={name} class="test test--pass">
                  <div class="test__head">
                    <span class="test__icon" aria-hidden="true">
                      ✓
                    </span>
                    <span class="test__name">{name}</span>
                    <span class="sr-only">passed</span>
                  </div>
                </li>
              ))}
            </ol>
          </div>
        </div>
        <figcaption class="muted">An exercise after a passing Submit.</figcaption>
      </figure>
    </main>
  );
}

export function NotFoundPage() {
  return (
    <main id="main" class="page" data-testid="not-found">
      <h1>Page not found</h1>
      <p>There is nothing at this address. It may have moved, or the link has a typo.</p>
      <p>
        <a class="btn" href="/">
          Go to the start page
        </a>
      </p>
    </main>
  );
}
