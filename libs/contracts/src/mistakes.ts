// Common mistakes (issue 16 item 3): failing Submits grouped per exercise by signature, the instructor's
// notes on them, and the tip a later learner in the same group receives.
import type { Verdict } from './submissions';

/** One failing test of a group, by declared identity (labelled from the pack's test source). */
export interface MistakeTest {
  id: string;
  /** `file:line "declared title"` (never the runtime name). */
  label: string;
  /** The failure message with values replaced by `<str>` / `<num>`. */
  message: string;
}

/** An example attempt of a group: the code only, never who wrote it. */
export interface MistakeExample {
  code: string;
}

export interface MistakeGroup {
  signature: string;
  verdict: Verdict;
  /** Failing Submits in the group, and distinct learners who made them. */
  submits: number;
  learners: number;
  tests: MistakeTest[];
  /** Up to 3, most recent first. */
  examples: MistakeExample[];
  /** The instructor's note, if any. */
  note: string | null;
  /** The note was written against other tests (a later pack version changed them): not shown to learners. */
  needsReview: boolean;
}

/** GET /api/packs/:slug/mistakes: per exercise, the biggest groups first. */
export interface PackMistakes {
  slug: string;
  exercises: Array<{ slug: string; title: string; groups: MistakeGroup[] }>;
}

/** PUT /api/packs/:slug/mistakes/:exercise/:signature body; an empty note removes it. */
export interface MistakeNoteInput {
  note: string;
}

export const MISTAKE_NOTE_MAX_CHARS = 1000;

/** In a failing Submit's completion when its group has a current note ("Instructor's tip"). */
export interface InstructorTip {
  note: string;
}
