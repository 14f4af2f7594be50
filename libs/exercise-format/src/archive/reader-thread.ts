// Entry point of the worker thread that reads an uploaded pack (bundled by scripts/build-sandbox.mjs into
// dist/sandbox/pack-reader.js). Decompression, tar parsing, YAML and schema checks all run here, so a
// hostile archive costs this thread, bounded by the caller's time and memory limits, never the event loop.
import { parentPort, workerData } from 'node:worker_threads';
import { readPackArchive } from './read-archive';
import type { ReaderThreadInput, ReaderThreadOutput } from './read-in-thread';

const input = workerData as ReaderThreadInput;
const send = (output: ReaderThreadOutput) => parentPort?.postMessage(output);

readPackArchive(input.archive, input.dir, input.limits).then(
  (result) => send({ result }),
  (error: unknown) => send({ error: error instanceof Error ? error.message : String(error) }),
);
