import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { gradeLimitDefaults, InjectConfig, type AppConfig } from '@questline/config';
import type { PublishedPack } from '@questline/contracts';
import type { PackManifest } from '@questline/exercise-format';
import { compareVersions, Course, importPack, lockCourseSlug, UserRole, type User } from '@questline/data';
import { resolveXpRules } from '@questline/gamification';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { readUploadedPack } from './pack-archive';
import type { PackReportEntry } from './pack-report';
import { verifyPack } from './pack-verify';

export type { PublishedPack };

function refused(report: PackReportEntry[]): DomainError {
  return new DomainError(ErrorCode.PackInvalid, `The pack was refused: ${report.length} problem(s)`, { report });
}

@Injectable()
export class PacksService {
  private readonly logger = new Logger('Packs');
  /** One publish grades at a time per process: grading is CPU-bound and learners come first. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  /**
   * Validate, authorise, grade, then import. Order matters for cost: cheap checks (archive, format,
   * ownership, version) first, the real grader last; ownership and version are checked again under
   * the slug lock because another publish may have landed while we graded.
   */
  async publish(user: User, archive: Buffer): Promise<PublishedPack> {
    const read = await readUploadedPack(archive);
    if ('report' in read) throw refused(read.report);
    const { pack } = read;
    try {
      resolveXpRules(pack.manifest.xp);
    } catch (error) {
      throw refused([{ exercise: null, file: 'pack.yaml', field: 'xp', message: error instanceof Error ? error.message : String(error) }]);
    }
    await this.assertMayPublish(this.dataSource.manager, user, pack.manifest);

    const report = await this.serialised(() => verifyPack(pack, gradeLimitDefaults(this.config)));
    if (report.length > 0) throw refused(report);

    const result = await this.dataSource.transaction(async (manager) => {
      await lockCourseSlug(manager, pack.manifest.slug);
      await this.assertMayPublish(manager, user, pack.manifest);
      return importPack(manager, pack, { ownerId: user.id, publishedBy: user.id });
    });
    this.logger.log(`${user.email} published ${result.slug} ${result.version} (${result.status})`);
    const exerciseCount = pack.chapters.reduce((n, c) => n + c.exercises.length, 0);
    return { slug: result.slug, version: result.version, exerciseCount };
  }

  /** The instructor's own packs; an admin sees every pack. */
  async mine(user: User): Promise<Array<{ slug: string; title: string; version: string }>> {
    const courses = await this.dataSource
      .getRepository(Course)
      .find({ where: user.role === UserRole.Admin ? {} : { ownerId: user.id }, order: { slug: 'ASC' } });
    return courses.map((c) => ({ slug: c.slug, title: c.title, version: c.currentVersion }));
  }

  private async assertMayPublish(manager: EntityManager, user: User, manifest: PackManifest): Promise<void> {
    const course = await manager.getRepository(Course).findOneBy({ slug: manifest.slug });
    if (!course) return;
    if (course.ownerId === null) {
      throw new DomainError(ErrorCode.Forbidden, `"${manifest.slug}" is a built-in pack; choose another slug`);
    }
    if (course.ownerId !== user.id && user.role !== UserRole.Admin) {
      throw new DomainError(ErrorCode.Forbidden, `The pack "${manifest.slug}" belongs to another instructor`);
    }
    const order = compareVersions(manifest.version, course.currentVersion);
    if (order === 0) {
      throw new DomainError(
        ErrorCode.PackVersionConflict,
        `Version ${manifest.version} of "${manifest.slug}" is already published; bump the version`,
      );
    }
    if (order < 0) {
      throw new DomainError(
        ErrorCode.PackVersionConflict,
        `Version ${manifest.version} is lower than the published ${course.currentVersion}; publish a higher version`,
      );
    }
  }

  private serialised<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
