// Quest rows: created for a learner's current daily and weekly period on first touch (a page load or a
// graded Submit), advanced by graded Submits, rewarded once through the gem ledger.
import type { EntityManager } from 'typeorm';
import type { QuestView } from '@questline/contracts';
import {
  chooseQuests,
  nextQuestPeriodStart,
  questByKey,
  questPeriodKey,
  timeZoneOrUtc,
  type QuestEligibility,
  type QuestPeriod,
} from '@questline/gamification';

interface QuestRow {
  period: QuestPeriod;
  period_key: string;
  quest_key: string;
  target: number;
  progress: number;
  completed_at: Date | null;
}

export interface QuestPeriods {
  timeZone: string;
  keys: Record<QuestPeriod, string>;
  resetsAt: Record<QuestPeriod, string>;
}

export function questPeriods(at: Date, timeZone: string | null | undefined): QuestPeriods {
  const zone = timeZoneOrUtc(timeZone);
  const periods: QuestPeriod[] = ['daily', 'weekly'];
  return {
    timeZone: zone,
    keys: Object.fromEntries(periods.map((p) => [p, questPeriodKey(p, at, zone)])) as Record<QuestPeriod, string>,
    resetsAt: Object.fromEntries(periods.map((p) => [p, nextQuestPeriodStart(p, at, zone).toISOString()])) as Record<QuestPeriod, string>,
  };
}

/** What decides which quests fit the learner (ignoring chapter locks: "open" means in a published course). */
async function eligibility(manager: EntityManager, userId: string): Promise<QuestEligibility> {
  const [row]: Array<{ ts: boolean; chapter: boolean; unsolved: boolean }> = await manager.query(
    `WITH "open" AS (
       SELECT e."id", e."language", e."chapter_id" FROM "exercises" e
        WHERE e."removed_at" IS NULL
          AND NOT EXISTS (SELECT 1 FROM "exercise_completions" c WHERE c."user_id" = $1 AND c."exercise_id" = e."id")
     )
     SELECT EXISTS (SELECT 1 FROM "open" WHERE "language" = 'typescript') AS "ts",
            EXISTS (SELECT 1 FROM "open" o WHERE o."chapter_id" IS NOT NULL AND NOT EXISTS (
              SELECT 1 FROM "exercise_completions" c JOIN "exercises" e ON e."id" = c."exercise_id"
               WHERE c."user_id" = $1 AND e."chapter_id" = o."chapter_id")) AS "chapter",
            EXISTS (SELECT 1 FROM "open") AS "unsolved"`,
    [userId],
  );
  return { typescriptAvailable: row.ts, newChapterAvailable: row.chapter, unsolvedAvailable: row.unsolved };
}

/**
 * The learner's quest rows for the current periods, creating them on first touch. A per-learner
 * transaction lock makes two concurrent first touches agree on one set.
 */
export async function ensureQuests(manager: EntityManager, userId: string, periods: QuestPeriods): Promise<QuestRow[]> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('quests:' || $1::text))`, [userId]);
  const read = () =>
    manager.query(
      `SELECT "period", "period_key", "quest_key", "target", "progress", "completed_at" FROM "quest_progress"
        WHERE "user_id" = $1 AND "period_key" = ANY($2) ORDER BY "period", "quest_key"`,
      [userId, [periods.keys.daily, periods.keys.weekly]],
    ) as Promise<QuestRow[]>;
  const rows = await read();
  const missing = (['daily', 'weekly'] as const).filter((p) => !rows.some((r) => r.period === p));
  if (missing.length === 0) return rows;
  const facts = await eligibility(manager, userId);
  const chosen = missing.flatMap((period) =>
    chooseQuests(userId, period, periods.keys[period], facts).map((q) => ({ q, key: periods.keys[period] })),
  );
  if (chosen.length === 0) return rows;
  await manager.query(
    `INSERT INTO "quest_progress" ("user_id", "period", "period_key", "quest_key", "target")
     SELECT $1, p, k, q, t FROM unnest($2::text[], $3::text[], $4::text[], $5::int[]) AS x(p, k, q, t)
     ON CONFLICT DO NOTHING`,
    [userId, chosen.map((c) => c.q.period), chosen.map((c) => c.key), chosen.map((c) => c.q.key), chosen.map((c) => c.q.target)],
  );
  return read();
}

export function questViews(rows: readonly QuestRow[], periods: QuestPeriods): QuestView[] {
  return rows.flatMap((row) => {
    const quest = questByKey(row.quest_key);
    if (!quest) return []; // retired from the catalogue
    return [
      {
        key: row.quest_key,
        period: row.period,
        title: quest.title,
        progress: row.progress,
        target: row.target,
        completed: row.completed_at !== null,
        rewardGems: quest.reward.gems,
        resetsAt: periods.resetsAt[row.period],
      },
    ];
  });
}

export type { QuestRow };
