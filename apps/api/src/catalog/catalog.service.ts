import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull } from 'typeorm';
import { Chapter, Course, Exercise, ExerciseCompletion } from '@questline/data';
import { resolveXpRules, type XpRules } from '@questline/gamification';
import type { GradeLimits, Language, TestFile } from '@questline/sandbox';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { computeStatuses, type CatalogStatus, type CourseStatuses, type UnlockChapter, type UnlockExercise } from './unlock';
import { isUuid } from '../common/uuid';

export interface CourseSummary {
  slug: string;
  title: string;
  description: string;
  version: string;
  exerciseCount: number;
  solvedCount: number;
}

export interface CourseDetail extends CourseSummary {
  chapters: Array<{
    slug: string;
    title: string;
    status: CatalogStatus;
    exercises: Array<{ id: string; slug: string; title: string; difficulty: number; xp: number; status: CatalogStatus }>;
  }>;
}

/** A course as one learner sees it right now: current chapters/exercises in order and their status. */
export interface CourseState {
  course: Course;
  chapters: Chapter[];
  /** Current (not removed) exercises, in course order. */
  exercises: Exercise[];
  completions: Map<string, ExerciseCompletion>;
  statuses: CourseStatuses;
}

/** Everything the grading pipeline needs. Server-side only: it holds hidden tests. */
export interface GradableExercise {
  id: string;
  slug: string;
  title: string;
  courseId: string;
  courseSlug: string;
  /** The course version a submission is graded against (store it on the submission). */
  courseVersion: string;
  /** Store on the submission and the completion; compare to tell an older pass. */
  testsHash: string;
  language: Language;
  fileName: string;
  xp: number;
  xpRules: XpRules;
  visibleTests: TestFile[];
  hiddenTests: TestFile[];
  limits: Partial<GradeLimits>;
  revealHiddenTestNames: boolean;
  /** The learner already has a completion for it. */
  solved: boolean;
}

/** What a Run/Submit POST stores on the submission row (see getSubmissionTarget). */
export interface SubmissionTarget {
  id: string;
  courseVersion: string;
  testsHash: string;
}

interface SubmissionTargetRow {
  id: string;
  tests_hash: string;
  current_version: string;
  solved: boolean;
  chapters: UnlockChapter[];
  exercises: UnlockExercise[];
  solved_ids: string[];
}

