// Every statement about the `drafts` table: one row per learner and exercise holding the code being
// written, saved by the editor's debounced autosave. Nest-free, constructed with the app's DataSource.
import type { DataSource } from 'typeorm';

export interface DraftRecord {
  userId: string;
  exerciseId: string;
  code: string;
  /** 1 for the first save, one more for each save after it. */
  revision: number;
  /** The browser tab that saved it (client-chosen), so that tab can ignore its own echo. */
  tabId: string | null;
  updatedAt: Date;
}

interface DraftRow {
  user_id: string;
  exercise_id: string;
  code: string;
  revision: number;
  tab_id: string | null;
  updated_at: Date;
}

const toRecord = (row: DraftRow): DraftRecord => ({
  userId: row.user_id,
  exerciseId: row.exercise_id,
  code: row.code,
  revision: row.revision,
  tabId: row.tab_id,
  updatedAt: row.updated_at,
});

export class DraftsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(userId: string, exerciseId: string): Promise<DraftRecord | null> {
    const rows: DraftRow[] = await this.dataSource.query(
      `SELECT user_id, exercise_id, code, revision, tab_id, updated_at FROM drafts WHERE user_id = $1 AND exercise_id = $2`,
      [userId, exerciseId],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /**
   * Stores the code as the learner's draft: the last save to arrive wins (saves are debounced edits, so
   * the one that arrives last is the newest edit). One statement, so two tabs saving at once get
   * distinct revisions.
   */
  async save(userId: string, exerciseId: string, code: string, tabId: string | null): Promise<DraftRecord> {
    const rows: DraftRow[] = await this.dataSource.query(
      `INSERT INTO drafts (user_id, exercise_id, code, tab_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id, exercise_id)
       DO UPDATE SET code = excluded.code, tab_id = excluded.tab_id, revision = drafts.revision + 1, updated_at = now()
       RETURNING user_id, exercise_id, code, revision, tab_id, updated_at`,
      [userId, exerciseId, code, tabId],
    );
    return toRecord(rows[0]);
  }
}
