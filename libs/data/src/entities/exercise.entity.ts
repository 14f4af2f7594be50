import type { SqlSchemaTable, TypecheckOptions } from '@questline/contracts';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { CatalogRequirements, StoredLimits, StoredTestFile } from '../catalog/catalog-json';

/**
 * An exercise. The id is stable across pack versions (matched by course + slug), so completions,
 * submissions and reveals survive upgrades. Hidden tests and the solution never leave the server.
 */
@Entity({ name: 'exercises' })
@Index('UQ_exercises_course_slug', ['courseId', 'slug'], { unique: true })
export class Exercise {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  /** Null only when the chapter was dropped by a later version (then the exercise is removed too). */
  @Column({ name: 'chapter_id', type: 'uuid', nullable: true })
  chapterId: string | null;

  @Column({ type: 'varchar', length: 64 })
  slug: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  /** Order within the whole course (chapter order, then exercise order). */
  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'varchar', length: 16 })
  language: 'javascript' | 'typescript' | 'sql';

  @Column({ type: 'int' })
  difficulty: number;

  @Column({ type: 'int' })
  xp: number;

  @Column({ name: 'file_name', type: 'varchar', length: 128 })
  fileName: string;

  @Column({ type: 'text' })
  instructions: string;

  @Column({ name: 'starter_code', type: 'text' })
  starterCode: string;

  @Column({ name: 'solution_code', type: 'text' })
  solutionCode: string;

  @Column({ name: 'visible_tests', type: 'jsonb' })
  visibleTests: StoredTestFile[];

  @Column({ name: 'hidden_tests', type: 'jsonb' })
  hiddenTests: StoredTestFile[];

  /** schema.sql of an exercise with a database (docs/sql.md); each grading starts from it. */
  @Column({ name: 'database_setup', type: 'text', nullable: true })
  databaseSetup: string | null;

  /** The tables and columns schema.sql creates, parsed at import (learners see them; docs/sql.md). */
  @Column({ name: 'database_schema', type: 'jsonb', nullable: true })
  databaseSchema: SqlSchemaTable[] | null;

  @Column({ type: 'jsonb' })
  hints: string[];

  @Column({ type: 'jsonb', default: () => `'{}'` })
  limits: StoredLimits;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  requires: CatalogRequirements;

  @Column({ name: 'reveal_hidden_test_names', type: 'boolean', default: false })
  revealHiddenTestNames: boolean;

  /** TypeScript type checking: the exercise's (and pack's) switches, `false` to opt out, null for the platform's defaults. */
  @Column({ type: 'jsonb', nullable: true })
  typecheck: TypecheckOptions | false | null;
  /** `refactor`: the starter already passes; the learner improves it without breaking a test. */
  @Column({ type: 'varchar', length: 16, default: 'implement' })
  kind: 'implement' | 'refactor';

  /** Files the exercise provides beside the learner's: graded with it, shown to the learner read-only. */
  @Column({ name: 'support_files', type: 'jsonb', default: () => `'[]'` })
  supportFiles: StoredTestFile[];

  /** Hash of the tests (and what they import); a completion with another hash was against older tests. */
  @Column({ name: 'tests_hash', type: 'text' })
  testsHash: string;

  /** Course version in which tests_hash last changed. */
  @Column({ type: 'text' })
  version: string;

  /** Set when a later version dropped the exercise: hidden from the catalog, history kept. */
  @Column({ name: 'removed_at', type: 'timestamptz', nullable: true })
  removedAt: Date | null;
}
