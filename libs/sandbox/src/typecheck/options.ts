// Which gradings are type checked, and with what: TypeScript ones, unless the request says `typecheck:
// false`. Only known boolean switches pass (the request may come from a pack file on disk).
import { TYPECHECK_OPTION_NAMES, type TypecheckOptions } from '@questline/contracts';
import type { GradeRequest } from '../types';

export function typecheckOptions(request: Pick<GradeRequest, 'language' | 'typecheck'>): TypecheckOptions | undefined {
  if (request.language !== 'typescript' || request.typecheck === false) return undefined;
  const options: TypecheckOptions = {};
  const given: unknown = request.typecheck;
  if (typeof given === 'object' && given !== null) {
    for (const name of TYPECHECK_OPTION_NAMES) {
      const value = (given as Record<string, unknown>)[name];
      if (typeof value === 'boolean') options[name] = value;
    }
  }
  return options;
}
