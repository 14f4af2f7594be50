// Writing a loaded pack into the catalog tables, Nest-free so the api (boot loader, publishing),
// the CLI and tests share one implementation. Exercises are matched by (course, slug): their ids
// never change, which is what keeps learners' completions, XP and submissions across versions.
import type { EntityManager } from 'typeorm';
import { parseSqlSchema, type LoadedExercise, type LoadedPack } from '@questline/exercise-format';
import { Chapter } from '../entities/chapter.entity';
import { Course } from '../entities/course.entity';
import { CourseVersion } from '../entities/course-version.entity';
import { Exercise } from '../entities/exercise.entity';
import type { CatalogRequirements } from './catalog-json';
import { packContentHash, testsHash } from './hashes';

export interface ImportPackOptions {
  /** Owner when the course is created (null = built-in). An existing course keeps its owner. */
  ownerId: string | null;
  /** Recorded on the course version (default: ownerId). */
  publishedBy?: string | null;
}

export interface ImportPackResult {
  status: 'created' | 'updated' | 'unchanged';
  courseId: string;
  slug: string;
  version: string;
  /** The version learners saw before this import (null when created). */
  previousVersion: string | null;
  /** Exercise slugs by what happened to them. */
  exercises: { added: string[]; updated: string[]; testsChanged: string[]; removed: string[]; unchanged: string[] };
}

/**
 * Serialises imports of one slug across processes (two api processes booting at once, two publishes
 * racing). Must run inside a transaction: the lock is released at commit or rollback.
 */
