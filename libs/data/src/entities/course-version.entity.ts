import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One published version of a course: what was imported and by whom (history only; never read to grade). */
@Entity({ name: 'course_versions' })
@Index('UQ_course_versions_course_version', ['courseId', 'version'], { unique: true })
export class CourseVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @Column({ type: 'text' })
  version: string;

  @Column({ name: 'content_hash', type: 'text' })
  contentHash: string;

  /** pack.yaml as loaded, plus per exercise its slug and tests hash. */
  @Column({ type: 'jsonb' })
  manifest: Record<string, unknown>;

  /** Null for built-in packs loaded at boot. */
  @Column({ name: 'published_by', type: 'uuid', nullable: true })
  publishedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
