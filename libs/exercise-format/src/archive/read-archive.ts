// Reading an uploaded pack (.tar.gz) in one streaming pass: gunzip -> TarFramer (budgets, stop at the
// end-of-archive marker) -> the tar library, which writes only entries that pass entryProblem into a
// private folder. Then the folder is checked like any pack folder. Runs inside a worker thread
// (reader-thread.ts), so none of this work happens on the api's event loop.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import * as tar from 'tar';
import { PACK_MANIFEST, checkPack } from '../load-pack';
import type { FormatIssue, LoadedPack } from '../types';
import { ArchiveProblem, TarFramer, type TarFramerLimits } from './tar-framer';

export interface ArchiveLimits extends TarFramerLimits {
  /** Upload size (compressed). */
  uploadBytes: number;
  /** Wall-clock budget for reading and checking the whole archive. */
  readMs: number;
}

export const ARCHIVE_LIMITS: ArchiveLimits = {
  uploadBytes: 5 * 1024 * 1024,
  // A gzip bomb stops here: counted as the stream is decompressed, before anything is written.
  unpackedBytes: 50 * 1024 * 1024,
  entries: 5000,
  // Far above any file a pack may hold (see PACK_LIMITS), so the per-file report names the file instead.
  entryBytes: 16 * 1024 * 1024,
  readMs: 10_000,
};

/** A problem with the archive itself (not with a pack file's content). */
export interface ArchiveIssue {
  file?: string;
  message: string;
}

export type PackArchiveResult = { pack: LoadedPack } | { archive: ArchiveIssue[] } | { issues: FormatIssue[] };

const ALLOWED_TYPES = new Set(['File', 'OldFile', 'ContiguousFile', 'Directory']);

/** Why an entry is refused, or null when it is safe to write. */
export function entryProblem(entryPath: string, type: string): string | null {
  if (!ALLOWED_TYPES.has(type)) return `${type === 'SymbolicLink' || type === 'Link' ? 'links are' : `${type} entries are`} not allowed`;
  if (entryPath.includes('\0')) return 'has a NUL byte in its name';
  if (path.posix.isAbsolute(entryPath) || path.win32.isAbsolute(entryPath)) return 'is an absolute path';
  if (entryPath.split(/[\\/]+/).includes('..')) return 'climbs out of the pack with ".."';
  return null;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Unpacks `archive` into `dir` (which must exist and be empty); returns the problems, [] when it is safe. */
export async function extractArchive(archive: Uint8Array, dir: string, limits: TarFramerLimits = ARCHIVE_LIMITS): Promise<ArchiveIssue[]> {
  const problems: ArchiveIssue[] = [];
  const framer = new TarFramer(limits);
  const unpack = new tar.Unpack({
    cwd: dir,
    strict: true,
    preserveOwner: false,
    filter: (entryPath, entry) => {
      const problem = 'type' in entry ? entryProblem(entryPath, entry.type) : 'has no type';
      if (problem) problems.push({ file: entryPath, message: `archive entry ${problem}` });
      return problem === null;
    },
  });
  const gunzip = zlib.createGunzip();
  const finished = new Promise<void>((resolve, reject) => {
    unpack.on('error', reject);
    unpack.on('close', resolve);
    gunzip.on('error', (error) => reject(new ArchiveProblem(`not a readable .tar.gz archive (${error.message})`)));
    gunzip.on('data', (chunk: Buffer) => {
      try {
        let writable = true;
        for (const part of framer.feed(chunk)) writable = unpack.write(part) && writable;
        if (framer.done) {
          // Whatever follows the marker is never decompressed.
          gunzip.destroy();
          unpack.end();
        } else if (!writable) {
          gunzip.pause();
          unpack.once('drain', () => gunzip.resume());
        }
      } catch (error) {
        gunzip.destroy();
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    gunzip.on('end', () => unpack.end());
  });
  gunzip.end(archive);
  try {
    await finished;
  } catch (error) {
    return [{ message: error instanceof ArchiveProblem ? error.message : `could not unpack the archive (${message(error)})` }];
  }
  if (framer.entries === 0 && problems.length === 0) problems.push({ message: 'the archive is empty' });
  return problems;
}

/** The folder holding pack.yaml: `dir` itself or its single top-level folder. */
export function findPackRoot(dir: string): string | null {
  if (fs.existsSync(path.join(dir, PACK_MANIFEST))) return dir;
  const entries = fs.readdirSync(dir, { withFileTypes: true }).filter((e) => !e.name.startsWith('.'));
  if (entries.length === 1 && entries[0].isDirectory() && fs.existsSync(path.join(dir, entries[0].name, PACK_MANIFEST))) {
    return path.join(dir, entries[0].name);
  }
  return null;
}

/** Unpack into `dir` and check the pack: the loaded pack, or every problem found. */
export async function readPackArchive(
  archive: Uint8Array,
  dir: string,
  limits: TarFramerLimits = ARCHIVE_LIMITS,
): Promise<PackArchiveResult> {
  const problems = await extractArchive(archive, dir, limits);
  if (problems.length > 0) return { archive: problems };
  const root = findPackRoot(dir);
  if (!root)
    return { archive: [{ file: PACK_MANIFEST, message: 'no pack.yaml at the top of the archive (or in its single top-level folder)' }] };
  const { pack, issues } = checkPack(root);
  return pack ? { pack } : { issues };
}
