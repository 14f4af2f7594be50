// Common mistakes (issue 16 item 3): the signature stored on a failing Submit, the groups they form per
// exercise, and the instructor's notes on them (table mistake_notes; migration 1796302000000).
import type { DataSource } from 'typeorm';
import type { GradeResult } from '@questline/sandbox';

export interface MistakeGroupRow {
  exerciseId: string;
  signature: string;
  submits: number;
  learners: number;
  /** Most recent first, at most 3: code and result (for the failing tests' description), no user. */
  examples: Array<{ code: string; result: GradeResult }>;
  note: string | null;
  noteTestsHash: string | null;
}

const GROUPS_SQL = `
WITH g AS (
  SELECT s.exercise_id, s.mistake_signature AS signature, count(*)::int AS submits,
         count(DISTINCT s.user_id)::int AS learners,
         row_number() OVER (PARTITION BY s.exercise_id ORDER BY count(*) DESC, max(s.created_at) DESC) AS rank
    FROM submissions s
    JOIN exercises e ON e.id = s.exercise_id AND e.course_id = $1 AND e.removed_at IS NULL
   WHERE s.kind = 'submit' AND s.mistake_signature IS NOT NULL
   GROUP BY s.exercise_id, s.mistake_signature
)
SELECT g.exercise_id, g.signature, g.submits, g.learners, n.note, n.tests_hash AS note_tests_hash,
       (SELECT coalesce(jsonb_agg(jsonb_build_object('code', x.code, 'result', x.result)), '[]'::jsonb)
          FROM (SELECT s.code, s.result FROM submissions s
                 WHERE s.exercise_id = g.exercise_id AND s.mistake_signature = g.signature AND s.kind = 'submit'
                 ORDER BY s.created_at DESC LIMIT 3) x) AS examples
  FROM g LEFT JOIN mistake_notes n ON n.exercise_id = g.exercise_id AND n.signature = g.signature
 WHERE g.rank <= $2
 ORDER BY g.exercise_id, g.submits DESC, g.signature`;

export class MistakesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The note for a group, only when written against these tests (the same tests hash). */
  async currentNote(exerciseId: string, signature: string, testsHash: string): Promise<string | null> {
    const rows: Array<{ note: string }> = await this.dataSource.query(
      `SELECT note FROM mistake_notes WHERE exercise_id = $1 AND signature = $2 AND tests_hash = $3`,
      [exerciseId, signature, testsHash],
    );
    return rows[0]?.note ?? null;
  }

  /** The biggest groups of each current exercise of the course (at most `perExercise` each). */
  async groups(courseId: string, perExercise: number): Promise<MistakeGroupRow[]> {
    const rows: Array<{
      exercise_id: string;
      signature: string;
      submits: number;
      learners: number;
      note: string | null;
      note_tests_hash: string | null;
      examples: Array<{ code: string; result: GradeResult }>;
    }> = await this.dataSource.query(GROUPS_SQL, [courseId, perExercise]);
    return rows.map((row) => ({
      exerciseId: row.exercise_id,
      signature: row.signature,
      submits: Number(row.submits),
      learners: Number(row.learners),
      examples: row.examples,
      note: row.note,
      noteTestsHash: row.note_tests_hash,
    }));
  }

  /** Whether any Submit of the exercise has this signature (notes are only for groups that exist). */
  async groupExists(exerciseId: string, signature: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM submissions WHERE exercise_id = $1 AND mistake_signature = $2 AND kind = 'submit' LIMIT 1`,
      [exerciseId, signature],
    );
    return rows.length > 0;
  }

  /** Writes (or, with an empty note, removes) the note, against the exercise's current tests. */
  async saveNote(exerciseId: string, signature: string, note: string, testsHash: string, authorId: string): Promise<void> {
    if (note === '') {
      await this.dataSource.query(`DELETE FROM mistake_notes WHERE exercise_id = $1 AND signature = $2`, [exerciseId, signature]);
      return;
    }
    await this.dataSource.query(
      `INSERT INTO mistake_notes (exercise_id, signature, note, tests_hash, author_id) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (exercise_id, signature) DO UPDATE SET note = $3, tests_hash = $4, author_id = $5, updated_at = now()`,
      [exerciseId, signature, note, testsHash, authorId],
    );
  }
}
