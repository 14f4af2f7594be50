import type { DataSource } from 'typeorm';
import type { GradeLimits, Language, TestFile } from '@questline/sandbox';

/** What grading needs from an exercise row (tests included: server side only). */
export interface GradingExercise {
  id: string;
  language: Language;
  fileName: string;
  visibleTests: TestFile[];
  hiddenTests: TestFile[];
  limits: Partial<GradeLimits>;
  revealHiddenTestNames: boolean;
  testsHash: string;
}

interface ExerciseRow {
  id: string;
  language: Language;
  file_name: string;
  visible_tests: Array<{ fileName: string; code: string }>;
  hidden_tests: Array<{ fileName: string; code: string }>;
  limits: Partial<GradeLimits>;
  reveal_hidden_test_names: boolean;
  tests_hash: string;
}

/**
 * Exercises change only when a pack is published, while every grading needs the tests (tens of KB of
 * jsonb). Entries are keyed by tests hash, so a submission accepted against newer tests never reads
 * older ones from here; the TTL bounds how long a flag such as reveal_hidden_test_names may lag.
 */
export class ExerciseCache {
  private readonly entries = new Map<string, { exercise: GradingExercise; expires: number }>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly ttlMs = 60_000,
    private readonly maxEntries = 500,
  ) {}

  async get(exerciseId: string, testsHash: string): Promise<GradingExercise | null> {
    const key = `${exerciseId}:${testsHash}`;
    const hit = this.entries.get(key);
    if (hit && hit.expires > Date.now()) return hit.exercise;
    const rows: ExerciseRow[] = await this.dataSource.query(
      `SELECT id, language, file_name, visible_tests, hidden_tests, limits, reveal_hidden_test_names, tests_hash
         FROM exercises WHERE id = $1`,
      [exerciseId],
    );
    if (rows.length === 0) return null;
    const row = rows[0];
    const exercise: GradingExercise = {
      id: row.id,
      language: row.language,
      fileName: row.file_name,
      visibleTests: row.visible_tests.map((t) => ({ fileName: t.fileName, code: t.code, hidden: false })),
      hiddenTests: row.hidden_tests.map((t) => ({ fileName: t.fileName, code: t.code, hidden: true })),
      limits: row.limits,
      revealHiddenTestNames: row.reveal_hidden_test_names,
      testsHash: row.tests_hash,
    };
    // Tests changed since the submission was accepted: grade against the current ones, but don't cache
    // them under the old hash.
    if (row.tests_hash === testsHash) {
      if (this.entries.size >= this.maxEntries) this.entries.clear();
      this.entries.set(key, { exercise, expires: Date.now() + this.ttlMs });
    }
    return exercise;
  }
}
