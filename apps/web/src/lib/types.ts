// Shapes of the Questline API (see the API contract). Kept in one place so pages agree.

export type Role = 'learner' | 'instructor' | 'admin';

export interface User {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  timezone: string;
}

export interface AuthResponse {
  accessToken: string;
  user: User;
}

export type Status = 'locked' | 'available' | 'solved';

export interface CourseSummary {
  slug: string;
  title: string;
  description: string;
  version: string;
  exerciseCount: number;
  solvedCount: number;
}

export interface ExerciseSummary {
  id: string;
  slug: string;
  title: string;
  difficulty: number;
  xp: number;
  status: Status;
}

export interface Chapter {
  slug: string;
  title: string;
  status: Status;
  exercises: ExerciseSummary[];
}

export interface CourseDetail extends CourseSummary {
  chapters: Chapter[];
}

export interface Exercise {
  id: string;
  slug: string;
  title: string;
  instructions: string;
  language: 'javascript' | 'typescript';
  fileName: string;
  starterCode: string;
  visibleTests: { fileName: string; code: string }[];
  /** `refactor`: the starter already passes every test; the task is to improve it. */
  kind?: 'implement' | 'refactor';
  /** Read-only files the exercise provides beside the learner's. */
  supportFiles?: { fileName: string; code: string }[];
  hintCount: number;
  revealedHints: string[];
  nextHintCost: number | null;
  solutionCost: number;
  solutionRevealed: boolean;
  solved: boolean;
  solvedAgainstOlderVersion?: boolean;
  xp: number;
  difficulty: number;
  course: { slug: string; title: string };
  chapter: { slug: string; title: string };
  nextId: string | null;
  previousId: string | null;
}

export type TestStatus = 'pass' | 'fail' | 'error';

export interface TestResult {
  name: string;
  status: TestStatus;
  message?: string;
  output?: string;
  testCode?: string;
  durationMs: number;
  hidden?: boolean;
}

export type Verdict = 'passed' | 'failed' | 'error' | 'time_limit' | 'memory_limit' | 'sandbox_error';

export interface Limit {
  kind: 'time' | 'memory' | 'output';
  testName?: string;
}

export type SubmissionKind = 'run' | 'submit';

export interface Submission {
  id: string;
  kind: SubmissionKind;
  exerciseId: string;
  exerciseTitle?: string;
  status: 'queued' | 'running' | 'completed';
  verdict?: Verdict;
  tests?: TestResult[];
  message?: string;
  limit?: Limit;
  xpAwarded?: number;
  createdAt: string;
  completedAt?: string | null;
}

export interface Page<T> {
  items: T[];
  page: number;
  total: number;
}

export interface Achievement {
  id: string;
  title: string;
  description: string;
  icon: string;
  unlockedAt?: string;
}

export interface Progress {
  xp: number;
  level: number;
  levelTitle: string;
  xpIntoLevel: number;
  xpForNextLevel: number;
  streak: { current: number; longest: number; freezes: number };
  spree: { current: number; best: number };
  solvedCount: number;
  achievements: Achievement[];
}

/** The period names the web app uses (in URLs and subscriptions). */
export type Period = 'daily' | 'weekly' | 'all';
/** The server names the all-time board `all-time` in its answers (it accepts `all` as a short name). */
export type ServerPeriod = Period | 'all-time';

/** The course of a board: `{slug, title}` from the server, `null` for the global board. */
export type BoardCourse = { slug: string; title: string } | null;

export interface LeaderboardEntry {
  rank: number;
  userId: string;
  displayName: string;
  xp: number;
  reachedAt?: string;
  isMe?: boolean;
}

export interface Leaderboard {
  period: ServerPeriod;
  periodKey?: string;
  course: BoardCourse;
  entries: LeaderboardEntry[];
  me: { rank: number; xp: number } | null;
  total?: number;
}

export interface HintResponse {
  index: number;
  hint: string;
  cost: number;
  nextHintCost: number | null;
}

export interface SolutionResponse {
  code: string;
  forfeitedXp: number;
}

export interface PackUploadOk {
  slug: string;
  version: string;
  exerciseCount: number;
}

export interface PackReportItem {
  /** The exercise slug; null for pack-level and archive problems. */
  exercise: string | null;
  file?: string;
  field?: string;
  message: string;
}

export interface PackSummary {
  slug: string;
  title: string;
  version: string;
}

export interface ExerciseStats {
  slug: string;
  title: string;
  learnersTried: number;
  attempts: number;
  /** null when nobody tried. */
  passRate: number | null;
  firstTryPassRate: number | null;
  medianAttemptsToPass: number | null;
  medianTimeToPassMs: number | null;
  hintReveals: number;
  solutionReveals: number;
  mostFailedTests: { name: string; failures: number }[];
}

export interface PackStats {
  slug: string;
  version: string;
  exercises: ExerciseStats[];
}

// Live events (socket.io namespace /live)
export interface QueuedEvent {
  submissionId: string;
  kind: SubmissionKind;
  position?: number;
}
export interface StartedEvent {
  submissionId: string;
}
export interface TestEvent {
  submissionId: string;
  index: number;
  total: number;
  test: TestResult;
}
export interface CompletedEvent {
  submissionId: string;
  verdict: Verdict;
  tests: TestResult[];
  message?: string;
  limit?: Limit;
  xpAwarded: number;
  progress?: {
    xp: number;
    level: number;
    levelTitle: string;
    leveledUp: boolean;
    streak?: Progress['streak'] | number;
  };
  achievements?: Achievement[];
}
export interface LeaderboardUpdatedEvent {
  period: ServerPeriod;
  periodKey?: string;
  /** `{slug, title}` (older servers may send the slug alone), `null` for the global board. */
  course: BoardCourse | string;
  entries: LeaderboardEntry[];
  total?: number;
}
