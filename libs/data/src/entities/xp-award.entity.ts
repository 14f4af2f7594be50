import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The XP one learner earned for one exercise: at most one row per (learner, exercise), enforced by a unique
 * index, so XP is counted once however many passing Submits race. Leaderboards are SUM(xp) over these rows.
 * A solve with the reference solution revealed (forfeited) is stored with xp 0.
 */
@Entity({ name: 'xp_awards' })
@Index('UQ_xp_awards_user_exercise', ['userId', 'exerciseId'], { unique: true })
export class XpAward {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'exercise_id', type: 'uuid' })
  exerciseId: string;

  /** Copied from the exercise so per-course boards need no join. */
  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  /** The Submit that earned it (no foreign key: submissions belong to the pipeline). */
  @Column({ name: 'submission_id', type: 'uuid', nullable: true })
  submissionId: string | null;

  @Column({ type: 'int' })
  xp: number;

  @Column({ name: 'base_xp', type: 'int' })
  baseXp: number;

  @Column({ name: 'bonus_xp', type: 'int' })
  bonusXp: number;

  @Column({ name: 'hint_penalty', type: 'int' })
  hintPenalty: number;

  @Column({ type: 'boolean' })
  forfeited: boolean;

  @Column({ name: 'awarded_at', type: 'timestamptz' })
  awardedAt: Date;
}
