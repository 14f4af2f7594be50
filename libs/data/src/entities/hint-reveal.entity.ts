import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A learner revealed hint `hintIndex` (0-based) of an exercise; `cost` is the XP it will take off. */
@Entity({ name: 'hint_reveals' })
export class HintReveal {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @PrimaryColumn({ name: 'exercise_id', type: 'uuid' })
  exerciseId: string;

  @PrimaryColumn({ name: 'hint_index', type: 'int' })
  hintIndex: number;

  @Column({ type: 'int' })
  cost: number;

  /** Revealed with a hint discount from the shop: it costs half (see hintPenaltyFor). */
  @Column({ type: 'boolean', default: false })
  discounted: boolean;

  @Column({ name: 'revealed_at', type: 'timestamptz', default: () => 'now()' })
  revealedAt: Date;
}
