// Daily and weekly quests. Each learner gets three daily quests and one weekly quest from the catalogue,
// chosen deterministically from (learner, period) so every process picks the same ones without storing
// the choice first, and filtered by what the learner can do (no TypeScript quest before any TypeScript
// exercise is open to them). A daily period is the learner's local calendar day; a weekly one the ISO week
// of that local day, so quests reset at the learner's own midnight (Monday's for the weekly one).
// Keys are stable: progress is stored under them, so a key is never renamed or reused.

import { isoWeekOfDay, localDay, timeZoneOrUtc } from './calendar';

export type QuestPeriod = 'daily' | 'weekly';

/** What moves a quest forward, counted from graded Submits. */
export type QuestGoal =
  /** new solves (first pass of an exercise) */
  | 'solve'
  /** new solves on the exercise's first Submit */
  | 'first-try'
  /** new solves with no hint revealed */
  | 'no-hints'
  /** a streak day counted */
  | 'streak-day'
  /** a new solve in a chapter the learner had not solved anything in before */
  | 'new-chapter'
  /** new solves of TypeScript exercises */
  | 'typescript'
  /** XP earned */
  | 'xp';

/**
 * Quests pay gems, not XP: XP stays what solving earns, so levels and leaderboards keep measuring solved
 * work (a quest for "earn 50 XP" paying XP would feed itself).
 */
export interface QuestReward {
  gems: number;
}

export interface QuestDefinition {
  key: string;
  period: QuestPeriod;
  goal: QuestGoal;
  target: number;
  title: string;
  reward: QuestReward;
}

export const DAILY_QUEST_COUNT = 3;
export const WEEKLY_QUEST_COUNT = 1;

export const QUEST_CATALOGUE: readonly QuestDefinition[] = Object.freeze([
  { key: 'daily-solve-1', period: 'daily', goal: 'solve', target: 1, title: 'Solve an exercise', reward: { gems: 2 } },
  { key: 'daily-solve-3', period: 'daily', goal: 'solve', target: 3, title: 'Solve 3 exercises', reward: { gems: 5 } },
  {
    key: 'daily-first-try',
    period: 'daily',
    goal: 'first-try',
    target: 1,
    title: 'Solve one on your first Submit',
    reward: { gems: 3 },
  },
  { key: 'daily-no-hints-2', period: 'daily', goal: 'no-hints', target: 2, title: 'Solve 2 without a hint', reward: { gems: 3 } },
  { key: 'daily-streak', period: 'daily', goal: 'streak-day', target: 1, title: 'Keep your streak alive', reward: { gems: 2 } },
  {
    key: 'daily-typescript',
    period: 'daily',
    goal: 'typescript',
    target: 1,
    title: 'Solve a TypeScript exercise',
    reward: { gems: 3 },
  },
  { key: 'daily-xp-50', period: 'daily', goal: 'xp', target: 50, title: 'Earn 50 XP', reward: { gems: 3 } },
  {
    key: 'weekly-solve-10',
    period: 'weekly',
    goal: 'solve',
    target: 10,
    title: 'Solve 10 exercises this week',
    reward: { gems: 15 },
  },
  {
    key: 'weekly-new-chapter',
    period: 'weekly',
    goal: 'new-chapter',
    target: 1,
    title: 'Start a new chapter',
    reward: { gems: 10 },
  },
  { key: 'weekly-xp-300', period: 'weekly', goal: 'xp', target: 300, title: 'Earn 300 XP this week', reward: { gems: 12 } },
] satisfies QuestDefinition[]);

const byKey = new Map(QUEST_CATALOGUE.map((q) => [q.key, q]));

export function questByKey(key: string): QuestDefinition | undefined {
  return byKey.get(key);
}

/** The period a moment belongs to for a learner: 'YYYY-MM-DD' (daily) or 'YYYY-Www' (weekly), local time. */
export function questPeriodKey(period: QuestPeriod, at: Date, timeZone: string | null | undefined): string {
  const day = localDay(at, timeZoneOrUtc(timeZone));
  return period === 'daily' ? day : isoWeekOfDay(day);
}

/**
 * The instant the learner's current period ends (their next local midnight; the next local Monday's for
 * weekly quests), found by bisection on the period key, so DST days of 23 or 25 hours come out right.
 */
