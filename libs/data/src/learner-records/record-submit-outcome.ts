// CONTRACT between the grading pipeline (worker) and the gamification persistence layer.
//
// The worker calls `recordSubmitOutcome` for a graded Submit (never for a Run), inside the SAME transaction that
// marks the submission completed (READ COMMITTED, Postgres' default). It is idempotent per submission and counts
// XP at most once per (learner, exercise) — enforced by unique constraints, not only by code:
//   - the learner's learner_progress row is locked first (SELECT ... FOR UPDATE), so Submits of one learner are
//     applied one at a time, whichever worker or process grades them;
//   - xp_awards has UNIQUE(user_id, exercise_id): a second award for the same exercise cannot be stored;
//   - learner_achievements has PRIMARY KEY(user_id, achievement_id): an achievement unlocks once;
//   - graded_submits has PRIMARY KEY(submission_id): the same submission delivered twice (a retried job, two
//     workers) is recognised, changes nothing, and returns what its first recording awarded.
// It also records the solve in exercise_completions (INSERT ... ON CONFLICT DO NOTHING), so the pipeline does not
// have to (doing both is harmless).
import type { EntityManager } from 'typeorm';
import type { ProgressSummary, SubmitOutcome } from '@questline/contracts';
import {
  applySubmitOutcome,
  achievementById,
  submitEvent,
  xpEligibility,
  type SubmitFacts,
  DEFAULT_GAMIFICATION_RULES,
  levelForXp,
  resolveXpRules,
  type GamificationRules,
  type LearnerGamificationState,
  type XpRuleOverrides,
} from '@questline/gamification';
import { PROGRESS_COLUMNS, stateFromRow, type ProgressSqlRow } from './learner-state';

export interface SubmitOutcomeInput {
  submissionId: string;
  userId: string;
  exerciseId: string;
  passed: boolean;
  /** When grading completed (the instant that counts for streaks and leaderboards). */
  at: Date;
}

interface FactsRow extends ExerciseFacts {
  unlocked: string[];
  seen: boolean;
  seen_xp: number;
  timezone: string | null;
  earlier_submits: number;
  awarded: boolean;
  hints: number;
  discounted_hints: number;
  armor: number;
  solution: boolean;
  exercise_found: boolean;
}

interface ExerciseFacts {
  xp: number;
  course_id: string;
  chapter_id: string | null;
  tests_hash: string;
  course_slug: string;
  course_version: string;
  xp_rules: XpRuleOverrides | null;
}

