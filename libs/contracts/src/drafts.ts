// A learner's code on the server: the autosaved draft per learner and exercise, and what the exercise
// page needs to reopen with the learner's own code on any device (GET /api/exercises/:id/workspace).

/** Drafts are capped like submissions: the grader refuses larger sources anyway. */
export const DRAFT_MAX_BYTES = 64 * 1024;

export interface Draft {
  exerciseId: string;
  code: string;
  /** 1 for the first save, one more per save: a tab ignores events older than what it holds. */
  revision: number;
  /** The tab that saved it (chosen by the client), null when saved without one. */
  tabId: string | null;
  updatedAt: string;
}

/** PUT /api/exercises/:id/draft */
export interface SaveDraftRequest {
  code: string;
  /** A random id per browser tab, echoed in `draft.updated` so the tab that saved can tell its own echo. */
  tabId?: string;
}

/** Payload of LIVE_EVENTS.draftUpdated: the saved draft itself, so another tab can show it without a request. */
export type DraftUpdatedEvent = Draft;

/** The learner's newest passing Submit of the exercise (its result: GET /api/submissions/:submissionId). */
export interface LastPassing {
  submissionId: string;
  code: string;
  createdAt: string;
}

/** GET /api/exercises/:id/workspace */
export interface Workspace {
  draft: Draft | null;
  lastPassing: LastPassing | null;
}
