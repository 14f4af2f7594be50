// Reading an uploaded pack (.tar.gz): one streaming pass in a worker thread with byte, entry and time
// budgets (libs/exercise-format/src/archive), so a hostile archive never stalls the api's event loop.
// The answer is the loaded pack (contents in memory, no folder left behind) or the refusal report.
import { readPackInThread, type LoadedPack } from '@questline/exercise-format';
import { reportFromIssue, type PackReportEntry } from './pack-report';

export { ARCHIVE_LIMITS } from '@questline/exercise-format';

export async function readUploadedPack(archive: Buffer): Promise<{ pack: LoadedPack } | { report: PackReportEntry[] }> {
  const result = await readPackInThread(archive);
  if ('pack' in result) return result;
  if ('issues' in result) return { report: result.issues.map(reportFromIssue) };
  return {
    report: result.archive.map((issue) => ({ exercise: null, ...(issue.file ? { file: issue.file } : {}), message: issue.message })),
  };
}
