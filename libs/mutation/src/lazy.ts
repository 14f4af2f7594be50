// The mutant generator needs TypeScript's compiler, ~10 MB of JavaScript: loading it takes 0.5-2 s and ~55 MB
// (measured on this 2-core machine). The api imports this library for the publish check, so the compiler is
// loaded on the first mutation run, not at every api start.
import type * as Generate from './generate';

let loaded: typeof Generate | undefined;

export function generator(): typeof Generate {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('./generate') as typeof Generate;
  return loaded;
}

/** Every mutant of `code` (see generate.ts), loading the parser on first use. */
export const generateMutants: typeof Generate.generateMutants = (code, fileName) => generator().generateMutants(code, fileName);
