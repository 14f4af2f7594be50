import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type SubmissionKind = 'run' | 'submit';
export type SubmissionStatus = 'queued' | 'running' | 'completed';

/**
 * One Run or Submit. Written by the api (queued), then by the worker (running → completed).
 * `result` is the sandbox's full, UNMASKED GradeResult: hidden tests are masked when served to the learner,
 * so an exercise that later reveals hidden test names can do so for old submissions too.
 */
@Entity({ name: 'submissions' })
export class Submission {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'exercise_id', type: 'uuid' })
  exerciseId: string;

  @Column({ type: 'varchar', length: 8 })
  kind: SubmissionKind;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'varchar', length: 16, default: 'queued' })
  status: SubmissionStatus;

  /** The sandbox verdict (passed, failed, error, time_limit, memory_limit, sandbox_error) once completed. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  verdict: string | null;

  @Column({ type: 'jsonb', nullable: true })
  result: unknown;

  /** Submit only: what gamification returned (progress, achievements) for replaying the completion. */
  @Column({ type: 'jsonb', nullable: true })
  outcome: unknown;

  /** Submit only: XP this submission earned (0 when none); null for Runs and while pending. */
  @Column({ name: 'xp_awarded', type: 'int', nullable: true })
  xpAwarded: number | null;

  /** The course version and tests hash the submission was accepted against. */
  @Column({ name: 'course_version', type: 'text' })
  courseVersion: string;

  @Column({ name: 'tests_hash', type: 'text' })
  testsHash: string;

  /** Client-chosen key (header Idempotency-Key): UNIQUE(user_id, idempotency_key), NULLs never clash. */
  @Column({ name: 'idempotency_key', type: 'text', nullable: true })
  idempotencyKey: string | null;

  /** How many times a worker started grading it (a redelivery after a crash makes it 2). */
  @Column({ type: 'int', default: 0 })
  attempt: number;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;
}
