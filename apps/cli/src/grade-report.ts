// `questline grade`: grade one file against an exercise exactly as the server would, and print a
// readable report or the raw GradeResult.
import fs from 'node:fs';
import path from 'node:path';
import { loadGradeLimitDefaults } from '@questline/config';
import { ExerciseFormatError, formatIssue, gradeSource, loadExercise } from '@questline/exercise-format';
import { buildGradeRequest, type GradeLimits, type GradeResult, type TestResult } from '@questline/sandbox';
import { defaultGraderFactory, type GraderFactory } from './grader';
import { paint, type Output } from './output';

export interface GradeOptions {
  /** Include hidden tests, as on Submit. */
  hidden?: boolean;
  json?: boolean;
  out: Output;
  createGrader?: GraderFactory;
  /** Limits for an exercise that sets none (default: as the server reads them, see loadGradeLimitDefaults). */
  defaultLimits?: GradeLimits;
}

export interface GradeOutcome {
  exitCode: number;
  result?: GradeResult;
}

export async function runGrade(exerciseDir: string, solutionFile: string, options: GradeOptions): Promise<GradeOutcome> {
  const { out } = options;
  let exercise;
  try {
    exercise = loadExercise(exerciseDir, { base: process.cwd() });
  } catch (error) {
    if (!(error instanceof ExerciseFormatError)) throw error;
    for (const issue of error.issues) out.error(formatIssue(issue));
    return { exitCode: 1 };
  }
  let code: string;
  try {
    code = fs.readFileSync(solutionFile, 'utf8');
  } catch {
    out.error(`${solutionFile}: cannot read the solution file`);
    return { exitCode: 1 };
  }

  // The learner's file always has the manifest's name, whatever the file on disk is called.
  const request = buildGradeRequest(gradeSource(exercise), code, {
    includeHidden: options.hidden,
    defaults: options.defaultLimits ?? loadGradeLimitDefaults(),
  });
  const grader = (options.createGrader ?? defaultGraderFactory)({ poolSize: 1 });
  let result: GradeResult;
  try {
    result = await grader.grade(request);
  } finally {
    await grader.close();
  }

  if (options.json) out.log(JSON.stringify(result, null, 2));
  else {
    const title = `${exercise.manifest.title} (${path.relative(process.cwd(), exercise.dir) || '.'}) - ${path.basename(solutionFile)} as ${exercise.manifest.fileName}`;
    for (const line of formatGradeResult(result, out, title)) out.log(line);
  }
  return { exitCode: result.status === 'pass' ? 0 : 1, result };
}

function indent(text: string, prefix: string): string[] {
  return text
    .replace(/\s+$/, '')
    .split('\n')
    .map((line) => `${prefix}${line}`);
}

function testLine(test: TestResult, out: Output): string[] {
  const mark = test.status === 'pass' ? paint(out, 'green', '✓') : paint(out, 'red', '✗');
  const hidden = test.hidden ? paint(out, 'dim', ' [hidden]') : '';
  const lines = [`  ${mark} ${test.name}${hidden} ${paint(out, 'dim', `(${Math.round(test.durationMs)} ms)`)}`];
  if (test.status !== 'pass' && test.message) lines.push(...indent(test.message, '      '));
  if (test.output) lines.push(paint(out, 'dim', '      output:'), ...indent(test.output, '        '));
  return lines;
}

const LIMIT_TEXT = { time: 'time limit', memory: 'memory limit', output: 'output limit' } as const;

/** The human-readable report: one line per test, failures with message and output, a summary. */
export function formatGradeResult(result: GradeResult, out: Output, title?: string): string[] {
  const lines: string[] = title ? [paint(out, 'bold', title), ''] : [];
  for (const test of result.tests) lines.push(...testLine(test, out));
  if (result.limit) {
    const during = result.limit.testName ? ` while running "${result.limit.testName}"` : '';
    lines.push('', paint(out, 'yellow', `Stopped: ${LIMIT_TEXT[result.limit.kind]} reached${during}.`));
  }
  if (result.message) lines.push('', ...indent(result.message, ''));
  const passed = result.tests.filter((t) => t.status === 'pass').length;
  const failed = result.tests.length - passed;
  const verdict = result.status === 'pass' ? paint(out, 'green', 'PASSED') : paint(out, 'red', `FAILED (${result.verdict})`);
  lines.push('', `${verdict}: ${passed} passed, ${failed} failed of ${result.tests.length} tests in ${Math.round(result.durationMs)} ms`);
  return lines;
}
