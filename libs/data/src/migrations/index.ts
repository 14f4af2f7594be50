// Every migration class, in order. Add yours at the end: timestamped class name
// (`<Name><unix ms>`), file `<unix ms>-<Name>.ts`, a real down().
import { CreateUsers1763740000000 } from './1763740000000-CreateUsers';
import { CreateCatalog1795280940260 } from './1795280940260-CreateCatalog';
import { CreateGamification1795281363540 } from './1795281363540-CreateGamification';
import { CreateSubmissions1795281372032 } from './1795281372032-CreateSubmissions';
import { CreateDrafts1796299241598 } from './1796299241598-CreateDrafts';
import { AddExerciseKindAndSupportFiles1796300793920 } from './1796300793920-AddExerciseKindAndSupportFiles';
import { SqlExercises1796300880076 } from './1796300880076-SqlExercises';
import { CreateMotivation1796300898376 } from './1796300898376-CreateMotivation';
import { AddExerciseTypecheck1796301551081 } from './1796301551081-AddExerciseTypecheck';
import { CreatePackChecks1796301583168 } from './1796301583168-CreatePackChecks';
import { CreateMistakeNotes1796302000000 } from './1796302000000-CreateMistakeNotes';
import { CreateClasses1796312678945 } from './1796312678945-CreateClasses';
import { AddSubmissionMotivation1796312791495 } from './1796312791495-AddSubmissionMotivation';
import { AddExerciseDatabaseSchema1796313000000 } from './1796313000000-AddExerciseDatabaseSchema';
import { CreateAccessTokens1796314000000 } from './1796314000000-CreateAccessTokens';

export const MIGRATIONS = [
  CreateUsers1763740000000,
  CreateCatalog1795280940260,
  CreateGamification1795281363540,
  CreateSubmissions1795281372032,
  CreateDrafts1796299241598,
  AddExerciseKindAndSupportFiles1796300793920,
  SqlExercises1796300880076,
  CreateMotivation1796300898376,
  AddExerciseTypecheck1796301551081,
  CreatePackChecks1796301583168,
  CreateMistakeNotes1796302000000,
  CreateClasses1796312678945,
  AddSubmissionMotivation1796312791495,
  AddExerciseDatabaseSchema1796313000000,
  CreateAccessTokens1796314000000,
];
