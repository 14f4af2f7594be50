// Loading and validating a whole pack: pack.yaml, every exercise folder it lists, and the
// cross-references between them (requires, duplicate slugs, unlisted folders, cycles).
import fs from 'node:fs';
import path from 'node:path';
import { findExerciseDirs } from './find';
import { ExerciseFormatError } from './issues';
import { checkExercise } from './load-exercise';
import { packManifestSchema } from './schema';
import type { TypecheckOptions } from '@questline/contracts';
import type { FormatIssue, LoadedChapter, LoadedPack, PackManifest, Requirements } from './types';
import { readManifest } from './yaml-file';

export const PACK_MANIFEST = 'pack.yaml';

export interface PackCheck {
  pack?: LoadedPack;
  issues: FormatIssue[];
}

/** Every problem in the pack; `pack` is set only when there are none. */
export function checkPack(dir: string): PackCheck {
  const root = path.resolve(dir);
  const issues: FormatIssue[] = [];
  const { value: manifest, issues: manifestIssues } = readManifest(path.join(root, PACK_MANIFEST), PACK_MANIFEST, packManifestSchema);
  issues.push(...manifestIssues);

  if (!manifest) {
    // Still check every exercise folder so one run shows the author everything to fix.
    for (const exerciseDir of findExerciseDirs(root)) issues.push(...checkExercise(exerciseDir, { base: root }).issues);
    return { issues };
  }

  const listed = new Set<string>();
  const chapters: LoadedChapter[] = [];
  manifest.chapters.forEach((chapter, c) => {
    const loaded: LoadedChapter = { slug: chapter.slug, title: chapter.title, requires: chapter.requires ?? {}, exercises: [] };
    chapter.exercises.forEach((entry, e) => {
      const slug = typeof entry === 'string' ? entry : entry.slug;
      const exerciseDir = path.join(root, chapter.slug, slug);
      listed.add(exerciseDir);
      if (!fs.existsSync(path.join(exerciseDir, 'exercise.yaml'))) {
        issues.push({
          file: PACK_MANIFEST,
          field: `chapters[${c}].exercises[${e}]`,
          message: `no exercise folder at ${chapter.slug}/${slug}/ (with an exercise.yaml)`,
        });
        return;
      }
      const checked = checkExercise(exerciseDir, { base: root });
      issues.push(...checked.issues);
      if (checked.exercise && !manifest.languages.includes(checked.exercise.manifest.language)) {
        issues.push({
          file: `${chapter.slug}/${slug}/exercise.yaml`,
          field: 'language',
          message: `"${checked.exercise.manifest.language}" is not in the pack's languages (${manifest.languages.join(', ')})`,
        });
      }
      if (checked.exercise) {
        const typecheck = mergeTypecheck(manifest.typecheck, checked.exercise.manifest.typecheck);
        if (typecheck !== undefined) checked.exercise.manifest.typecheck = typecheck;
        loaded.exercises.push({ exercise: checked.exercise, requires: (typeof entry === 'string' ? undefined : entry.requires) ?? {} });
      }
    });
    chapters.push(loaded);
  });

  for (const exerciseDir of findExerciseDirs(root)) {
    if (!listed.has(exerciseDir)) {
      const rel = path.relative(root, exerciseDir).split(path.sep).join('/');
      issues.push({
        file: `${rel}/`,
        message: 'is an exercise folder not listed in pack.yaml (add it to a chapter, or move it out of the pack)',
      });
    }
  }
  issues.push(...checkReferences(manifest));

  if (issues.length > 0) return { issues };
  return { issues, pack: { dir: root, manifest, chapters } };
}

/** All problems in a pack folder, each with its file and field; empty when the pack is valid. */
export function validatePack(dir: string): FormatIssue[] {
  return checkPack(dir).issues;
}

/** Loads a pack or throws an ExerciseFormatError listing every problem. */
export function loadPack(dir: string): LoadedPack {
  const { pack, issues } = checkPack(dir);
  if (!pack) throw new ExerciseFormatError(issues);
  return pack;
}

