// What a learner can aim for (GET /api/me/goals): every achievement with progress toward it, and what
// the next level and the next title need.

/** How a Submit's XP was made up (GET /api/submissions/:id, History): total = base + bonus - hintPenalty. */
export interface XpBreakdown {
  /** The exercise's XP (0 when forfeited by revealing the solution). */
  base: number;
  /** First-try bonus. */
  bonus: number;
  /** XP the hints revealed before solving cost. */
  hintPenalty: number;
  total: number;
  /** The solution was revealed first, so the exercise's XP was forfeited. */
  forfeited: boolean;
}

export interface GoalProgress {
  current: number;
  target: number;
  /** What is counted, e.g. "days", "exercises", "Submits in a row". */
  unit: string;
}

export interface GoalAchievement {
  id: string;
  title: string;
  description: string;
  icon: string;
  /** Set once unlocked. */
  unlockedAt: string | null;
  /** Progress toward it when it is counted (null for one-off ones such as "Night Owl"). */
  progress: GoalProgress | null;
}

export interface LevelGoal {
  level: number;
  /** XP still missing. */
  xpNeeded: number;
}

export interface Goals {
  /** Every achievement, in the catalogue's order. */
  achievements: GoalAchievement[];
  nextLevel: LevelGoal;
  /** The next title and the level that brings it; null past the last title. */
  nextTitle: (LevelGoal & { title: string }) | null;
}
