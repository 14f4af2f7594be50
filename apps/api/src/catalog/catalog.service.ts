import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull } from 'typeorm';
import type { CourseDetail, CourseSummary } from '@questline/contracts';
import { Chapter, Course, Exercise, ExerciseCompletion, GradingExerciseRepository } from '@questline/data';
import { COURSE_SUMMARY_CHARS, summarize } from '@questline/exercise-format';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { computeStatuses, type CourseStatuses } from './unlock';
import { isUuid } from '../common/uuid';

/** A course as one learner sees it right now: current chapters/exercises in order and their status. */
export interface CourseState {
  course: Course;
  chapters: Chapter[];
  /** Current (not removed) exercises, in course order. */
  exercises: Exercise[];
  completions: Map<string, ExerciseCompletion>;
  statuses: CourseStatuses;
}

/** What a Run/Submit POST stores on the submission row (see getSubmissionTarget). */
export interface SubmissionTarget {
  id: string;
  courseVersion: string;
  testsHash: string;
  starterCode: string;
}

@Injectable()
export class CatalogService {
  private readonly gradingExercises: GradingExerciseRepository;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.gradingExercises = new GradingExerciseRepository(dataSource);
  }

  async listCourses(userId: string): Promise<CourseSummary[]> {
    const rows: Array<CourseSummary & { exerciseCount: string | number; solvedCount: string | number }> = await this.dataSource.query(
      // The list carries a summary of each description (the full text is on the course page): a pack could
      // otherwise put megabytes into every learner's course list. left() keeps the rest in PostgreSQL.
      `SELECT c.slug, c.title, left(c.description, ${COURSE_SUMMARY_CHARS * 2}) AS description, c.current_version AS version,
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
    return rows.map((row) => ({
      ...row,
      description: summarize(row.description),
      exerciseCount: Number(row.exerciseCount),
      solvedCount: Number(row.solvedCount),
    }));
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
        ...lockedBy(state.statuses.chapterBlockers.get(chapter.id)),
        exercises: state.exercises
          .filter((e) => e.chapterId === chapter.id)
          .map((e) => ({
            id: e.id,
            slug: e.slug,
            title: e.title,
            difficulty: e.difficulty,
            xp: e.xp,
            status: state.statuses.exercises.get(e.id) ?? 'available',
            ...lockedBy(state.statuses.blockers.get(e.id)),
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
   * The submission path's check (Run/Submit POST): what the row needs, or DomainError 400 bad id, 404
   * unknown/removed, 403 locked (the same message and `requires` as GET /api/exercises/:id decides from
   * courseState). One round trip (GradingExerciseRepository.findSubmissionTarget); tests/catalog checks
   * that it decides exactly like the courseState path.
   */
  async getSubmissionTarget(userId: string, exerciseId: string): Promise<SubmissionTarget> {
    if (!isUuid(exerciseId)) throw new DomainError(ErrorCode.InvalidInput, 'Exercise id must be a UUID');
    const facts = await this.gradingExercises.findSubmissionTarget(userId, exerciseId);
    if (!facts) throw new DomainError(ErrorCode.NotFound, 'No such exercise');
    const target: SubmissionTarget = {
      id: facts.id,
      courseVersion: facts.courseVersion,
      testsHash: facts.testsHash,
      starterCode: facts.starterCode,
    };
    // Solved is never locked: no need to evaluate the prerequisites.
    if (facts.solved) return target;
    const statuses = computeStatuses(facts.chapters, facts.exercises, new Set(facts.solvedIds));
    if (statuses.exercises.get(facts.id) === 'locked') throw lockedErrorOf(statuses, facts.id);
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

const lockedBy = (blockers: string[] | undefined) => (blockers?.length ? { lockedBy: blockers } : {});

export function lockedError(state: CourseState, exerciseId: string): DomainError {
  return lockedErrorOf(state.statuses, exerciseId);
}

function lockedErrorOf(statuses: CourseStatuses, exerciseId: string): DomainError {
  const blockers = statuses.blockers.get(exerciseId) ?? [];
  return new DomainError(ErrorCode.ExerciseLocked, `Exercise is locked: solve ${blockers.join(' and ') || 'its prerequisites'} first`, {
    requires: blockers,
  });
}