export async function lockCourseSlug(manager: EntityManager, slug: string): Promise<void> {
  if (!manager.queryRunner?.isTransactionActive) throw new Error('lockCourseSlug must run inside a transaction');
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('questline:course:' || $1))`, [slug]);
}

/**
 * Upsert a pack. Call inside a transaction (e.g. `dataSource.transaction(m => importPack(m, pack, ...))`);
 * it takes the slug's advisory lock itself. Skips all writes when the content hash and version are
 * unchanged. Version policy (owner, higher version) is the caller's job: this only writes.
 */
export async function importPack(manager: EntityManager, pack: LoadedPack, options: ImportPackOptions): Promise<ImportPackResult> {
  const { manifest } = pack;
  await lockCourseSlug(manager, manifest.slug);
  const hash = packContentHash(pack);
  const courses = manager.getRepository(Course);
  const existing = await courses.findOneBy({ slug: manifest.slug });
  const result: ImportPackResult = {
    status: existing ? 'updated' : 'created',
    courseId: existing?.id ?? '',
    slug: manifest.slug,
    version: manifest.version,
    previousVersion: existing?.currentVersion ?? null,
    exercises: { added: [], updated: [], testsChanged: [], removed: [], unchanged: [] },
  };
  if (existing && existing.contentHash === hash && existing.currentVersion === manifest.version) {
    result.status = 'unchanged';
    result.exercises.unchanged = pack.chapters.flatMap((c) => c.exercises.map(({ exercise }) => exercise.manifest.slug));
    return result;
  }

  const course = existing ?? courses.create({ slug: manifest.slug, ownerId: options.ownerId });
  course.title = manifest.title;
  course.description = manifest.description;
  course.currentVersion = manifest.version;
  course.xpRules = { ...(manifest.xp ?? {}) };
  course.contentHash = hash;
  const saved = await courses.save(course);
  result.courseId = saved.id;

  const chapterIds = await upsertChapters(manager, saved.id, pack);
  await upsertExercises(manager, saved.id, pack, chapterIds, result);
  // Only after exercises moved away from them: chapters the new version dropped.
  const keep = [...chapterIds.values()];
  await manager
    .createQueryBuilder()
    .delete()
    .from(Chapter)
    .where('course_id = :courseId', { courseId: saved.id })
    .andWhere('NOT (id = ANY(:keep))', { keep })
    .execute();

  // Re-importing a version (a built-in pack edited without a version bump) refreshes its record;
  // the slug lock makes find-then-save safe here.
  const versions = manager.getRepository(CourseVersion);
  const record =
    (await versions.findOneBy({ courseId: saved.id, version: manifest.version })) ??
    versions.create({ courseId: saved.id, version: manifest.version });
  record.contentHash = hash;
  record.manifest = versionManifest(pack);
  record.publishedBy = options.publishedBy === undefined ? options.ownerId : options.publishedBy;
  await versions.save(record);
  return result;
}

async function upsertChapters(manager: EntityManager, courseId: string, pack: LoadedPack): Promise<Map<string, string>> {
  const repo = manager.getRepository(Chapter);
  const bySlug = new Map((await repo.findBy({ courseId })).map((c) => [c.slug, c]));
  const ids = new Map<string, string>();
  for (const [position, loaded] of pack.chapters.entries()) {
    const chapter = bySlug.get(loaded.slug) ?? repo.create({ courseId, slug: loaded.slug });
    chapter.title = loaded.title;
    chapter.position = position;
    chapter.requires = normaliseRequires(loaded.requires);
    ids.set(loaded.slug, (await repo.save(chapter)).id);
  }
  return ids;
}

async function upsertExercises(
  manager: EntityManager,
  courseId: string,
  pack: LoadedPack,
  chapterIds: Map<string, string>,
  result: ImportPackResult,
): Promise<void> {
  const repo = manager.getRepository(Exercise);
  const bySlug = new Map((await repo.findBy({ courseId })).map((e) => [e.slug, e]));
  const seen = new Set<string>();
  let position = 0;
  for (const chapter of pack.chapters) {
    for (const { exercise, requires } of chapter.exercises) {
      const slug = exercise.manifest.slug;
      seen.add(slug);
      const hash = testsHash(exercise);
      const current = bySlug.get(slug);
      const row = current ?? repo.create({ courseId, slug });
      const before = current ? JSON.stringify(current) : '';
      Object.assign(row, exerciseFields(exercise), {
        chapterId: chapterIds.get(chapter.slug) ?? null,
        position: position++,
        requires: normaliseRequires(requires),
        removedAt: null,
      });
      if (!current || current.testsHash !== hash) {
        row.testsHash = hash;
        row.version = pack.manifest.version;
      }
      if (!current) result.exercises.added.push(slug);
      else if (current.testsHash !== hash) result.exercises.testsChanged.push(slug);
      else if (JSON.stringify(row) !== before || current.removedAt) result.exercises.updated.push(slug);
      else result.exercises.unchanged.push(slug);
      if (!current || JSON.stringify(row) !== before) await repo.save(row);
    }
  }
  for (const [slug, row] of bySlug) {
    if (seen.has(slug) || row.removedAt) continue;
    // Kept, not deleted: completions, reveals and submissions still point at it.
    await repo.update({ id: row.id }, { removedAt: new Date() });
    result.exercises.removed.push(slug);
  }
}

function exerciseFields(exercise: LoadedExercise): Partial<Exercise> {
  const { manifest } = exercise;
  return {
    title: manifest.title,
    language: manifest.language,
    difficulty: manifest.difficulty,
    xp: manifest.xp,
    fileName: manifest.fileName,
    instructions: exercise.instructions,
    starterCode: exercise.starter.code,
    solutionCode: exercise.solution.code,
    visibleTests: exercise.visibleTests.map(({ fileName, code }) => ({ fileName, code })),
    hiddenTests: exercise.hiddenTests.map(({ fileName, code }) => ({ fileName, code })),
    databaseSetup: exercise.database?.setup ?? null,
    databaseSchema: exercise.database ? parseSqlSchema(exercise.database.setup) : null,
    hints: [...manifest.hints],
    limits: { ...(manifest.limits ?? {}) },
    revealHiddenTestNames: manifest.revealHiddenTestNames ?? false,
    typecheck: manifest.typecheck ?? null,
    kind: manifest.kind ?? 'implement',
    supportFiles: exercise.support.map(({ fileName, code }) => ({ fileName, code })),
  };
}

function normaliseRequires(requires: CatalogRequirements | undefined): CatalogRequirements {
  const out: CatalogRequirements = {};
  if (requires?.chapters?.length) out.chapters = [...requires.chapters];
  if (requires?.exercises?.length) out.exercises = [...requires.exercises];
  return out;
}

function versionManifest(pack: LoadedPack): Record<string, unknown> {
  return {
    pack: pack.manifest,
    exercises: pack.chapters.flatMap((chapter) =>
      chapter.exercises.map(({ exercise }) => ({ slug: exercise.manifest.slug, chapter: chapter.slug, testsHash: testsHash(exercise) })),
    ),
  };
}
