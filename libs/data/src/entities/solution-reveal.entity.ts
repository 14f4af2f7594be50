import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A learner revealed the reference solution; `forfeitedXp` is 0 when they had already solved it. */
@Entity({ name: 'solution_reveals' })
export class SolutionReveal {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @PrimaryColumn({ name: 'exercise_id', type: 'uuid' })
  exerciseId: string;

  @Column({ name: 'forfeited_xp', type: 'int' })
  forfeitedXp: number;

  @Column({ name: 'revealed_at', type: 'timestamptz', default: () => 'now()' })
  revealedAt: Date;
}
