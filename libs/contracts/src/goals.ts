// What a learner can aim for (GET /api/me/goals): every achievement with progress toward it, and what
// the next level and the next title need.

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