export function nextQuestPeriodStart(period: QuestPeriod, at: Date, timeZone: string | null | undefined): Date {
  const key = questPeriodKey(period, at, timeZone);
  let lo = at.getTime();
  let hi = lo + (period === 'daily' ? 27 : 8 * 24) * 3_600_000;
  while (hi - lo > 1000) {
    const mid = Math.floor((lo + hi) / 2);
    if (questPeriodKey(period, new Date(mid), timeZone) === key) lo = mid;
    else hi = mid;
  }
  // hi is within a second after the boundary, and boundaries fall on whole minutes in every time zone.
  return new Date(Math.floor(hi / 60_000) * 60_000);
}

/** What decides which quests make sense for a learner. */
export interface QuestEligibility {
  /** Some TypeScript exercise is available or solved for them. */
  typescriptAvailable: boolean;
  /** Some chapter they have not solved anything in is open to them. */
  newChapterAvailable: boolean;
  /** They have something left to solve at all (a learner who finished everything gets XP-free goals only). */
  unsolvedAvailable: boolean;
}

function eligible(quest: QuestDefinition, facts: QuestEligibility): boolean {
  switch (quest.goal) {
    case 'typescript':
      return facts.typescriptAvailable && facts.unsolvedAvailable;
    case 'new-chapter':
      return facts.newChapterAvailable;
    case 'solve':
    case 'first-try':
    case 'no-hints':
    case 'xp':
      return facts.unsolvedAvailable;
    case 'streak-day':
      return true;
  }
}

/** FNV-1a, 32 bit: a stable, well-spread seed from a string. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * The learner's quests for one period: the same answer for the same (learner, period, facts) in every
 * process. Never two quests with the same goal in one period (so one solve cannot finish all three).
 */
export function chooseQuests(userId: string, period: QuestPeriod, periodKey: string, facts: QuestEligibility): QuestDefinition[] {
  const count = period === 'daily' ? DAILY_QUEST_COUNT : WEEKLY_QUEST_COUNT;
  const pool = QUEST_CATALOGUE.filter((q) => q.period === period && eligible(q, facts))
    .map((q) => ({ q, rank: hash(`${userId}|${periodKey}|${q.key}`) }))
    .sort((a, b) => a.rank - b.rank || a.q.key.localeCompare(b.q.key));
  const chosen: QuestDefinition[] = [];
  const goals = new Set<QuestGoal>();
  for (const { q } of pool) {
    if (chosen.length === count) break;
    if (goals.has(q.goal)) continue;
    goals.add(q.goal);
    chosen.push(q);
  }
  return chosen;
}

/** What one graded Submit did, as the quest rules see it. */
export interface QuestSubmitFacts {
  /** First pass of the exercise. */
  newSolve: boolean;
  firstTry: boolean;
  hintsRevealed: number;
  streakExtended: boolean;
  /** First solve in its chapter for this learner. */
  firstSolveInChapter: boolean;
  language: string;
  xpAwarded: number;
}

/** How far one Submit moves a quest (0 when it does not count). */
export function questProgressFor(quest: QuestDefinition, facts: QuestSubmitFacts): number {
  switch (quest.goal) {
    case 'solve':
      return facts.newSolve ? 1 : 0;
    case 'first-try':
      return facts.newSolve && facts.firstTry ? 1 : 0;
    case 'no-hints':
      return facts.newSolve && facts.hintsRevealed === 0 ? 1 : 0;
    case 'streak-day':
      return facts.streakExtended ? 1 : 0;
    case 'new-chapter':
      return facts.newSolve && facts.firstSolveInChapter ? 1 : 0;
    case 'typescript':
      return facts.newSolve && facts.language === 'typescript' ? 1 : 0;
    case 'xp':
      return Math.max(0, facts.xpAwarded);
  }
}

export interface QuestProgress {
  key: string;
  progress: number;
  completed: boolean;
}

/** Applies a Submit to a quest's progress; `justCompleted` is true exactly once, when it reaches its target. */
export function advanceQuest(
  quest: QuestDefinition,
  current: QuestProgress,
  facts: QuestSubmitFacts,
): { next: QuestProgress; justCompleted: boolean } {
  if (current.completed) return { next: current, justCompleted: false };
  const progress = Math.min(quest.target, current.progress + questProgressFor(quest, facts));
  const completed = progress >= quest.target;
  return { next: { key: quest.key, progress, completed }, justCompleted: completed };
}
