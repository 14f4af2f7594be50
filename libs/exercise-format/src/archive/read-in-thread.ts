// Runs readPackArchive in a worker thread with a wall-clock budget and a heap cap, in a private temp
// folder that is removed afterwards: the caller gets the loaded pack (file contents in memory) or the
// problems, and its event loop stays free while a hostile archive is read.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { locateSandboxDir } from '@questline/sandbox';
import { ARCHIVE_LIMITS, type ArchiveLimits, type PackArchiveResult } from './read-archive';
import type { TarFramerLimits } from './tar-framer';

export const PACK_READER_FILE = 'pack-reader.js';

export interface ReaderThreadInput {
  archive: Uint8Array;
  dir: string;
  limits: TarFramerLimits;
}

export type ReaderThreadOutput = { result: PackArchiveResult } | { error: string };

export interface ReadInThreadOptions {
  limits?: ArchiveLimits;
  /** The bundled thread script (default: dist/sandbox/pack-reader.js, found like the sandbox's artefacts). */
  scriptPath?: string;
  /** Heap cap of the thread: YAML or a schema check cannot take the process's memory. */
  maxHeapMb?: number;
}

export function packReaderPath(): string {
  const file = path.join(locateSandboxDir(), PACK_READER_FILE);
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`npm run build:sandbox\``);
  return file;
}

export async function readPackInThread(archive: Uint8Array, options: ReadInThreadOptions = {}): Promise<PackArchiveResult> {
  const limits = options.limits ?? ARCHIVE_LIMITS;
  const scriptPath = options.scriptPath ?? packReaderPath();
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'questline-pack-'));
  const input: ReaderThreadInput = {
    archive,
    dir,
    limits: { unpackedBytes: limits.unpackedBytes, entries: limits.entries, entryBytes: limits.entryBytes },
  };
  const worker = new Worker(scriptPath, {
    workerData: input,
    resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? 256, maxYoungGenerationSizeMb: 32 },
  });
  const refuse = (message: string): PackArchiveResult => ({ archive: [{ message }] });
  try {
    return await new Promise<PackArchiveResult>((resolve) => {
      const timer = setTimeout(() => {
        resolve(refuse(`the archive took longer than ${limits.readMs / 1000} s to read`));
        void worker.terminate();
      }, limits.readMs);
      const settle = (result: PackArchiveResult) => {
        clearTimeout(timer);
        resolve(result);
      };
      worker.once('message', (output: ReaderThreadOutput) =>
        settle('result' in output ? output.result : refuse(`could not read the archive (${output.error})`)),
      );
      worker.once('error', (error: Error & { code?: string }) =>
        settle(
          refuse(
            error.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? 'the archive needs too much memory to read'
              : `could not read the archive (${error.message})`,
          ),
        ),
      );
      worker.once('exit', (code) => settle(refuse(`could not read the archive (the reader stopped with code ${code})`)));
    });
  } finally {
    await worker.terminate();
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}
