// Instructor analytics for one pack, computed in SQL from graded Submit submissions.
//
// Definitions (also in docs/packs.md), per current exercise:
// - learnersTried: learners with at least one graded Submit; attempts: graded Submits.
// - passRate: passing Submits / Submits. firstTryPassRate: learners whose first Submit passed / learnersTried.
// - medianAttemptsToPass: over learners who passed, the number of Submits up to and including the first pass.
// - medianTimeToPassMs: over learners who passed, from their first submission of any kind (a Run
//   counts: that is when they started working) to their first passing Submit.
// - hintReveals / solutionReveals: reveal rows (one per learner and hint / per learner).
// - mostFailedTests: test names with status != 'pass' in Submit results, most frequent first (top 5).
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Course, UserRole, type User } from '@questline/data';
import { DomainError, ErrorCode } from '../common/errors/domain-error';

export interface ExerciseStats {
  slug: string;
  title: string;
  learnersTried: number;
  attempts: number;
  passRate: number | null;
  firstTryPassRate: number | null;
  medianAttemptsToPass: number | null;
  medianTimeToPassMs: number | null;
  hintReveals: number;
  solutionReveals: number;
  mostFailedTests: Array<{ name: string; failures: number }>;
}

export interface PackStats {
  slug: string;
  version: string;
  exercises: ExerciseStats[];
}

const TOP_FAILED_TESTS = 5;

interface StatsRow {
  id: string;
  slug: string;
  title: string;
  learners_tried: number;
  attempts: number;
  passes: number;
  first_try: number;
  median_attempts: number | null;
  median_time_ms: number | null;
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

const FAILED_TESTS_SQL = `
SELECT s.exercise_id, t->>'name' AS name, count(*)::int AS failures
  FROM submissions s
  JOIN exercises e ON e.id = s.exercise_id AND e.course_id = $1 AND e.removed_at IS NULL
  CROSS JOIN LATERAL jsonb_array_elements(
    CASE WHEN jsonb_typeof(s.result->'tests') = 'array' THEN s.result->'tests' ELSE '[]'::jsonb END) t
 WHERE s.kind = 'submit' AND coalesce(t->>'status', '') <> 'pass' AND t->>'name' IS NOT NULL
 GROUP BY s.exercise_id, t->>'name'
 ORDER BY failures DESC, name`;

@Injectable()
export class PackStatsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async stats(user: User, slug: string): Promise<PackStats> {
    const course = await this.dataSource.getRepository(Course).findOneBy({ slug });
    if (!course) throw new DomainError(ErrorCode.NotFound, `No pack "${slug}"`);
    if (user.role !== UserRole.Admin && course.ownerId !== user.id) {
      throw new DomainError(ErrorCode.Forbidden, 'Only the pack\'s owner or an admin can see its statistics');
    }
    const rows: StatsRow[] = await this.dataSource.query(STATS_SQL, [course.id]);
    const failed: Array<{ exercise_id: string; name: string; failures: number }> = await this.dataSource.query(FAILED_TESTS_SQL, [course.id]);
    const ratio = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null);
    const num = (value: number | string | null) => (value === null ? null : Number(value));
    return {
      slug: course.slug,
      version: course.currentVersion,
      exercises: rows.map((row) => {
        const attempts = Number(row.attempts);
        const learners = Number(row.learners_tried);
        const time = num(row.median_time_ms);
        return {
          slug: row.slug,
          title: row.title,
          learnersTried: learners,
          attempts,
          passRate: ratio(Number(row.passes), attempts),
          firstTryPassRate: ratio(Number(row.first_try), learners),
          medianAttemptsToPass: num(row.median_attempts),
          medianTimeToPassMs: time === null ? null : Math.round(time),
          hintReveals: Number(row.hint_reveals),
          solutionReveals: Number(row.solution_reveals),
          mostFailedTests: failed
            .filter((f) => f.exercise_id === row.id)
            .slice(0, TOP_FAILED_TESTS)
            .map((f) => ({ name: f.name, failures: Number(f.failures) })),
        };
      }),
    };
  }
}
