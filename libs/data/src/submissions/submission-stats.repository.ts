// Instructor analytics for one pack: per current exercise, counts aggregated in SQL over its graded
// submissions (the definitions are in docs/packs.md and on apps/api/src/packs/pack-stats.service.ts,
// which turns these counts into rates). The only other reader of the submissions table besides
// SubmissionsRepository; kept apart because it reads many rows at once and returns aggregates.
import type { DataSource } from 'typeorm';

export interface ExerciseSubmissionStats {
  exerciseId: string;
  slug: string;
  title: string;
  learnersTried: number;
  attempts: number;
  passes: number;
  firstTry: number;
  medianAttemptsToPass: number | null;
  medianTimeToPassMs: number | null;
  hintReveals: number;
  solutionReveals: number;
}

export interface FailedTestCount {
  exerciseId: string;
  /** The test's declared identity (TestResult.id), never its runtime name. */
  testId: string;
  failures: number;
}

interface StatsRow {
  id: string;
  slug: string;
  title: string;
  learners_tried: number;
  attempts: number;
  passes: number;
  first_try: number;
  median_attempts: number | string | null;
  median_time_ms: number | string | null;
  hint_reveals: number;
  solution_reveals: number;
}

const STATS_SQL = `
WITH ex AS (
  SELECT id, slug, title, position FROM exercises WHERE course_id = $1 AND removed_at IS NULL
), graded AS (
  SELECT s.id, s.exercise_id, s.user_id, s.kind, s.created_at, (s.verdict = 'passed') AS passed
    FROM submissions s JOIN ex ON ex.id = s.exercise_id
   WHERE s.verdict IS NOT NULL
), submits AS (
  SELECT g.*, row_number() OVER (PARTITION BY exercise_id, user_id ORDER BY created_at, id) AS n
    FROM graded g WHERE kind = 'submit'
), learner AS (
  SELECT exercise_id, user_id,
         count(*) AS attempts,
         count(*) FILTER (WHERE passed) AS passes,
         bool_or(passed AND n = 1) AS first_try,
         min(n) FILTER (WHERE passed) AS attempts_to_pass,
         min(created_at) FILTER (WHERE passed) AS passed_at
    FROM submits GROUP BY exercise_id, user_id
), started AS (
  SELECT exercise_id, user_id, min(created_at) AS started_at FROM graded GROUP BY exercise_id, user_id
), per_exercise AS (
  SELECT l.exercise_id,
         count(*)::int AS learners_tried,
         sum(l.attempts)::int AS attempts,
         sum(l.passes)::int AS passes,
         count(*) FILTER (WHERE l.first_try)::int AS first_try,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY l.attempts_to_pass) AS median_attempts,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM l.passed_at - st.started_at) * 1000) AS median_time_ms
    FROM learner l JOIN started st USING (exercise_id, user_id)
   GROUP BY l.exercise_id
)
SELECT ex.id, ex.slug, ex.title,
       coalesce(p.learners_tried, 0) AS learners_tried, coalesce(p.attempts, 0) AS attempts,
       coalesce(p.passes, 0) AS passes, coalesce(p.first_try, 0) AS first_try,
       p.median_attempts, p.median_time_ms,
       (SELECT count(*)::int FROM hint_reveals h WHERE h.exercise_id = ex.id) AS hint_reveals,
       (SELECT count(*)::int FROM solution_reveals r WHERE r.exercise_id = ex.id) AS solution_reveals
  FROM ex LEFT JOIN per_exercise p ON p.exercise_id = ex.id
 ORDER BY ex.position`;

// Grouped by the declared identity the harness assigns (TestResult.id), never by the runtime name: a test
// file may build a name from learner values. Results graded before ids existed have none and are left out.
const FAILED_TESTS_SQL = `
SELECT s.exercise_id, t->>'id' AS test_id, count(*)::int AS failures
  FROM submissions s
  JOIN exercises e ON e.id = s.exercise_id AND e.course_id = $1 AND e.removed_at IS NULL
  CROSS JOIN LATERAL jsonb_array_elements(
    CASE WHEN jsonb_typeof(s.result->'tests') = 'array' THEN s.result->'tests' ELSE '[]'::jsonb END) t
 WHERE s.kind = 'submit' AND coalesce(t->>'status', '') <> 'pass' AND t->>'id' IS NOT NULL
 GROUP BY s.exercise_id, t->>'id'
 ORDER BY failures DESC, test_id`;

const num = (value: number | string | null): number | null => (value === null ? null : Number(value));

function toStats(row: StatsRow): ExerciseSubmissionStats {
  return {
    exerciseId: row.id,
    slug: row.slug,
    title: row.title,
    learnersTried: Number(row.learners_tried),
    attempts: Number(row.attempts),
    passes: Number(row.passes),
    firstTry: Number(row.first_try),
    medianAttemptsToPass: num(row.median_attempts),
    medianTimeToPassMs: num(row.median_time_ms),
    hintReveals: Number(row.hint_reveals),
    solutionReveals: Number(row.solution_reveals),
  };
}

export class SubmissionStatsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** One entry per current exercise of the course, in course order. */
  async exerciseStats(courseId: string): Promise<ExerciseSubmissionStats[]> {
    const rows: StatsRow[] = await this.dataSource.query(STATS_SQL, [courseId]);
    return rows.map(toStats);
  }

  /** Failing tests (by declared identity) in the course's Submit results, most failures first (all of them: the caller keeps the top ones). */
  async failedTests(courseId: string): Promise<FailedTestCount[]> {
    const rows: Array<{ exercise_id: string; test_id: string; failures: number }> = await this.dataSource.query(FAILED_TESTS_SQL, [
      courseId,
    ]);
    return rows.map((row) => ({ exerciseId: row.exercise_id, testId: row.test_id, failures: Number(row.failures) }));
  }
}
