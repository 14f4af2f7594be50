// What a graded Submit changes beyond XP: quest progress and rewards, gems for new achievements, damage to
// a running boss, weekly league XP. Runs in the SAME transaction that completes the submission, after
// recordSubmitOutcome (whose rows it reads), and applies each submission once (motivation_submits), so a
// redelivered job or a second worker pays nothing twice.
import type { EntityManager } from 'typeorm';
import type { BossUpdatedEvent, MotivationUpdatedEvent } from '@questline/contracts';
import {
  GEMS_PER_ACHIEVEMENT,
  achievementById,
  advanceQuest,
  questByKey,
  timeZoneOrUtc,
  type QuestSubmitFacts,
} from '@questline/gamification';
import { dealBossDamage } from './boss';
import { addLeagueXp } from './leagues';
import { ensureQuests, questPeriods, questViews } from './quests';
import { awardGems, gemBalance } from './wallet';

export interface MotivationInput {
  submissionId: string;
  userId: string;
  exerciseId: string;
  at: Date;
}

export interface MotivationOutcome {
  /** For the learner; null when nothing they see changed. */
  update: MotivationUpdatedEvent | null;
  /** Boss bars this Submit moved, for everyone. */
  bosses: BossUpdatedEvent[];
}

interface FactsRow {
  timezone: string | null;
  language: string;
  xp_awarded: number | null;
  hints: number;
  submits: number;
  chapter_solves_before: number;
  same_day_solves_before: number;
  achievements: string[];
}

export async function recordMotivation(manager: EntityManager, input: MotivationInput): Promise<MotivationOutcome> {
  const { submissionId, userId, exerciseId, at } = input;
  const first: unknown[] = await manager.query(
    `INSERT INTO "motivation_submits" ("submission_id", "user_id") VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1`,
    [submissionId, userId],
  );
  if (first.length === 0) return { update: null, bosses: [] };

  const [timezoneRow]: Array<{ timezone: string | null }> = await manager.query(`SELECT "timezone" FROM "users" WHERE "id" = $1`, [userId]);
  const timeZone = timeZoneOrUtc(timezoneRow?.timezone);
  // Everything recordSubmitOutcome just wrote in this transaction, in one statement.
  const [facts]: FactsRow[] = await manager.query(
    `SELECT e."language",
            (SELECT "xp" FROM "xp_awards" WHERE "submission_id" = $3) AS "xp_awarded",
            (SELECT count(*)::int FROM "hint_reveals" WHERE "user_id" = $1 AND "exercise_id" = $2) AS "hints",
            (SELECT count(*)::int FROM "graded_submits" WHERE "user_id" = $1 AND "exercise_id" = $2) AS "submits",
            (SELECT count(*)::int FROM "exercise_completions" c JOIN "exercises" x ON x."id" = c."exercise_id"
              WHERE c."user_id" = $1 AND x."chapter_id" = e."chapter_id" AND c."exercise_id" <> $2) AS "chapter_solves_before",
            (SELECT count(*)::int FROM "xp_awards" a WHERE a."user_id" = $1 AND a."submission_id" IS DISTINCT FROM $3
                AND (a."awarded_at" AT TIME ZONE $5)::date = ($4::timestamptz AT TIME ZONE $5)::date) AS "same_day_solves_before",
            ARRAY(SELECT "achievement_id"::text FROM "learner_achievements" WHERE "user_id" = $1 AND "submission_id" = $3) AS "achievements"
       FROM "exercises" e WHERE e."id" = $2`,
    [userId, exerciseId, submissionId, at, timeZone],
  );
  if (!facts) return { update: null, bosses: [] };
  const newSolve = facts.xp_awarded !== null;
  const xp = facts.xp_awarded ?? 0;
  const submitFacts: QuestSubmitFacts = {
    newSolve,
    firstTry: facts.submits === 1,
    hintsRevealed: facts.hints,
    // A streak day counts on the day's first new solve (libs/gamification streak.ts).
    streakExtended: newSolve && facts.same_day_solves_before === 0,
    firstSolveInChapter: newSolve && facts.chapter_solves_before === 0,
    language: facts.language,
    xpAwarded: xp,
  };

  // Quests of the learner's current periods.
  const periods = questPeriods(at, timeZone);
  const rows = await ensureQuests(manager, userId, periods);
  const completedQuests: MotivationUpdatedEvent['completedQuests'] = [];
  let gemsEarned = 0;
  let questsMoved = false;
  for (const row of rows) {
    const quest = questByKey(row.quest_key);
    if (!quest || row.completed_at !== null) continue;
    const { next, justCompleted } = advanceQuest(quest, { key: row.quest_key, progress: row.progress, completed: false }, submitFacts);
    if (next.progress === row.progress) continue;
    questsMoved = true;
    row.progress = next.progress;
    if (justCompleted) row.completed_at = at;
    await manager.query(
      `UPDATE "quest_progress" SET "progress" = $4, "completed_at" = $5 WHERE "user_id" = $1 AND "period_key" = $2 AND "quest_key" = $3`,
      [userId, row.period_key, row.quest_key, next.progress, row.completed_at],
    );
    if (
      justCompleted &&
      (await awardGems(manager, userId, 'quest', `${row.period_key}:${quest.key}`, quest.reward.gems, `Quest: ${quest.title}`))
    ) {
      gemsEarned += quest.reward.gems;
      completedQuests.push({ key: quest.key, title: quest.title, rewardGems: quest.reward.gems });
    }
  }

  for (const id of facts.achievements) {
    const title = achievementById(id)?.title ?? id;
    if (await awardGems(manager, userId, 'achievement', id, GEMS_PER_ACHIEVEMENT, `Achievement: ${title}`))
      gemsEarned += GEMS_PER_ACHIEVEMENT;
  }

  const bosses = await dealBossDamage(manager, userId, xp, at);
  await addLeagueXp(manager, userId, xp, at);

  const update: MotivationUpdatedEvent | null =
    questsMoved || gemsEarned > 0
      ? { quests: questViews(rows, periods), completedQuests, gemsEarned, gems: await gemBalance(manager, userId) }
      : null;
  return { update, bosses };
}
