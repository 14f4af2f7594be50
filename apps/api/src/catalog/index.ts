export { CatalogModule } from './catalog.module';
export { CatalogService, lockedError } from './catalog.service';
export type { CourseState } from './catalog.service';
