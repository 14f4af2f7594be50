// The live connection (socket.io namespace /live). It folds submission events into a per-submission
// store (so a page sees events that arrived before its POST returned), keeps leaderboard
// subscriptions across reconnects, and, after a dropped connection, re-fetches every submission
// that was still pending (polling over HTTP while the socket is down).
import { io, type Socket } from 'socket.io-client';
import { applyBossUpdate, applyMotivationUpdate } from './motivation';
import { applyCompletion, applyProgress, refreshProgress } from './progress';
import { createStore } from './store';
import {
  type InstructorTip,
  LIVE_EVENTS,
  LIVE_NAMESPACE,
  LIVE_REQUESTS,
  type Leaderboard,
  type LeaderboardCourse,
  type LeaderboardPeriod,
  type LiveEmitEvents,
  type LiveListenEvents,
  type SessionEndedEvent,
  type SubmissionAccepted,
  type SubmissionKind,
  type SubmissionView,
  type TestResult,
} from '@questline/contracts';
import { api, setSession, type Period } from './api';

export type ConnectionState = 'offline' | 'connecting' | 'online';
export const connection = createStore<ConnectionState>('offline');

export interface LiveSubmission {
  id: string;
  kind?: SubmissionKind;
  status: 'queued' | 'running' | 'completed';
  total?: number;
  /** Results by test index; holes are tests still pending. */
  tests: (TestResult | undefined)[];
  verdict?: SubmissionView['verdict'];
  message?: string;
  limit?: SubmissionView['limit'];
  diagnostics?: SubmissionView['diagnostics'];
  xpAwarded?: number;
  /** A failing Submit's "Instructor's tip" (its common-mistake group's note), from the completion event. */
  tip?: InstructorTip;
}

export const submissions = createStore<Record<string, LiveSubmission>>({});

function update(id: string, change: (s: LiveSubmission) => LiveSubmission): void {
  submissions.set((all) => {
    const current = all[id] ?? { id, status: 'queued', tests: [] };
    if (current.status === 'completed') return all; // late events never undo a result
    return { ...all, [id]: change(current) };
  });
}

function finish(id: string, data: Partial<LiveSubmission> & { tests?: TestResult[] }): void {
  submissions.set((all) => {
    const current = all[id] ?? { id, status: 'queued' as const, tests: [] };
    const tests = data.tests ?? current.tests;
    return {
      ...all,
      [id]: { ...current, ...data, tests, total: tests.length, status: 'completed' },
    };
  });
  pending.delete(id);
}

/** Submission ids whose result we still wait for. */
const pending = new Set<string>();

/** Register a submission created by this page (the POST's answer) or listed by it; fold in its HTTP snapshot. */
export function track(sub: SubmissionAccepted | SubmissionView): void {
  if (sub.status === 'completed') {
    if ('createdAt' in sub) applySnapshot(sub);
    else {
      // A repeated POST (same Idempotency-Key) of a submission already graded: fetch its result.
      pending.add(sub.id);
      void refetchPending();
    }
    return;
  }
  pending.add(sub.id);
  update(sub.id, (s) => ({ ...s, kind: sub.kind, status: s.status === 'queued' ? sub.status : s.status }));
  if (connection.get() !== 'online') startPolling();
  // Watchdog: even when online, an event can be missed (e.g. it raced the socket joining its room).
  for (const delay of [15_000, 45_000, 120_000]) {
    window.setTimeout(() => {
      if (pending.has(sub.id)) void refetchPending();
    }, delay);
  }
}

function applySnapshot(sub: SubmissionView): void {
  if (sub.status === 'completed') {
    finish(sub.id, {
      kind: sub.kind,
      tests: sub.tests ?? [],
      verdict: sub.verdict,
      message: sub.message,
      limit: sub.limit,
      diagnostics: sub.diagnostics,
      xpAwarded: sub.xpAwarded,
    });
  } else {
    update(sub.id, (s) => ({ ...s, kind: sub.kind, status: sub.status }));
  }
}