function checkReferences(manifest: PackManifest): FormatIssue[] {
  const issues: FormatIssue[] = [];
  const chapterOf = new Map<string, string>();
  const exercisesOf = new Map<string, string[]>();

  manifest.chapters.forEach((chapter, c) => {
    if (exercisesOf.has(chapter.slug)) {
      issues.push({ file: PACK_MANIFEST, field: `chapters[${c}].slug`, message: `duplicate chapter slug "${chapter.slug}"` });
    }
    const slugs = chapter.exercises.map((entry) => (typeof entry === 'string' ? entry : entry.slug));
    exercisesOf.set(chapter.slug, [...(exercisesOf.get(chapter.slug) ?? []), ...slugs]);
    slugs.forEach((slug, e) => {
      // Exercise slugs are pack-wide ids (requires and progress refer to them without a chapter).
      if (chapterOf.has(slug)) {
        issues.push({
          file: PACK_MANIFEST,
          field: `chapters[${c}].exercises[${e}]`,
          message: `duplicate exercise slug "${slug}" (already in chapter "${chapterOf.get(slug)}")`,
        });
      } else {
        chapterOf.set(slug, chapter.slug);
      }
    });
  });

  const checkRequires = (requires: Requirements | undefined, field: string, self: { chapter?: string; exercise?: string }) => {
    requires?.chapters?.forEach((slug, i) => {
      if (!exercisesOf.has(slug))
        issues.push({ file: PACK_MANIFEST, field: `${field}.chapters[${i}]`, message: `unknown chapter "${slug}"` });
      else if (slug === self.chapter)
        issues.push({ file: PACK_MANIFEST, field: `${field}.chapters[${i}]`, message: `a chapter cannot require itself` });
    });
    requires?.exercises?.forEach((slug, i) => {
      if (!chapterOf.has(slug))
        issues.push({ file: PACK_MANIFEST, field: `${field}.exercises[${i}]`, message: `unknown exercise "${slug}"` });
      else if (slug === self.exercise)
        issues.push({ file: PACK_MANIFEST, field: `${field}.exercises[${i}]`, message: `an exercise cannot require itself` });
    });
  };
  manifest.chapters.forEach((chapter, c) => {
    checkRequires(chapter.requires, `chapters[${c}].requires`, { chapter: chapter.slug });
    chapter.exercises.forEach((entry, e) => {
      if (typeof entry !== 'string') {
        checkRequires(entry.requires, `chapters[${c}].exercises[${e}].requires`, { chapter: chapter.slug, exercise: entry.slug });
      }
    });
  });
  if (issues.length > 0) return issues;

  const cycle = findCycle(manifest, exercisesOf);
  if (cycle) {
    issues.push({
      file: PACK_MANIFEST,
      field: 'chapters',
      message: `requirements form a cycle, so nobody can start: ${cycle.join(' -> ')}`,
    });
  }
  return issues;
}

/** Depth-first search over "exercise X needs exercise Y" edges; returns one cycle or undefined. */
function findCycle(manifest: PackManifest, exercisesOf: Map<string, string[]>): string[] | undefined {
  const needs = new Map<string, string[]>();
  const expand = (requires: Requirements | undefined) => [
    ...(requires?.chapters ?? []).flatMap((chapter) => exercisesOf.get(chapter) ?? []),
    ...(requires?.exercises ?? []),
  ];
  for (const chapter of manifest.chapters) {
    for (const entry of chapter.exercises) {
      const slug = typeof entry === 'string' ? entry : entry.slug;
      needs.set(slug, [...expand(chapter.requires), ...(typeof entry === 'string' ? [] : expand(entry.requires))]);
    }
  }
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (slug: string): string[] | undefined => {
    if (state.get(slug) === 'done') return undefined;
    if (state.get(slug) === 'visiting') return [...stack.slice(stack.indexOf(slug)), slug];
    state.set(slug, 'visiting');
    stack.push(slug);
    for (const next of needs.get(slug) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(slug, 'done');
    return undefined;
  };
  for (const slug of needs.keys()) {
    const cycle = visit(slug);
    if (cycle) return cycle;
  }
  return undefined;
}

/** The pack's type-check settings under the exercise's own: `false` on either side that sets it wins as a whole. */
function mergeTypecheck(
  pack: TypecheckOptions | false | undefined,
  exercise: TypecheckOptions | false | undefined,
): TypecheckOptions | false | undefined {
  if (exercise === false || pack === undefined) return exercise;
  if (pack === false) return exercise ?? false;
  return { ...pack, ...exercise };
}
