import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { CatalogRequirements } from '../catalog/catalog-json';

/** A chapter of the course's current version. Chapters dropped by a new version are deleted. */
@Entity({ name: 'chapters' })
@Index('UQ_chapters_course_slug', ['courseId', 'slug'], { unique: true })
export class Chapter {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @Column({ type: 'varchar', length: 64 })
  slug: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  requires: CatalogRequirements;
}