/** Fetch the state of every submission still pending (after a reconnect, or while offline). */
export async function refetchPending(): Promise<void> {
  await Promise.all(
    [...pending].map(async (id) => {
      try {
        const sub = await api.submission(id);
        const wasPending = pending.has(id);
        applySnapshot(sub);
        if (sub.status === 'completed' && wasPending && sub.kind === 'submit') {
          // The completion event (and so `progress.updated`) was missed: refresh XP and achievements from the server.
          applyCompletion({
            submissionId: id,
            verdict: sub.verdict ?? 'error',
            tests: sub.tests ?? [],
            xpAwarded: sub.xpAwarded ?? 0,
            progress: null,
            achievements: [],
          });
          void refreshProgress();
        }
      } catch {
        // Try again on the next tick.
      }
    }),
  );
}

let pollTimer: number | undefined;
function startPolling(): void {
  if (pollTimer !== undefined) return;
  pollTimer = window.setInterval(() => {
    if (pending.size === 0 || connection.get() === 'online') {
      window.clearInterval(pollTimer);
      pollTimer = undefined;
      return;
    }
    void refetchPending();
  }, 2500);
}

// Leaderboard subscriptions, re-sent on every (re)connect.
// The server answers with its own names: the period `all-time` (we subscribe with `all`) and the course as
// `{slug, title}` (we may subscribe with a slug or an id). Updates are matched on the normalised period and
// on the course slug the server acknowledged.
type BoardKey = string;
interface BoardSubscription {
  period: Period;
  course?: string;
  /** The course slug from the server's acknowledgement (when we subscribed with an id). */
  slug?: string;
  listeners: Set<(e: Leaderboard) => void>;
}
const boards = new Map<BoardKey, BoardSubscription>();
const boardKey = (period: Period, course?: string | null) => `${period}|${course ?? ''}`;

export function normalisePeriod(period: LeaderboardPeriod): Period {
  return period === 'all-time' ? 'all' : period;
}

/** The slug of a board's course in a server answer (null for the global board). */
export function courseSlugOf(course: LeaderboardCourse | null | undefined): string | null {
  return course?.slug ?? null;
}

function sendSubscribe(s: LiveSocket, board: BoardSubscription): void {
  const body = board.course ? { period: board.period, course: board.course } : { period: board.period };
  s.timeout(10_000)
    .emitWithAck(LIVE_REQUESTS.leaderboardSubscribe, body)
    .then((ack: Leaderboard | undefined) => {
      const slug = courseSlugOf(ack?.course);
      if (slug) board.slug = slug;
    })
    .catch(() => undefined); // the page has its HTTP snapshot; the next reconnect subscribes again
}

export function subscribeLeaderboard(period: Period, course: string | undefined, listener: (e: Leaderboard) => void): () => void {
  const key = boardKey(period, course);
  let board = boards.get(key);
  if (!board) {
    board = { period, course, listeners: new Set() };
    boards.set(key, board);
    if (socket?.connected) sendSubscribe(socket, board);
  }
  const subscribed = board;
  subscribed.listeners.add(listener);
  return () => {
    subscribed.listeners.delete(listener);
    if (subscribed.listeners.size === 0) {
      boards.delete(key);
      socket?.emit(LIVE_REQUESTS.leaderboardUnsubscribe, course ? { period, course } : { period });
    }
  };
}

function dispatchBoard(e: Leaderboard): void {
  const period = normalisePeriod(e.period);
  const slug = courseSlugOf(e.course);
  for (const board of boards.values()) {
    if (board.period !== period) continue;
    const mine = board.course ? (board.slug ?? board.course) : null;
    if (mine !== slug && !(board.course && board.course === slug)) continue;
    board.listeners.forEach((listener) => listener(e));
  }
}

/** Typed against the contract's event map: each listener gets its event's payload type. */
type LiveSocket = Socket<LiveListenEvents, LiveEmitEvents>;
let socket: LiveSocket | null = null;
let everConnected = false;

/** Listeners of features' own events (e.g. drafts), kept across reconnects and sign-ins. */
const featureListeners = new Map<string, Set<(payload: unknown) => void>>();

export function onLiveEvent<T>(event: string, listener: (payload: T) => void): () => void {
  const set = featureListeners.get(event) ?? new Set();
  featureListeners.set(event, set);
  const wrapped = listener as (payload: unknown) => void;
  set.add(wrapped);
  return () => set.delete(wrapped);
}

