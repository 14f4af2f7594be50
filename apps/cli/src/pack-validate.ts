// `questline pack validate`: structure and schema checks only (no grading), every problem listed
// with its file and field so an author can fix them all in one pass.
import fs from 'node:fs';
import path from 'node:path';
import { EXERCISE_MANIFEST, checkExercise, checkPack, formatIssue } from '@questline/exercise-format';
import type { FormatIssue } from '@questline/exercise-format';
import { paint, type Output } from './output';

export interface ValidateSummary {
  issues: FormatIssue[];
  exercises: number;
}

export function runPackValidate(dir: string, options: { out: Output }): ValidateSummary {
  const { out } = options;
  const root = path.resolve(dir);
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) {
    const issues = [{ file: dir, message: 'is not a folder' }];
    out.error(formatIssue(issues[0]));
    return { issues, exercises: 0 };
  }

  // A single exercise folder can be checked on its own while it is being written.
  if (fs.existsSync(path.join(root, EXERCISE_MANIFEST))) {
    const { issues, exercise } = checkExercise(root);
    report(out, issues, exercise ? `${exercise.manifest.title}: valid` : '');
    return { issues, exercises: 1 };
  }
  const { issues, pack } = checkPack(root);
  const exercises = pack?.chapters.reduce((sum, chapter) => sum + chapter.exercises.length, 0) ?? 0;
  report(
    out,
    issues,
    pack
      ? `${pack.manifest.title} ${pack.manifest.version}: valid (${plural(pack.chapters.length, 'chapter')}, ${plural(exercises, 'exercise')})`
      : '',
  );
  return { issues, exercises };
}

function report(out: Output, issues: FormatIssue[], okText: string): void {
  if (issues.length === 0) {
    out.log(`${paint(out, 'green', '✓')} ${okText}`);
    return;
  }
  for (const issue of issues) out.log(`${paint(out, 'red', '✗')} ${formatIssue(issue)}`);
  out.log('');
  out.log(paint(out, 'red', `${issues.length} problem${issues.length === 1 ? '' : 's'} found`));
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
