// Every entity class, listed explicitly (no globs: the same list works from sources, dist and jest).
// Add yours here: import it and append it to ENTITIES.
import { User } from './user.entity';
import { Course } from './course.entity';
import { CourseVersion } from './course-version.entity';
import { Chapter } from './chapter.entity';
import { Exercise } from './exercise.entity';
import { ExerciseCompletion } from './exercise-completion.entity';
import { HintReveal } from './hint-reveal.entity';
import { SolutionReveal } from './solution-reveal.entity';
import { LearnerProgressRow } from './learner-progress.entity';
import { XpAward } from './xp-award.entity';
import { LearnerAchievement } from './learner-achievement.entity';
import { Submission } from './submission.entity';

export * from './user.entity';
export * from './course.entity';
export * from './course-version.entity';
export * from './chapter.entity';
export * from './exercise.entity';
export * from './exercise-completion.entity';
export * from './hint-reveal.entity';
export * from './solution-reveal.entity';
export * from './learner-progress.entity';
export * from './xp-award.entity';
export * from './learner-achievement.entity';

export * from './submission.entity';

export const ENTITIES = [User, Course, CourseVersion, Chapter, Exercise, ExerciseCompletion, HintReveal, SolutionReveal, LearnerProgressRow, XpAward, LearnerAchievement, Submission];
