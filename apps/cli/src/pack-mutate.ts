// `questline pack test --mutate`: after an exercise passes the usual checks, every mutant of its
// reference solution is graded against its visible and hidden tests (libs/mutation); a mutant that
// passes them all shows a gap in the tests, printed as a diff the author can act on.
import type { ExerciseMutationReport, MutationRunReport } from '@questline/contracts';
import { gradeSource, type LoadedExercise } from '@questline/exercise-format';
import { explainSurvivor, mutateExercise, survivorDiff, type Grade } from '@questline/mutation';
import type { GradeLimits } from '@questline/sandbox';
import { paint, type Output } from './output';

export interface MutateOptions {
  /** Fail (exit 1) when an exercise scores below this percentage. */
  minScore?: number;
}

export function mutateLoadedExercise(name: string, exercise: LoadedExercise, grade: Grade, defaults: GradeLimits) {
  return mutateExercise(
    { name, source: gradeSource(exercise), solution: exercise.solution.code, equivalent: exercise.manifest.mutation?.equivalent, defaults },
    grade,
  );
}

export function formatScore(score: number | null): string {
  return score === null ? 'n/a' : `${score.toFixed(1)} %`;
}

/** Whether the exercise meets `--min-score` (an exercise with nothing to score meets it). */
export function meetsMinScore(report: ExerciseMutationReport, minScore: number | undefined): boolean {
  return minScore === undefined || report.score === null || report.score >= minScore;
}

/** The lines printed under an exercise. */
export function mutationLines(out: Output, report: ExerciseMutationReport, options: MutateOptions): string[] {
  const detected = report.killed + report.timeout;
  const scored = report.mutants - report.equivalent - report.errors;
  const extra = [report.equivalent ? `${report.equivalent} equivalent` : '', report.errors ? `${report.errors} not graded` : '']
    .filter(Boolean)
    .join(', ');
  const good = meetsMinScore(report, options.minScore);
  const score = paint(out, good ? 'green' : 'red', formatScore(report.score));
  const lines = [`      mutation score ${score} (${detected}/${scored} mutants killed${extra ? `; ${extra}` : ''})`];
  for (const survivor of report.survivors) {
    lines.push(`      ${paint(out, 'yellow', 'survived')} ${survivor.id}: ${explainSurvivor(survivor)}`);
    for (const line of survivorDiff(survivor)) lines.push(`        ${line}`);
  }
  for (const problem of report.problems) lines.push(`      ${paint(out, 'red', '!')} ${problem}`);
  return lines;
}

export function summarizeMutation(exercises: ExerciseMutationReport[], options: MutateOptions, durationMs: number): MutationRunReport {
  const sum = (pick: (r: ExerciseMutationReport) => number) => exercises.reduce((total, r) => total + pick(r), 0);
  const scores = exercises.map((r) => r.score).filter((s): s is number => s !== null);
  const graded = sum((r) => r.mutants - r.equivalent);
  return {
    exercises: [...exercises].sort((a, b) => a.exercise.localeCompare(b.exercise)),
    mutants: sum((r) => r.mutants),
    killed: sum((r) => r.killed + r.timeout),
    survived: sum((r) => r.survived),
    lowestScore: scores.length > 0 ? Math.min(...scores) : null,
    minScore: options.minScore ?? null,
    ok: exercises.every((r) => meetsMinScore(r, options.minScore)),
    durationMs: Math.round(durationMs),
    mutantsPerSecond: durationMs > 0 ? Math.round((graded / durationMs) * 10_000) / 10 : 0,
  };
}

export function summaryLine(out: Output, run: MutationRunReport): string {
  const below = run.exercises.filter((r) => !meetsMinScore(r, run.minScore ?? undefined)).length;
  const threshold = run.minScore === null ? '' : `; ${below} below --min-score ${run.minScore}`;
  const equivalent = run.exercises.reduce((n, r) => n + r.equivalent, 0);
  const text = `mutation: ${run.killed}/${run.mutants - equivalent} mutants killed, ${run.survived} survived${equivalent ? ` (${equivalent} marked equivalent)` : ''}, lowest score ${formatScore(run.lowestScore)}${threshold} (${(run.durationMs / 1000).toFixed(1)} s, ${run.mutantsPerSecond} mutants/s)`;
  return paint(out, run.ok ? 'green' : 'red', text);
}
