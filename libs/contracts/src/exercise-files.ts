// What a learner sees of an exercise beyond its own file: whether it is a refactoring exercise, and the
// read-only files the exercise provides (see docs/exercism.md).

/** `refactor`: the starter already passes every test; the task is to improve it without breaking one. */
export type ExerciseKind = 'implement' | 'refactor';

/** A file the exercise provides beside the learner's: graded with it, shown read-only. */
export interface SupportFileView {
  fileName: string;
  code: string;
}
