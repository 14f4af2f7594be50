export { CatalogModule } from './catalog.module';
export { CatalogService, lockedError } from './catalog.service';
export type { CourseDetail, CourseState, CourseSummary, GradableExercise } from './catalog.service';
export type { CatalogStatus } from './unlock';
