// Pack publishing: the refusal report, what a publish answers, and the publish check a client follows.

/** One problem in a refused pack: the exercise (null for the pack itself or the archive), file and field when known. */
export interface PackReportEntry {
  exercise: string | null;
  file?: string;
  field?: string;
  message: string;
}

/** A published pack (POST /api/packs 201, and a finished publish check). */
export interface PublishedPack {
  slug: string;
  version: string;
  exerciseCount: number;
}
