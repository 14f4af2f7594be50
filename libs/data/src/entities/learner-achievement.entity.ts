import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An achievement a learner unlocked: the primary key makes each unlock happen once. */
@Entity({ name: 'learner_achievements' })
export class LearnerAchievement {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  /** A stable id from the catalogue in @questline/gamification (never renamed or reused). */
  @PrimaryColumn({ name: 'achievement_id', type: 'varchar', length: 64 })
  achievementId: string;

  @Column({ name: 'unlocked_at', type: 'timestamptz' })
  unlockedAt: Date;

  /** The Submit that unlocked it. */
  @Column({ name: 'submission_id', type: 'uuid', nullable: true })
  submissionId: string | null;
}
