import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { InjectConfig, type AppConfig } from '@questline/config';
import type { PackCheckView, PackSummary, PublishedPack } from '@questline/contracts';
import {
  Course,
  FINAL_PACK_CHECK_STATUSES,
  PackChecksRepository,
  packCheckView,
  publishRefusal,
  UserRole,
  type PackCheckRecord,
  type User,
} from '@questline/data';
import { publishCheckGradings } from '@questline/exercise-format';
import { resolveXpRules } from '@questline/gamification';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { isUuid } from '../common/uuid';
import { readUploadedPack } from './pack-archive';
import { PackCheckQueue } from './pack-check-queue';
import type { PackReportEntry } from './pack-report';

/** A publish that finished while the request waited (201), or the check to follow (202). */
export type PublishAnswer = { status: 201; body: PublishedPack } | { status: 202; body: PackCheckView };

/** How often a waiting POST looks at its check. */
const WAIT_POLL_MS = 100;

function refused(report: PackReportEntry[]): DomainError {
  return new DomainError(ErrorCode.PackInvalid, `The pack was refused: ${report.length} problem(s)`, { report });
}

@Injectable()
export class PacksService {
  private readonly logger = new Logger('Packs');
  private readonly checks: PackChecksRepository;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectConfig() private readonly config: AppConfig,
    private readonly queue: PackCheckQueue,
  ) {
    this.checks = new PackChecksRepository(dataSource);
  }

  /**
   * Read and validate (in a worker thread), authorise, then queue the publish check for the workers, which
   * grade and import. Cheap checks come first so most refusals are immediate. The request waits up to
   * PACK_PUBLISH_WAIT_MS for the check: a small pack is answered as before (201, or 422 with the report);
   * a longer check answers 202 with the check, followed at GET /api/packs/checks/:id.
   */
  async publish(user: User, archive: Buffer): Promise<PublishAnswer> {
    const read = await readUploadedPack(archive);
    if ('report' in read) throw refused(read.report);
    const { pack } = read;
    try {
      resolveXpRules(pack.manifest.xp);
    } catch (error) {
      throw refused([{ exercise: null, file: 'pack.yaml', field: 'xp', message: error instanceof Error ? error.message : String(error) }]);
    }
    const refusal = await publishRefusal(this.dataSource.manager, user, pack.manifest);
    if (refusal) throw new DomainError(refusal.code === 'FORBIDDEN' ? ErrorCode.Forbidden : ErrorCode.PackVersionConflict, refusal.message);

    const check = await this.checks.create(user.id, pack, this.config.packCheck.budgetMs, publishCheckGradings(pack));
    if (!check) {
      const pending = await this.checks.pendingOf(user.id);
      throw new DomainError(
        ErrorCode.PackCheckPending,
        `Your pack "${pending?.slug ?? '?'}" ${pending?.version ?? ''} is still being checked; wait for it or cancel it first`,
        { check: pending ? packCheckView(pending) : null },
      );
    }
    try {
      await this.queue.add(check.id);
    } catch (error) {
      await this.checks.abandon(check.id, 'the queue was unavailable');
      this.logger.warn(`pack check ${check.id} not queued: ${error instanceof Error ? error.message : String(error)}`);
      throw new DomainError(ErrorCode.QueueUnavailable, 'The grading queue is unavailable; try again shortly');
    }
    this.logger.log(`${user.email} queued a publish check of ${check.slug} ${check.version} (${check.id})`);
    return this.answer(await this.waitFor(check.id, this.config.packCheck.publishWaitMs));
  }

  /** The check for its owner (or an admin); 404 for anybody else, as if it did not exist. */
  async check(user: User, id: string): Promise<PackCheckView> {
    return packCheckView(await this.ownCheck(user, id));
  }

  /** Cancels a pending check (the worker stops its grading at once); 409 once it has finished. */
  async cancel(user: User, id: string): Promise<PackCheckView> {
    const check = await this.ownCheck(user, id);
    if (!(await this.checks.cancel(check.id))) {
      throw new DomainError(ErrorCode.Conflict, `The check has already finished (${check.status})`);
    }
    return packCheckView(await this.ownCheck(user, id));
  }

  /** The instructor's own packs; an admin sees every pack. */
  async mine(user: User): Promise<PackSummary[]> {
    const courses = await this.dataSource
      .getRepository(Course)
      .find({ where: user.role === UserRole.Admin ? {} : { ownerId: user.id }, order: { slug: 'ASC' } });
    return courses.map((c) => ({ slug: c.slug, title: c.title, version: c.currentVersion }));
  }

  private async ownCheck(user: User, id: string): Promise<PackCheckRecord> {
    if (!isUuid(id)) throw new DomainError(ErrorCode.InvalidInput, 'Check id must be a UUID');
    const check = await this.checks.find(id);
    if (!check || (check.ownerId !== user.id && user.role !== UserRole.Admin)) throw new DomainError(ErrorCode.NotFound, 'No such check');
    return check;
  }

  private async waitFor(id: string, ms: number): Promise<PackCheckRecord> {
    const deadline = Date.now() + ms;
    for (;;) {
      const check = await this.checks.find(id);
      if (!check) throw new DomainError(ErrorCode.NotFound, 'No such check');
      if (FINAL_PACK_CHECK_STATUSES.includes(check.status) || Date.now() >= deadline) return check;
      await new Promise((resolve) => setTimeout(resolve, Math.min(WAIT_POLL_MS, Math.max(0, deadline - Date.now()))));
    }
  }

  /** A finished check as the synchronous answer it replaces; an unfinished one as 202. */
  private answer(check: PackCheckRecord): PublishAnswer {
    if (check.status === 'published' && check.result) return { status: 201, body: check.result };
    if (check.status === 'refused') {
      if (check.code === 'FORBIDDEN') throw new DomainError(ErrorCode.Forbidden, check.message ?? 'Forbidden');
      if (check.code === 'PACK_VERSION_CONFLICT') throw new DomainError(ErrorCode.PackVersionConflict, check.message ?? 'Version conflict');
      throw refused(check.report ?? []);
    }
    if (check.status === 'failed') throw new DomainError(ErrorCode.Unavailable, check.message ?? 'The publish check failed');
    return { status: 202, body: packCheckView(check) };
  }
}
