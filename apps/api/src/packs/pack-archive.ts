// Unpacking an uploaded pack (.tar.gz) into a private temp folder without trusting the archive:
// every entry is checked before anything is written (no absolute paths, no `..`, no links or
// devices, bounded count and size), and extraction filters on the same rules again.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tar from 'tar';
import { PACK_MANIFEST } from '@questline/exercise-format';
import type { PackReportEntry } from '@questline/contracts';

export const ARCHIVE_LIMITS = {
  /** Upload size (compressed). */
  uploadBytes: 5 * 1024 * 1024,
  /** Unpacked size: a gzip bomb stops here. */
  unpackedBytes: 50 * 1024 * 1024,
  entries: 5000,
} as const;

export interface UnpackedPack {
  /** The folder holding pack.yaml (the archive root or its single top-level folder). */
  root: string;
  remove(): Promise<void>;
}

const ALLOWED_TYPES = new Set(['File', 'OldFile', 'ContiguousFile', 'Directory']);

/** Why an entry is refused, or null when it is safe to write. */
export function entryProblem(entryPath: string, type: string): string | null {
  if (!ALLOWED_TYPES.has(type)) return `${type === 'SymbolicLink' || type === 'Link' ? 'links are' : `${type} entries are`} not allowed`;
  if (entryPath.includes('\0')) return 'has a NUL byte in its name';
  if (path.posix.isAbsolute(entryPath) || path.win32.isAbsolute(entryPath)) return 'is an absolute path';
  if (entryPath.split(/[\\/]+/).includes('..')) return 'climbs out of the pack with ".."';
  return null;
}

/** Lists and checks every entry; returns the problems (empty when the archive is safe). */
async function inspect(archive: Buffer): Promise<PackReportEntry[]> {
  const report: PackReportEntry[] = [];
  let entries = 0;
  let bytes = 0;
  const parser = new tar.Parser({
    strict: true,
    onReadEntry: (entry) => {
      entries += 1;
      bytes += entry.size ?? 0;
      const problem = entryProblem(entry.path, entry.type);
      if (problem) report.push({ exercise: null, file: entry.path, message: `archive entry ${problem}` });
      entry.resume();
    },
  });
  await new Promise<void>((resolve, reject) => {
    parser.on('error', reject);
    parser.on('end', resolve);
    parser.end(archive);
  }).catch((error: unknown) => {
    report.push({ exercise: null, message: `not a readable .tar.gz archive (${error instanceof Error ? error.message : String(error)})` });
  });
  if (entries === 0 && report.length === 0) report.push({ exercise: null, message: 'the archive is empty' });
  if (entries > ARCHIVE_LIMITS.entries)
    report.push({ exercise: null, message: `too many files (${entries}; at most ${ARCHIVE_LIMITS.entries})` });
  if (bytes > ARCHIVE_LIMITS.unpackedBytes) {
    report.push({ exercise: null, message: `too large when unpacked (${bytes} bytes; at most ${ARCHIVE_LIMITS.unpackedBytes})` });
  }
  return report;
}

/**
 * Unpack into a new temp folder. Returns the report instead when the archive is unsafe or has no
 * pack.yaml at its top (or in its single top-level folder).
 */
export async function unpackPack(archive: Buffer): Promise<UnpackedPack | { report: PackReportEntry[] }> {
  const report = await inspect(archive);
  if (report.length > 0) return { report };
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'questline-pack-'));
  const remove = () => fs.promises.rm(dir, { recursive: true, force: true });
  try {
    const unpack = tar.x({
      cwd: dir,
      strict: true,
      preserveOwner: false,
      // Same rules as inspect(): the archive is parsed twice, so check twice.
      filter: (entryPath, entry) => 'type' in entry && entryProblem(entryPath, entry.type) === null,
    });
    await new Promise<void>((resolve, reject) => {
      unpack.on('error', reject);
      unpack.on('close', resolve);
      unpack.end(archive);
    });
    const root = findRoot(dir);
    if (!root) {
      await remove();
      return {
        report: [
          { exercise: null, file: PACK_MANIFEST, message: 'no pack.yaml at the top of the archive (or in its single top-level folder)' },
        ],
      };
    }
    return { root, remove };
  } catch (error) {
    await remove();
    return {
      report: [{ exercise: null, message: `could not unpack the archive (${error instanceof Error ? error.message : String(error)})` }],
    };
  }
}

function findRoot(dir: string): string | null {
  if (fs.existsSync(path.join(dir, PACK_MANIFEST))) return dir;
  const entries = fs.readdirSync(dir, { withFileTypes: true }).filter((e) => !e.name.startsWith('.'));
  if (entries.length === 1 && entries[0].isDirectory() && fs.existsSync(path.join(dir, entries[0].name, PACK_MANIFEST))) {
    return path.join(dir, entries[0].name);
  }
  return null;
}
