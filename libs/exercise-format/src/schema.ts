// zod schemas for exercise.yaml and pack.yaml. Objects are strict so a typo such as `dificulty`
// is reported as an unknown field instead of being silently ignored. Messages are phrased to read
// after the field name: `difficulty: must be an integer from 1 to 5`.
import { z } from 'zod';
import { TYPECHECK_OPTION_NAMES, type TypecheckOptions } from '@questline/contracts';
import { PACK_LIMITS } from './limits';
import type { ExerciseManifest, PackManifest, Requirements } from './types';

/** Platform maxima for a single grading run (see GradeLimits in @questline/sandbox). */
export const PLATFORM_LIMITS = { timeMs: 10_000, memoryMb: 256 } as const;

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// semver 2.0.0, including pre-release and build metadata.
const SEMVER_PATTERN =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

/** A missing field says "is required" rather than zod's generic type error. */
function says(text: string) {
  return (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : text);
}

/** `must be at most 120 characters (this one has 3000000)`: the length is checked before any pattern. */
function atMost(max: number) {
  return (issue: { input?: unknown }) =>
    `must be at most ${max} characters (this one has ${typeof issue.input === 'string' ? issue.input.length : '?'})`;
}

const slug = z
  .string({ error: says('must be a string') })
  .max(PACK_LIMITS.text.slug, { error: atMost(PACK_LIMITS.text.slug), abort: true })
  .regex(SLUG_PATTERN, { error: 'must be kebab-case (lowercase letters, digits and single dashes)' });

function text(max: number) {
  return z
    .string({ error: says('must be a string') })
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(max, { error: atMost(max) });
}

/** A list of at most `max` items. */
function list<T extends z.ZodType>(item: T, max: number, error: string | ((issue: { input?: unknown }) => string)) {
  return z.array(item, { error }).max(max, { error: `must have at most ${max} items` });
}

const language = z.enum(['javascript', 'typescript', 'sql'], { error: says('must be "javascript", "typescript" or "sql"') });

function boundedInt(min: number, max: number, unit = '') {
  const message = `must be an integer from ${min} to ${max}${unit}`;
  return z
    .number({ error: says(message) })
    .int({ error: message })
    .min(min, { error: message })
    .max(max, { error: message });
}

export const exerciseLimitsSchema = z.strictObject({
  timeMs: boundedInt(1, PLATFORM_LIMITS.timeMs, ' ms (platform maximum)').optional(),
  memoryMb: boundedInt(8, PLATFORM_LIMITS.memoryMb, ' MB (platform maximum)').optional(),
});

/** `typecheck: false`, or compiler switches such as `{ noUnusedLocals: true }` (TypeScript exercises). */
export const typecheckSchema = z.union(
  [
    z.literal(false),
    z.strictObject(
      Object.fromEntries(TYPECHECK_OPTION_NAMES.map((name) => [name, z.boolean({ error: 'must be true or false' }).optional()])) as Record<
        keyof TypecheckOptions,
        z.ZodOptional<z.ZodBoolean>
      >,
    ),
  ],
  { error: `must be false or an object of true/false switches (${TYPECHECK_OPTION_NAMES.join(', ')})` },
);

export const exerciseManifestSchema = z.strictObject({
  slug,
  title: text(PACK_LIMITS.text.title),
  language,
  difficulty: boundedInt(1, 5).transform((n) => n as ExerciseManifest['difficulty']),
  xp: z
    .number({ error: says('must be a positive integer') })
    .int({ error: 'must be a positive integer' })
    .positive({ error: 'must be a positive integer' }),
  fileName: z
    .string({ error: says('must be a file name') })
    .max(PACK_LIMITS.text.slug, { error: atMost(PACK_LIMITS.text.slug), abort: true })
    .regex(/^[A-Za-z0-9_.-]+\.(js|ts|sql)$/, { error: 'must be a plain file name ending in .js, .ts or .sql (no folders)' }),
  // Optional so a first draft can omit it; always an array once loaded.
  hints: list(text(PACK_LIMITS.text.hint), PACK_LIMITS.count.hints, 'must be a list of strings').default([]),
  limits: exerciseLimitsSchema.optional(),
  revealHiddenTestNames: z.boolean({ error: 'must be true or false' }).optional(),
  typecheck: typecheckSchema.optional(),
  // Mutation testing (`pack test --mutate`): mutants the author shows to behave exactly like the solution.
  mutation: z
    .strictObject({
      equivalent: z
        .array(z.strictObject({ mutant: text(PACK_LIMITS.text.hint), reason: text(PACK_LIMITS.text.hint) }), {
          error: 'must be a list of { mutant, reason }',
        })
        .default([]),
    })
    .optional(),
  kind: z.enum(['implement', 'refactor'], { error: 'must be "implement" or "refactor"' }).optional(),
}) satisfies z.ZodType<ExerciseManifest, unknown>;

const requirementsSchema = z.strictObject({
  chapters: list(slug, PACK_LIMITS.count.requires, 'must be a list of chapter slugs').optional(),
  exercises: list(slug, PACK_LIMITS.count.requires, 'must be a list of exercise slugs').optional(),
}) satisfies z.ZodType<Requirements, unknown>;

const percent = boundedInt(0, 100);

export const packManifestSchema = z.strictObject({
  slug,
  title: text(PACK_LIMITS.text.title),
  description: text(PACK_LIMITS.text.description),
  version: z
    .string({ error: says('must be a semver version such as 1.0.0') })
    .max(PACK_LIMITS.text.slug, { error: atMost(PACK_LIMITS.text.slug), abort: true })
    .regex(SEMVER_PATTERN, { error: 'must be a semver version such as 1.0.0' }),
  authors: list(text(PACK_LIMITS.text.author), PACK_LIMITS.count.authors, says('must be a list of names')).min(1, {
    error: 'must list at least one author',
  }),
  languages: z.array(language, { error: says('must be a list of languages') }).min(1, { error: 'must list at least one language' }),
  typecheck: typecheckSchema.optional(),
  xp: z
    .strictObject({
      firstTryBonusPercent: percent.optional(),
      hintCostPercent: percent.optional(),
      hintPenaltyCapPercent: percent.optional(),
      solutionRevealForfeits: z.boolean({ error: says('must be true or false') }).optional(),
    })
    .optional(),
  chapters: z
    .array(
      z.strictObject({
        slug,
        title: text(PACK_LIMITS.text.title),
        requires: requirementsSchema.optional(),
        exercises: list(
          z.union([slug, z.strictObject({ slug, requires: requirementsSchema.optional() })]),
          PACK_LIMITS.count.exercisesPerChapter,
          says('must be a list of exercise folder names'),
        ).min(1, { error: 'must list at least one exercise' }),
      }),
      { error: says('must be a list of chapters') },
    )
    .max(PACK_LIMITS.count.chapters, { error: `must have at most ${PACK_LIMITS.count.chapters} items` })
    .min(1, { error: 'must list at least one chapter' }),
}) satisfies z.ZodType<PackManifest, unknown>;
