// The learner's code, kept on the server (per learner and exercise) with a local copy in this browser.
// Typing saves the local copy at once (debounced 250 ms) and the server copy after a pause (debounced);
// a save that fails stays marked "unsynced" and is sent again next time. Every save reaches the
// learner's other tabs and devices as `draft.updated`; a tab ignores its own echo by TAB_ID.
import { DRAFT_MAX_BYTES, type Draft, type Workspace } from '@questline/contracts';
import { api } from './api';

const LOCAL_PREFIX = 'questline.draft.';
const UNSYNCED_KEY = 'questline.drafts-unsynced';
const SERVER_DELAY_MS = 800;
const LOCAL_DELAY_MS = 250;

/** This tab, for telling its own `draft.updated` echo from another tab's save. */
export const TAB_ID = Math.random().toString(36).slice(2, 12);

export const localDraftKey = (exerciseId: string) => `${LOCAL_PREFIX}${exerciseId}`;

function unsynced(): Set<string> {
  try {
    const list: unknown = JSON.parse(localStorage.getItem(UNSYNCED_KEY) ?? '[]');
    return new Set(Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : []);
  } catch {
    return new Set();
  }
}

function markUnsynced(exerciseId: string, on: boolean): void {
  const set = unsynced();
  if (on) set.add(exerciseId);
  else set.delete(exerciseId);
  if (set.size) localStorage.setItem(UNSYNCED_KEY, JSON.stringify([...set]));
  else localStorage.removeItem(UNSYNCED_KEY);
}

/** Sign-out: the next person at this computer must not find this learner's code. */
export function clearLocalDrafts(): void {
  for (let i = localStorage.length - 1; i >= 0; i -= 1) {
    const key = localStorage.key(i);
    if (key && (key.startsWith(LOCAL_PREFIX) || key === UNSYNCED_KEY)) localStorage.removeItem(key);
  }
}

export type CodeSource = 'local' | 'draft' | 'passing' | 'starter';

/**
 * What the editor opens with: an unsynced local edit (newer than anything the server has), else the
 * server draft, else the last passing code, else a local copy from before drafts were on the server,
 * else the starter.
 */
export function initialCode(exerciseId: string, starter: string, workspace: Workspace | null): { code: string; source: CodeSource } {
  const local = localStorage.getItem(localDraftKey(exerciseId));
  if (local !== null && (unsynced().has(exerciseId) || !workspace)) return { code: local, source: 'local' };
  if (workspace?.draft) return { code: workspace.draft.code, source: 'draft' };
  if (workspace?.lastPassing) return { code: workspace.lastPassing.code, source: 'passing' };
  if (local !== null) return { code: local, source: 'local' };
  return { code: starter, source: 'starter' };
}

export const isUnsynced = (exerciseId: string) => unsynced().has(exerciseId);

export interface DraftSaver {
  /** The editor changed (typed, reset, loaded a solution). */
  change(code: string): void;
  /** Save both copies now (before Run/Submit, on leaving the page). */
  flush(): void;
  /** A newer edit from another tab was applied here: keep it locally without sending it back. */
  adopt(draft: Draft): void;
  /** True while an edit of this tab has not reached the server yet (it will win over incoming ones). */
  dirty(): boolean;
  /** The newest revision this tab knows of. */
  revision(): number;
  dispose(): void;
}

export function createDraftSaver(
  exerciseId: string,
  initial: { code: string; revision: number; unsynced: boolean },
  onError: (message: string | null) => void,
): DraftSaver {
  let code = initial.code;
  let revision = initial.revision;
  // An edit that never reached the server (offline, closed too soon) is sent first thing.
  let pendingServer = initial.unsynced;
  let localTimer: number | undefined;
  let serverTimer: number | undefined;
  let inFlight: Promise<void> | null = null;

  const writeLocal = () => {
    window.clearTimeout(localTimer);
    localTimer = undefined;
    localStorage.setItem(localDraftKey(exerciseId), code);
  };

  const send = (): void => {
    window.clearTimeout(serverTimer);
    serverTimer = undefined;
    if (!pendingServer) return;
    if (new TextEncoder().encode(code).length > DRAFT_MAX_BYTES) {
      onError(`Your code is larger than ${DRAFT_MAX_BYTES / 1024} KB: it is kept in this browser only, and cannot be graded.`);
      return;
    }
    pendingServer = false;
    const sent = code;
    const request = api
      .saveDraft(exerciseId, sent, TAB_ID)
      .then((draft) => {
        revision = Math.max(revision, draft.revision);
        if (!pendingServer) markUnsynced(exerciseId, false);
        onError(null);
      })
      .catch((e: unknown) => {
        pendingServer = true;
        onError(
          e instanceof Error && 'status' in e && (e as { status: number }).status !== 0
            ? `Your draft could not be saved: ${e.message}`
            : 'Offline: your draft is kept in this browser and saved when you are back.',
        );
      })
      .finally(() => {
        if (inFlight === request) inFlight = null;
      });
    inFlight = request;
  };

  if (pendingServer) serverTimer = window.setTimeout(send, 0);

  return {
    change(next) {
      if (next === code) return;
      code = next;
      pendingServer = true;
      markUnsynced(exerciseId, true);
      window.clearTimeout(localTimer);
      localTimer = window.setTimeout(writeLocal, LOCAL_DELAY_MS);
      window.clearTimeout(serverTimer);
      serverTimer = window.setTimeout(send, SERVER_DELAY_MS);
    },
    flush() {
      if (localTimer !== undefined || pendingServer) writeLocal();
      send();
    },
    adopt(draft) {
      code = draft.code;
      revision = Math.max(revision, draft.revision);
      localStorage.setItem(localDraftKey(exerciseId), code);
    },
    dirty: () => pendingServer || inFlight !== null,
    revision: () => revision,
    dispose() {
      this.flush();
    },
  };
}
