// Sign in / sign up.
import { useState } from 'preact/hooks';
import { api, ApiError, setSession } from '../lib/api';
import { navigate, queryParam, location } from '../lib/router';

export function AuthPage({ mode }: { mode: 'signin' | 'signup' }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const signup = mode === 'signup';

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = signup ? await api.register(email.trim(), password, displayName.trim()) : await api.login(email.trim(), password);
      setSession(result.accessToken, result.user);
      const next = queryParam(location.get(), 'next');
      navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : '/', { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Something went wrong');
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" class="auth">
      <div class="card auth__card">
        <h1>{signup ? 'Start your quest' : 'Welcome back'}</h1>
        <p class="muted">{signup ? 'Write real code, watch the tests go green, earn XP.' : 'Sign in to continue your streak.'}</p>
        <form onSubmit={submit} data-testid={signup ? 'signup-form' : 'signin-form'}>
          {signup ? (
            <label class="field">
              <span>Display name</span>
              <input
                name="displayName"
                autocomplete="nickname"
                required
                maxLength={40}
                value={displayName}
                onInput={(e) => setDisplayName(e.currentTarget.value)}
              />
            </label>
          ) : null}
          <label class="field">
            <span>Email</span>
            <input name="email" type="email" autocomplete="email" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
          </label>
          <label class="field">
            <span>Password {signup ? <small class="muted">(at least 8 characters, not a common one)</small> : null}</span>
            <input
              name="password"
              type="password"
              autocomplete={signup ? 'new-password' : 'current-password'}
              required
              minLength={signup ? 8 : undefined}
              value={password}
              onInput={(e) => setPassword(e.currentTarget.value)}
            />
          </label>
          {error ? (
            <p class="error" role="alert" data-testid="auth-error">
              {error}
            </p>
          ) : null}
          <button type="submit" class="btn btn--primary btn--block" disabled={busy}>
            {busy ? 'Please wait…' : signup ? 'Create account' : 'Sign in'}
          </button>
        </form>
        <p class="auth__switch">
          {signup ? (
            <>
              Already have an account? <a href="/signin">Sign in</a>
            </>
          ) : (
            <>
              New here? <a href="/signup">Create an account</a>
            </>
          )}
        </p>
      </div>
    </main>
  );
}
