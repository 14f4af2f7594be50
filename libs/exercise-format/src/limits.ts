// Size limits on everything a pack carries, so one pack cannot make every learner's course list or
// exercise page megabytes long, nor fill the database. Checked by the validator (`questline pack validate`,
// the server's publish check): each breach is a 422 report line naming the file and field.
// The byte limits repeat the sandbox's (SANDBOX_DEFAULTS.maxSourceBytes, checked equal in limits.spec.ts) rather
// than import them: this library also runs in the archive reader thread, which should not load the grader.

export const PACK_LIMITS = {
  /** Characters of text fields in pack.yaml / exercise.yaml. */
  text: {
    slug: 64,
    title: 120,
    /** The pack description (course lists carry a summary of it: COURSE_SUMMARY_CHARS). */
    description: 2000,
    author: 100,
    hint: 1000,
  },
  /** Items in lists. */
  count: { dataFiles: 50, authors: 20, hints: 10, chapters: 100, exercisesPerChapter: 200, requires: 200, testFiles: 50, wrongFiles: 20 },
  /** Bytes of files. */
  bytes: {
    manifest: 64 * 1024,
    readme: 64 * 1024,
    /** starter/, solution/ and each wrong/ file: the sandbox's own source limit. */
    source: 64 * 1024,
    testFile: 256 * 1024,
    /** Each data file in support/ (read by the exercise through the sandbox's read-only `fs`). */
    dataFile: 256 * 1024,
    /** All of an exercise's test files together: what the sandbox accepts in one grading. */
    tests: 16 * 64 * 1024,
  },
  /** YAML structure: nesting depth and alias (`*name`) uses per manifest. */
  yaml: { depth: 16, aliases: 20 },
} as const;

/** Characters of a pack description that course lists carry. */
export const COURSE_SUMMARY_CHARS = 200;

/** `12.0 MB`, `64 KB`, `512 bytes`: for messages. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** The first `max` characters of `text`, cut at a word boundary with an ellipsis when it was longer. */
export function summarize(text: string, max = COURSE_SUMMARY_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