export function connectLive(token: string): void {
  disconnectLive();
  connection.set('connecting');
  const s: LiveSocket = io(LIVE_NAMESPACE, {
    auth: { token },
    transports: ['websocket', 'polling'],
    reconnection: true,
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
  });
  socket = s;
  s.on('connect', () => {
    connection.set('online');
    for (const board of boards.values()) sendSubscribe(s, board);
    // After a drop (or if events raced the first connect) ask the server what happened meanwhile.
    if (everConnected || pending.size > 0) void refetchPending();
    everConnected = true;
  });
  s.on('disconnect', () => {
    connection.set('offline');
    if (pending.size > 0) startPolling();
  });
  // The server ends a socket whose token expired or whose account was deleted (sign out), or whose role or
  // password changed (connect again: the token decides whether it still may).
  s.on(LIVE_EVENTS.sessionEnded, (e: SessionEndedEvent) => {
    if (e.reason === 'changed') setTimeout(() => connectLive(token), 500);
    else setSession(null, null);
  });
  s.on('connect_error', () => {
    connection.set('offline');
    if (pending.size > 0) startPolling();
  });
  s.on(LIVE_EVENTS.submissionQueued, (e) => update(e.submissionId, (sub) => ({ ...sub, kind: e.kind })));
  s.on(LIVE_EVENTS.submissionStarted, (e) => update(e.submissionId, (sub) => ({ ...sub, status: 'running' })));
  s.on(LIVE_EVENTS.submissionTest, (e) =>
    paced(() =>
      update(e.submissionId, (sub) => {
        const tests = [...sub.tests];
        tests[e.index] = e.test;
        return { ...sub, status: 'running', total: Math.max(e.total, sub.total ?? 0), tests };
      }),
    ),
  );
  s.on(LIVE_EVENTS.submissionCompleted, (e) =>
    paced(() => {
      finish(e.submissionId, {
        tests: e.tests,
        verdict: e.verdict,
        message: e.message,
        limit: e.limit,
        diagnostics: e.diagnostics,
        xpAwarded: e.xpAwarded,
        ...(e.tip ? { tip: e.tip } : {}),
      });
      applyCompletion(e);
    }),
  );
  s.on(LIVE_EVENTS.progressUpdated, (p) => applyProgress(p));
  s.on(LIVE_EVENTS.leaderboardUpdated, (e) => dispatchBoard(e));
  s.on(LIVE_EVENTS.motivationUpdated, (e) => applyMotivationUpdate(e));
  s.on(LIVE_EVENTS.bossUpdated, (e) => applyBossUpdate(e));
  // Features' own events (drafts): dispatched by name to the listeners of onLiveEvent.
  s.onAny((event: string, payload: unknown) => featureListeners.get(event)?.forEach((listener) => listener(payload)));
}

/**
 * A grading takes a few milliseconds, so a submission's test events often arrive together (the server may even
 * send them in one batch). Applying them one per animation frame, in arrival order, lets the learner watch each
 * test turn green or red instead of the whole panel flipping at once; the completion waits behind its tests.
 * A hidden tab gets no frames, so there everything applies at once.
 */
const pacedQueue: Array<() => void> = [];
let pacing = false;

function paced(apply: () => void): void {
  if (document.hidden && !pacing) {
    apply();
    return;
  }
  pacedQueue.push(apply);
  if (!pacing) {
    pacing = true;
    requestAnimationFrame(drainPaced);
  }
}

function drainPaced(): void {
  pacedQueue.shift()?.();
  if (pacedQueue.length === 0) {
    pacing = false;
  } else if (document.hidden) {
    while (pacedQueue.length > 0) pacedQueue.shift()?.();
    pacing = false;
  } else {
    requestAnimationFrame(drainPaced);
  }
}

export function disconnectLive(): void {
  if (socket) {
    socket.removeAllListeners();
    socket.disconnect();
    socket = null;
  }
  everConnected = false;
  connection.set('offline');
}

/**
 * Drop and restore the live connection by hand (browser tests, curious developers): while paused,
 * pending submissions are polled over HTTP; on resume they are re-fetched.
 */
export const liveControls = {
  pause(): void {
    socket?.disconnect();
  },
  resume(): void {
    socket?.connect();
  },
};
