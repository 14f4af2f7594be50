// Classrooms (issue 15): a class, its join invites, its assignments, the live board and the gradebook.
// Shapes shared by the api and the web app, and the few pure rules (lateness, a board cell's state) that
// both the api's SQL-backed views and its live relay must agree on.
import type { TestResult } from './submissions';

export type ClassRole = 'learner' | 'instructor';

export interface CreateClassRequest {
  name: string;
  /** IANA time zone, e.g. "Europe/Paris": the zone the class's dates are shown and entered in. */
  timeZone: string;
}

export interface ClassSummary {
  id: string;
  name: string;
  timeZone: string;
  ownerId: string;
  /** The caller's role in the class ('instructor' for the owner and co-instructors). */
  role: ClassRole;
  createdAt: string;
}

export interface ClassMemberView {
  userId: string;
  displayName: string;
  role: ClassRole;
  joinedAt: string;
}

export interface CreateInviteRequest {
  /** Hours until the code stops working (1 to 720, default 168). */
  expiresInHours?: number;
}

export interface ClassInviteView {
  code: string;
  /** The link to share: `/join/<code>` on the web app. */
  path: string;
  expiresAt: string;
  revokedAt: string | null;
}

export interface JoinClassResult {
  class: ClassSummary;
  /** False when the caller was already a member. */
  joined: boolean;
}

export interface AddInstructorRequest {
  email: string;
}

export interface CreateAssignmentRequest {
  courseId: string;
  chapterId?: string;
  exerciseId?: string;
  /** ISO 8601 instant (with its offset); the web form converts the class's local time to it. */
  opensAt: string;
  dueAt: string;
}

export interface ClassAssignmentView {
  id: string;
  classId: string;
  courseId: string;
  courseSlug: string;
  courseTitle: string;
  chapterId: string | null;
  exerciseId: string | null;
  /** The course, chapter or exercise title. */
  title: string;
  opensAt: string;
  dueAt: string;
  /** Every exercise the assignment covers, in course order. */
  exerciseIds: string[];
}

/** "Assigned to me": an assignment with the class it comes from. */
export interface MyAssignmentView extends ClassAssignmentView {
  className: string;
  timeZone: string;
}

export type BoardCellState = 'not_started' | 'attempted' | 'passing_run' | 'solved' | 'solved_late';

export interface BoardCell {
  state: BoardCellState;
  /** Graded Submits. */
  attempts: number;
  firstSolvedAt: string | null;
}

export interface BoardColumn {
  exerciseId: string;
  title: string;
  /** The latest due date of the class's assignments that cover this exercise. */
  dueAt: string;
}

export interface ClassBoard {
  classId: string;
  columns: BoardColumn[];
  learners: Array<{ userId: string; displayName: string }>;
  /** cells[userId][exerciseId]; a missing cell is "not_started". */
  cells: Record<string, Record<string, BoardCell>>;
}

/** The live event to a class's instructors: cells that changed since the last push (throttled). */
export interface ClassBoardUpdatedEvent {
  classId: string;
  cells: Array<{ userId: string; exerciseId: string; cell: BoardCell }>;
}

export interface LearnerAttemptView {
  submissionId: string;
  kind: 'run' | 'submit';
  code: string;
  verdict: string | null;
  /** Hidden tests masked as for the learner. */
  tests: TestResult[];
  createdAt: string;
  completedAt: string | null;
  late: boolean;
}

export interface LearnerAttempts {
  userId: string;
  exerciseId: string;
  attempts: LearnerAttemptView[];
  hintsRevealed: Array<{ index: number; revealedAt: string }>;
}

export interface GradebookEntry {
  solved: boolean;
  firstSolvedAt: string | null;
  attempts: number;
  late: boolean;
}

export interface Gradebook {
  classId: string;
  assignments: Array<{ id: string; title: string; dueAt: string }>;
  rows: Array<{ userId: string; displayName: string; assignments: Record<string, GradebookEntry> }>;
}

/** THE rule for lateness: a submission created strictly after the due date is late. */
export function isLate(submittedAt: Date | string, dueAt: Date | string): boolean {
  return new Date(submittedAt).getTime() > new Date(dueAt).getTime();
}

export const EMPTY_CELL: BoardCell = { state: 'not_started', attempts: 0, firstSolvedAt: null };

const RANK: Record<BoardCellState, number> = { not_started: 0, attempted: 1, passing_run: 2, solved_late: 3, solved: 4 };

/**
 * A cell after one graded submission: the state only moves up (a later failure does not un-solve), an
 * on-time solve beats a late one, and only Submits count as attempts.
 */
export function nextBoardCell(
  cell: BoardCell,
  graded: { kind: 'run' | 'submit'; passed: boolean; submittedAt: string },
  dueAt: string,
): BoardCell {
  let state: BoardCellState = 'attempted';
  if (graded.passed) state = graded.kind === 'run' ? 'passing_run' : isLate(graded.submittedAt, dueAt) ? 'solved_late' : 'solved';
  const solvedNow = graded.kind === 'submit' && graded.passed;
  return {
    state: RANK[state] > RANK[cell.state] ? state : cell.state,
    attempts: cell.attempts + (graded.kind === 'submit' ? 1 : 0),
    firstSolvedAt: cell.firstSolvedAt ?? (solvedNow ? graded.submittedAt : null),
  };
}

/** "due in 2 days", "due in 3 hours", "overdue" - for the course map. */
export function dueLabel(dueAt: string, now: Date): string {
  const ms = new Date(dueAt).getTime() - now.getTime();
  if (ms < 0) return 'overdue';
  const hours = Math.floor(ms / 3_600_000);
  if (hours < 1) return 'due in less than an hour';
  if (hours < 48) return `due in ${hours} hour${hours === 1 ? '' : 's'}`;
  return `due in ${Math.floor(hours / 24)} days`;
}

const csvField = (value: string): string => {
  // A leading = + - @ would be run as a formula by a spreadsheet: quote it away.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n']/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The gradebook as CSV: one row per learner; per assignment solved, first solved at, attempts, late. */
export function gradebookCsv(book: Gradebook): string {
  const header = ['learner'];
  for (const a of book.assignments)
    header.push(`${a.title} solved`, `${a.title} first solved at`, `${a.title} attempts`, `${a.title} late`);
  const lines = [header.map(csvField).join(',')];
  for (const row of book.rows) {
    const fields = [row.displayName];
    for (const a of book.assignments) {
      const e = row.assignments[a.id];
      fields.push(e?.solved ? 'yes' : 'no', e?.firstSolvedAt ?? '', String(e?.attempts ?? 0), e?.late ? 'yes' : 'no');
    }
    lines.push(fields.map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
