export { CatalogModule } from './catalog.module';
export { CatalogService, gradeRequestFor, lockedError } from './catalog.service';
export type { CourseDetail, CourseState, CourseSummary, GradableExercise } from './catalog.service';
export type { CatalogStatus } from './unlock';
