import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { PackXpRuleOverrides } from '../catalog/catalog-json';

/** A pack as the catalog knows it. Built-in packs (loaded from `exercises/`) have no owner. */
@Entity({ name: 'courses' })
export class Course {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('UQ_courses_slug', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  slug: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  description: string;

  /** Null for built-in packs: nobody may publish over them through the API. */
  @Column({ name: 'owner_id', type: 'uuid', nullable: true })
  ownerId: string | null;

  /** semver of the version learners currently see. */
  @Column({ name: 'current_version', type: 'text' })
  currentVersion: string;

  /** pack.yaml `xp:` overrides; resolve with resolveXpRules (@questline/gamification). */
  @Column({ name: 'xp_rules', type: 'jsonb', default: () => `'{}'` })
  xpRules: PackXpRuleOverrides;

  /** Hash of everything imported from the pack, so an unchanged pack is not rewritten. */
  @Column({ name: 'content_hash', type: 'text' })
  contentHash: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
