export { CatalogModule } from './catalog.module';
export { CatalogService, lockedError } from './catalog.service';
export type { CourseDetail, CourseState, CourseSummary } from './catalog.service';
export type { CatalogStatus } from './unlock';
