import type { DataSource } from 'typeorm';
import { GradingExerciseRepository, type GradingExercise } from '@questline/data';

export type { GradingExercise } from '@questline/data';

/**
 * Exercises change only when a pack is published, while every grading needs the tests (tens of KB of
 * jsonb). Entries are keyed by tests hash, so a submission accepted against newer tests never reads
 * older ones from here; the TTL bounds how long a flag such as reveal_hidden_test_names may lag.
 */
export class ExerciseCache {
  private readonly entries = new Map<string, { exercise: GradingExercise; expires: number }>();
  private readonly exercises: GradingExerciseRepository;

  constructor(
    dataSource: DataSource,
    private readonly ttlMs = 60_000,
    private readonly maxEntries = 500,
  ) {
    this.exercises = new GradingExerciseRepository(dataSource);
  }

  async get(exerciseId: string, testsHash: string): Promise<GradingExercise | null> {
    const key = `${exerciseId}:${testsHash}`;
    const hit = this.entries.get(key);
    if (hit && hit.expires > Date.now()) return hit.exercise;
    const exercise = await this.exercises.find(exerciseId);
    if (!exercise) return null;
    // Tests changed since the submission was accepted: grade against the current ones, but don't cache
    // them under the old hash.
    if (exercise.testsHash === testsHash) {
      if (this.entries.size >= this.maxEntries) this.entries.clear();
      this.entries.set(key, { exercise, expires: Date.now() + this.ttlMs });
    }
    return exercise;
  }
}
