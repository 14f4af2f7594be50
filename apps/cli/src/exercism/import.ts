// `questline pack import-exercism`: an Exercism JavaScript/TypeScript track (`concept/*` and
// `practice/*`) -> a Questline pack with one chapter per kind. What cannot be converted is listed
// with the reason; the written pack is validated before we report success.
import fs from 'node:fs';
import path from 'node:path';
import { checkPack, formatIssue, type PackManifest } from '@questline/exercise-format';
import type { Language } from '@questline/sandbox';
import { stringify } from 'yaml';
import { paint, type Output } from '../output';
import { convertExercise, type TrackEntry } from './convert';

export interface ImportOptions {
  out: Output;
  /** Pack slug; default `exercism-<track>` or the output folder's name. */
  slug?: string;
  /** Write into an output folder that already holds a pack. */
  force?: boolean;
}

export interface ImportSummary {
  imported: Array<{ chapter: string; slug: string }>;
  skipped: Array<{ exercise: string; reason: string }>;
  /** Problems in the written pack (a bug in the importer if ever non-empty). */
  invalid: string[];
}

const KINDS = [
  { kind: 'concept', title: 'Concepts' },
  { kind: 'practice', title: 'Practice' },
] as const;

interface TrackConfig {
  slug?: string;
  language?: string;
  exercises?: Partial<Record<'concept' | 'practice', Array<TrackEntry & { slug: string }>>>;
}

function readTrackConfig(candidates: string[]): TrackConfig {
  for (const file of candidates) {
    try {
      return JSON.parse(fs.readFileSync(file, 'utf8')) as TrackConfig;
    } catch {
      // Not there or not JSON: the track config is optional (titles fall back to the slug).
    }
  }
  return {};
}

function listDirs(dir: string): string[] {
  try {
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
      .map((entry) => entry.name);
  } catch {
    return [];
  }
}

export function importExercism(source: string, outDir: string, options: ImportOptions): ImportSummary {
  const { out } = options;
  // Accept the track root (with exercises/) as well as its exercises/ folder.
  let exercisesDir = path.resolve(source);
  if (!KINDS.some(({ kind }) => fs.existsSync(path.join(exercisesDir, kind))) && fs.existsSync(path.join(exercisesDir, 'exercises'))) {
    exercisesDir = path.join(exercisesDir, 'exercises');
  }
  if (!KINDS.some(({ kind }) => fs.existsSync(path.join(exercisesDir, kind)))) {
    throw new Error(`${source} has no concept/ or practice/ folder: pass an Exercism track's exercises/ folder`);
  }
  const target = path.resolve(outDir);
  if (fs.existsSync(path.join(target, 'pack.yaml')) && !options.force) {
    throw new Error(`${outDir} already holds a pack.yaml; pass --force to write over it`);
  }
  const track = readTrackConfig([path.join(exercisesDir, '..', 'config.json'), path.join(exercisesDir, 'config.json')]);

  const summary: ImportSummary = { imported: [], skipped: [], invalid: [] };
  const languages = new Set<Language>();
  const chapters: PackManifest['chapters'] = [];
  for (const { kind, title } of KINDS) {
    const entries = track.exercises?.[kind] ?? [];
    const order = new Map(entries.map((entry, i) => [entry.slug, i]));
    // Track order first (it is the learning order), then anything the config does not list.
    const slugs = listDirs(path.join(exercisesDir, kind)).sort(
      (a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity) || a.localeCompare(b),
    );
    const converted: string[] = [];
    for (const slug of slugs) {
      const result = convertExercise(
        path.join(exercisesDir, kind, slug),
        slug,
        entries.find((e) => e.slug === slug),
      );
      if (!result.ok) {
        summary.skipped.push({ exercise: `${kind}/${slug}`, reason: result.reason });
        continue;
      }
      for (const [file, content] of Object.entries(result.files)) {
        fs.mkdirSync(path.dirname(path.join(target, kind, slug, file)), { recursive: true });
        fs.writeFileSync(path.join(target, kind, slug, file), content);
      }
      languages.add(result.language);
      converted.push(slug);
      summary.imported.push({ chapter: kind, slug });
    }
    if (converted.length > 0) chapters.push({ slug: kind, title, exercises: converted });
  }

  if (chapters.length > 0) {
    const trackName = track.language ?? [...languages].map((l) => (l === 'javascript' ? 'JavaScript' : 'TypeScript')).join(' & ');
    const manifest: PackManifest = {
      slug: options.slug ?? (track.slug ? `exercism-${track.slug}` : path.basename(target)),
      title: `Exercism ${trackName}`,
      description: `Exercises converted from the Exercism ${trackName} track (https://exercism.org, MIT licence).`,
      version: '0.1.0',
      authors: ['Exercism contributors'],
      languages: [...languages].sort(),
      chapters,
    };
    fs.mkdirSync(target, { recursive: true });
    fs.writeFileSync(path.join(target, 'pack.yaml'), stringify(manifest));
    summary.invalid = checkPack(target).issues.map(formatIssue);
  }

  for (const { chapter, slug } of summary.imported) out.log(`${paint(out, 'green', '✓')} ${chapter}/${slug}`);
  for (const { exercise, reason } of summary.skipped) out.log(`${paint(out, 'yellow', '-')} ${exercise}: not converted: ${reason}`);
  for (const problem of summary.invalid) out.error(`${paint(out, 'red', '✗')} ${problem}`);
  out.log(`${summary.imported.length} imported, ${summary.skipped.length} not converted${chapters.length > 0 ? ` -> ${outDir}` : ''}`);
  return summary;
}
