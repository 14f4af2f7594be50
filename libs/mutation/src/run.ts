// Mutation testing of one exercise: grade every mutant of the reference solution against the visible
// and hidden tests with the caller's grader (the real sandbox in the CLI and the publish check) and
// score the tests. No I/O here: the grader is passed in.
import type { ExerciseMutationReport, MutantStatus, MutantView } from '@questline/contracts';
import { buildGradeRequest, type GradeLimits, type GradeRequest, type GradeRequestSource, type GradeResult } from '@questline/sandbox';
import { applyMutant, viewMutant } from './describe';
import { generateMutants } from './lazy';

/** A mutant the author declared equivalent (exercise.yaml `mutation.equivalent`). */
export interface EquivalentMutant {
  mutant: string;
  reason: string;
}

export interface MutateExerciseInput {
  /** Shown in the report. */
  name: string;
  source: GradeRequestSource;
  solution: string;
  equivalent?: readonly EquivalentMutant[];
  /** The limits of an exercise that sets none (as the server reads them). */
  defaults?: GradeLimits;
  /** The reference solution's grading with includeHidden, when the caller has it already. */
  reference?: GradeResult;
  /** Grade nothing (score null, with a problem) when the solution has more mutants than this. */
  maxMutants?: number;
}

export type Grade = (request: GradeRequest) => Promise<GradeResult>;

/**
 * A mutant that loops forever stops at this budget instead of the exercise's full limit (a looping mutant
 * burns its whole budget, and there are dozens in a pack): ten times what the reference's tests took, and
 * never under MIN_MUTANT_TIME_MS so a busy machine does not stop a mutant that would have finished (250 ms
 * did, at load 30 on 2 cores: a surviving mutant counted as killed hides a weak test). A timeout counts as
 * killed, as in Stryker.
 */
const MIN_MUTANT_TIME_MS = 500;
const MUTANT_TIME_FACTOR = 10;

export function mutantTimeLimit(referenceMs: number, limitMs: number): number {
  return Math.min(limitMs, Math.max(MIN_MUTANT_TIME_MS, Math.ceil(referenceMs * MUTANT_TIME_FACTOR)));
}

/**
 * How long the reference's tests ran, measured inside the sandbox: the result's own durationMs also
 * counts the time spent queued behind other gradings, which says nothing about the tests.
 */
function testsDurationMs(result: GradeResult): number {
  return result.tests.reduce((total, test) => total + test.durationMs, 0);
}

function statusOf(result: GradeResult): MutantStatus {
  if (result.verdict === 'sandbox_error') return 'error';
  if (result.verdict === 'time_limit' || result.verdict === 'memory_limit') return 'timeout';
  return result.status === 'pass' ? 'survived' : 'killed';
}

/** Percentage with one decimal, rounded down so 89.96 % never reads as 90 %. */
export function mutationScore(detected: number, scored: number): number | null {
  return scored === 0 ? null : Math.floor((detected / scored) * 1000) / 10;
}

/** Grades the reference and every mutant; the report says which mutants survived and why. */
export async function mutateExercise(input: MutateExerciseInput, grade: Grade): Promise<ExerciseMutationReport> {
  const { source, solution } = input;
  const report: ExerciseMutationReport = {
    exercise: input.name,
    mutants: 0,
    killed: 0,
    survived: 0,
    timeout: 0,
    equivalent: 0,
    errors: 0,
    score: null,
    survivors: [],
    problems: [],
  };
  const base = buildGradeRequest(source, solution, { includeHidden: true, defaults: input.defaults });
  const reference = input.reference ?? (await grade(base));
  if (reference.status !== 'pass') {
    report.problems.push(`the reference solution does not pass its tests (${reference.verdict}): nothing to mutate`);
    return report;
  }
  const limits = { ...base.limits, timeMs: mutantTimeLimit(testsDurationMs(reference), base.limits.timeMs) };

  const mutants = generateMutants(solution, source.fileName);
  const equivalent = new Map((input.equivalent ?? []).map((e) => [e.mutant, e]));
  const used = new Set<string>();
  report.mutants = mutants.length;
  if (input.maxMutants !== undefined && mutants.length > input.maxMutants) {
    report.problems.push(
      `${mutants.length} mutants is more than the ${input.maxMutants} graded here: run questline pack test --mutate locally`,
    );
    return report;
  }

  const results = await Promise.all(
    mutants.map(async (mutant): Promise<{ view: MutantView; status: MutantStatus; message?: string }> => {
      const view = viewMutant(solution, mutant);
      if (equivalent.has(mutant.id)) {
        used.add(mutant.id);
        return { view, status: 'equivalent' };
      }
      // bail: whether any test fails is all that counts, and the first failure's message is enough.
      const result = await grade({ ...base, solution: { ...base.solution, code: applyMutant(solution, mutant) }, limits, bail: true });
      return { view, status: statusOf(result), message: result.message };
    }),
  );
  for (const { view, status, message } of results) {
    if (status === 'killed') report.killed += 1;
    else if (status === 'timeout') report.timeout += 1;
    else if (status === 'equivalent') report.equivalent += 1;
    else if (status === 'error') {
      report.errors += 1;
      report.problems.push(`mutant ${view.id} could not be graded: ${(message ?? 'sandbox error').split('\n')[0]}`);
    } else {
      report.survived += 1;
      report.survivors.push(view);
    }
  }
  for (const entry of equivalent.values()) {
    if (!used.has(entry.mutant)) {
      report.problems.push(`exercise.yaml marks "${entry.mutant}" as equivalent, but the solution has no such mutant any more`);
    }
  }
  report.score = mutationScore(report.killed + report.timeout, report.mutants - report.equivalent - report.errors);
  return report;
}