@Injectable()
export class CatalogService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async listCourses(userId: string): Promise<CourseSummary[]> {
    const rows: Array<CourseSummary & { exerciseCount: string | number; solvedCount: string | number }> = await this.dataSource.query(
      `SELECT c.slug, c.title, c.description, c.current_version AS version,
              count(e.id)::int AS "exerciseCount", count(ec.exercise_id)::int AS "solvedCount"
         FROM courses c
         LEFT JOIN exercises e ON e.course_id = c.id AND e.removed_at IS NULL
         LEFT JOIN exercise_completions ec ON ec.exercise_id = e.id AND ec.user_id = $1
        GROUP BY c.id
        -- Built-in courses first, then the gentlest: lowest average difficulty, then the shorter course, so a
        -- newcomer's first course is the warm-up rather than whichever title sorts first.
        ORDER BY (c.owner_id IS NOT NULL), avg(e.difficulty), count(e.id), c.title, c.slug`,
      [userId],
    );
    return rows.map((row) => ({ ...row, exerciseCount: Number(row.exerciseCount), solvedCount: Number(row.solvedCount) }));
  }

  async getCourse(userId: string, slug: string): Promise<CourseDetail> {
    const course = await this.dataSource.getRepository(Course).findOneBy({ slug });
    if (!course) throw new DomainError(ErrorCode.NotFound, `No course "${slug}"`);
    const state = await this.courseState(course, userId);
    return {
      slug: course.slug,
      title: course.title,
      description: course.description,
      version: course.currentVersion,
      exerciseCount: state.exercises.length,
      solvedCount: state.exercises.filter((e) => state.completions.has(e.id)).length,
      chapters: state.chapters.map((chapter) => ({
        slug: chapter.slug,
        title: chapter.title,
        status: state.statuses.chapters.get(chapter.id) ?? 'available',
        exercises: state.exercises
          .filter((e) => e.chapterId === chapter.id)
          .map((e) => ({
            id: e.id,
            slug: e.slug,
            title: e.title,
            difficulty: e.difficulty,
            xp: e.xp,
            status: state.statuses.exercises.get(e.id) ?? 'available',
          })),
      })),
    };
  }

  /** The current exercise and its course state for the learner; 400 bad id, 404 unknown or removed. */
  async exerciseState(userId: string, exerciseId: string): Promise<{ exercise: Exercise; state: CourseState }> {
    if (!isUuid(exerciseId)) throw new DomainError(ErrorCode.InvalidInput, 'Exercise id must be a UUID');
    const exercise = await this.dataSource.getRepository(Exercise).findOneBy({ id: exerciseId, removedAt: IsNull() });
    if (!exercise) throw new DomainError(ErrorCode.NotFound, 'No such exercise');
    const course = await this.dataSource.getRepository(Course).findOneByOrFail({ id: exercise.courseId });
    const state = await this.courseState(course, userId);
    return { exercise: state.exercises.find((e) => e.id === exercise.id) ?? exercise, state };
  }

  /**
   * The exercise with its tests, or DomainError 404 (unknown/removed) / 403 (locked: solve X first), built the
   * straightforward way from courseState. The submission path uses the one-query getSubmissionTarget instead;
   * this stays as its reference: tests/catalog checks the two decide exactly alike.
   */
  async getGradableExercise(userId: string, exerciseId: string): Promise<GradableExercise> {
    const { exercise, state } = await this.exerciseState(userId, exerciseId);
    if (state.statuses.exercises.get(exercise.id) === 'locked') throw lockedError(state, exercise.id);
    const limits: Partial<GradeLimits> = {};
    if (exercise.limits.timeMs !== undefined) limits.timeMs = exercise.limits.timeMs;
    if (exercise.limits.memoryMb !== undefined) limits.memoryMb = exercise.limits.memoryMb;
    return {
      id: exercise.id,
      slug: exercise.slug,
      title: exercise.title,
      courseId: state.course.id,
      courseSlug: state.course.slug,
      courseVersion: state.course.currentVersion,
      testsHash: exercise.testsHash,
      language: exercise.language,
      fileName: exercise.fileName,
      xp: exercise.xp,
      xpRules: resolveXpRules(state.course.xpRules),
      visibleTests: exercise.visibleTests.map((t) => ({ fileName: t.fileName, code: t.code, hidden: false })),
      hiddenTests: exercise.hiddenTests.map((t) => ({ fileName: t.fileName, code: t.code, hidden: true })),
      limits,
      revealHiddenTestNames: exercise.revealHiddenTestNames,
      solved: state.completions.has(exercise.id),
    };
  }

  /**
   * The submission path's check (Run/Submit POST): what the row needs, or the same DomainErrors as
   * getGradableExercise — 400 bad id, 404 unknown/removed, 403 locked (same message and `requires`).
   * One round trip: the course's structure (light columns only, no tests) and the learner's solved
   * exercises come back in the same statement, instead of ~5 TypeORM queries that load every
   * exercise of the course with its tests.
   */
  async getSubmissionTarget(userId: string, exerciseId: string): Promise<SubmissionTarget> {
    if (!isUuid(exerciseId)) throw new DomainError(ErrorCode.InvalidInput, 'Exercise id must be a UUID');
    const rows: SubmissionTargetRow[] = await this.dataSource.query(
      `SELECT e.id, e.tests_hash, c.current_version,
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
    if (!row) throw new DomainError(ErrorCode.NotFound, 'No such exercise');
    const target: SubmissionTarget = { id: row.id, courseVersion: row.current_version, testsHash: row.tests_hash };
    // Solved is never locked: no need to evaluate the prerequisites.
    if (row.solved) return target;
    const statuses = computeStatuses(row.chapters, row.exercises, new Set(row.solved_ids));
    if (statuses.exercises.get(row.id) === 'locked') throw lockedErrorOf(statuses, row.id);
    return target;
  }

  async courseState(course: Course, userId: string): Promise<CourseState> {
    const chapters = await this.dataSource.getRepository(Chapter).find({ where: { courseId: course.id }, order: { position: 'ASC' } });
    const exercises = await this.dataSource
      .getRepository(Exercise)
      .find({ where: { courseId: course.id, removedAt: IsNull() }, order: { position: 'ASC' } });
    const completionRows =
      exercises.length === 0
        ? []
        : await this.dataSource.getRepository(ExerciseCompletion).findBy({ userId, exerciseId: In(exercises.map((e) => e.id)) });
    const completions = new Map(completionRows.map((c) => [c.exerciseId, c]));
    const statuses = computeStatuses(chapters, exercises, new Set(completions.keys()));
    return { course, chapters, exercises, completions, statuses };
  }
}

export function lockedError(state: CourseState, exerciseId: string): DomainError {
  return lockedErrorOf(state.statuses, exerciseId);
}

function lockedErrorOf(statuses: CourseStatuses, exerciseId: string): DomainError {
  const blockers = statuses.blockers.get(exerciseId) ?? [];
  return new DomainError(ErrorCode.ExerciseLocked, `Exercise is locked: solve ${blockers.join(' and ') || 'its prerequisites'} first`, {
    requires: blockers,
  });
}
