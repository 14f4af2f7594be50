// Mutation testing of exercise tests: mutants of a reference solution (TypeScript's parser), how a
// surviving one reads to an author, and the scoring of one exercise with an injected grader.
export type { Mutant } from './generate';
export { generateMutants } from './lazy';
export { applyMutant, explainSurvivor, survivorDiff, viewMutant } from './describe';
export { mutantTimeLimit, mutateExercise, mutationScore, type EquivalentMutant, type Grade, type MutateExerciseInput } from './run';
