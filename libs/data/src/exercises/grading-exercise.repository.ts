// The exercise as grading sees it: what a Run/Submit POST checks and stores (course version, tests
// hash, whether the learner may submit yet), and what the worker grades against (tests, limits,
// language, file name, reveal flag). Server side only: it reads hidden tests.
import type { DataSource } from 'typeorm';
import type { TypecheckOptions } from '@questline/contracts';
import type { ExerciseDatabase, GradeLimits, Language, SourceFile, TestFile } from '@questline/sandbox';
import type { CatalogRequirements } from '../catalog';

/** What grading needs from an exercise row (tests included: never send this to a learner). */
export interface GradingExercise {
  id: string;
  language: Language;
  fileName: string;
  visibleTests: TestFile[];
  hiddenTests: TestFile[];
  /** Files the exercise provides beside the learner's (graded with it). */
  supportFiles: SourceFile[];
  /** The exercise's own limits; platform defaults fill the rest (see buildGradeRequest). */
  limits: Partial<GradeLimits>;
  revealHiddenTestNames: boolean;
  testsHash: string;
  /** Absent: the platform's type-check defaults (see GradeRequest.typecheck). */
  typecheck?: TypecheckOptions | false;
  /** The exercise's schema.sql, when it has a database. */
  database?: ExerciseDatabase;
}

/**
 * What the submission path needs to accept a Run/Submit: the values stored on the row, and the course's
 * structure (light columns only, no tests) with the learner's solved exercises to decide whether the
 * exercise is locked (apps/api/src/catalog/unlock.ts decides).
 */
export interface SubmissionTargetFacts {
  id: string;
  courseVersion: string;
  testsHash: string;
  /** What the learner starts with: a Submit of it unchanged is refused (it can only fail). */
  starterCode: string;
  /** The learner has a completion for this exercise (solved is never locked). */
  solved: boolean;
  chapters: Array<{ id: string; slug: string; title: string; requires: CatalogRequirements }>;
  /** The course's current exercises, in order. */
  exercises: Array<{ id: string; slug: string; title: string; chapterId: string | null; requires: CatalogRequirements }>;
  /** Current exercises of the course the learner solved. */
  solvedIds: string[];
}

interface GradingExerciseRow {
  id: string;
  language: Language;
  file_name: string;
  visible_tests: Array<{ fileName: string; code: string }>;
  hidden_tests: Array<{ fileName: string; code: string }>;
  support_files: Array<{ fileName: string; code: string }> | null;
  limits: Partial<GradeLimits> | null;
  reveal_hidden_test_names: boolean;
  tests_hash: string;
  typecheck: TypecheckOptions | false | null;
  database_setup: string | null;
}

interface SubmissionTargetRow {
  id: string;
  tests_hash: string;
  starter_code: string;
  current_version: string;
  solved: boolean;
  chapters: SubmissionTargetFacts['chapters'];
  exercises: SubmissionTargetFacts['exercises'];
  solved_ids: string[];
}

function toGradingExercise(row: GradingExerciseRow): GradingExercise {
  // Only the limits the exercise sets (jsonb may hold nulls or nothing at all).
  const limits: Partial<GradeLimits> = {};
  if (typeof row.limits?.timeMs === 'number') limits.timeMs = row.limits.timeMs;
  if (typeof row.limits?.memoryMb === 'number') limits.memoryMb = row.limits.memoryMb;
  const exercise: GradingExercise = {
    id: row.id,
    language: row.language,
    fileName: row.file_name,
    visibleTests: row.visible_tests.map((t) => ({ fileName: t.fileName, code: t.code, hidden: false })),
    hiddenTests: row.hidden_tests.map((t) => ({ fileName: t.fileName, code: t.code, hidden: true })),
    supportFiles: (row.support_files ?? []).map((f) => ({ fileName: f.fileName, code: f.code })),
    limits,
    revealHiddenTestNames: row.reveal_hidden_test_names,
    testsHash: row.tests_hash,
    ...(row.database_setup !== null ? { database: { setup: row.database_setup } } : {}),
  };
  if (row.typecheck === false || (typeof row.typecheck === 'object' && row.typecheck !== null)) exercise.typecheck = row.typecheck;
  return exercise;
}

export class GradingExerciseRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The exercise with its tests (removed ones too: a submission accepted before removal is still graded). */
  async find(exerciseId: string): Promise<GradingExercise | null> {
    const rows: GradingExerciseRow[] = await this.dataSource.query(
      `SELECT id, language, file_name, visible_tests, hidden_tests, support_files, limits, reveal_hidden_test_names, tests_hash, typecheck, database_setup
         FROM exercises WHERE id = $1`,
      [exerciseId],
    );
    return rows[0] ? toGradingExercise(rows[0]) : null;
  }

  /**
   * One round trip for the submission path: the values the row stores and the facts the unlock rules need,
   * instead of ~5 TypeORM queries that load every exercise of the course with its tests. Null when the
   * exercise is unknown or removed. `exerciseId` must be a UUID (the caller checks).
   */
  async findSubmissionTarget(userId: string, exerciseId: string): Promise<SubmissionTargetFacts | null> {
    const rows: SubmissionTargetRow[] = await this.dataSource.query(
      `SELECT e.id, e.tests_hash, e.starter_code, c.current_version,
              EXISTS (SELECT 1 FROM exercise_completions ec WHERE ec.user_id = $1 AND ec.exercise_id = e.id) AS solved,
              (SELECT coalesce(json_agg(json_build_object('id', ch.id, 'slug', ch.slug, 'title', ch.title, 'requires', ch.requires)
                                        ORDER BY ch.position), '[]'::json)
                 FROM chapters ch WHERE ch.course_id = e.course_id) AS chapters,
              (SELECT coalesce(json_agg(json_build_object('id', x.id, 'slug', x.slug, 'title', x.title, 'chapterId', x.chapter_id,
                                                          'requires', x.requires) ORDER BY x.position), '[]'::json)
                 FROM exercises x WHERE x.course_id = e.course_id AND x.removed_at IS NULL) AS exercises,
              (SELECT coalesce(array_agg(ec.exercise_id::text), '{}')
                 FROM exercise_completions ec JOIN exercises x ON x.id = ec.exercise_id
                WHERE ec.user_id = $1 AND x.course_id = e.course_id AND x.removed_at IS NULL) AS solved_ids
         FROM exercises e JOIN courses c ON c.id = e.course_id
        WHERE e.id = $2 AND e.removed_at IS NULL`,
      [userId, exerciseId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      courseVersion: row.current_version,
      testsHash: row.tests_hash,
      starterCode: row.starter_code,
      solved: row.solved,
      chapters: row.chapters,
      exercises: row.exercises,
      solvedIds: row.solved_ids,
    };
  }
}
