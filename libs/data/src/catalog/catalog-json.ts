// Shapes of the catalog's jsonb columns. Kept here (not imported from @questline/exercise-format)
// so the data library does not depend on the pack loader's types for what it stores.

/** pack.yaml `xp:` overrides as stored on the course. */
export interface PackXpRuleOverrides {
  firstTryBonusPercent?: number;
  hintCostPercent?: number;
}

/** A prerequisite: these chapters (all their exercises) and exercises must be solved first (slugs). */
export interface CatalogRequirements {
  chapters?: string[];
  exercises?: string[];
}

export interface StoredTestFile {
  fileName: string;
  code: string;
}

export interface StoredLimits {
  timeMs?: number;
  memoryMb?: number;
}
