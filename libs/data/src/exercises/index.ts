export * from './grading-exercise.repository';