export async function recordSubmitOutcome(manager: EntityManager, input: SubmitOutcomeInput): Promise<SubmitOutcome> {
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error('recordSubmitOutcome must run inside the transaction that completes the submission');
  }
  const { userId, exerciseId, submissionId, at } = input;

  // 1. Serialise this learner's Submits on their progress row (created on the learner's first Submit; the
  // common case, an existing row, costs one round trip).
  const lock = () =>
    manager.query(`SELECT ${PROGRESS_COLUMNS} FROM "learner_progress" WHERE "user_id" = $1 FOR UPDATE`, [userId]) as Promise<
      ProgressSqlRow[]
    >;
  let [row] = await lock();
  if (!row) {
    await manager.query(`INSERT INTO "learner_progress" ("user_id") VALUES ($1) ON CONFLICT DO NOTHING`, [userId]);
    [row] = await lock();
  }

  // Every fact this Submit needs, read in ONE statement after the lock was taken (so in one snapshot that
  // already sees whatever the previous holder of the lock committed).
  const [facts]: FactsRow[] = await manager.query(
    `SELECT (SELECT coalesce(array_agg("achievement_id"::text), '{}') FROM "learner_achievements" WHERE "user_id" = $1) AS "unlocked",
            (SELECT "xp_awarded" FROM "graded_submits" WHERE "submission_id" = $3) AS "seen_xp",
            EXISTS (SELECT 1 FROM "graded_submits" WHERE "submission_id" = $3) AS "seen",
            (SELECT "timezone" FROM "users" WHERE "id" = $1) AS "timezone",
            (SELECT count(*)::int FROM "graded_submits" WHERE "user_id" = $1 AND "exercise_id" = $2) AS "earlier_submits",
            EXISTS (SELECT 1 FROM "xp_awards" WHERE "user_id" = $1 AND "exercise_id" = $2) AS "awarded",
            (SELECT count(*)::int FROM "hint_reveals" WHERE "user_id" = $1 AND "exercise_id" = $2) AS "hints",
            (SELECT count(*)::int FROM "hint_reveals" WHERE "user_id" = $1 AND "exercise_id" = $2 AND "discounted") AS "discounted_hints",
            coalesce((SELECT "held" FROM "inventory" WHERE "user_id" = $1 AND "item" = 'spree-armor'), 0) AS "armor",
            EXISTS (SELECT 1 FROM "solution_reveals" WHERE "user_id" = $1 AND "exercise_id" = $2) AS "solution",
            e."xp", e."course_id", e."chapter_id", e."tests_hash", c."slug" AS "course_slug",
            c."current_version" AS "course_version", c."xp_rules", (e."id" IS NOT NULL) AS "exercise_found"
       FROM (SELECT 1) AS "one"
       LEFT JOIN ("exercises" e JOIN "courses" c ON c."id" = e."course_id") ON e."id" = $2`,
    [userId, exerciseId, submissionId],
  );
  const state = stateFromRow(row, facts.unlocked);

  // 2. Already recorded (the same submission delivered twice): answer as the first time, change nothing.
  if (facts.seen) return replayOutcome(manager, state, input, facts.seen_xp);

  if (!facts.exercise_found) throw new Error(`recordSubmitOutcome: no exercise ${exerciseId}`);
  const exercise: ExerciseFacts = facts;

  // 3. Whether XP is due, and on what terms: the rules decide, from the facts (libs/gamification eligibility.ts).
  // Everything below runs under the row lock, so these facts cannot race another Submit of the same learner.
  const submitFacts: SubmitFacts = {
    passed: input.passed,
    exerciseXp: exercise.xp,
    earlierSubmits: facts.earlier_submits,
    alreadyAwarded: facts.awarded,
    hintsRevealed: facts.hints,
    discountedHintsRevealed: facts.discounted_hints,
    solutionRevealed: facts.solution,
    armorHeld: facts.armor,
    at,
    timeZone: facts.timezone,
  };
  const eligibility = xpEligibility(submitFacts);
  const { isFirstPassOfExercise } = eligibility;
  // A first pass is a solve: recorded, and it may complete the chapter or the course.
  const completed = isFirstPassOfExercise
    ? await recordCompletion(manager, userId, exerciseId, submissionId, exercise, at)
    : { chapterCompleted: false, courseCompleted: false };

  // 4. The rules.
  const outcome = applySubmitOutcome(state, submitEvent(submitFacts, eligibility, completed), rulesFor(exercise.xp_rules));

  // 5. Store, in one statement. The unique indexes turn any bug in the reasoning above into a failed transaction,
  // never a double count.
  const b = isFirstPassOfExercise ? outcome.xpBreakdown : undefined;
  const st = outcome.state;
  await manager.query(
    `WITH "progress" AS (
       UPDATE "learner_progress" SET "xp" = $5, "solved_count" = $6, "first_try_solves" = $7, "hint_free_solves" = $8,
              "streak_current" = $9, "streak_longest" = $10, "streak_freezes" = $11, "streak_last_day" = $12::date,
              "spree_current" = $13, "spree_best" = $14, "updated_at" = now()
        WHERE "user_id" = $1 RETURNING 1
     ), "award" AS (
       INSERT INTO "xp_awards" ("user_id", "exercise_id", "course_id", "submission_id", "xp", "base_xp", "bonus_xp", "hint_penalty", "forfeited", "awarded_at")
       SELECT $1::uuid, $2::uuid, $16::uuid, $3::uuid, $17::int, $18::int, $19::int, $20::int, $21::boolean, $22::timestamptz
        WHERE $15::boolean
       RETURNING 1
     ), "unlocks" AS (
       INSERT INTO "learner_achievements" ("user_id", "achievement_id", "unlocked_at", "submission_id")
       SELECT $1::uuid, a."id", a."at", $3::uuid FROM unnest($23::text[], $24::timestamptz[]) AS a("id", "at")
       RETURNING 1
     )
     INSERT INTO "graded_submits" ("submission_id", "user_id", "exercise_id", "passed", "xp_awarded", "graded_at")
     VALUES ($3, $1, $2, $4, $25, $22)`,
    [
      userId,
      exerciseId,
      submissionId,
      input.passed,
      st.xp,
      st.solvedCount,
      st.firstTrySolves,
      st.hintFreeSolves,
      st.streak.current,
      st.streak.longest,
      st.streak.freezes,
      st.streak.lastDay,
      st.spree.current,
      st.spree.best,
      b !== undefined,
      exercise.course_id,
      b?.total ?? 0,
      b?.base ?? 0,
      b?.bonus ?? 0,
      b?.hintPenalty ?? 0,
      b?.forfeited ?? false,
      at,
      outcome.newAchievements.map((a) => a.id),
      outcome.newAchievements.map((a) => a.unlockedAt),
      outcome.xpAwarded,
    ],
  );

  // Armor from the shop kept the spree through this failing Submit: it is used up (never below zero).
  if (outcome.armorUsed) {
    await manager.query(`UPDATE "inventory" SET "held" = "held" - 1 WHERE "user_id" = $1 AND "item" = 'spree-armor' AND "held" > 0`, [
      userId,
    ]);
  }

  return {
    xpAwarded: outcome.xpAwarded,
    xpBreakdown: b ? { base: b.base, bonus: b.bonus, hintPenalty: b.hintPenalty, total: b.total, forfeited: b.forfeited } : null,
    progress: progressSummary(outcome.state, outcome.leveledUp),
    achievements: outcome.newAchievements.map((a) => ({
      id: a.id,
      title: a.title,
      description: a.description,
      icon: a.icon,
      unlockedAt: a.unlockedAt.toISOString(),
    })),
    leaderboardCourses: outcome.xpAwarded > 0 ? [exercise.course_slug] : [],
  };
}

