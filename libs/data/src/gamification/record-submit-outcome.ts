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
import {
  applySubmitOutcome,
  achievementById,
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

export interface AwardedAchievement {
  id: string;
  title: string;
  description: string;
  icon: string;
  unlockedAt: string;
}

export interface SubmitOutcome {
  xpAwarded: number;
  progress: {
    xp: number;
    level: number;
    levelTitle: string;
    leveledUp: boolean;
    streak: { current: number; longest: number; freezes: number };
  };
  achievements: AwardedAchievement[];
  /** Courses whose leaderboards changed (so the api can push `leaderboard.updated`). */
  leaderboardCourses: string[];
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

  // 1. Serialise this learner's Submits on their progress row.
  await manager.query(`INSERT INTO "learner_progress" ("user_id") VALUES ($1) ON CONFLICT DO NOTHING`, [userId]);
  const [row]: ProgressSqlRow[] = await manager.query(
    `SELECT ${PROGRESS_COLUMNS} FROM "learner_progress" WHERE "user_id" = $1 FOR UPDATE`,
    [userId],
  );

  const unlockedRows: Array<{ achievement_id: string }> = await manager.query(
    `SELECT "achievement_id" FROM "learner_achievements" WHERE "user_id" = $1`,
    [userId],
  );
  const state = stateFromRow(row, unlockedRows.map((r) => r.achievement_id));

  // 2. Already recorded (the same submission delivered twice): answer as the first time, change nothing.
  const [seen]: Array<{ xp_awarded: number }> = await manager.query(
    `SELECT "xp_awarded" FROM "graded_submits" WHERE "submission_id" = $1`,
    [submissionId],
  );
  if (seen) return replayOutcome(manager, state, input, seen.xp_awarded);

  const exercise = await loadExerciseFacts(manager, exerciseId);
  const [user]: Array<{ timezone: string | null }> = await manager.query(`SELECT "timezone" FROM "users" WHERE "id" = $1`, [userId]);

  // 3. Facts about this Submit. Everything below runs under the row lock, so these reads cannot race another
  // Submit of the same learner.
  const [history]: Array<{ earlier_submits: number; awarded: boolean }> = await manager.query(
    `SELECT (SELECT count(*)::int FROM "graded_submits" WHERE "user_id" = $1 AND "exercise_id" = $2) AS "earlier_submits",
            EXISTS (SELECT 1 FROM "xp_awards" WHERE "user_id" = $1 AND "exercise_id" = $2) AS "awarded"`,
    [userId, exerciseId],
  );
  const isFirstPassOfExercise = input.passed && !history.awarded;
  let hintsRevealedBeforeSolve = 0;
  let solutionRevealedBeforeSolve = false;
  let chapterCompleted = false;
  let courseCompleted = false;
  if (isFirstPassOfExercise) {
    // Not solved until now, so every reveal so far happened before the solve (later ones are free).
    const [reveals]: Array<{ hints: number; solution: boolean }> = await manager.query(
      `SELECT (SELECT count(*)::int FROM "hint_reveals" WHERE "user_id" = $1 AND "exercise_id" = $2) AS "hints",
              EXISTS (SELECT 1 FROM "solution_reveals" WHERE "user_id" = $1 AND "exercise_id" = $2) AS "solution"`,
      [userId, exerciseId],
    );
    hintsRevealedBeforeSolve = reveals.hints;
    solutionRevealedBeforeSolve = reveals.solution;
    await manager.query(
      `INSERT INTO "exercise_completions" ("user_id", "exercise_id", "submission_id", "tests_hash", "course_version", "solved_at")
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
      [userId, exerciseId, submissionId, exercise.tests_hash, exercise.course_version, at],
    );
    ({ chapterCompleted, courseCompleted } = await completionOf(manager, userId, exercise));
  }

  // 4. The rules.
  const outcome = applySubmitOutcome(
    state,
    {
      passed: input.passed,
      exerciseXp: exercise.xp,
      isFirstPassOfExercise,
      isFirstSubmitOfExercise: history.earlier_submits === 0,
      hintsRevealedBeforeSolve,
      solutionRevealedBeforeSolve,
      at,
      timeZone: user?.timezone,
      chapterCompleted,
      courseCompleted,
    },
    rulesFor(exercise.xp_rules),
  );

  // 5. Store. The unique indexes turn any bug in the reasoning above into a failed transaction, never a double count.
  await storeState(manager, userId, outcome.state);
  if (isFirstPassOfExercise && outcome.xpBreakdown) {
    const b = outcome.xpBreakdown;
    await manager.query(
      `INSERT INTO "xp_awards" ("user_id", "exercise_id", "course_id", "submission_id", "xp", "base_xp", "bonus_xp", "hint_penalty", "forfeited", "awarded_at")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [userId, exerciseId, exercise.course_id, submissionId, b.total, b.base, b.bonus, b.hintPenalty, b.forfeited, at],
    );
  }
  for (const achievement of outcome.newAchievements) {
    await manager.query(
      `INSERT INTO "learner_achievements" ("user_id", "achievement_id", "unlocked_at", "submission_id") VALUES ($1, $2, $3, $4)`,
      [userId, achievement.id, achievement.unlockedAt, submissionId],
    );
  }
  await manager.query(
    `INSERT INTO "graded_submits" ("submission_id", "user_id", "exercise_id", "passed", "xp_awarded", "graded_at") VALUES ($1, $2, $3, $4, $5, $6)`,
    [submissionId, userId, exerciseId, input.passed, outcome.xpAwarded, at],
  );

  return {
    xpAwarded: outcome.xpAwarded,
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

async function loadExerciseFacts(manager: EntityManager, exerciseId: string): Promise<ExerciseFacts> {
  const [exercise]: ExerciseFacts[] = await manager.query(
    `SELECT e."xp", e."course_id", e."chapter_id", e."tests_hash", c."slug" AS "course_slug",
            c."current_version" AS "course_version", c."xp_rules"
       FROM "exercises" e JOIN "courses" c ON c."id" = e."course_id"
      WHERE e."id" = $1`,
    [exerciseId],
  );
  if (!exercise) throw new Error(`recordSubmitOutcome: no exercise ${exerciseId}`);
  return exercise;
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

/** Whether this learner has now solved every current (non-removed) exercise of the chapter and of the course. */
async function completionOf(
  manager: EntityManager,
  userId: string,
  exercise: ExerciseFacts,
): Promise<{ chapterCompleted: boolean; courseCompleted: boolean }> {
  const [result]: Array<{ chapter_left: number; course_left: number }> = await manager.query(
    `SELECT count(*) FILTER (WHERE e."chapter_id" = $3)::int AS "chapter_left", count(*)::int AS "course_left"
       FROM "exercises" e
      WHERE e."course_id" = $2 AND e."removed_at" IS NULL
        AND NOT EXISTS (SELECT 1 FROM "exercise_completions" c WHERE c."user_id" = $1 AND c."exercise_id" = e."id")`,
    [userId, exercise.course_id, exercise.chapter_id],
  );
  return {
    chapterCompleted: exercise.chapter_id !== null && result.chapter_left === 0,
    courseCompleted: result.course_left === 0,
  };
}

async function storeState(manager: EntityManager, userId: string, s: LearnerGamificationState): Promise<void> {
  await manager.query(
    `UPDATE "learner_progress" SET "xp" = $2, "solved_count" = $3, "first_try_solves" = $4, "hint_free_solves" = $5,
            "streak_current" = $6, "streak_longest" = $7, "streak_freezes" = $8, "streak_last_day" = $9::date,
            "spree_current" = $10, "spree_best" = $11, "updated_at" = now()
      WHERE "user_id" = $1`,
    [
      userId,
      s.xp,
      s.solvedCount,
      s.firstTrySolves,
      s.hintFreeSolves,
      s.streak.current,
      s.streak.longest,
      s.streak.freezes,
      s.streak.lastDay,
      s.spree.current,
      s.spree.best,
    ],
  );
}

function progressSummary(state: LearnerGamificationState, leveledUp: boolean): SubmitOutcome['progress'] {
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
