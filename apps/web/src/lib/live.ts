// The live connection (socket.io namespace /live). It folds submission events into a per-submission
// store (so a page sees events that arrived before its POST returned), keeps leaderboard
// subscriptions across reconnects, and, after a dropped connection, re-fetches every submission
// that was still pending (polling over HTTP while the socket is down).
import { io, type Socket } from 'socket.io-client';
import { api } from './api';
import { applyCompletion, applyProgress, celebrateAchievement } from './progress';
import { createStore } from './store';
import type {
  Achievement, CompletedEvent, LeaderboardUpdatedEvent, Period, Progress, QueuedEvent, StartedEvent, Submission,
  SubmissionKind, TestEvent, TestResult,
} from './types';

export type ConnectionState = 'offline' | 'connecting' | 'online';
export const connection = createStore<ConnectionState>('offline');

export interface LiveSubmission {
  id: string;
  kind?: SubmissionKind;
  status: 'queued' | 'running' | 'completed';
  position?: number;
  total?: number;
  /** Results by test index; holes are tests still pending. */
  tests: (TestResult | undefined)[];
  verdict?: Submission['verdict'];
  message?: string;
  limit?: Submission['limit'];
  xpAwarded?: number;
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

/** Register a submission created by this page; fold in its HTTP snapshot. */
export function track(sub: Submission): void {
  if (sub.status === 'completed') {
    applySnapshot(sub);
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

function applySnapshot(sub: Submission): void {
  if (sub.status === 'completed') {
    finish(sub.id, {
      kind: sub.kind,
      tests: sub.tests ?? [],
      verdict: sub.verdict,
      message: sub.message,
      limit: sub.limit,
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
          // The completion event was missed: refresh XP and achievements from the server.
          applyCompletion({ submissionId: id, verdict: sub.verdict ?? 'error', tests: sub.tests ?? [], xpAwarded: sub.xpAwarded ?? 0 });
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
type BoardKey = string;
const boards = new Map<BoardKey, { period: Period; course?: string; listeners: Set<(e: LeaderboardUpdatedEvent) => void> }>();
const boardKey = (period: Period, course?: string | null) => `${period}|${course ?? ''}`;

export function subscribeLeaderboard(
  period: Period,
  course: string | undefined,
  listener: (e: LeaderboardUpdatedEvent) => void,
): () => void {
  const key = boardKey(period, course);
  let board = boards.get(key);
  if (!board) {
    board = { period, course, listeners: new Set() };
    boards.set(key, board);
    socket?.emit('leaderboard.subscribe', course ? { period, course } : { period });
  }
  board.listeners.add(listener);
  return () => {
    board.listeners.delete(listener);
    if (board.listeners.size === 0) {
      boards.delete(key);
      socket?.emit('leaderboard.unsubscribe', course ? { period, course } : { period });
    }
  };
}

let socket: Socket | null = null;
let everConnected = false;

export function connectLive(token: string): void {
  disconnectLive();
  connection.set('connecting');
  const s = io('/live', {
    auth: { token },
    transports: ['websocket', 'polling'],
    reconnection: true,
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
  });
  socket = s;
  s.on('connect', () => {
    connection.set('online');
    for (const board of boards.values()) {
      s.emit('leaderboard.subscribe', board.course ? { period: board.period, course: board.course } : { period: board.period });
    }
    // After a drop (or if events raced the first connect) ask the server what happened meanwhile.
    if (everConnected || pending.size > 0) void refetchPending();
    everConnected = true;
  });
  s.on('disconnect', () => {
    connection.set('offline');
    if (pending.size > 0) startPolling();
  });
  s.on('connect_error', () => {
    connection.set('offline');
    if (pending.size > 0) startPolling();
  });
  s.on('submission.queued', (e: QueuedEvent) =>
    update(e.submissionId, (sub) => ({ ...sub, kind: e.kind ?? sub.kind, position: e.position })),
  );
  s.on('submission.started', (e: StartedEvent) => update(e.submissionId, (sub) => ({ ...sub, status: 'running' })));
  s.on('submission.test', (e: TestEvent) =>
    update(e.submissionId, (sub) => {
      const tests = [...sub.tests];
      tests[e.index] = e.test;
      return { ...sub, status: 'running', total: Math.max(e.total, sub.total ?? 0), tests };
    }),
  );
  s.on('submission.completed', (e: CompletedEvent) => {
    finish(e.submissionId, {
      tests: e.tests,
      verdict: e.verdict,
      message: e.message,
      limit: e.limit,
      xpAwarded: e.xpAwarded,
    });
    applyCompletion(e);
  });
  s.on('progress.updated', (p: Progress) => applyProgress(p));
  s.on('achievement.unlocked', (a: Achievement) => celebrateAchievement(a));
  s.on('leaderboard.updated', (e: LeaderboardUpdatedEvent) => {
    boards.get(boardKey(e.period, e.course))?.listeners.forEach((listener) => listener(e));
  });
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
