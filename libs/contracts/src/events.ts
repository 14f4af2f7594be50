// The live events of the socket.io namespace /live: every name as a constant and its payload in one map,
// imported by the api (LiveEvents.emitToUser, the gateways), the web app and the tests. A name appears as
// a string literal here and nowhere else.
import type { ClassBoardUpdatedEvent } from './classes';
import type { DraftUpdatedEvent } from './drafts';
import type { InstructorTip } from './mistakes';
import type { Leaderboard, LeaderboardPeriodName } from './leaderboards';
import type { BossUpdatedEvent, MotivationUpdatedEvent } from './motivation';
import type { AchievementView, LearnerProgress, ProgressSummary } from './progress';
import type { SourceDiagnostic } from './diagnostics';
import type { SessionEndedEvent } from './session';
import type { LimitHit, SubmissionKind, TestResult, Verdict } from './submissions';

export const LIVE_NAMESPACE = '/live';

/** Server → client events. */
export const LIVE_EVENTS = {
  /** Sent once a socket is authenticated and has joined its learner's room. */
  ready: 'ready',
  submissionQueued: 'submission.queued',
  submissionStarted: 'submission.started',
  submissionTest: 'submission.test',
  submissionCompleted: 'submission.completed',
  /** After each graded Submit: the full progress, computed once by the worker. */
  progressUpdated: 'progress.updated',
  /** To a board's subscribers: at most once per board per push interval while awards change it. */
  leaderboardUpdated: 'leaderboard.updated',
  /** To the learner: what their graded Submit did to their quests and gems (only when something changed). */
  motivationUpdated: 'motivation.updated',
  /** To everyone: a community boss's health bar, at most once a second per event and api process. */
  bossUpdated: 'boss.updated',
  /** Just before the server disconnects a socket whose token expired or whose account changed (session.ts). */
  sessionEnded: 'session.ended',
  /** To the learner's sockets: a draft was saved (the tab that saved it tells its own echo by tabId). */
  draftUpdated: 'draft.updated',
  /** To a class's instructors: board cells changed by completed gradings (batched, at most ~2 a second per class). */
  classBoardUpdated: 'class.board.updated',
} as const;

/** Client → server requests (socket.io acknowledgements carry the answer). */
export const LIVE_REQUESTS = {
  leaderboardSubscribe: 'leaderboard.subscribe',
  leaderboardUnsubscribe: 'leaderboard.unsubscribe',
} as const;

export interface ReadyEvent {
  userId: string;
}

export interface SubmissionQueuedEvent {
  submissionId: string;
  kind: SubmissionKind;
}

export interface SubmissionStartedEvent {
  submissionId: string;
}

/** One per test, in order, as it completes. Hidden tests are masked. */
export interface SubmissionTestEvent {
  submissionId: string;
  index: number;
  total: number;
  test: TestResult;
}

/** A graded submission (also the final fields of GET /api/submissions/:id). */
export interface SubmissionCompletedEvent {
  submissionId: string;
  verdict: Verdict;
  /** Masked for the learner. */
  tests: TestResult[];
  message?: string;
  limit?: LimitHit;
  /** `compile_error`: the type errors, hidden test files masked. */
  diagnostics?: SourceDiagnostic[];
  /** 0 for a Run. */
  xpAwarded: number;
  /** Submits only; null for a Run. */
  progress: ProgressSummary | null;
  /** Unlocked by this Submit (the one place a learner is told of an unlock). */
  achievements: AchievementView[];
  /** A failing Submit whose common-mistake group has an instructor's note for these tests (mistakes.ts). */
  tip?: InstructorTip;
}

export interface LiveEventMap {
  [LIVE_EVENTS.ready]: ReadyEvent;
  [LIVE_EVENTS.submissionQueued]: SubmissionQueuedEvent;
  [LIVE_EVENTS.submissionStarted]: SubmissionStartedEvent;
  [LIVE_EVENTS.submissionTest]: SubmissionTestEvent;
  [LIVE_EVENTS.submissionCompleted]: SubmissionCompletedEvent;
  [LIVE_EVENTS.progressUpdated]: LearnerProgress;
  [LIVE_EVENTS.leaderboardUpdated]: Leaderboard;
  [LIVE_EVENTS.motivationUpdated]: MotivationUpdatedEvent;
  [LIVE_EVENTS.bossUpdated]: BossUpdatedEvent;
  [LIVE_EVENTS.sessionEnded]: SessionEndedEvent;
  [LIVE_EVENTS.draftUpdated]: DraftUpdatedEvent;
  [LIVE_EVENTS.classBoardUpdated]: ClassBoardUpdatedEvent;
}

export type LiveEventName = keyof LiveEventMap;

/** The body of `leaderboard.subscribe` / `leaderboard.unsubscribe`. */
export interface LeaderboardSubscription {
  period: LeaderboardPeriodName;
  /** Course slug or id; omit for the global board. */
  course?: string;
}

export interface LiveRequestMap {
  /** Joins the board's room; answers with the board as it is now (with the caller's own rank). */
  [LIVE_REQUESTS.leaderboardSubscribe]: { body: LeaderboardSubscription; ack: Leaderboard };
  [LIVE_REQUESTS.leaderboardUnsubscribe]: { body: LeaderboardSubscription; ack: { left: string } };
}

/** socket.io's event maps for a typed client socket: `Socket<LiveListenEvents, LiveEmitEvents>`. */
export type LiveListenEvents = { [E in LiveEventName]: (payload: LiveEventMap[E]) => void };
export type LiveEmitEvents = {
  [R in keyof LiveRequestMap]: (body: LiveRequestMap[R]['body'], ack?: (answer: LiveRequestMap[R]['ack']) => void) => void;
};
