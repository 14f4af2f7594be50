// Every entity class, listed explicitly (no globs: the same list works from sources, dist and jest).
// Add yours here: import it and append it to ENTITIES.
import { User } from './user.entity';

export * from './user.entity';

export const ENTITIES = [User];
