// The level curve (Boot.dev's): level 1 starts at 0 XP, level 2 at 400 XP, and every further step costs
// 80 XP more than the one before it (400, 480, 560, ...). Levels are global to a learner, not per pack.

/** XP needed to go from level 1 to level 2. */
export const FIRST_LEVEL_STEP_XP = 400;
/** How much each step grows over the previous one. */
export const LEVEL_STEP_GROWTH_XP = 80;
/** A new title every this many levels. */
export const LEVELS_PER_TITLE = 10;

/**
 * One title per band of 10 levels: index 0 covers levels 1–9, index 1 levels 10–19, and so on.
 * Learners past the last band keep the last title.
 */
export const LEVEL_TITLES: readonly string[] = [
  'Apprentice', // 1–9
  'Journeyman', // 10–19
  'Adept', // 20–29
  'Expert', // 30–39
  'Master', // 40–49
  'Grandmaster', // 50–59
  'Legend', // 60+
];

export interface LevelInfo {
  level: number;
  title: string;
  /** XP earned since the current level started. */
  xpIntoLevel: number;
  /** Size of the current level's step: the XP between this level's start and the next level's start. */
  xpForNextLevel: number;
  /** XP still missing to reach the next level (`xpForNextLevel - xpIntoLevel`). */
  xpToNextLevel: number;
  /** Total XP at which the current level starts. */
  totalXpForLevel: number;
}

function assertLevel(level: number): void {
  if (!Number.isSafeInteger(level) || level < 1) {
    throw new RangeError(`level must be an integer >= 1, got ${level}`);
  }
}

function assertXp(xp: number): void {
  if (!Number.isSafeInteger(xp) || xp < 0) {
    throw new RangeError(`xp must be a non-negative integer, got ${xp}`);
  }
}

/** XP it costs to go from `level` to `level + 1`. */
export function xpStepForLevel(level: number): number {
  assertLevel(level);
  return FIRST_LEVEL_STEP_XP + LEVEL_STEP_GROWTH_XP * (level - 1);
}

/** Total XP at which `level` starts: the sum of all the steps below it. */
export function totalXpForLevel(level: number): number {
  assertLevel(level);
  const steps = level - 1;
  // Arithmetic series: steps * first + growth * (0 + 1 + ... + (steps - 1)).
  return steps * FIRST_LEVEL_STEP_XP + (LEVEL_STEP_GROWTH_XP * steps * (steps - 1)) / 2;
}

/** The title for a level: one per band of LEVELS_PER_TITLE levels. */
export function titleForLevel(level: number): string {
  assertLevel(level);
  const band = Math.min(Math.floor(level / LEVELS_PER_TITLE), LEVEL_TITLES.length - 1);
  return LEVEL_TITLES[band];
}

/** The level a learner with `xp` total XP is at, and how far into it they are. */
export function levelForXp(xp: number): LevelInfo {
  assertXp(xp);
  // Solve totalXpForLevel(level) <= xp for the largest level in closed form, then correct for any
  // floating-point error in the square root so the answer is exact at the boundaries.
  const a = LEVEL_STEP_GROWTH_XP / 2;
  const b = FIRST_LEVEL_STEP_XP - a;
  let level = 1 + Math.floor((-b + Math.sqrt(b * b + 4 * a * xp)) / (2 * a));
  while (level > 1 && totalXpForLevel(level) > xp) level -= 1;
  while (totalXpForLevel(level + 1) <= xp) level += 1;

  const start = totalXpForLevel(level);
  const step = xpStepForLevel(level);
  return {
    level,
    title: titleForLevel(level),
    xpIntoLevel: xp - start,
    xpForNextLevel: step,
    xpToNextLevel: start + step - xp,
    totalXpForLevel: start,
  };
}

/** True when going from `xpBefore` to `xpAfter` crosses at least one level boundary. */
export function didLevelUp(xpBefore: number, xpAfter: number): boolean {
  return levelForXp(xpAfter).level > levelForXp(xpBefore).level;
}
