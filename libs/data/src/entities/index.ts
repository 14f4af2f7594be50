// Every entity class, listed explicitly (no globs: the same list works from sources, dist and jest).
// Add yours here: import it and append it to ENTITIES.
//
// Only tables read or written through TypeORM's repositories have an entity. The grading and gamification
// tables (submissions, learner_progress, xp_awards, learner_achievements, graded_submits) are reached with
// SQL in their repositories (libs/data/src/submissions, libs/data/src/learner-records), which document them.
import { User } from './user.entity';
import { Course } from './course.entity';
import { CourseVersion } from './course-version.entity';
import { Chapter } from './chapter.entity';
import { Exercise } from './exercise.entity';
import { ExerciseCompletion } from './exercise-completion.entity';
import { HintReveal } from './hint-reveal.entity';
import { SolutionReveal } from './solution-reveal.entity';

export * from './user.entity';
export * from './course.entity';
export * from './course-version.entity';
export * from './chapter.entity';
export * from './exercise.entity';
export * from './exercise-completion.entity';
export * from './hint-reveal.entity';
export * from './solution-reveal.entity';

export const ENTITIES = [User, Course, CourseVersion, Chapter, Exercise, ExerciseCompletion, HintReveal, SolutionReveal];
