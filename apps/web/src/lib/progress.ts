// The learner's progress (XP, level, streak, spree, achievements) shared by the header and pages,
// plus the toasts that celebrate a level-up or an unlocked achievement (each shown once).
import { api } from './api';
import { createStore } from './store';
import { toast } from './toasts';
import type { AchievementView, LearnerProgress, SubmissionCompletedEvent } from '@questline/contracts';

export const progress = createStore<LearnerProgress | null>(null);
const celebrated = new Set<string>();

export async function refreshProgress(): Promise<void> {
  try {
    applyProgress(await api.progress());
  } catch {
    // The header simply keeps the last known values.
  }
}

/** Take a full progress snapshot (from GET /api/me/progress or `progress.updated`). */
export function applyProgress(next: LearnerProgress): void {
  const previous = progress.get();
  if (previous && next.level > previous.level) celebrateLevel(next.level, next.levelTitle);
  if (!previous) for (const a of next.achievements ?? []) celebrated.add(a.id);
  else for (const a of next.achievements ?? []) if (!previous.achievements.some((p) => p.id === a.id)) celebrateAchievement(a);
  progress.set(next);
}

/**
 * Merge the short progress of `submission.completed` and celebrate what it unlocked. No fetch: after a Submit
 * the server pushes the full snapshot as `progress.updated`, and a Run changes nothing.
 */
export function applyCompletion(event: SubmissionCompletedEvent): void {
  const previous = progress.get();
  const p = event.progress;
  if (p) {
    if (p.leveledUp || (previous && p.level > previous.level)) celebrateLevel(p.level, p.levelTitle);
    if (previous) {
      // The completion carries the streak counters; whether it is at risk today comes with the next snapshot.
      const streak = { ...previous.streak, ...p.streak };
      const gained = p.xp - previous.xp;
      progress.set({
        ...previous,
        xp: p.xp,
        level: p.level,
        levelTitle: p.levelTitle,
        xpIntoLevel: p.level === previous.level ? previous.xpIntoLevel + gained : previous.xpIntoLevel,
        streak,
      });
    }
  }
  for (const a of event.achievements) celebrateAchievement(a);
}

let shownLevel = 0;
export function celebrateLevel(level: number, title: string): void {
  if (level <= shownLevel) return;
  shownLevel = level;
  toast('level', `Level up! You reached level ${level}`, title, '⬆');
}

export function celebrateAchievement(achievement: AchievementView): void {
  if (celebrated.has(achievement.id)) return;
  celebrated.add(achievement.id);
  toast('achievement', `Achievement unlocked: ${achievement.title}`, achievement.description, achievement.icon || '🏆');
}

export function resetProgress(): void {
  progress.set(null);
  celebrated.clear();
  shownLevel = 0;
}

/** Note the level already reached so only real changes are celebrated. */
progress.subscribe((p) => {
  if (p && p.level > shownLevel && shownLevel === 0) shownLevel = p.level;
});
