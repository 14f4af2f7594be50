// Messages between the grader (parent) and a sandbox child process, over Node IPC.
import type { GradeLimits, GradeResult, Language, SourceFile, TestFile, TestProgress } from './types';

export interface ChildJob {
  id: number;
  language: Language;
  solution: SourceFile;
  /** Files the exercise provides beside the learner's (importable, never edited by the learner). */
  supportFiles?: SourceFile[];
  tests: TestFile[];
  limits: GradeLimits;
  maxSourceBytes: number;
  maxOutputBytes: number;
  /** See GradeRequest.bail. */
  bail?: boolean;
  /** Set for an exercise with a database: where this child's scratch schema is (filled in by the grader, sql/). */
  database?: ChildDatabase;
}

/** The sandbox database slot a job runs in: an unprivileged role that owns only `schema`. */
export interface ChildDatabase {
  /** Connection URL of the slot's role (never the administrator's). */
  url: string;
  schema: string;
  /** The exercise's schema.sql, run in the (empty) schema before the tests. */
  setup: string;
}

export type ParentMessage = { type: 'job'; job: ChildJob };

export type ChildMessage =
  | { type: 'ready' }
  /** The test names in file order, once registration is over (lets the parent name a test it kills). */
  | { type: 'registered'; id: number; names: string[]; ids?: string[]; hidden: boolean[] }
  /** Tests that finished, in order; batched per turn of the child's event loop (one message, not one per test). */
  | { type: 'progress'; id: number; progress: TestProgress[] }
  /** `recycle`: the child's isolate thread may still be busy; kill this child and start another. */
  | { type: 'result'; id: number; result: GradeResult; recycle: boolean }
  | { type: 'catastrophic'; id: number | null; message: string };
