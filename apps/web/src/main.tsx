// Entry: session bootstrap (token → /api/me, progress, live socket), the router, header and toasts.
import { render } from 'preact';
import { useEffect } from 'preact/hooks';
import { Header } from './components/Header';
import { lazyPage } from './components/Lazy';
import { Toasts } from './components/Toasts';
import { api, session, setSession } from './lib/api';
import { connectLive, disconnectLive, liveControls } from './lib/live';
import { refreshMotivation, resetMotivation } from './lib/motivation';
import { refreshProgress, resetProgress } from './lib/progress';
import { location, match, navigate, onLinkClick } from './lib/router';
import { useStore } from './lib/store';
import { AuthPage } from './pages/Auth';
import { CourseMapPage, CoursesPage } from './pages/Courses';
import { InstructorPage, PackStatsPage } from './pages/Instructor';
import { LeaderboardsPage } from './pages/Leaderboards';
import { ProfilePage } from './pages/Profile';
import { QuestsPage } from './pages/Quests';
import { BossBanner } from './components/Motivation';
import './styles.css';

const PUBLIC = ['/signin', '/signup'];
const ExercisePage = lazyPage<{ id: string }>(() => import('./pages/Exercise').then((m) => m.ExercisePage));

function Routes() {
  const path = useStore(location);
  const { token, user } = useStore(session);
  const pathname = path.split('?')[0];

  useEffect(() => {
    if (!token && !PUBLIC.includes(pathname))
      navigate(`/signin${pathname !== '/' ? `?next=${encodeURIComponent(path)}` : ''}`, { replace: true });
    if (token && user && PUBLIC.includes(pathname)) navigate('/', { replace: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a new query string alone is no reason to redirect
  }, [token, user, pathname]);

  if (pathname === '/signin') return <AuthPage mode="signin" />;
  if (pathname === '/signup') return <AuthPage mode="signup" />;
  if (!token || !user)
    return (
      <main id="main" class="page">
        <p class="muted">Loading…</p>
      </main>
    );

  let params: Record<string, string> | null;
  if (pathname === '/' || pathname === '/courses') return <CoursesPage />;
  if ((params = match('/courses/:slug', pathname))) return <CourseMapPage slug={params.slug} />;
  if ((params = match('/exercises/:id', pathname))) return <ExercisePage id={params.id} />;
  if (pathname === '/leaderboards') return <LeaderboardsPage />;
  if (pathname === '/profile') return <ProfilePage />;
  if (pathname === '/quests') return <QuestsPage />;
  if (pathname === '/instructor') return <InstructorPage />;
  if ((params = match('/instructor/packs/:slug', pathname))) return <PackStatsPage slug={params.slug} />;
  return (
    <main id="main" class="page">
      <h1>Not found</h1>
      <p>
        There is nothing at this address. <a href="/">Back to the courses</a>
      </p>
    </main>
  );
}

function App() {
  const { token, user } = useStore(session);

  // Token without a user (page load): fetch who we are. A bad token is dropped by the API client.
  useEffect(() => {
    if (token && !user) {
      api
        .me()
        .then((me) => setSession(token, me))
        .catch(() => setSession(null, null));
    }
  }, [token, user]);

  useEffect(() => {
    if (!token || !user) {
      disconnectLive();
      resetProgress();
      resetMotivation();
      return;
    }
    connectLive(token);
    void refreshProgress();
    void refreshMotivation();
    // Fetch the editor's code while the learner looks at the course map.
    window.setTimeout(() => ExercisePage.preload(), 800);
    return () => disconnectLive();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reconnect for another learner, not for a fresher copy of the same one
  }, [token, user?.id]);

  return (
    <div class="app" onClick={onLinkClick}>
      <a
        class="skip"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          const m = document.getElementById('main');
          m?.setAttribute('tabindex', '-1');
          m?.focus();
        }}
      >
        Skip to content
      </a>
      <Header />
      <BossBanner />
      <Routes />
      <Toasts />
    </div>
  );
}

(window as unknown as { questline: unknown }).questline = { live: liveControls };

render(<App />, document.getElementById('app')!);
