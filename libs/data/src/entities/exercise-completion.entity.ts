import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A learner solved an exercise (first passing Submit). Written by the grading pipeline with
 * INSERT ... ON CONFLICT DO NOTHING; the catalog reads it for solved/locked status.
 */
@Entity({ name: 'exercise_completions' })
export class ExerciseCompletion {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @PrimaryColumn({ name: 'exercise_id', type: 'uuid' })
  exerciseId: string;

  @Column({ name: 'submission_id', type: 'uuid', nullable: true })
  submissionId: string | null;

  /** The exercise's tests_hash when it was solved (compare to show "solved against an older version"). */
  @Column({ name: 'tests_hash', type: 'text' })
  testsHash: string;

  @Column({ name: 'course_version', type: 'text' })
  courseVersion: string;

  @Column({ name: 'solved_at', type: 'timestamptz', default: () => 'now()' })
  solvedAt: Date;
}
