// The body of GET /api/me/progress, built from the stored state so the API and the rules agree.

import type { LearnerProgress } from '@questline/contracts';
import { achievementById } from './achievements';
import { localDay, timeZoneOrUtc } from './calendar';
import { levelForXp } from './levels';
import type { LearnerGamificationState } from './outcome';
import { streakAsOf } from './streak';

export interface StoredUnlock {
  achievementId: string;
  unlockedAt: Date;
}

export interface ProgressInput {
  state: LearnerGamificationState;
  unlocks: readonly StoredUnlock[];
  /** The request time. */
  now: Date;
  timeZone: string | null | undefined;
}

export function buildProgress({ state, unlocks, now, timeZone }: ProgressInput): LearnerProgress {
  const level = levelForXp(state.xp);
  const streak = streakAsOf(state.streak, localDay(now, timeZoneOrUtc(timeZone)));
  const achievements = [...unlocks]
    .sort((a, b) => a.unlockedAt.getTime() - b.unlockedAt.getTime())
    .flatMap((unlock) => {
      const achievement = achievementById(unlock.achievementId);
      return achievement ? [{ ...achievement, unlockedAt: unlock.unlockedAt.toISOString() }] : [];
    });
  return {
    xp: state.xp,
    level: level.level,
    levelTitle: level.title,
    xpIntoLevel: level.xpIntoLevel,
    xpForNextLevel: level.xpForNextLevel,
    streak: {
      current: streak.current,
      longest: streak.longest,
      freezes: streak.freezes,
      atRisk: streak.atRisk,
      solvedToday: streak.solvedToday,
    },
    spree: { current: state.spree.current, best: state.spree.best },
    solvedCount: state.solvedCount,
    achievements,
  };
}