function rulesFor(storedXpRules: XpRuleOverrides | null): GamificationRules {
  try {
    return { ...DEFAULT_GAMIFICATION_RULES, xp: resolveXpRules(storedXpRules) };
  } catch {
    // Rules are validated when a pack is loaded; a bad stored value must not make every Submit of the course
    // fail to grade, so it falls back to the platform defaults.
    return DEFAULT_GAMIFICATION_RULES;
  }
}

/**
 * Records the solve in exercise_completions and answers whether this learner has now solved every current
 * (non-removed) exercise of the chapter and of the course — one statement: the count runs on the snapshot
 * before the insert, so this exercise is left out of it explicitly (after the insert it is solved either way).
 */
async function recordCompletion(
  manager: EntityManager,
  userId: string,
  exerciseId: string,
  submissionId: string,
  exercise: ExerciseFacts,
  at: Date,
): Promise<{ chapterCompleted: boolean; courseCompleted: boolean }> {
  const [result]: Array<{ chapter_left: number; course_left: number }> = await manager.query(
    `WITH "solve" AS (
       INSERT INTO "exercise_completions" ("user_id", "exercise_id", "submission_id", "tests_hash", "course_version", "solved_at")
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING 1
     )
     SELECT count(*) FILTER (WHERE e."chapter_id" = $8)::int AS "chapter_left", count(*)::int AS "course_left"
       FROM "exercises" e
      WHERE e."course_id" = $7 AND e."removed_at" IS NULL AND e."id" <> $2
        AND NOT EXISTS (SELECT 1 FROM "exercise_completions" c WHERE c."user_id" = $1 AND c."exercise_id" = e."id")`,
    [userId, exerciseId, submissionId, exercise.tests_hash, exercise.course_version, at, exercise.course_id, exercise.chapter_id],
  );
  return {
    chapterCompleted: exercise.chapter_id !== null && result.chapter_left === 0,
    courseCompleted: result.course_left === 0,
  };
}

function progressSummary(state: LearnerGamificationState, leveledUp: boolean): ProgressSummary {
  const level = levelForXp(state.xp);
  return {
    xp: state.xp,
    level: level.level,
    levelTitle: level.title,
    leveledUp,
    streak: { current: state.streak.current, longest: state.streak.longest, freezes: state.streak.freezes },
  };
}

/** The outcome of a submission recorded before: the same XP and unlocks, nothing applied twice, no board change. */
async function replayOutcome(
  manager: EntityManager,
  state: LearnerGamificationState,
  input: SubmitOutcomeInput,
  xpAwarded: number,
): Promise<SubmitOutcome> {
  const unlocks: Array<{ achievement_id: string; unlocked_at: Date }> = await manager.query(
    `SELECT "achievement_id", "unlocked_at" FROM "learner_achievements" WHERE "user_id" = $1 AND "submission_id" = $2 ORDER BY "achievement_id"`,
    [input.userId, input.submissionId],
  );
  return {
    xpAwarded,
    progress: progressSummary(state, false),
    achievements: unlocks.flatMap((u) => {
      const achievement = achievementById(u.achievement_id);
      return achievement ? [{ ...achievement, unlockedAt: u.unlocked_at.toISOString() }] : [];
    }),
    leaderboardCourses: [],
  };
}
