// Time budgets for imported exercises. Exercism's runner allows 20 s a run; Questline's default is 2 s,
// which compute-heavy reference solutions (puzzle solvers, prime searches) do not meet in a cold
// isolate. After an import, each reference solution is graded once under the platform maximum and an
// exercise whose reference needs it gets `limits.timeMs` = 5x its measured time, capped at the maximum.
import fs from 'node:fs';
import path from 'node:path';
import { findExerciseDirs, loadExercise, gradeSource, PLATFORM_LIMITS } from '@questline/exercise-format';
import { buildGradeRequest, type GradeLimits } from '@questline/sandbox';
import { parseDocument } from 'yaml';
import type { Grader } from '../grader';
import { paint, type Output } from '../output';

/** How many times the reference solution's time a learner gets. */
export const BUDGET_FACTOR = 5;
/** Budgets are rounded up to this, so a re-import on a slightly faster machine writes the same number. */
const ROUND_MS = 500;

export interface TimeBudget {
  exercise: string;
  measuredMs: number;
  /** The budget written into exercise.yaml, or undefined when the default is enough. */
  timeMs?: number;
  /** Set when the reference did not pass even under the platform maximum. */
  problem?: string;
}

/** The budget for a reference that took `measuredMs`, or undefined when the default covers it. */
export function budgetFor(measuredMs: number, defaultMs: number): number | undefined {
  const wanted = Math.ceil((measuredMs * BUDGET_FACTOR) / ROUND_MS) * ROUND_MS;
  return wanted > defaultMs ? Math.min(PLATFORM_LIMITS.timeMs, wanted) : undefined;
}

/**
 * Grades every reference solution under `packDir` one at a time (so queueing never counts as its time)
 * and writes the budgets that exceed `defaults.timeMs` into the exercises' exercise.yaml.
 */
export async function measureTimeBudgets(packDir: string, grader: Grader, defaults: GradeLimits, out: Output): Promise<TimeBudget[]> {
  const budgets: TimeBudget[] = [];
  for (const dir of findExerciseDirs(packDir)) {
    const exercise = loadExercise(dir, { base: packDir });
    const name = path.relative(packDir, dir).split(path.sep).join('/');
    const source = { ...gradeSource(exercise), limits: { ...exercise.manifest.limits, timeMs: PLATFORM_LIMITS.timeMs } };
    const result = await grader.grade(buildGradeRequest(source, exercise.solution.code, { includeHidden: true, defaults }));
    if (result.status !== 'pass') {
      budgets.push({ exercise: name, measuredMs: 0, problem: `the reference solution does not pass (${result.verdict})` });
      continue;
    }
    // The tests' own time, measured in the isolate: a grading's wall time also holds the child's start-up
    // (the first grading), queueing and the machine's load, none of which the learner's code causes.
    const measuredMs = result.tests.reduce((sum, test) => sum + test.durationMs, 0);
    const timeMs = budgetFor(measuredMs, defaults.timeMs);
    budgets.push({ exercise: name, measuredMs, ...(timeMs !== undefined ? { timeMs } : {}) });
    if (timeMs === undefined) continue;
    const file = path.join(dir, 'exercise.yaml');
    const document = parseDocument(fs.readFileSync(file, 'utf8'));
    document.setIn(['limits', 'timeMs'], timeMs);
    fs.writeFileSync(file, document.toString());
    out.log(
      `${paint(out, 'yellow', '⏱')} ${name}: the reference solution's tests took ${measuredMs} ms; time budget ${timeMs} ms (${BUDGET_FACTOR}x, at most ${PLATFORM_LIMITS.timeMs} ms)`,
    );
  }
  for (const { exercise, problem } of budgets) if (problem) out.log(`${paint(out, 'red', '✗')} ${exercise}: ${problem}`);
  return budgets;
}
