// Loading the built-in packs (`exercises/*/pack.yaml`) into the catalog at api start-up.
import fs from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { checkPack, formatIssue, PACK_MANIFEST } from '@questline/exercise-format';
import { Course } from '../entities/course.entity';
import { importPack, lockCourseSlug, type ImportPackResult } from './import-pack';

export interface BuiltInPackLog {
  info(message: string): void;
  warn(message: string): void;
}

export interface BuiltInPackOutcome {
  dir: string;
  result?: ImportPackResult;
  /** Why the pack was skipped. */
  skipped?: string;
}

/** Folders directly under `root` that hold a pack.yaml, sorted. Missing root → none. */
export function findPackDirs(root: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(root);
  } catch {
    return [];
  }
  return names
    .sort()
    .map((name) => path.join(root, name))
    .filter((dir) => fs.existsSync(path.join(dir, PACK_MANIFEST)));
}

/**
 * Import every pack under `root`, one transaction each. Idempotent (unchanged packs are not
 * rewritten) and safe with several processes at once (per-slug advisory lock). A broken pack, or
 * a slug an instructor already owns, is logged and skipped: it never stops the others.
 */
export async function loadBuiltInPacks(dataSource: DataSource, root: string, log: BuiltInPackLog): Promise<BuiltInPackOutcome[]> {
  const outcomes: BuiltInPackOutcome[] = [];
  for (const dir of findPackDirs(root)) {
    const name = path.basename(dir);
    try {
      const { pack, issues } = checkPack(dir);
      if (!pack) {
        const skipped = `${issues.length} problem(s): ${issues.slice(0, 5).map(formatIssue).join('; ')}`;
        log.warn(`Built-in pack ${name} skipped: ${skipped}`);
        outcomes.push({ dir, skipped });
        continue;
      }
      const outcome = await dataSource.transaction(async (manager): Promise<BuiltInPackOutcome> => {
        await lockCourseSlug(manager, pack.manifest.slug);
        const owned = await manager.getRepository(Course).findOneBy({ slug: pack.manifest.slug });
        if (owned && owned.ownerId !== null) {
          return { dir, skipped: `slug "${pack.manifest.slug}" belongs to an instructor's pack` };
        }
        return { dir, result: await importPack(manager, pack, { ownerId: null }) };
      });
      if (outcome.skipped) log.warn(`Built-in pack ${name} skipped: ${outcome.skipped}`);
      else if (outcome.result && outcome.result.status !== 'unchanged') {
        const { status, slug, version, exercises } = outcome.result;
        log.info(
          `Built-in pack ${slug} ${status} at ${version} (${exercises.added.length} added, ${exercises.testsChanged.length} tests changed, ${exercises.removed.length} removed)`,
        );
      }
      outcomes.push(outcome);
    } catch (error) {
      const skipped = error instanceof Error ? error.message : String(error);
      log.warn(`Built-in pack ${name} skipped: ${skipped}`);
      outcomes.push({ dir, skipped });
    }
  }
  return outcomes;
}
