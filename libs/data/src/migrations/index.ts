// Every migration class, in order. Add yours at the end: timestamped class name
// (`<Name><unix ms>`), file `<unix ms>-<Name>.ts`, a real down().
import { CreateUsers1763740000000 } from './1763740000000-CreateUsers';

export const MIGRATIONS = [CreateUsers1763740000000];
