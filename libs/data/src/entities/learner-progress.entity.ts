import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * A learner's gamification state: one row per learner, written only by recordSubmitOutcome while it holds
 * the row lock (SELECT ... FOR UPDATE), so concurrent Submits of one learner are applied one at a time.
 * Totals here are a cache of the rules' state; xp_awards is the source of truth for leaderboards.
 */
@Entity({ name: 'learner_progress' })
export class LearnerProgressRow {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'int', default: 0 })
  xp: number;

  @Column({ name: 'solved_count', type: 'int', default: 0 })
  solvedCount: number;

  @Column({ name: 'first_try_solves', type: 'int', default: 0 })
  firstTrySolves: number;

  @Column({ name: 'hint_free_solves', type: 'int', default: 0 })
  hintFreeSolves: number;

  @Column({ name: 'streak_current', type: 'int', default: 0 })
  streakCurrent: number;

  @Column({ name: 'streak_longest', type: 'int', default: 0 })
  streakLongest: number;

  @Column({ name: 'streak_freezes', type: 'int', default: 0 })
  streakFreezes: number;

  /** The learner's local calendar day of the last counted solve ('YYYY-MM-DD'); null before the first. */
  @Column({ name: 'streak_last_day', type: 'date', nullable: true })
  streakLastDay: string | null;

  @Column({ name: 'spree_current', type: 'int', default: 0 })
  spreeCurrent: number;

  @Column({ name: 'spree_best', type: 'int', default: 0 })
  spreeBest: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
